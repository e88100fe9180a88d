import type { Fact } from "../../types.js";
import { type DateContext, resolveInLetter } from "./date-context.js";
import { datePartsOf, formatDanishTime, timeValueOf, toIso } from "./dates.js";
import {
  ANCHOR_AT,
  ANCHOR_MAX_WORDS,
  DATE_AT,
  DAY_OF_AFTER,
  DEADLINE_SCAN,
  DEADLINE_FRAME,
  DURATION_AT,
  DURATION_UNITS,
  LETTER_DATE_ANCHOR,
  NUMBER_WORDS,
  TIME_AFTER,
  TIME_AT,
  WEEKDAY_AT,
} from "./patterns.js";
import { clauseEnd, fact, normalise, scan, startOf, stickyAt } from "./scanning.js";

/**
 * Deadlines: "senest den 4. december 2026" (value: ISO), "senest kl. 8.30 på dagen", "inden 14
 * dage", "senest 4 uger efter modtagelsen af afgørelsen" (value: the phrase), "senest 14 dage fra
 * dato for dette brev" (value: ISO, counted from the date line).
 */

export function findDeadlines(text: string, base: number, context: DateContext): Fact[] {
  const facts: Fact[] = [];
  for (const match of scan(DEADLINE_SCAN, text)) {
    const start = startOf(match);
    const keyword = normalise(match[2]!).toLowerCase();
    const isFrame = DEADLINE_FRAME.test(keyword);
    const at = match.index + match[0].length;
    let end: number;
    let value: string;

    const date = stickyAt(DATE_AT, text, at);
    const parts = date ? datePartsOf(date, 0) : undefined;
    const iso = parts ? resolveInLetter(parts, context) : undefined;
    if (date && iso) {
      end = at + date[0].length;
      value = iso;
      const time = stickyAt(TIME_AFTER, text, end);
      if (time && timeValueOf(time, 0)) end += time[0].length;
    } else if (isFrame) {
      continue; // "fristen er ..." counts only with a date
    } else if (stickyAt(TIME_AT, text, at)) {
      const time = stickyAt(TIME_AT, text, at)!;
      const hhmm = timeValueOf(time, 0);
      if (!hhmm) continue;
      end = at + time[0].length;
      const dayOf = stickyAt(DAY_OF_AFTER, text, end);
      if (dayOf) end += dayOf[0].length;
      value = `${keyword} kl. ${formatDanishTime(hhmm)}${dayOf ? " på dagen" : ""}`;
    } else if (stickyAt(DURATION_AT, text, at)) {
      const duration = stickyAt(DURATION_AT, text, at)!;
      end = at + duration[0].length;
      const anchorEnd = durationAnchorEnd(text, end);
      const anchor = normalise(text.slice(end, anchorEnd)).toLowerCase();
      end = anchorEnd;
      value = normalise(text.slice(start, end)).toLowerCase();
      const counted = context.letterDate && LETTER_DATE_ANCHOR.test(anchor);
      const due = counted
        ? addDuration(context.letterDate!, duration[1]!, duration[2]!)
        : undefined;
      if (due) value = due;
    } else {
      const weekday = stickyAt(WEEKDAY_AT, text, at);
      if (!weekday) continue;
      end = at + weekday[0].length;
      value = normalise(text.slice(start, end)).toLowerCase();
    }
    facts.push(fact("deadline", text, start, end, base, value));
    DEADLINE_SCAN.lastIndex = end;
  }
  return facts;
}

/** End of "efter modtagelsen af afgørelsen" after a duration (or `at` when there is none). */
function durationAnchorEnd(text: string, at: number): number {
  const anchor = stickyAt(ANCHOR_AT, text, at);
  if (!anchor) return at;
  const end = clauseEnd(text, at + anchor[0].length, ANCHOR_MAX_WORDS);
  return end > at + anchor[0].length ? end : at;
}

/** The ISO date `count` days, weeks or months after `iso`; undefined for business days. */
function addDuration(iso: string, count: string, unit: string): string | undefined {
  const amount = /^\d+$/u.test(count) ? Number(count) : NUMBER_WORDS.get(count.toLowerCase());
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const counts = DURATION_UNITS.get(unit.toLowerCase());
  if (amount === undefined || counts === undefined || counts === "businessDay") return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (counts === "day") date.setUTCDate(date.getUTCDate() + amount);
  else if (counts === "week") date.setUTCDate(date.getUTCDate() + 7 * amount);
  else date.setUTCMonth(date.getUTCMonth() + amount);
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
