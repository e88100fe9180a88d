import { alternation, formsOf } from "../../../linguistics/vocabulary.js";
import type { Letter } from "../../../letter/model.js";
import type { Fact } from "../../../types.js";
import { pushAll } from "../../../util/arrays.js";
import type { DateParts } from "../dates.js";
import {
  dateContext,
  resolveInLetter,
  type DateContext,
  type DateContextOptions,
} from "../date-context.js";
import { entriesOf, formsSource, roleSource } from "../entries.js";
import { findPlaces } from "../find-places.js";
import { dropContained, fact, normalise, scan } from "../scanning.js";
import { headerEnd, subjectIndex } from "../structure.js";
import { DATE_SCAN_EN, ENGLISH_DATES, datePartsEn, hhmm, timeScanEn } from "./dates.js";

/**
 * Facts of an English letter: dates, clock times, deadlines ("by 15 December 2026"), places
 * (the language-neutral Danish addresses and "Jobcenter X" of find-places.ts, plus "by phone",
 * "online"), required actions ("Please bring ...", "you must send ...") and decisions ("We have
 * decided that ..."). Same Fact shape and values as the Danish extractor (ISO dates, HH:MM).
 */
const TIME_SCAN = timeScanEn(roleSource("timeWord", "en"), roleSource("rangeConnector", "en"));
const word = (phrase: string) => phrase.replace(/\s+/gu, "\\s+");
const DEADLINE_BEFORE = new RegExp(
  `(?:${roleSource("deadlineKeyword", "en")})\\s+(?:(?:${alternation("dateArticles", "en")})\\s+)?$`,
  "iu"
);
const ACTION_VERBS = [...formsOf("actionVerbs", "en")].sort((a, b) => b.length - a.length);
const ACTION_SCAN = new RegExp(
  `(?<![\\p{L}])(?:(?:${roleSource("actionLead", "en")})\\s+(?:(?:${roleSource("actionAdverb", "en")})\\s+)?|(?<=^|[.!?]\\s+))(${ACTION_VERBS.map(word).join("|")})(?![\\p{L}])`,
  "giu"
);
/** The object ends at punctuation or a word that starts an adverbial. */
const OBJECT_STOP = new RegExp(`^(?:${roleSource("objectStop", "en")})$`, "iu");
/** "please call us by phone": the remote phrase says how to answer. */
const REMOTE_NOT_AFTER = new RegExp(
  `(?<![\\p{L}])(?:${roleSource("remoteNotAfter", "en")})(?![\\p{L}])[^.]*$`,
  "iu"
);
const CLAUSE_STOP = new RegExp(
  `[.;!?]|,\\s+(?:${roleSource("clauseStop", "en")})(?![\\p{L}])`,
  "u"
);
const OBJECT_MAX_WORDS = 6;
/** Phrase -> value ("by phone" -> "by telephone"), from the entries' words. */
const valuesOf = (role: string) =>
  new Map(
    entriesOf(role, "en").flatMap((entry) =>
      (entry.forms ?? []).map((form) => [form, String(entry.value ?? "")] as const)
    )
  );
const REMOTE = valuesOf("remote");
const REMOTE_SCAN = new RegExp(
  `(?<![\\p{L}])(${formsSource([...REMOTE.keys()])})(?![\\p{L}])`,
  "giu"
);
const DECISIONS = valuesOf("decision");
const DECISION_SCAN = new RegExp(
  `(?<![\\p{L}])(${formsSource([...DECISIONS.keys()])})(?:\\s+(?:${alternation("complementizers", "en")}))?\\s+`,
  "giu"
);

const SKIPPED = new Set(["legal", "address", "date", "greeting", "closing", "signature"]);

/** Year-less dates take their year as in Danish letters (date-context.ts), from English dates. */
export function englishDateContext(letter: Letter, options: DateContextOptions = {}): DateContext {
  return dateContext(letter, options, ENGLISH_DATES);
}

