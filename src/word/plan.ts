import type { Edit, InsertBlockEdit, ReorderEdit, ReplaceEdit } from "../engine/edits/edit.js";
import { checkEdit, type Refusal } from "../engine/edits/guard.js";
import { collides, replaceTarget } from "../engine/edits/target.js";
import { isProtected, type BlockKind, type Letter } from "../engine/letter/model.js";
import type { WordLetter } from "./word-letter.js";

/**
 * Pure planning of a batch of edits for Word: the engine's guard first, then what Word can do
 * safely. Replacements stay inside one paragraph; the reorder keeps every legal block where it is
 * and moves the other paragraphs around them (a locked control is never moved or deleted).
 */

export type { Refusal } from "../engine/edits/guard.js";

export interface ReplacePlan {
  edit: ReplaceEdit;
  block: number;
  /** Offsets inside the block's (single) paragraph. */
  start: number;
  end: number;
}

/** Something to put into the document at its new place: a moved block or a new one. */
export type PlacedItem =
  | { type: "moved"; block: number; text: string }
  | { type: "new"; edit: InsertBlockEdit; text: string; kind: BlockKind };

/** A run of placed items and where it goes: before a block that stays, or after the last one. */
export interface PlacementRun {
  anchor: { block: number; side: "before" | "after" } | { block: -1; side: "end" };
  items: PlacedItem[];
}

export interface EditPlan {
  /** Replacements in blocks that stay where they are: found by search in Word. */
  replaces: ReplacePlan[];
  /** Blocks that move: copied (with their replacements applied) and deleted. */
  moved: number[];
  runs: PlacementRun[];
  applied: Edit[];
  refused: Refusal[];
}

/** Paragraph and line breaks (U+000B is Word's manual line break). */
const LINE_BREAKS = ["\r", "\n", "\u000b"];

export function planEdits(source: WordLetter, edits: readonly Edit[]): EditPlan {
  const { letter } = source;
  const applied: Edit[] = [];
  const refused: Refusal[] = [];
  const replaces: ReplacePlan[] = [];
  const insertions = new Map<number, InsertBlockEdit[]>();
  let reorder: ReorderEdit | undefined;
  let kept: Set<number> | undefined;

  for (const edit of edits) {
    const verdict = checkEdit(letter, edit);
    if (!verdict.ok) {
      refused.push({ edit, reason: verdict.reason, protectsLegal: verdict.protectsLegal });
      continue;
    }
    let reason: string | undefined;
    if (edit.kind === "replace") {
      const refusal = planReplace(source, edit, replaces);
      if (refusal) {
        refused.push(refusal);
        continue;
      }
    } else if (edit.kind === "insertBlock") planInsert(edit, insertions);
    else if (reorder) reason = "only one reorder per batch";
    else {
      const result = planReorder(source, edit);
      if (typeof result === "string") reason = result;
      else {
        reorder = edit;
        kept = result;
      }
    }
    if (reason) refused.push({ edit, reason });
    else applied.push(edit);
  }

  const count = letter.blocks.length;
  const order = reorder ? reorder.order : letter.blocks.map((_, index) => index);
  const stays = kept ?? new Set(order);
  const moved = order.filter((block) => !stays.has(block));
  const movedSet = new Set(moved);

  // Replacements inside moved blocks are applied to the copy's text instead of searched.
  const copyTexts = new Map<number, string>();
  for (const block of moved) copyTexts.set(block, letter.blocks[block]!.text);
  const searched: ReplacePlan[] = [];
  for (const plan of [...replaces].sort((a, b) => b.edit.start - a.edit.start)) {
    if (!movedSet.has(plan.block)) {
      searched.push(plan);
      continue;
    }
    const text = copyTexts.get(plan.block)!;
    copyTexts.set(plan.block, text.slice(0, plan.start) + plan.edit.text + text.slice(plan.end));
  }

  // The new sequence, in engine order: insertions before a block, the block, trailing insertions.
  const sequence: (PlacedItem | { type: "kept"; block: number })[] = [];
  const addInsertions = (before: number) => {
    for (const edit of insertions.get(before) ?? []) {
      sequence.push({ type: "new", edit, text: edit.text, kind: edit.blockKind });
    }
  };
  for (const block of order) {
    addInsertions(block);
    sequence.push(
      movedSet.has(block)
        ? { type: "moved", block, text: copyTexts.get(block)! }
        : { type: "kept", block }
    );
  }
  addInsertions(count);

  const runs: PlacementRun[] = [];
  let pending: PlacedItem[] = [];
  let lastKept = -1;
  for (const item of sequence) {
    if (item.type === "kept") {
      if (pending.length > 0)
        runs.push({ anchor: { block: item.block, side: "before" }, items: pending });
      pending = [];
      lastKept = item.block;
    } else {
      pending.push(item);
    }
  }
  if (pending.length > 0) {
    runs.push({
      anchor: lastKept >= 0 ? { block: lastKept, side: "after" } : { block: -1, side: "end" },
      items: pending,
    });
  }

  return { replaces: searched.reverse(), moved, runs, applied, refused };
}

