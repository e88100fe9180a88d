import { foldedRegExp } from "../../util/folded-regexp.js";
import { memoByText } from "../../util/text-memo.js";
import { formSource } from "../../linguistics/vocabulary.js";
import { wordSpans, type WordSpan } from "../../util/word-scan.js";

/**
 * Regex helpers for the threat rule files. `regex` entries are fragments written with plain
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

/** Inside a word between letters or digits: hyphens and apostrophes ("e-mail", "cpr-nr"). */
const JOINERS = "-'’";

/**
 * The words of `text` (letters and digits, inner hyphens kept), with their offsets: the matches
 * of `[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*`, scanned without a regex (util/word-scan.ts).
 */
export function wordsIn(text: string): Match[] {
  const words: Match[] = [];
  for (const { start, end } of wordSpans(text, JOINERS))
    words.push({ start, end, text: text.slice(start, end) });
  return words;
}

/**
 * Whether the lower case of the whole text gives every word's lower case at the same offsets:
 * not when a character changes length ("İ") or case depends on the next word (Greek final
 * sigma, "Σ"), the only two such mappings in JavaScript's toLowerCase.
 */
function lowersInPlace(text: string, lower: string): boolean {
  return lower.length === text.length && !text.includes("\u03a3");
}

interface LowerWords {
  spans: WordSpan[];
  /** Each span's lower case. */
  lower: string[];
}

/**
 * A text's words and their lower case, per text: several finders read every sentence (the
 * requirement rule alone three times), so a fresh analysis splits and lower-cases each once.
 * Undefined when the whole text's lower case moves offsets (lowersInPlace).
 */
const lowerWordsOf = memoByText((text: string): LowerWords | undefined => {
  const lowerText = text.toLowerCase();
  if (!lowersInPlace(text, lowerText)) return undefined;
  const spans = wordSpans(text, JOINERS);
  const lower: string[] = [];
  for (const span of spans) lower.push(lowerText.slice(span.start, span.end));
  return { spans, lower };
});

/** Code units below U+0250 only, none of them white space. */
const LATIN = /^[^\s\u0250-\uffff]+$/u;

/** The smallest first part of a compound ("rådighed|s|sanktion") and the smallest head. */
const MIN_MODIFIER = 3;
const MIN_HEAD = 4;

/**
 * Finds the forms of a rule file's `words` entries (matchers.json `forms`, lower-case) in a text:
 * a one-word form as a whole word, a form with spaces ("tusind tak") as those words in a row,
 * and with `compounds` also a word whose last part is a form ("praktikforløb", "mødepligt").
 */
export class FormFinder {
  private readonly single = new Set<string>();
  private readonly multi = new Map<string, string[][]>();
  /**
   * Every one-word form and every first word, as one case-insensitive pattern of literals: a
   * text where it finds none holds no form (a word whose lower case is a form, or ends with one,
   * is where the pattern matches). Most sentences hold none of a rule's forms, and are then not
   * split into words at all. Only for Latin forms: every character whose lower case is a Latin
   * letter folds to it in the pattern ("K", "Å" signs included; "İ" lower-cases to two).
   */
  private readonly gate: RegExp | undefined;

  constructor(
    forms: Iterable<string>,
    private readonly compounds = false
  ) {
    for (const form of forms) {
      const words = form.toLowerCase().split(/\s+/u);
      if (words.length === 1) this.single.add(words[0]!);
      else {
        const list = this.multi.get(words[0]!) ?? [];
        list.push(words);
        this.multi.set(words[0]!, list);
      }
    }
    for (const list of this.multi.values()) list.sort((a, b) => b.length - a.length);
    const words = [...this.single, ...this.multi.keys()];
    if (words.length > 0 && words.every((word) => LATIN.test(word)))
      this.gate = new RegExp(
        words
          .sort((a, b) => b.length - a.length)
          .map(formSource)
          .join("|"),
        "iu"
      );
  }

  /**
   * Every occurrence, left to right, never overlapping. The words are read lower-cased once
   * per text (lowerWordsOf); a Match is built only for a hit.
   */
  find(text: string): Match[] {
    if (this.gate !== undefined && !this.gate.test(text)) return [];
    const words = lowerWordsOf(text);
    if (words === undefined) return this.findWordByWord(text);
    const { spans, lower } = words;
    const found: Match[] = [];
    for (let index = 0; index < spans.length; index++) {
      const span = spans[index]!;
      const word = lower[index]!;
      const sequence = this.multi
        .get(word)
        ?.find((candidate) => candidate.every((part, offset) => lower[index + offset] === part));
      if (sequence) {
        const last = spans[index + sequence.length - 1]!;
        found.push({ start: span.start, end: last.end, text: text.slice(span.start, last.end) });
        index += sequence.length - 1;
      } else if (this.single.has(word) || (this.compounds && this.isCompound(word))) {
        found.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end) });
      }
    }
    return found;
  }

  /** `find` lower-casing word by word, for a text whose whole lower case moves offsets. */
  private findWordByWord(text: string): Match[] {
    const words = wordsIn(text);
    const found: Match[] = [];
    for (let index = 0; index < words.length; index++) {
      const word = words[index]!;
      const lower = word.text.toLowerCase();
      const sequence = this.multi
        .get(lower)
        ?.find((candidate) =>
          candidate.every((part, offset) => words[index + offset]?.text.toLowerCase() === part)
        );
      if (sequence) {
        const last = words[index + sequence.length - 1]!;
        found.push({ start: word.start, end: last.end, text: text.slice(word.start, last.end) });
        index += sequence.length - 1;
      } else if (this.single.has(lower) || (this.compounds && this.isCompound(lower))) {
        found.push(word);
      }
    }
    return found;
  }

  test(text: string): boolean {
    return this.find(text).length > 0;
  }

  /** One set lookup per possible head: the word's tails of at least MIN_HEAD letters. */
  private isCompound(lower: string): boolean {
    for (let start = MIN_MODIFIER; lower.length - start >= MIN_HEAD; start++)
      if (this.single.has(lower.slice(start))) return true;
    return false;
  }
}
