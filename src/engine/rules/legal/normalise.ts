/**
 * Legal text normalisation: Unicode NFC, white space collapsed to single spaces, trimmed. Hashes
 * (computed outside the engine) and text comparisons (inside it) both use this one function, so
 * a re-wrapped line or a decomposed "å" never counts as a change of wording.
 */
export function normaliseLegalText(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** Normalised text plus a map from each of its characters back to the source. */
export interface MappedText {
  text: string;
  /** Source offset where `text[i]` starts. */
  starts: number[];
  /** Source offset where `text[i]` ends. */
  ends: number[];
}

/**
 * Normalise like `normaliseLegalText` and keep a map back to source offsets, so a match found
 * in the normalised text can be reported at its place in the letter.
 */
export function normaliseWithOffsets(source: string): MappedText {
  let text = "";
  const starts: number[] = [];
  const ends: number[] = [];
  let space: [number, number] | undefined;
  // A base character with its combining marks is normalised as one unit.
  const cluster = /\s+|[^\s\p{M}]\p{M}*|\p{M}+/gu;
  for (const match of source.matchAll(cluster)) {
    const start = match.index;
    const end = start + match[0].length;
    if (/^\s/u.test(match[0])) {
      if (text.length > 0) space = [start, end];
      continue;
    }
    if (space) {
      text += " ";
      starts.push(space[0]);
      ends.push(space[1]);
      space = undefined;
    }
    const composed = match[0].normalize("NFC");
    for (let i = 0; i < composed.length; i++) {
      starts.push(start);
      ends.push(end);
    }
    text += composed;
  }
  return { text, starts, ends };
}

/** The source range of normalised characters [from, to). */
export function sourceRange(
  mapped: MappedText,
  from: number,
  to: number
): { start: number; end: number } {
  return { start: mapped.starts[from] ?? 0, end: mapped.ends[to - 1] ?? mapped.starts[from] ?? 0 };
}
