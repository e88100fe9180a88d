import { partitionPoint } from "../../util/sorted.js";
import type { Letter } from "../../letter/model.js";
import { isSpaceCodeUnit } from "../../util/word-scan.js";
import { readingsOf, type BlockReading } from "./block-reading.js";
import { normaliseWithOffsets, sourceRange, type MappedText } from "./normalise.js";

/**
 * The whole letter's normalised text, put together from its blocks' normalised texts (each read
 * once per block text), so a one-word edit normalises one block, not ten pages. When only white
 * space lies between and around the blocks, normalising the letter is normalising each block and
 * joining the non-empty ones with one space: white space ends every NFC cluster and collapses to
 * one space. A letter with text outside its blocks is normalised whole, as before.
 */
export interface NormalisedLetter {
  /** `normaliseWithOffsets(letter.text).text`. */
  text: string;
  /** `sourceRange(normaliseWithOffsets(letter.text), from, to)`. */
  range(from: number, to: number): { start: number; end: number };
  /**
   * Which of `runs` (strings without white space) `text` holds. Asked of each block once per
   * list of runs: keep the list (one array per registry) to ask again.
   */
  holds(runs: readonly string[]): Set<string>;
}

/** A block's normalised text, kept with where the block is. */
interface Piece {
  mapped: MappedText;
  reading: BlockReading;
  /** The block's offset in the letter. */
  base: number;
  /** Where the piece starts in the joined text. */
  at: number;
}

const normalisedLetters = new WeakMap<Letter, NormalisedLetter>();

/** `normaliseWithOffsets(letter.text)`, as a joined text and a map back to the letter. */
export function normalisedLetter(letter: Letter): NormalisedLetter {
  let found = normalisedLetters.get(letter);
  if (!found) {
    found = blocksApart(letter) ? joinPieces(letter) : whole(letter.text);
    normalisedLetters.set(letter, found);
  }
  return found;
}

const apart = new WeakMap<Letter, boolean>();

/**
 * Blocks in order, each block its own text, and only white space (at least one character)
 * between and around them: then the letter's normalised text, words and sentences are its
 * blocks' put together.
 */
export function blocksApart(letter: Letter): boolean {
  let known = apart.get(letter);
  if (known === undefined) {
    known = readBlocksApart(letter);
    apart.set(letter, known);
  }
  return known;
}

function readBlocksApart(letter: Letter): boolean {
  const { text, blocks } = letter;
  let last = 0;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.start < last || block.end < block.start || block.end > text.length) return false;
    if (block.text.length !== block.end - block.start) return false;
    // The model says so; a letter built by hand might not (then the text is what counts).
    if (!text.startsWith(block.text, block.start)) return false;
    if (index > 0 && block.start === last) return false;
    if (!spaceOnly(text, last, block.start)) return false;
    last = block.end;
  }
  return spaceOnly(text, last, text.length);
}

function spaceOnly(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (!isSpaceCodeUnit(text.charCodeAt(at))) return false;
  return true;
}

function whole(text: string): NormalisedLetter {
  const mapped = normaliseWithOffsets(text);
  return {
    text: mapped.text,
    range: (from, to) => sourceRange(mapped, from, to),
    holds: (runs) => new Set(runs.filter((run) => mapped.text.includes(run))),
  };
}

/** Which of a list of runs a block's normalised text holds, by list. */
function runsHeld(): WeakMap<readonly string[], readonly string[]> {
  return new WeakMap();
}

function joinPieces(letter: Letter): NormalisedLetter {
  const pieces: Piece[] = [];
  const parts: string[] = [];
  let at = 0;
  const readings = readingsOf(letter);
  for (const [index, block] of letter.blocks.entries()) {
    const mapped = readings[index]!.get(normaliseWithOffsets);
    if (mapped.text === "") continue;
    if (pieces.length > 0) at++;
    pieces.push({ mapped, reading: readings[index]!, base: block.start, at });
    parts.push(mapped.text);
    at += mapped.text.length;
  }
  const length = at;
  /** The piece that holds joined offset `offset`, or whose following space it is. */
  const pieceAt = (offset: number): number =>
    Math.max(0, partitionPoint(pieces.length, (index) => pieces[index]!.at <= offset) - 1);
  // The space between two pieces stands for the white space from the end of the one's last
  // character to the start of the other's first.
  const startAt = (offset: number): number | undefined => {
    if (offset < 0 || offset >= length) return undefined;
    const index = pieceAt(offset);
    const piece = pieces[index]!;
    const local = offset - piece.at;
    if (local < piece.mapped.text.length) return piece.base + piece.mapped.starts[local]!;
    return piece.base + piece.mapped.ends[piece.mapped.text.length - 1]!;
  };
  const endAt = (offset: number): number | undefined => {
    if (offset < 0 || offset >= length) return undefined;
    const index = pieceAt(offset);
    const piece = pieces[index]!;
    const local = offset - piece.at;
    if (local < piece.mapped.text.length) return piece.base + piece.mapped.ends[local]!;
    const next = pieces[index + 1]!;
    return next.base + next.mapped.starts[0]!;
  };
  // A run without white space lies inside one block's text: the blocks are joined by spaces.
  const holds = (runs: readonly string[]) => {
    const held = new Set<string>();
    for (const { mapped, reading } of pieces) {
      const byList = reading.get(runsHeld);
      let found = byList.get(runs);
      if (!found) byList.set(runs, (found = runs.filter((run) => mapped.text.includes(run))));
      for (const run of found) held.add(run);
    }
    return held;
  };
  let joined: string | undefined;
  return {
    get text() {
      return (joined ??= parts.join(" "));
    },
    range: (from, to) => ({
      start: startAt(from) ?? 0,
      end: endAt(to - 1) ?? startAt(from) ?? 0,
    }),
    holds,
  };
}
