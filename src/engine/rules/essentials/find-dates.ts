import type { Fact } from "../../types.js";
import { type DateContext, resolveInLetter } from "./date-context.js";
import { datePartsOf, timeRangeAt, timeValueOf } from "./dates.js";
import { DATE_SCAN, TIME_SCAN } from "./patterns.js";
import { fact, scan, startOf } from "./scanning.js";

/** Dates ("mandag den 7. december 2026", "7/12-2026", "d. 7.12") and clock times ("kl. 9.15"). */

/**
 * Every date and clock time (DATE_SOURCE, TIME_SOURCE) has an ASCII digit: a block without one
 * skips the scans, which V8 would otherwise try at every position of the block.
 */
const DIGIT = /[0-9]/u;

export function findDates(text: string, base: number, context: DateContext): Fact[] {
  const facts: Fact[] = [];
  if (!DIGIT.test(text)) return facts;
  for (const match of scan(DATE_SCAN, text)) {
    const parts = datePartsOf(match, 1);
    if (!parts) continue;
    const value = resolveInLetter(parts, context);
    if (!value) continue; // "29. februar" in a year without one: not a real date
    const start = startOf(match);
    const end = match.index + match[0].length;
    facts.push(fact("date", text, start, end, base, value));
  }
  return facts;
}

/** Clock times; a range ("kl. 13.30-15.00", "fra kl. 9 til kl. 12") is one fact with both ends. */
export function findTimes(text: string, base: number): Fact[] {
  const facts: Fact[] = [];
  if (!DIGIT.test(text)) return facts;
  let covered = 0;
  for (const match of scan(TIME_SCAN, text)) {
    const start = startOf(match);
    if (start < covered) continue; // the end of a range already read
    const value = timeValueOf(match, 1);
    if (!value) continue;
    // The hour's digits: the first digit after "kl." or "klokken".
    const digitsAt = start + match[0].slice(match[1]!.length).search(/\d/u);
    const range = timeRangeAt(text, digitsAt, value);
    const end = range?.end ?? match.index + match[0].length;
    covered = end;
    facts.push(fact("time", text, start, end, base, range?.value ?? value));
  }
  return facts;
}
