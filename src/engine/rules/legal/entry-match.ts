import type { Matcher } from "../matchers.js";

/**
 * The legal rules' detection entries (matchers: in src/engine/rules/da/legal/*.yml) as tests on
 * text: a `words` entry matches any of its forms (every inflection, from the dictionary) as a whole
 * word, a compound with one of them as its head ("aktivloven", "Planklagenævnet"), or a word group
 * written with spaces ("fortæl os") word for word; a `regex` entry matches case-insensitively.
 */
export interface TextTest {
  test(text: string): boolean;
}

/** The shortest head a compound can have, and the shortest part before it ("rådighed|s|sanktion"). */
const MIN_HEAD = 4;
const MIN_MODIFIER = 3;

/** A word that is one of `forms` or a compound with one of them as its head. */
export function headMatcher(forms: readonly string[]): (word: string) => boolean {
  const exact = new Set(forms);
  const heads = forms.filter((form) => form.length >= MIN_HEAD && !form.includes(" "));
  return (word) =>
    exact.has(word) ||
    heads.some((head) => word.length - head.length >= MIN_MODIFIER && word.endsWith(head));
}

/** Lower-case words of a text, as the entries' forms are written. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

let lastText = "";
let lastWords: string[] = [];
/** Several entries read the same block in a row: split it once. */
function cachedWords(text: string): string[] {
  if (text !== lastText) {
    lastText = text;
    lastWords = wordsOf(text);
  }
  return lastWords;
}

export function entryTest(entry: Matcher): TextTest {
  if (entry.regex !== undefined) return new RegExp(entry.regex, "iu");
  const forms = entry.forms ?? [];
  const single = headMatcher(forms.filter((form) => !form.includes(" ")));
  const groups = forms.filter((form) => form.includes(" ")).map((form) => form.split(/\s+/u));
  return {
    test(text) {
      const words = cachedWords(text);
      return words.some(
        (word, at) =>
          single(word) ||
          groups.some((group) => group.every((part, offset) => words[at + offset] === part))
      );
    },
  };
}

/** Whether any of `tests` matches the text. */
export function anyMatches(tests: readonly TextTest[], text: string): boolean {
  return tests.some((test) => test.test(text));
}
