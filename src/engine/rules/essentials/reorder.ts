import { blockAt, isProtected, PROSE_KINDS, type Letter } from "../../letter/model.js";
import type { Fact, FactKind, LetterType } from "../../types.js";
import { keyFactsFor } from "./lead.js";
import { GUIDANCE } from "./patterns.js";
import { bodyEndIndex, firstBodyIndex } from "./structure.js";
import { pushAll } from "../../util/arrays.js";
import { memoByText } from "../../util/text-memo.js";

/**
 * The reorder proposal: the essentials paragraph first among the body paragraphs, then the other
 * paragraphs holding key facts, then the rest, and legal guidance last before the closing.
 *
 * - Address, date line, subject and greeting stay on top; closing, signature and everything after
 *   them stay where they are. Legal blocks after the signature stay there; legal blocks in the
 *   body (or above it) move to the end of the body, just before the closing: the letter keeps its
 *   sign-off as the last thing the caseworker wrote.
 * - A heading moves with the block under it, a paragraph with the list items that follow it.
 * - Legal guidance: protected legal blocks, and paragraphs with sanction, rights or legal-basis
 *   wording (the "guidance" entries of reorder.yml) that hold no key fact.
 */

/** The body paragraph holding the most key facts (required kinds weigh double), or -1. */
export function essentialsParagraph(
  letter: Letter,
  facts: readonly Fact[],
  type: LetterType
): number {
  const { required, supporting } = keyFactsFor(type);
  const kindsByBlock = factKindsByBlock(letter, facts);
  const firstBody = firstBodyIndex(letter);
  if (firstBody < 0) return -1;
  const end = bodyEndIndex(letter, firstBody);
  let best = -1;
  let bestScore = 0;
  for (let index = firstBody; index < end; index++) {
    if (!PROSE_KINDS.has(letter.blocks[index]!.kind)) continue;
    const kinds = kindsByBlock.get(index);
    if (!kinds) continue;
    let score = 0;
    for (const kind of kinds) {
      // Required kinds weigh 2, supporting 1; ties go to the kind listed first (partshøring: the deadline).
      const rank = required.indexOf(kind);
      score += rank >= 0 ? 2 + (required.length - rank) / 100 : supporting.includes(kind) ? 1 : 0;
    }
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  }
  return best;
}

function factKindsByBlock(letter: Letter, facts: readonly Fact[]): Map<number, Set<FactKind>> {
  const byBlock = new Map<number, Set<FactKind>>();
  for (const fact of facts) {
    const index = blockAt(letter, fact.start);
    if (index < 0) continue;
    const kinds = byBlock.get(index) ?? new Set<FactKind>();
    kinds.add(fact.kind);
    byBlock.set(index, kinds);
  }
  return byBlock;
}

/** The proposed block order, or undefined when it would not change (or nothing is essential). */
export function proposeOrder(
  letter: Letter,
  facts: readonly Fact[],
  type: LetterType
): number[] | undefined {
  const firstBody = firstBodyIndex(letter);
  const essentials = essentialsParagraph(letter, facts, type);
  if (firstBody < 0 || essentials < 0) return undefined;
  const end = bodyEndIndex(letter, firstBody);
  const { required } = keyFactsFor(type);
  const kindsByBlock = factKindsByBlock(letter, facts);
  const holdsKeyFact = (index: number) =>
    [...(kindsByBlock.get(index) ?? [])].some((kind) => required.includes(kind));

  const top: number[] = [];
  const tail: number[] = []; // legal guidance, in original order
  for (let index = 0; index < firstBody; index++) {
    (isProtected(letter.blocks[index]!) ? tail : top).push(index);
  }

  const first: number[] = [];
  const key: number[] = [];
  const rest: number[] = [];
  for (const unit of units(letter, firstBody, end)) {
    if (unit.includes(essentials)) pushAll(first, unit);
    else if (unit.some(holdsKeyFact)) pushAll(key, unit);
    else if (unit.some((index) => isGuidance(letter, index))) pushAll(tail, unit);
    else pushAll(rest, unit);
  }

  const order = [...top, ...first, ...key, ...rest, ...tail];
  for (let index = end; index < letter.blocks.length; index++) order.push(index);
  return order.every((value, index) => value === index) ? undefined : order;
}

function isGuidance(letter: Letter, index: number): boolean {
  const block = letter.blocks[index]!;
  return isProtected(block) || (PROSE_KINDS.has(block.kind) && speaksOfGuidance(block.text));
}

/** Per block text: while the caseworker types, only the edited block is read anew. */
const speaksOfGuidance = memoByText((text) => GUIDANCE.test(text));

/** Blocks that move together: a heading with what follows it, a paragraph with its list items. */
function units(letter: Letter, from: number, to: number): number[][] {
  const result: number[][] = [];
  let index = from;
  while (index < to) {
    const unit = [index];
    let kind = letter.blocks[index]!.kind;
    index++;
    if (kind === "heading" && index < to) {
      unit.push(index);
      kind = letter.blocks[index]!.kind;
      index++;
    }
    if (kind === "paragraph" || kind === "listItem") {
      while (index < to && letter.blocks[index]!.kind === "listItem") unit.push(index++);
    }
    result.push(unit);
  }
  return result;
}
