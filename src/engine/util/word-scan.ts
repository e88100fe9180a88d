/**
 * Word scanning without regular expressions, for scans that run on every sentence of every letter.
 * `[\p{L}\p{N}]+` patterns are costly for V8 to compile and are compiled again after every idle
 * pause (V8 drops regexp code it has not run for a while); a lookup table for Latin characters
 * does the same work and has nothing to recompile.
 */

const LATIN_END = 0x250;

/**
 * A test of one character class (a one-character pattern with the `u` flag) on a code point: a
 * lookup table below U+0250, filled once; beyond it, the pattern itself (anything but Latin text
 * is rare in a Danish letter).
 */
function codePointClass(pattern: RegExp): (codePoint: number) => boolean {
  const latin = new Uint8Array(LATIN_END);
  for (let code = 0; code < LATIN_END; code++) {
    if (pattern.test(String.fromCharCode(code))) latin[code] = 1;
  }
  return (codePoint) =>
    codePoint < LATIN_END ? latin[codePoint] === 1 : pattern.test(String.fromCodePoint(codePoint));
}

/** Whether a code point is a letter or a digit, as `[\p{L}\p{N}]` with the `u` flag reads it. */
export const isWordCodePoint = codePointClass(/^[\p{L}\p{N}]$/u);

/** Whether a code point is a letter, as `\p{L}` with the `u` flag reads it. */
export const isLetterCodePoint = codePointClass(/^\p{L}$/u);

/** Whether a code point is a small letter, as `\p{Ll}` with the `u` flag reads it. */
export const isSmallLetterCodePoint = codePointClass(/^\p{Ll}$/u);

/** What goes on in a word once it has started, as `[\p{L}\p{N}\p{M}'’-]` with the `u` flag reads it. */
export const isWordTailCodePoint = codePointClass(/^[\p{L}\p{N}\p{M}'’-]$/u);

/** White space as `\s` reads it. */
export function isSpaceCodeUnit(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export interface WordSpan {
  start: number;
  end: number;
}

/** The end of the run of code points from `at` that pass `test`. */
export function runEnd(text: string, at: number, test: (codePoint: number) => boolean): number {
  let i = at;
  while (i < text.length) {
    const codePoint = text.codePointAt(i)!;
    if (!test(codePoint)) break;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return i;
}

/** The end of the word starting at `start`: `[\p{L}\p{N}]+(?:[J][\p{L}\p{N}]+)*`, J in `joiners`. */
export function wordEnd(text: string, start: number, joiners: string): number {
  const length = text.length;
  let i = start;
  for (;;) {
    i = runEnd(text, i, isWordCodePoint);
    // A joiner continues the word only when a letter or digit follows it.
    if (i + 1 < length && joiners.includes(text[i]!) && isWordCodePoint(text.codePointAt(i + 1)!))
      i++;
    else return i;
  }
}

/**
 * Every word of `text`, left to right: from each letter or digit outside a word to where `endAt`
 * says that word ends (`wordEnd`, or another word shape).
 */
export function eachWord(
  text: string,
  endAt: (text: string, start: number) => number,
  visit: (start: number, end: number) => void
): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const codePoint = text.codePointAt(i)!;
    if (!isWordCodePoint(codePoint)) {
      i += codePoint > 0xffff ? 2 : 1;
      continue;
    }
    const end = endAt(text, i);
    visit(i, end);
    i = end;
  }
}

/** Every match of `[\p{L}\p{N}]+(?:[J][\p{L}\p{N}]+)*` (flags `gu`) in `text`, J one of `joiners`. */
export function wordSpans(text: string, joiners: string): WordSpan[] {
  const spans: WordSpan[] = [];
  eachWord(
    text,
    (from, start) => wordEnd(from, start, joiners),
    (start, end) => spans.push({ start, end })
  );
  return spans;
}

/**
 * `text.slice(start, end).normalize("NFC")`. Below U+0300 there is no combining mark and no pair
 * that composes, so a slice of such characters is its own NFC form and is not normalised: most
 * words of a Danish letter, and normalising each was about 40 ns a word.
 */
export function nfcSlice(text: string, start: number, end: number): string {
  const value = text.slice(start, end);
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) >= NFC_STABLE_END) return value.normalize("NFC");
  }
  return value;
}
const NFC_STABLE_END = 0x300;

/** Whether `text` holds a letter, as `/\p{L}/u.test(text)` says, without that regex on Latin text. */
export function hasLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= LATIN_END) return (wideLetter ??= /\p{L}/u).test(text);
    if (isLetterCodePoint(code)) return true;
  }
  return false;
}
let wideLetter: RegExp | undefined;
