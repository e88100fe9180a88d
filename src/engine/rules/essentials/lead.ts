import type { Letter } from "../../letter/model.js";
import type { Fact, FactKind, LetterType } from "../../types.js";
import { endOfWords, firstBodyIndex } from "./structure.js";
import { notInLeadData } from "./wording.js";

/**
 * The lead check: do the key facts for the letter type stand within the first
 * `leadWindowWords` words of the first body paragraph (after subject line and greeting)?
 * The subject line does not count: many citizens skip it, and Word shows it as a heading.
 */

export interface KeyFacts {
  /** Kinds that must stand in the lead. */
  required: FactKind[];
  /** Kinds that make a paragraph more "essential" when choosing what to move first. */
  supporting: FactKind[];
}

const policy = notInLeadData();

export const LEAD_WINDOW_WORDS = policy.leadWindowWords!;

export function keyFactsFor(type: LetterType): KeyFacts {
  const entry = policy.keyFacts![type];
  return { required: entry.required as FactKind[], supporting: entry.supporting as FactKind[] };
}

export interface LeadCheck {
  inLead: boolean;
  required: FactKind[];
  missingFromLead: FactKind[];
  /** Required kinds that appear nowhere in the letter. */
  absent: FactKind[];
  /** Block index of the first body paragraph, or -1. */
  firstBody: number;
  /** Absolute offsets of the lead window. */
  windowStart: number;
  windowEnd: number;
}

export function checkLead(letter: Letter, facts: readonly Fact[], type: LetterType): LeadCheck {
  const { required } = keyFactsFor(type);
  const firstBody = firstBodyIndex(letter);
  const block = firstBody >= 0 ? letter.blocks[firstBody] : undefined;
  const windowStart = block?.start ?? 0;
  const windowEnd = block ? block.start + endOfWords(block.text, LEAD_WINDOW_WORDS) : 0;
  const inWindow = (fact: Fact) =>
    block !== undefined && fact.start >= windowStart && fact.start < windowEnd;

  // One pass over the facts (a long letter has hundreds), not one per required kind.
  const inLead = new Set<FactKind>();
  const present = new Set<FactKind>();
  for (const fact of facts) {
    present.add(fact.kind);
    if (inWindow(fact)) inLead.add(fact.kind);
  }
  const missingFromLead = required.filter((kind) => !inLead.has(kind));
  const absent = required.filter((kind) => !present.has(kind));
  return {
    inLead: missingFromLead.length === 0,
    required: [...required],
    missingFromLead,
    absent,
    firstBody,
    windowStart,
    windowEnd,
  };
}
