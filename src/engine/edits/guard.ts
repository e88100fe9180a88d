import { isProtected, type Letter } from "../letter/model.js";
import { touchedQuote } from "../letter/quoted-law.js";
import type { Edit } from "./edit.js";

/**
 * `protectsLegal` says the edit was refused because it would touch a protected legal block (as
 * opposed to a malformed edit), so faces can say so without parsing the reason text.
 */
export type GuardVerdict = { ok: true } | { ok: false; reason: string; protectsLegal: boolean };

/** An edit that was not applied, and why. */
export interface Refusal<E = Edit> {
  edit: E;
  reason: string;
  /** Refused to keep a protected legal block intact. */
  protectsLegal?: boolean;
}

const OK: GuardVerdict = { ok: true };

/**
 * The one guard: decides whether an edit may be applied to a letter. Every edit path (engine,
 * Word adapter, task pane) asks it; nothing may change the text of a protected legal block.
 */
export function checkEdit(letter: Letter, edit: Edit): GuardVerdict {
  switch (edit.kind) {
    case "replace":
      return checkRange(letter, edit.start, edit.end);
    case "insertBlock":
      if (!Number.isInteger(edit.before) || edit.before < 0 || edit.before > letter.blocks.length) {
        return {
          ok: false,
          reason: `insert position ${edit.before} is not a block boundary`,
          protectsLegal: false,
        };
      }
      return OK;
    case "reorder":
      return checkOrder(letter, edit.order);
  }
}

/**
 * Whether a text range [start, end) may be changed: it must not touch a protected block, nor a
 * quotation of law text ("... jf. § 13: «...»"), which is quoted to be exact.
 */
export function checkRange(letter: Letter, start: number, end: number): GuardVerdict {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    return { ok: false, reason: `invalid range ${start}-${end}`, protectsLegal: false };
  }
  if (end > letter.text.length) {
    return {
      ok: false,
      reason: `range ${start}-${end} is past the end of the letter`,
      protectsLegal: false,
    };
  }
  const quote = touchedQuote(letter.text, start, end);
  if (quote) {
    return {
      ok: false,
      reason: `the edit touches quoted law text at ${quote.start}-${quote.end}`,
      protectsLegal: true,
    };
  }
  for (const block of letter.blocks) {
    if (!isProtected(block)) continue;
    // An insertion exactly at a block's edge lands outside it; anything else overlapping is inside.
    const touches =
      start === end
        ? start > block.start && start < block.end
        : start < block.end && end > block.start;
    if (touches) {
      return {
        ok: false,
        reason: `the edit touches the protected legal block "${block.legal?.id}@${block.legal?.version}"`,
        protectsLegal: true,
      };
    }
  }
  return OK;
}

function checkOrder(letter: Letter, order: readonly number[]): GuardVerdict {
  const count = letter.blocks.length;
  if (order.length !== count) {
    return {
      ok: false,
      protectsLegal: false,
      reason: `the new order has ${order.length} blocks, the letter has ${count}`,
    };
  }
  const seen = new Set<number>();
  for (const index of order) {
    if (!Number.isInteger(index) || index < 0 || index >= count || seen.has(index)) {
      return {
        ok: false,
        reason: "the new order is not a permutation of the letter's blocks",
        protectsLegal: false,
      };
    }
    seen.add(index);
  }
  return OK;
}