export function extractEnglishFacts(letter: Letter, options: DateContextOptions = {}): Fact[] {
  const context = englishDateContext(letter, options);
  const header = headerEnd(letter);
  const subject = subjectIndex(letter);
  const facts: Fact[] = [];
  letter.blocks.forEach((block, index) => {
    if (SKIPPED.has(block.kind)) return;
    if (index < header && index !== subject) return;
    pushAll(facts, englishBlockFacts(block.text, block.start, context));
  });
  return facts;
}

export function englishBlockFacts(text: string, base: number, context: DateContext): Fact[] {
  const facts: Fact[] = [
    ...datesAndDeadlines(text, base, context),
    ...times(text, base),
    ...dropContained([...findPlaces(text, base), ...remote(text, base)]),
    ...dropContained(actions(text, base)),
    ...decisions(text, base),
  ];
  return facts.sort((a, b) => a.start - b.start || a.end - b.end);
}

function datesAndDeadlines(text: string, base: number, context: DateContext): Fact[] {
  const facts: Fact[] = [];
  for (const match of scan(DATE_SCAN_EN, text)) {
    const parts: DateParts | undefined = datePartsEn(match);
    if (!parts) continue;
    const value = resolveInLetter(parts, context);
    if (!value) continue;
    let start = match.index;
    const end = start + match[0].length;
    const before = DEADLINE_BEFORE.exec(text.slice(Math.max(0, start - 20), start));
    if (before) {
      start -= before[0].length;
      facts.push(fact("deadline", text, start, end, base, value));
    } else facts.push(fact("date", text, start, end, base, value));
  }
  return facts;
}

function times(text: string, base: number): Fact[] {
  const facts: Fact[] = [];
  for (const match of scan(TIME_SCAN, text)) {
    const [, timeWord, h, m, meridiem, h2, m2, meridiem2] = match;
    const colon = /\d:\d/u.test(match[0]);
    // "at 10.00", "11:00", "11am"; a bare number ("Laksetorvet 1") is no time.
    if (!meridiem && !(m !== undefined && (timeWord !== undefined || colon))) continue;
    const from = hhmm(h, m, meridiem ?? meridiem2);
    if (!from) continue;
    const to = h2 === undefined ? undefined : hhmm(h2, m2, meridiem2);
    facts.push(
      fact(
        "time",
        text,
        match.index,
        match.index + match[0].length,
        base,
        to ? `${from}-${to}` : from
      )
    );
  }
  return facts;
}

function remote(text: string, base: number): Fact[] {
  const facts: Fact[] = [];
  for (const match of scan(REMOTE_SCAN, text)) {
    const value = REMOTE.get(normalise(match[1]!).toLowerCase());
    // "please call us" / "send it online" say how to answer, not where we meet.
    if (!value || REMOTE_NOT_AFTER.test(text.slice(0, match.index))) continue;
    facts.push(fact("place", text, match.index, match.index + match[0].length, base, value));
  }
  return facts;
}

function actions(text: string, base: number): Fact[] {
  const facts: Fact[] = [];
  for (const match of scan(ACTION_SCAN, text)) {
    const verb = match[1]!.toLowerCase();
    const objectStart = match.index + match[0].length;
    const object: string[] = [];
    let end = objectStart;
    const rest = /^\s+([\p{L}\p{N}'’-]+)/u;
    for (let count = 0; count < OBJECT_MAX_WORDS; count++) {
      const next = rest.exec(text.slice(end));
      if (!next || OBJECT_STOP.test(next[1]!)) break;
      object.push(next[1]!);
      end += next[0].length;
    }
    const start = match.index;
    const value = normalise([verb, ...object].join(" "));
    facts.push(fact("action", text, start, end, base, value));
  }
  return facts;
}

function decisions(text: string, base: number): Fact[] {
  const facts: Fact[] = [];
  for (const match of scan(DECISION_SCAN, text)) {
    const cue = normalise(match[1]!).toLowerCase();
    const prefix = DECISIONS.get(cue) ?? "";
    const from = match.index + match[0].length;
    const stop = text.slice(from).search(CLAUSE_STOP);
    const end = stop < 0 ? text.length : from + stop;
    if (end <= from) continue;
    facts.push(
      fact("decision", text, match.index, end, base, prefix + normalise(text.slice(from, end)))
    );
  }
  return facts;
}
