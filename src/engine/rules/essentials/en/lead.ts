import { PROSE_KINDS, blockAt, type Letter } from "../../../letter/model.js";
import { lemmas } from "../../../linguistics/vocabulary.js";
import type { Fact, FactKind, LetterType } from "../../../types.js";
import { capitalise, render } from "../generate.js";
import { weekdayIndex } from "../dates.js";
import { leadData } from "../wording.js";

/**
 * The generated lead of an English letter: the English templates of the English lead.yml, tried in
 * order, the first within `maxWords` words wins (as the Danish generator does). Facts are the
 * first of each kind in the letter's prose, dates written "Thursday 3 December 2026", times
 * "10.00" as the letters themselves write them.
 */
const MONTHS = lemmas("months", "en");
const WEEKDAYS = lemmas("weekdays", "en");
const LEAD = leadData("en");

export function formatEnglishDate(iso: string, weekday = true): string {
  const [year, month, day] = iso.split("-").map(Number);
  const date = `${day} ${capitalise(MONTHS[month! - 1]!)} ${year}`;
  return weekday ? `${capitalise(WEEKDAYS[weekdayIndex(iso)]!)} ${date}` : date;
}

const formatTime = (hhmm: string) => hhmm.replace(/:/gu, ".").replace("-", " to ");

export function generateEnglishLead(
  letter: Letter,
  facts: readonly Fact[],
  type: LetterType
): string | undefined {
  const inProse = facts.filter((fact) => {
    const block = letter.blocks[blockAt(letter, fact.start)];
    return block !== undefined && PROSE_KINDS.has(block.kind);
  });
  const first = (kind: FactKind) =>
    inProse.find((fact) => fact.kind === kind) ?? facts.find((fact) => fact.kind === kind);
  const iso = (fact: Fact | undefined) =>
    fact && /^\d{4}-\d{2}-\d{2}$/u.test(fact.value) ? formatEnglishDate(fact.value) : fact?.value;
  const context = {
    date: iso(first("date")),
    time: first("time") ? formatTime(first("time")!.value) : undefined,
    place: first("place")?.value,
    action: first("action")?.value,
    deadline: iso(first("deadline")),
    decision: first("decision")?.value,
  };
  for (const template of LEAD.templates[type] ?? []) {
    const text = render(template, context);
    if (text && text.split(/\s+/u).length <= LEAD.maxWords) return text;
  }
  return undefined;
}
