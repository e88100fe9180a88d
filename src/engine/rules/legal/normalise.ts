import { memoByText } from "../../util/text-memo.js";
import { isSpaceCodeUnit } from "../../util/word-scan.js";

/**
 * Legal text normalisation: Unicode NFC, white space collapsed to single spaces, trimmed. Hashes
 * (computed outside the engine) and text comparisons (inside it) both use this one function, so
 * a re-wrapped line or a decomposed "å" never counts as a change of wording.
 */
export const normaliseLegalText: (text: string) => string = memoByText(
  // Block and sentence texts come back unchanged on every re-analysis while the caseworker
  // types; a whole long letter is not kept.
  (text) => text.normalize("NFC").replace(/\s+/gu, " ").trim(),
  2000,
  20_000
);

/** Normalised text plus a map from each of its characters back to the source. */
export interface MappedText {
  text: string;
  /** Source offset where `text[i]` starts. */
  starts: ArrayLike<number>;
  /** Source offset where `text[i]` ends. */
  ends: ArrayLike<number>;
}

/**
 * Normalise like `normaliseLegalText` and keep a map back to source offsets, so a match found
 * in the normalised text can be reported at its place in the letter.
 */
export function normaliseWithOffsets(source: string): MappedText {
  if (isNormalLatin(source)) return identity(source);
  const length = source.length;
  // Normalising never makes the text longer than the source, except NFC composing a cluster into
  // more code units than it had (rare: then the arrays grow). Typed arrays filled by index cost a
  // fraction of growing arrays by push on a long letter.
  let starts = new Int32Array(length);
  let ends = new Int32Array(length);
  let count = 0;
  const put = (start: number, end: number) => {
    if (count === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
    }
    starts[count] = start;
    ends[count] = end;
    count++;
  };
  // Most characters of a Danish letter are below U+0300, where nothing is a combining mark and
  // every character is its own NFC form: those are copied as they are, without a regex. Anything
  // else goes through the cluster regex, a base character with its marks as one unit.
  const cluster = /\s+|[^\s\p{M}]\p{M}*|\p{M}+/uy;
  // The text is built from runs of the source: one slice per run, not one string per character.
  const parts: string[] = [];
  let runStart = 0;
  let runEnd = 0;
  let spaceStart = -1;
  let spaceEnd = -1;
  let i = 0;
  while (i < length) {
    const code = source.charCodeAt(i);
    const next = i + 1 < length ? source.charCodeAt(i + 1) : 0;
    if (code < 0x300 && next < 0x300 && !isSpace(code)) {
      if (spaceStart >= 0) {
        if (runEnd > runStart) parts.push(source.slice(runStart, runEnd));
        parts.push(" ");
        put(spaceStart, spaceEnd);
        spaceStart = -1;
        runStart = runEnd = i;
      } else if (runEnd !== i) {
        if (runEnd > runStart) parts.push(source.slice(runStart, runEnd));
        runStart = runEnd = i;
      }
      put(i, i + 1);
      runEnd = i + 1;
      i++;
      continue;
    }
    if (isSpaceCodeUnit(code)) {
      // A run of white space, as `\s+` reads it (every white space character is one code unit):
      // one space before the next character, none at the ends. Scanned, not matched: the
      // cluster pattern is compiled again after every idle pause.
      let end = i + 1;
      while (end < length && isSpaceCodeUnit(source.charCodeAt(end))) end++;
      if (count > 0 || runEnd > runStart) {
        spaceStart = i;
        spaceEnd = end;
      }
      i = end;
      continue;
    }
    cluster.lastIndex = i;
    const match = cluster.exec(source)!;
    const start = i;
    const end = start + match[0].length;
    i = end;
    if (isSpace(code) || /^\s/u.test(match[0])) {
      if (count > 0 || runEnd > runStart) {
        spaceStart = start;
        spaceEnd = end;
      }
      continue;
    }
    if (runEnd > runStart) parts.push(source.slice(runStart, runEnd));
    runStart = runEnd = end;
    if (spaceStart >= 0) {
      parts.push(" ");
      put(spaceStart, spaceEnd);
      spaceStart = -1;
    }
    const composed = match[0].normalize("NFC");
    for (let k = 0; k < composed.length; k++) put(start, end);
    parts.push(composed);
  }
  if (runEnd > runStart) parts.push(source.slice(runStart, runEnd));
  return { text: parts.join(""), starts: starts.subarray(0, count), ends: ends.subarray(0, count) };
}

/**
 * Whether `source` is already normalised and needs no cluster reading: every character below
 * U+0300 (its own NFC form, no combining mark), white space only as single spaces between other
 * characters. Most paragraphs of a letter are; their map is the identity, filled in one loop.
 */
function isNormalLatin(source: string): boolean {
  const length = source.length;
  if (length === 0) return false;
  let previousSpace = true;
  for (let i = 0; i < length; i++) {
    const code = source.charCodeAt(i);
    if (code >= 0x300) return false;
    if (isSpace(code)) {
      if (code !== 32 || previousSpace) return false;
      previousSpace = true;
    } else previousSpace = false;
  }
  return !previousSpace;
}

function identity(source: string): MappedText {
  const length = source.length;
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { text: source, starts, ends };
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2 + 16);
  bigger.set(array);
  return bigger;
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
