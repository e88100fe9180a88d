import type { Paragraph, Root, Sentence, Word } from "nlcst";
import type { VFile } from "vfile";
import { PROSE_KINDS, type Block, type BlockKind, type Letter } from "../../letter/model.js";
import { blockDataOf } from "../../nlcst/traverse.js";
import type { LixBand, TextCounts } from "../../types.js";
import { memoByKey } from "../../util/text-memo.js";
import { pushAll } from "../../util/arrays.js";

/**
 * One pass over the tree that every readability rule shares: words, long words and LIX
 * sentences per block, plus every LIX sentence ("segment") with its word count.
 *
 * LIX sentence: a SentenceNode with at least one word, cut again at each sentence-level colon
 * that has words on both sides ("VIGTIGT: Det bemærkes" is two; "kl. 10:30" is one word).
 * Word: a WordNode with a letter or digit. Long word: more than 6 letters (digits never count).
 */

export const LONG_WORD_LETTERS = 6;

export interface Segment {
  blockIndex: number;
  block: Block;
  sentence: Sentence;
  /** Child indexes of `sentence`: the segment is children[from..to). */
  from: number;
  to: number;
  words: number;
  /** Absolute offsets: the first word to the last token (end punctuation or colon included). */
  start: number;
  end: number;
}

export interface RawCounts {
  words: number;
  sentences: number;
  longWords: number;
}

export interface ReadabilityStats {
  /** Counts per block index; blocks without words have zeros. */
  blocks: RawCounts[];
  segments: Segment[];
  all: RawCounts;
  prose: RawCounts;
}

const cache = new WeakMap<Root, ReadabilityStats>();

/** The shared statistics for a tree, computed on first use. */
export function statsOf(tree: Root, file: VFile): ReadabilityStats {
  let stats = cache.get(tree);
  if (!stats) {
    stats = computeStats(tree, file.data.letter ?? { text: String(file.value), blocks: [] });
    cache.set(tree, stats);
  }
  return stats;
}

/**
 * The statistics of the letter parser's tree of `letter`. Each block's counts are remembered by
 * the block's kind and text (its parse is a function of both), so while the caseworker types only
 * the edited block is counted anew.
 */
export function computeStats(tree: Root, letter: Letter): ReadabilityStats {
  const blocks: RawCounts[] = letter.blocks.map(() => ({ words: 0, sentences: 0, longWords: 0 }));
  // The segments of the paragraphs counted here, by child index: the segment walk reuses them.
  const counted: (Segment[] | undefined)[] = [];
  tree.children.forEach((paragraph, child) => {
    if (paragraph.type !== "ParagraphNode") return;
    const { blockIndex } = blockDataOf(paragraph);
    const block = letter.blocks[blockIndex];
    const counts = blocks[blockIndex];
    if (!block || !counts) return;
    const known = countsOf(block.kind)(block.text, () => {
      const fresh = { words: 0, sentences: 0, longWords: 0 };
      const segments: Segment[] = [];
      countParagraph(paragraph, block, blockIndex, fresh, segments);
      counted[child] = segments;
      return fresh;
    });
    add(counts, known);
  });

  const all = { words: 0, sentences: 0, longWords: 0 };
  const prose = { words: 0, sentences: 0, longWords: 0 };
  letter.blocks.forEach((block, index) => {
    const counts = blocks[index]!;
    add(all, counts);
    if (PROSE_KINDS.has(block.kind)) add(prose, counts);
  });
  // Only long-sentence reads the segments (on the blocks it is given): walked when first read.
  let segments: Segment[] | undefined;
  return {
    blocks,
    get segments() {
      return (segments ??= segmentsOf(tree, letter, counted));
    },
    all,
    prose,
  };
}

const COUNTS = new Map<BlockKind, (text: string, count: () => RawCounts) => RawCounts>();

/**
 * A block's counts, per block kind and text: its parse is a function of both (the letter parser
 * parses each block alone), so while the caseworker types only the edited block is counted anew.
 * One memo per kind: the key is the block's text as it is.
 */
function countsOf(kind: BlockKind): (text: string, count: () => RawCounts) => RawCounts {
  let memo = COUNTS.get(kind);
  if (!memo) {
    memo = memoByKey<RawCounts>();
    COUNTS.set(kind, memo);
  }
  return memo;
}

/**
 * Every segment of the tree, in order. A paragraph counted in this analysis (`counted`, by child
 * index) already has its segments; one whose counts were remembered is walked here.
 */
