/**
 * Word scanning without regular expressions, for scans that run on every sentence of every letter.
 * `[\p{L}\p{N}]+` patterns are costly for V8 to compile and are compiled again after every idle
 * pause (V8 drops regexp code it has not run for a while); a lookup table for Latin characters
 * does the same work and has nothing to recompile.
 */

/** Letters and digits (`[\p{L}\p{N}]`) below U+0250, by code unit. */
const LATIN_END = 0x250;
const LATIN_WORD = new Uint8Array(LATIN_END);
for (let code = 0; code < LATIN_END; code++) {
  if (/[\p{L}\p{N}]/u.test(String.fromCharCode(code))) LATIN_WORD[code] = 1;
}
/** For anything beyond Latin: compiled only when such text comes. */
let wideWord: RegExp | undefined;

/** Whether a code point is a letter or a digit, as `[\p{L}\p{N}]` with the `u` flag reads it. */
export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < LATIN_END) return LATIN_WORD[codePoint] === 1;
  return (wideWord ??= /^[\p{L}\p{N}]$/u).test(String.fromCodePoint(codePoint));
}

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

/** The end of the word starting at `start`: `[\p{L}\p{N}]+(?:[J][\p{L}\p{N}]+)*`, J in `joiners`. */
export function wordEnd(text: string, start: number, joiners: string): number {
  let i = start;
  const length = text.length;
  for (;;) {
    while (i < length) {
      const codePoint = text.codePointAt(i)!;
      if (!isWordCodePoint(codePoint)) break;
      i += codePoint > 0xffff ? 2 : 1;
    }
    // A joiner continues the word only when a letter or digit follows it.
    if (i + 1 < length && joiners.includes(text[i]!) && isWordCodePoint(text.codePointAt(i + 1)!))
      i++;
    else return i;
  }
}

/** Every match of `[\p{L}\p{N}]+(?:[J][\p{L}\p{N}]+)*` (flags `gu`) in `text`, J one of `joiners`. */
export function wordSpans(text: string, joiners: string): WordSpan[] {
  const spans: WordSpan[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    const codePoint = text.codePointAt(i)!;
    if (!isWordCodePoint(codePoint)) {
      i += codePoint > 0xffff ? 2 : 1;
      continue;
    }
    const end = wordEnd(text, i, joiners);
    spans.push({ start: i, end });
    i = end;
  }
  return spans;
}

/** Letters (`\p{L}`) below U+0250, by code unit. */
const LATIN_LETTER = new Uint8Array(LATIN_END);
for (let code = 0; code < LATIN_END; code++) {
  if (/\p{L}/u.test(String.fromCharCode(code))) LATIN_LETTER[code] = 1;
}
let wideLetter: RegExp | undefined;

/** Whether a code point is a letter, as `\p{L}` with the `u` flag reads it. */
export function isLetterCodePoint(codePoint: number): boolean {
  if (codePoint < LATIN_END) return LATIN_LETTER[codePoint] === 1;
  return (wideLetter ??= /\p{L}/u).test(String.fromCodePoint(codePoint));
}

/** Small letters (`\p{Ll}`) below U+0250, by code unit. */
const LATIN_SMALL = new Uint8Array(LATIN_END);
for (let code = 0; code < LATIN_END; code++) {
  if (/\p{Ll}/u.test(String.fromCharCode(code))) LATIN_SMALL[code] = 1;
}
let wideSmall: RegExp | undefined;

/** Whether a code point is a small letter, as `\p{Ll}` with the `u` flag reads it. */
export function isSmallLetterCodePoint(codePoint: number): boolean {
  if (codePoint < LATIN_END) return LATIN_SMALL[codePoint] === 1;
  return (wideSmall ??= /\p{Ll}/u).test(String.fromCodePoint(codePoint));
}

/** Whether `text` holds a letter, as `/\p{L}/u.test(text)` says, without that regex on Latin text. */
export function hasLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < LATIN_END) {
      if (LATIN_LETTER[code] === 1) return true;
    } else return (wideLetter ??= /\p{L}/u).test(text);
  }
  return false;
}
