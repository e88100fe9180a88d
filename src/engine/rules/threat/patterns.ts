import { foldedRegExp } from "../../util/folded-regexp.js";

/**
 * Regex helpers for the threat lexicons. Lexicon entries are regex fragments written with plain
 * spaces; a space matches any run of white space (a sentence may wrap across lines). JavaScript's
 * `\b` does not know æ, ø and å, so word edges are Unicode-aware look-arounds instead.
 */

const WORD_START = "(?<![\\p{L}\\p{N}])";
const WORD_END = "(?![\\p{L}\\p{N}])";

export interface Match {
  start: number;
  end: number;
  text: string;
}

/** A lexicon fragment as regex source: spaces become `\s+`. */
export function fragmentSource(fragment: string): string {
  return fragment.replace(/ /gu, "\\s+");
}

/** One global regex matching any of the fragments as whole words (for `matchesOf`). */
export function wordsRegex(fragments: readonly string[], caseSensitive = false): RegExp {
  return foldedRegExp(wordsSource(fragments), caseSensitive ? "gu" : "giu");
}

/** One non-global regex for `.test()`: does any fragment occur as whole words? */
export function wordsTester(fragments: readonly string[]): RegExp {
  return foldedRegExp(wordsSource(fragments), "iu");
}

function wordsSource(fragments: readonly string[]): string {
  return `${WORD_START}(?:${fragments.map(fragmentSource).join("|")})${WORD_END}`;
}

/** All non-overlapping matches of a global regex, with offsets relative to `text`. */
export function matchesOf(regex: RegExp, text: string): Match[] {
  const found: Match[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    if (match[0] === "") {
      regex.lastIndex++;
      continue;
    }
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return found;
}

export function overlaps(
  a: { start: number; end: number },
  b: { start: number; end: number }
): boolean {
  return a.start < b.end && b.start < a.end;
}

export function inside(
  inner: { start: number; end: number },
  outer: { start: number; end: number }
): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Upper-case `text`'s first character when it is a lower-case letter ("3 dage" stays). */
export function capitalise(text: string): string {
  const index = text.search(/\S/u);
  if (index < 0 || !/\p{Ll}/u.test(text.charAt(index))) return text;
  return text.slice(0, index) + text.charAt(index).toUpperCase() + text.slice(index + 1);
}