function segmentsOf(
  tree: Root,
  letter: Letter,
  counted: readonly (Segment[] | undefined)[]
): Segment[] {
  const segments: Segment[] = [];
  tree.children.forEach((paragraph, child) => {
    if (paragraph.type !== "ParagraphNode") return;
    const known = counted[child];
    if (known) {
      pushAll(segments, known);
      return;
    }
    const { blockIndex } = blockDataOf(paragraph);
    const block = letter.blocks[blockIndex];
    if (!block) return;
    countParagraph(
      paragraph,
      block,
      blockIndex,
      { words: 0, sentences: 0, longWords: 0 },
      segments
    );
  });
  return segments;
}

/** Counts one paragraph's words, long words and LIX sentences, and lists its segments. */
function countParagraph(
  paragraph: Paragraph,
  block: Block,
  blockIndex: number,
  counts: RawCounts,
  segments: Segment[]
): void {
  for (const sentence of paragraph.children) {
    if (sentence.type !== "SentenceNode") continue;
    const children = sentence.children;
    let from = 0;
    let words = 0;
    let colon = -1;
    const close = (to: number) => {
      segments.push({
        blockIndex,
        block,
        sentence,
        from,
        to,
        words,
        start: children[from]?.position?.start.offset ?? 0,
        end: children[to - 1]?.position?.end.offset ?? 0,
      });
      counts.sentences++;
    };
    for (let index = 0; index < children.length; index++) {
      const node = children[index]!;
      if (node.type === "WordNode") {
        const letters = lettersIn(node);
        if (letters < 0) continue; // no letter or digit: not a word
        if (colon >= 0) {
          close(colon + 1);
          words = 0;
          colon = -1;
        }
        if (words === 0) from = index;
        words++;
        counts.words++;
        if (letters > LONG_WORD_LETTERS) counts.longWords++;
      } else if (node.type === "PunctuationNode" && node.value === ":" && words > 0) {
        colon = index;
      }
    }
    if (words > 0) close(lastToken(sentence) + 1);
  }
}

/** LIX, rounded to one decimal; 0 for an empty text. */
export function lixOf(counts: RawCounts): number {
  if (counts.words === 0 || counts.sentences === 0) return 0;
  const lix = counts.words / counts.sentences + (100 * counts.longWords) / counts.words;
  return Math.round(lix * 10 + 1e-9) / 10;
}

export function bandOf(lix: number): LixBand {
  if (lix < 25) return "meget let";
  if (lix < 35) return "let";
  if (lix < 45) return "middel";
  if (lix < 55) return "svær";
  return "meget svær";
}

export function textCounts(counts: RawCounts): TextCounts & { lixBand: LixBand } {
  const lix = lixOf(counts);
  return {
    lix,
    words: counts.words,
    sentences: counts.sentences,
    longWords: counts.longWords,
    lixBand: bandOf(lix),
  };
}

/**
 * Letters in a word (digits excluded), or -1 when it has neither a letter nor a digit.
 * Char codes, not a regex per character: ASCII directly, other code units cached.
 */
export function lettersIn(word: Word): number {
  let letters = 0;
  let digits = 0;
  for (const child of word.children) {
    const value = child.value;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code < 128) {
        const lower = code | 32;
        if (lower >= 97 && lower <= 122) letters++;
        else if (code >= 48 && code <= 57) digits++;
      } else if (isLetterCode(code)) {
        letters++;
      } else if (isDigitCode(code)) {
        digits++;
      }
    }
  }
  return letters + digits === 0 ? -1 : letters;
}

const letterCodes = new Map<number, boolean>();
const digitCodes = new Map<number, boolean>();
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isLetterCode(code: number): boolean {
  let known = letterCodes.get(code);
  if (known === undefined) letterCodes.set(code, (known = LETTER.test(String.fromCharCode(code))));
  return known;
}

function isDigitCode(code: number): boolean {
  let known = digitCodes.get(code);
  if (known === undefined) digitCodes.set(code, (known = DIGIT.test(String.fromCharCode(code))));
  return known;
}

function lastToken(sentence: Sentence): number {
  let index = sentence.children.length - 1;
  while (index > 0 && sentence.children[index]!.type === "WhiteSpaceNode") index--;
  return index;
}

function add(total: RawCounts, counts: RawCounts): void {
  total.words += counts.words;
  total.sentences += counts.sentences;
  total.longWords += counts.longWords;
}
