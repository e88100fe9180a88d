import type { Letter } from "../../letter/model.js";
import { maxOf } from "../../util/arrays.js";
import { readingsOf } from "./block-reading.js";
import type { Matcher } from "../matchers.js";
import { blocksApart } from "./letter-text.js";

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
  const heads = new Set(forms.filter((form) => form.length >= MIN_HEAD && !form.includes(" ")));
  const longest = maxOf([...heads].map((head) => head.length)) ?? 0;
  const endings = new Set([...heads].map((head) => lastThree(head, head.length)));
  // Each possible head of the word (its endings) looked up, not each head tried on the word: a
  // word has a few endings long enough, an entry can have dozens of heads.
  return (word) => {
    if (exact.has(word)) return true;
    const most = Math.min(longest, word.length - MIN_MODIFIER);
    // A head ends the word, so the word ends as some head does: most words end otherwise, and
    // are turned down without cutting out and looking up each of their endings.
    if (most < MIN_HEAD || !endings.has(lastThree(word, word.length))) return false;
    for (let length = MIN_HEAD; length <= most; length++) {
      if (heads.has(word.slice(word.length - length))) return true;
    }
    return false;
  };
}

/** A word's last three UTF-16 code units as one number (48 bits: exact), a string never made. */
function lastThree(word: string, length: number): number {
  return (
    word.charCodeAt(length - 3) * 0x100000000 +
    word.charCodeAt(length - 2) * 0x10000 +
    word.charCodeAt(length - 1)
  );
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

/** A `words` entry's test: it reads words, so a letter can be read block by block. */
interface WordTest extends TextTest {
  /** Whether a form stands in `words` (a word group within them). */
  inWords(words: readonly string[]): boolean;
  /**
   * Whether a word group starts at one of `before[from..]` and runs on into `after` (the words
   * of the blocks before and of the next block).
   */
  across(before: readonly string[], from: number, after: readonly string[]): boolean;
  /** Words of the longest word group (1 without groups). */
  longest: number;
}

export function entryTest(entry: Matcher): TextTest {
  if (entry.regex !== undefined) return new RegExp(entry.regex, "iu");
  const forms = entry.forms ?? [];
  const single = headMatcher(forms.filter((form) => !form.includes(" ")));
  const groups = forms.filter((form) => form.includes(" ")).map((form) => form.split(/\s+/u));
  const groupAt = (words: readonly string[], at: number) => {
    for (const group of groups) if (groupStandsAt(words, at, group)) return true;
    return false;
  };
  const test: WordTest = {
    test(text) {
      return test.inWords(cachedWords(text));
    },
    // Loops, not some() with a closure per word: every block's words go through every test.
    inWords(words) {
      for (let at = 0; at < words.length; at++) {
        if (single(words[at]!) || (groups.length > 0 && groupAt(words, at))) return true;
      }
      return false;
    },
    across(before, from, after) {
      const wordAt = (at: number) => (at < before.length ? before[at] : after[at - before.length]);
      for (let at = from; at < before.length; at++) {
        if (groups.some((group) => group.every((part, offset) => wordAt(at + offset) === part))) {
          return true;
        }
      }
      return false;
    },
    longest: maxOf([1, ...groups.map((group) => group.length)])!,
  };
  return test;
}

/**
 * `test.test(text)`, given the text's words (`wordsOf(text)`, read once by the caller for many
 * tests): a word test reads the words, a regex the text.
 */
export function matchesText(test: TextTest, text: string, words: readonly string[]): boolean {
  return "inWords" in test ? (test as WordTest).inWords(words) : test.test(text);
}

/** Whether the words of `group` stand in `words` from word `at` on. */
function groupStandsAt(words: readonly string[], at: number, group: readonly string[]): boolean {
  for (let offset = 0; offset < group.length; offset++) {
    if (words[at + offset] !== group[offset]) return false;
  }
  return true;
}

/** Whether any of `tests` matches the text. */
export function anyMatches(tests: readonly TextTest[], text: string): boolean {
  return tests.some((test) => test.test(text));
}

/** A block's words, and whether each word test matches within them. */
interface BlockWords {
  words: string[];
  matches: WeakMap<WordTest, boolean>;
}

const letterWords = new WeakMap<Letter, BlockWords[]>();

function blockWords(text: string): BlockWords {
  return { words: wordsOf(text), matches: new WeakMap() };
}

/**
 * `anyMatches(tests, letter.text)`, block by block: a block's words and whether each test
 * matches within them are read once per block text; only word groups that run from one block
 * into the next are looked for in the letter. With text outside the blocks, the letter's text
 * is read whole.
 */
export function anyMatchesInLetter(tests: readonly TextTest[], letter: Letter): boolean {
  if (!blocksApart(letter)) return anyMatches(tests, letter.text);
  let blocks = letterWords.get(letter);
  if (!blocks) {
    blocks = readingsOf(letter).map((reading) => reading.get(blockWords));
    letterWords.set(letter, blocks);
  }
  return tests.some((test) =>
    "inWords" in test ? wordTestInBlocks(test as WordTest, blocks) : test.test(letter.text)
  );
}

function wordTestInBlocks(test: WordTest, blocks: readonly BlockWords[]): boolean {
  const reach = test.longest - 1;
  // The last words before the block (`carry[from..]`, fewer than a group has), for groups
  // that run on from one block into the next.
  let carry: readonly string[] = [];
  let from = 0;
  for (const block of blocks) {
    let within = block.matches.get(test);
    if (within === undefined) block.matches.set(test, (within = test.inWords(block.words)));
    if (within) return true;
    if (reach === 0 || block.words.length === 0) continue;
    if (from < carry.length && test.across(carry, from, block.words)) return true;
    if (block.words.length >= reach) {
      carry = block.words;
      from = block.words.length - reach;
    } else {
      carry = [...carry.slice(from), ...block.words].slice(-reach);
      from = 0;
    }
  }
  return false;
}
