import { isProtected, type Letter } from "../letter/model.js";
import type { Edit, ReplaceEdit } from "./edit.js";
import type { Refusal } from "./guard.js";

/**
 * Which block a replacement may change. Every write path (the engine's applyEdits, the Word
 * planner, the offline preview) asks this one function, so they can never pick different blocks.
 */
export type ReplaceTarget =
  { ok: true; block: number } | { ok: false; reason: string; protectsLegal: boolean };

/**
 * The one editable block that holds the whole range [start, end]. The guard lets an insertion
 * exactly at a protected block's edge through (it lies outside the protected text); it belongs to
 * a neighbouring editable block when one ends or starts there, and is refused otherwise: it never
 * lands in the protected block. Ranges across blocks, or in the gap between them, are refused.
 */
export function replaceTarget(letter: Letter, edit: ReplaceEdit): ReplaceTarget {
  const block = letter.blocks.findIndex(
    (candidate) =>
      !isProtected(candidate) && edit.start >= candidate.start && edit.end <= candidate.end
  );
  if (block >= 0) return { ok: true, block };
  const edge = letter.blocks.find(
    (candidate) =>
      isProtected(candidate) &&
      edit.start === edit.end &&
      (edit.start === candidate.start || edit.start === candidate.end)
  );
  if (edge) {
    return {
      ok: false,
      reason: `the insertion is at the edge of the protected legal block "${edge.legal?.id}@${edge.legal?.version}", not inside an editable block`,
      protectsLegal: true,
    };
  }
  return { ok: false, reason: "the edit is not inside one editable block", protectsLegal: false };
}

/**
 * Whether two replacements of one batch get in each other's way: overlapping ranges, two
 * insertions at one point, or an insertion at either edge of a replaced range (which side of the
 * new text it lands on is not defined in Word, so no path guesses).
 */
export function collides(a: ReplaceEdit, b: ReplaceEdit): boolean {
  const aEmpty = a.start === a.end;
  const bEmpty = b.start === b.end;
  if (aEmpty && bEmpty) return a.start === b.start;
  if (aEmpty) return a.start >= b.start && a.start <= b.end;
  if (bEmpty) return b.start >= a.start && b.start <= a.end;
  return a.start < b.end && a.end > b.start;
}

/** The reason every other edit of a batch gets when one of them is refused. */
export const BATCH_REFUSED = "not applied: another edit in the same batch was refused";

/**
 * All or nothing: when any edit of a batch is refused, the whole batch is refused. Each refused
 * edit keeps its own reason; every other edit is refused with BATCH_REFUSED. Order as in `edits`.
 */
export function refuseWholeBatch(edits: readonly Edit[], refused: readonly Refusal[]): Refusal[] {
  const own = new Map<Edit, Refusal>();
  for (const refusal of refused) if (!own.has(refusal.edit)) own.set(refusal.edit, refusal);
  return edits.map(
    (edit) => own.get(edit) ?? { edit, reason: BATCH_REFUSED, protectsLegal: false, heldBack: true }
  );
}
