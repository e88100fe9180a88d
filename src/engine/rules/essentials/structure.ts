import { PROSE_KINDS, type BlockKind, type Letter } from "../../letter/model.js";
import { DATE_SOURCE } from "./dates.js";

/** A place, then a date with a four-digit year, and nothing else. */
const DATE_LINE_SHAPE = new RegExp(`^(?:[\\p{L} .-]+,\\s*)?(?:${DATE_SOURCE})$`, "iu");

/**
 * Where the body of a letter starts and ends. The body is everything between the header
 * (address, date line, subject, greeting) and the closing ("Med venlig hilsen").
 */

const HEADER_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>([
  "address",
  "date",
  "subject",
  "greeting",
]);

/**
 * Index just after the letter's header: the last address, date line, subject or greeting before
 * the closing. Prose before it is letterhead (a recipient address whose street line ends in a full
 * stop, "Vestervang 19, 3. mf.", can be classified as a paragraph).
 */
export function headerEnd(letter: Letter): number {
  const blocks = letter.blocks;
  const closing = blocks.findIndex((block) => block.kind === "closing");
  const limit = closing === -1 ? blocks.length : closing;
  let end = 0;
  for (let index = 0; index < limit; index++) {
    if (HEADER_KINDS.has(blocks[index]!.kind)) end = index + 1;
  }
  return end;
}

/** Index of the first body paragraph after the subject line and greeting, or -1. */
export function firstBodyIndex(letter: Letter): number {
  for (let index = headerEnd(letter); index < letter.blocks.length; index++) {
    if (PROSE_KINDS.has(letter.blocks[index]!.kind)) return index;
  }
  return -1;
}

/**
 * Index of the subject line, or -1. When classification found none (after a misclassified
 * address the subject becomes a heading), the heading nearest above the greeting stands in for
 * it; without a greeting, the first heading between the header and the first body paragraph.
 */
export function subjectIndex(letter: Letter): number {
  const subject = letter.blocks.findIndex((block) => block.kind === "subject");
  if (subject >= 0) return subject;
  const header = headerEnd(letter);
  const firstBody = firstBodyIndex(letter);
  const limit = firstBody === -1 ? letter.blocks.length : firstBody;
  for (let index = Math.min(header, limit) - 1; index >= 0; index--) {
    if (letter.blocks[index]!.kind === "heading") return index;
  }
  for (let index = header; index < limit; index++) {
    if (letter.blocks[index]!.kind === "heading") return index;
  }
  return -1;
}

/**
 * Index of the date line, or -1. When classification found none, a short block above the body
 * that is just a place and a full date ("Aalborg, den 23. november 2026") stands in for it.
 */
export function dateLineIndex(letter: Letter): number {
  const dateLine = letter.blocks.findIndex((block) => block.kind === "date");
  if (dateLine >= 0) return dateLine;
  const header = headerEnd(letter);
  for (let index = 0; index < header; index++) {
    if (DATE_LINE_SHAPE.test(letter.blocks[index]!.text.trim())) return index;
  }
  return -1;
}

/** Index of the closing after `from` (or the signature when there is no closing), else length. */
export function bodyEndIndex(letter: Letter, from: number): number {
  const blocks = letter.blocks;
  for (let index = Math.max(0, from); index < blocks.length; index++) {
    if (blocks[index]!.kind === "closing") return index;
  }
  for (let index = Math.max(0, from); index < blocks.length; index++) {
    if (blocks[index]!.kind === "signature") return index;
  }
  return blocks.length;
}

/** 1-based number of a body paragraph, counting prose blocks from the first body paragraph. */
export function paragraphNumber(letter: Letter, firstBody: number, index: number): number {
  let count = 0;
  for (let i = Math.max(0, firstBody); i <= index && i < letter.blocks.length; i++) {
    if (PROSE_KINDS.has(letter.blocks[i]!.kind)) count++;
  }
  return count;
}

/** A word: a run without white space holding a letter or digit ("kl.", "2.14", "CPR-nr."). */
const TOKEN = /\S+/gu;
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * The words of `text` in order. Runs of non-space are matched first and tested for a letter after:
 * one pattern for both backtracks quadratically over a long run without letters ("......").
 */
function* wordsIn(text: string): Generator<RegExpExecArray> {
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    if (WORDISH.test(match[0])) yield match;
  }
}

/** Offset just after the `count`-th word of `text` (or its end), relative to `text`. */
export function endOfWords(text: string, count: number): number {
  let seen = 0;
  for (const match of wordsIn(text)) {
    if (++seen === count) return match.index + match[0].length;
  }
  return text.length;
}

/** 1-based number of the word that starts at or contains `offset` (relative to `text`). */
export function wordNumberAt(text: string, offset: number): number {
  let seen = 0;
  for (const match of wordsIn(text)) {
    seen++;
    if (match.index + match[0].length > offset) return seen;
  }
  return seen;
}

export function countWords(text: string): number {
  let count = 0;
  for (const iterator = wordsIn(text); !iterator.next().done;) count++;
  return count;
}
