import { BLOCK_KINDS, isProtected, type Letter } from "../letter/model.js";
import { touchedQuote } from "../letter/quoted-law.js";
import type { Edit, InsertBlockEdit, ReorderEdit, ReplaceEdit } from "./edit.js";

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
  /** Not refused for itself: held back because another edit of its batch was (all or nothing). */
  heldBack?: boolean;
}

const OK: GuardVerdict = { ok: true };

/**
 * The one guard: decides whether an edit may be applied to a letter. Every edit path (engine,
 * Word adapter, task pane) asks it; nothing may change the text of a protected legal block.
 */
export function checkEdit(letter: Letter, edit: Edit): GuardVerdict {
  // Edits may come from outside TypeScript (JSON, the task pane's messages): check the shape too.
  const kind: unknown = (edit as { kind?: unknown } | null)?.kind;
  switch (kind) {
    case "replace":
      if (typeof (edit as ReplaceEdit).text !== "string") {
        return malformed("a replacement needs a text");
      }
      return checkRange(letter, (edit as ReplaceEdit).start, (edit as ReplaceEdit).end);
    case "insertBlock":
      return checkInsertBlock(letter, edit as InsertBlockEdit);
    case "reorder":
      if (!Array.isArray((edit as ReorderEdit).order)) return malformed("a reorder needs an order");
      return checkOrder(letter, (edit as ReorderEdit).order);
    default:
      return malformed(`unknown edit kind "${String(kind)}"`);
  }
}

const KNOWN_BLOCK_KINDS: ReadonlySet<string> = new Set(BLOCK_KINDS);

function checkInsertBlock(letter: Letter, edit: InsertBlockEdit): GuardVerdict {
  if (!Number.isInteger(edit.before) || edit.before < 0 || edit.before > letter.blocks.length) {
    return malformed(`insert position ${edit.before} is not a block boundary`);
  }
  if (typeof edit.text !== "string" || edit.text.trim() === "") {
    return malformed("an inserted block cannot be empty");
  }
  if (!KNOWN_BLOCK_KINDS.has(edit.blockKind)) {
    return malformed(`unknown block kind "${String(edit.blockKind)}"`);
  }
  // Approved guidance enters only through the template and guidance paths, with its reference
  // and hash; an edit could only make an unapproved "legal" block.
  if (edit.blockKind === "legal") {
    return {
      ok: false,
      reason:
        "a legal block cannot be inserted by an edit: approved guidance comes from a template",
      protectsLegal: true,
    };
  }
  return OK;
}

function malformed(reason: string): GuardVerdict {
  return { ok: false, reason, protectsLegal: false };
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
