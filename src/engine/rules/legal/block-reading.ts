import type { Letter } from "../../letter/model.js";
import { memoByText } from "../../util/text-memo.js";

/**
 * What the legal family reads of one block, kept per block text: while the caseworker types, a
 * one-word edit reads one block anew and every other block's readings come back from here. Each
 * reading is a pure function of the block's text (a `Part`, which may build on the block's other
 * readings), read when first asked for; the
 * letter-level steps only combine them. One lookup by text per block and letter, however many
 * readings the steps ask for.
 */
export type Part<T> = (text: string, reading: BlockReading) => T;

export class BlockReading {
  private readonly parts = new Map<Part<unknown>, unknown>();

  constructor(readonly text: string) {}

  get<T>(part: Part<T>): T {
    if (this.parts.has(part)) return this.parts.get(part) as T;
    const value = part(this.text, this);
    this.parts.set(part, value);
    return value;
  }
}

/** A few letters' worth of blocks. */
const readingOf = memoByText((text) => new BlockReading(text), 2000);

const letters = new WeakMap<Letter, BlockReading[]>();

/** The readings of a letter's blocks, in block order. */
export function readingsOf(letter: Letter): BlockReading[] {
  let readings = letters.get(letter);
  if (!readings) {
    readings = letter.blocks.map((block) => readingOf(block.text));
    letters.set(letter, readings);
  }
  return readings;
}