function planReplace(
  source: WordLetter,
  edit: ReplaceEdit,
  replaces: ReplacePlan[]
): Refusal | undefined {
  const { letter } = source;
  // The engine's own choice of block, so Word never writes where the engine would not.
  const target = replaceTarget(letter, edit);
  if (!target.ok) return { edit, reason: target.reason, protectsLegal: target.protectsLegal };
  const { block } = target;
  const paragraphs = source.sources[block]!.paragraphs;
  const record = source.paragraphs[paragraphs[0]!]!;
  const offset = letter.blocks[block]!.start;
  // Offsets are mapped into the block's one paragraph; anything else cannot be located safely.
  if (paragraphs.length !== 1 || record.role !== "block" || edit.end - offset > record.text.length)
    return { edit, reason: "the edit is not inside one paragraph Klarbrev may edit" };
  if (record.pendingRevisions)
    return { edit, reason: "the paragraph has tracked changes that are not yet reviewed" };
  if (LINE_BREAKS.some((mark) => edit.text.includes(mark)))
    return { edit, reason: "a replacement cannot contain a line break" };
  const overlaps = replaces.some(({ edit: other }) => collides(edit, other));
  if (overlaps) return { edit, reason: "the edit overlaps another edit in the same batch" };
  replaces.push({ edit, block, start: edit.start - offset, end: edit.end - offset });
  return undefined;
}

function planReorder(source: WordLetter, edit: ReorderEdit): Set<number> | string {
  const kept = keptBlocks(source.letter, edit.order);
  if (!kept) return "the new order would move a locked legal block past another one";
  const pending = edit.order.find(
    (block) =>
      !kept.has(block) && source.paragraphs[source.sources[block]!.paragraphs[0]!]!.pendingRevisions
  );
  if (pending !== undefined)
    return `block ${pending} has tracked changes that are not yet reviewed`;
  return kept;
}

/** The guard has refused legal, empty and misplaced blocks already. */
function planInsert(edit: InsertBlockEdit, insertions: Map<number, InsertBlockEdit[]>): void {
  const list = insertions.get(edit.before) ?? [];
  list.push(edit);
  insertions.set(edit.before, list);
}

/**
 * The blocks that stay put: the heaviest increasing subsequence of the new order, where every
 * legal block outweighs all others together. Undefined when the legal blocks would change order.
 */
export function keptBlocks(letter: Letter, order: readonly number[]): Set<number> | undefined {
  const n = order.length;
  const weight = order.map((block) => (isProtected(letter.blocks[block]!) ? n + 1 : 1));
  const best = weight.slice();
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (order[j]! < order[i]! && best[j]! + weight[i]! > best[i]!) {
        best[i] = best[j]! + weight[i]!;
        previous[i] = j;
      }
    }
  }
  let at = best.indexOf(Math.max(...best, 0));
  const kept = new Set<number>();
  while (at >= 0) {
    kept.add(order[at]!);
    at = previous[at]!;
  }
  const legalMissing = letter.blocks.some((block, index) => isProtected(block) && !kept.has(index));
  return legalMissing ? undefined : kept;
}
