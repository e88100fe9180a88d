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
  let spaceStart = -1;
  let spaceEnd = -1;
  // Most characters of a Danish letter are below U+0300, where nothing is a combining mark and
  // every character is its own NFC form: those are copied as they are, without a regex. Anything
  // else goes through the cluster regex, a base character with its marks as one unit.
  const cluster = /\s+|[^\s\p{M}]\p{M}*|\p{M}+/uy;
  // Characters are appended in runs: one string concatenation per run, not per character.
  let runStart = 0;
  let runEnd = 0;
  const flush = () => {
    if (runEnd > runStart) text += source.slice(runStart, runEnd);
  };
  let i = 0;
  const length = source.length;
  while (i < length) {
    const code = source.charCodeAt(i);
    const next = i + 1 < length ? source.charCodeAt(i + 1) : 0;
    if (code < 0x300 && next < 0x300 && !isSpace(code)) {
      if (spaceStart >= 0) {
        flush();
        text += " ";
        starts.push(spaceStart);
        ends.push(spaceEnd);
        spaceStart = -1;
        runStart = runEnd = i;
      } else if (runEnd !== i) {
        flush();
        runStart = runEnd = i;
      }
      starts.push(i);
      ends.push(i + 1);
      runEnd = i + 1;
      i++;
      continue;
    }
    cluster.lastIndex = i;
    const match = cluster.exec(source)!;
    const start = i;
    const end = start + match[0].length;
    i = end;
    if (isSpace(code) || /^\s/u.test(match[0])) {
      if (starts.length > 0 || runEnd > runStart) {
        spaceStart = start;
        spaceEnd = end;
      }
      continue;
    }
    flush();
    runStart = runEnd = end;
    if (spaceStart >= 0) {
      text += " ";
      starts.push(spaceStart);
      ends.push(spaceEnd);
      spaceStart = -1;
    }
    const composed = match[0].normalize("NFC");
    for (let k = 0; k < composed.length; k++) {
      starts.push(start);
      ends.push(end);
    }
    text += composed;
  }
  flush();
  return { text, starts, ends };
}

/** White space below U+0300 as `\s` reads it. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

/** The source range of normalised characters [from, to). */
export function sourceRange(
  mapped: MappedText,
  from: number,
  to: number
): { start: number; end: number } {
  return { start: mapped.starts[from] ?? 0, end: mapped.ends[to - 1] ?? mapped.starts[from] ?? 0 };
}
