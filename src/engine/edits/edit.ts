import type { BlockKind } from "../letter/model.js";

/**
 * Every change Klarbrev proposes is an Edit. Offsets and block indexes refer to the Letter the
 * edit was computed for; adapters translate them to their host (Word ranges, text offsets).
 */
export type Edit = ReplaceEdit | InsertBlockEdit | ReorderEdit;

/** Replace `letter.text.slice(start, end)` with `text` (start === end inserts). */
export interface ReplaceEdit {
  kind: "replace";
  start: number;
  end: number;
  text: string;
  /** The rule that proposed it, for tracked-change comments and reports. */
  ruleId?: string;
}

/** Insert a new block before block `before` (use blocks.length to append). */
export interface InsertBlockEdit {
  kind: "insertBlock";
  before: number;
  text: string;
  blockKind: BlockKind;
  ruleId?: string;
}

/** Put the blocks in a new order: a permutation of the original block indexes. */
export interface ReorderEdit {
  kind: "reorder";
  order: number[];
  ruleId?: string;
}
