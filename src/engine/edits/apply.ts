import { buildLetter, type BlockInput, type Letter } from "../letter/model.js";
import type { Edit, ReplaceEdit } from "./edit.js";
import { checkEdit, type Refusal } from "./guard.js";
import { collides, replaceTarget } from "./target.js";

export interface ApplyResult {
  letter: Letter;
  applied: Edit[];
  refused: Refusal[];
}

/**
 * Apply edits to a letter, pure. Every edit passes the guard first; refused edits are reported,
 * never silently dropped. Replacements must lie inside one block and must not overlap each other.
 * Block insertions and the reorder refer to the original block indexes.
 */
export interface ApplyOptions {
  /**
   * The separator between blocks, when the caller knows it (Word: "\n"). Otherwise it is read off
   * the letter, which a letter of one block cannot tell.
   */
  separator?: string;
}

export function applyEdits(
  letter: Letter,
  edits: readonly Edit[],
  options: ApplyOptions = {}
): ApplyResult {
  const applied: Edit[] = [];
  const refused: Refusal[] = [];
  const texts = letter.blocks.map((block) => block.text);
  const claimed: ReplaceEdit[] = [];
  let order = letter.blocks.map((_, index) => index);
  const insertions = new Map<number, BlockInput[]>();

  const replaces: { edit: ReplaceEdit; block: number }[] = [];
  for (const edit of edits) {
    const verdict = checkEdit(letter, edit);
    if (!verdict.ok) {
      refused.push({ edit, reason: verdict.reason, protectsLegal: verdict.protectsLegal });
      continue;
    }
    if (edit.kind === "replace") {
      const target = replaceTarget(letter, edit);
      if (!target.ok) {
        refused.push({ edit, reason: target.reason, protectsLegal: target.protectsLegal });
        continue;
      }
      const overlaps = claimed.some((other) => collides(edit, other));
      if (overlaps) {
        refused.push({ edit, reason: "the edit overlaps another edit in the same batch" });
        continue;
      }
      claimed.push(edit);
      replaces.push({ edit, block: target.block });
    } else if (edit.kind === "insertBlock") {
      const list = insertions.get(edit.before) ?? [];
      list.push({ kind: edit.blockKind, text: edit.text });
      insertions.set(edit.before, list);
    } else if (edit.kind === "reorder") {
      order = [...edit.order];
    }
    applied.push(edit);
  }

  // Apply replacements from the end so earlier offsets stay valid.
  replaces.sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end);
  for (const { edit, block: index } of replaces) {
    const block = letter.blocks[index]!;
    const text = texts[index]!;
    texts[index] =
      text.slice(0, edit.start - block.start) + edit.text + text.slice(edit.end - block.start);
  }

  const inputs: BlockInput[] = [];
  for (const index of order) {
    inputs.push(...(insertions.get(index) ?? []));
    const block = letter.blocks[index]!;
    const input: BlockInput = { kind: block.kind, text: texts[index]! };
    if (block.level !== undefined) input.level = block.level;
    if (block.legal) input.legal = block.legal;
    if (block.style !== undefined) input.style = block.style;
    inputs.push(input);
  }
  inputs.push(...(insertions.get(letter.blocks.length) ?? []));

  const separator = options.separator ?? separatorOf(letter);
  return { letter: buildLetter(inputs, separator), applied, refused };
}

/** The separator the letter uses between blocks (blank line for text, newline for Word). */
export function separatorOf(letter: Letter): string {
  const [first, second] = letter.blocks;
  if (first && second) {
    const gap = letter.text.slice(first.end, second.start);
    if (/^\s+$/.test(gap)) return gap.includes("\n\n") ? "\n\n" : "\n";
  }
  return "\n\n";
}
