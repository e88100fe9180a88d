import type { BlockKind, Letter } from "../../letter/model.js";
import type { Fact } from "../../types.js";
import { dateContext, type DateContext, type DateContextOptions } from "./date-context.js";
import { findActions } from "./find-actions.js";
import { findDates, findTimes } from "./find-dates.js";
import { findDeadlines } from "./find-deadlines.js";
import { findDecisions } from "./find-decisions.js";
import { findPlaces } from "./find-places.js";
import { decisionCuesOf } from "./patterns.js";
import { ownDepartmentOf } from "./sender.js";
import { dropContained } from "./scanning.js";
import { headerEnd, subjectIndex } from "./structure.js";
import { pushAll } from "../../util/arrays.js";

/**
 * Fact extraction: meeting dates and times, places, deadlines, required actions and decision
 * outcomes, with normalised values and absolute offsets into `letter.text`. Runs per block with
 * regular expressions compiled once (patterns.ts); no tree needed, so other modules (the template
 * library) can reuse it on any Letter.
 */

export type ExtractOptions = DateContextOptions;

/** Blocks whose facts are not essentials: approved legal text, letterhead, date line, sign-off. */
const SKIPPED_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>([
  "legal",
  "address",
  "date",
  "greeting",
  "closing",
  "signature",
]);

/**
 * Whether a block's facts are essentials: not the skipped kinds, and above the greeting only the
 * subject line speaks (the rest is letterhead: names, addresses). The incremental analyser asks
 * the same question.
 */
export function factBlockFilter(
  letter: Letter
): (block: Letter["blocks"][number], index: number) => boolean {
  const header = headerEnd(letter);
  const subject = subjectIndex(letter);
  return (block, index) => !SKIPPED_KINDS.has(block.kind) && (index >= header || index === subject);
}

export function extractFacts(letter: Letter, options: ExtractOptions = {}): Fact[] {
  const context = dateContext(letter, options);
  const sender = ownDepartmentOf(letter);
  const readsFacts = factBlockFilter(letter);
  const facts: Fact[] = [];
  letter.blocks.forEach((block, index) => {
    if (!readsFacts(block, index)) return;
    pushAll(facts, extractBlockFacts(block.text, block.start, context, sender));
  });
  return facts;
}

/**
 * Facts of one block of text; `base` is the block's offset in the letter, `sender` the letter's
 * own department (ownDepartmentOf), which decides as an authority.
 */
export function extractBlockFacts(
  text: string,
  base: number,
  context: DateContext,
  sender?: string
): Fact[] {
  const deadlines = findDeadlines(text, base, context);
  const insideDeadline = (fact: Fact) =>
    deadlines.some((d) => fact.start < d.end && fact.end > d.start);
  const facts = [
    ...deadlines,
    ...findDates(text, base, context).filter((fact) => !insideDeadline(fact)),
    ...findTimes(text, base).filter((fact) => !insideDeadline(fact)),
    ...dropContained(findPlaces(text, base)),
    ...dropContained(findActions(text, base)),
    ...dropContained(findDecisions(text, base, decisionCuesOf(sender))),
  ];
  return facts.sort((a, b) => a.start - b.start || a.end - b.end);
}
