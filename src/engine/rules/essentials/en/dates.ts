import { alternation as formsAlternation, vocabulary } from "../../../linguistics/vocabulary.js";
import type { DateReader } from "../date-context.js";
import type { DateParts } from "../dates.js";

/**
 * English dates and clock times: "Wednesday 9 December 2026", "9th of December", "December 9,
 * 2026", "9/12/2026" (day first, as in the UK and Denmark); "at 11.00", "11:00", "11am",
 * "10.30 a.m.", ranges "10.00-11.30". Month and weekday names come from the shared English
 * vocabularies @months and @weekdays.
 */
const MONTHS = vocabulary("months", "en").entries;
const WEEKDAYS = vocabulary("weekdays", "en").entries;

const monthIndex = new Map<string, number>();
MONTHS.forEach((entry, index) => {
  for (const form of [...entry.forms, ...(entry.abbreviations ?? [])])
    monthIndex.set(form.toLowerCase(), index + 1);
});
const weekdayIndex = new Map<string, number>();
WEEKDAYS.forEach((entry, index) => {
  for (const form of [...entry.forms, ...(entry.abbreviations ?? [])])
    weekdayIndex.set(form.toLowerCase(), index);
});

const alternation = (names: Iterable<string>) =>
  [...names].sort((a, b) => b.length - a.length).join("|");
const MONTH = `(${alternation(monthIndex.keys())})\\.?`;
const ARTICLE = formsAlternation("dateArticles", "en");
const WEEKDAY = `(?:(${alternation(weekdayIndex.keys())})\\.?,?\\s+(?:(?:${ARTICLE})\\s+)?)?`;
const DAY = `(\\d{1,2})(?:${formsAlternation("ordinalSuffixes", "en")})?`;
const OF = `(?:(?:${formsAlternation("monthPrepositions", "en")})\\s+)?`;
const YEAR = "(?:,?\\s+(\\d{4}))?";

/** Day first, month name first, numeric day/month/year. Groups per shape, read by partsOf. */
export const DATE_SCAN_EN = new RegExp(
  [
    `${WEEKDAY}${DAY}\\s+${OF}${MONTH}${YEAR}`,
    `${WEEKDAY}${MONTH}\\s+${DAY}${YEAR}`,
    `${WEEKDAY}(\\d{1,2})/(\\d{1,2})/(\\d{4})`,
  ]
    .map((source) => `(?:${source})`)
    .join("|")
    .replace(/^/u, "(?<![\\p{L}\\p{N}])(?:")
    .concat(")(?![\\p{L}\\p{N}])"),
  "giu"
);

export function datePartsEn(match: RegExpExecArray): DateParts | undefined {
  const g = match;
  const weekdayOf = (name: string | undefined) =>
    name === undefined ? undefined : weekdayIndex.get(name.toLowerCase());
  let parts: DateParts | undefined;
  if (g[2] !== undefined) {
    parts = { day: Number(g[2]), month: monthIndex.get(g[3]!.toLowerCase())!, introduced: true };
    if (g[4]) parts.year = Number(g[4]);
    const weekday = weekdayOf(g[1]);
    if (weekday !== undefined) parts.weekday = weekday;
  } else if (g[6] !== undefined) {
    parts = { day: Number(g[7]), month: monthIndex.get(g[6]!.toLowerCase())!, introduced: true };
    if (g[8]) parts.year = Number(g[8]);
    const weekday = weekdayOf(g[5]);
    if (weekday !== undefined) parts.weekday = weekday;
  } else if (g[10] !== undefined) {
    parts = { day: Number(g[10]), month: Number(g[11]), year: Number(g[12]), introduced: true };
    const weekday = weekdayOf(g[9]);
    if (weekday !== undefined) parts.weekday = weekday;
  }
  if (!parts || parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31)
    return undefined;
  return parts;
}

/** English dates for the shared year inference and weekday check. */
export const ENGLISH_DATES: DateReader = {
  scan: DATE_SCAN_EN,
  partsOf: datePartsEn,
  weekdayOf: (match) => match[1] ?? match[5] ?? match[9],
  startOf: (match) => match.index,
};

/**
 * Clock times: after a time word ("at 10.00", "before 8.30"), with am/pm ("11am", "2.30 pm"), or
 * with a colon ("11:00"). `words`: the time words as one regex alternation; `range`: what joins
 * a range's two times, as one alternation. A range "10.00-11.30" / "10.00 to 11.30" keeps both ends.
 */
export function timeScanEn(words: string, range: string): RegExp {
  const clock = `(\\d{1,2})(?:[.:](\\d{2}))?\\s*(${formsAlternation("meridiems", "en")})?`;
  return new RegExp(
    `(?<![\\p{L}\\p{N}.:/])(?:(?:(${words})\\s+)?${clock})(?:\\s*(?:${range})\\s*${clock})?(?![\\p{L}\\p{N}]|[.:]\\d)`,
    "giu"
  );
}

/** The afternoon's marks: @meridiems lists the morning's first, then the afternoon's. */
const AFTERNOON = new Set(
  vocabulary("meridiems", "en").entries[1]!.forms.map((form) => form.toLowerCase())
);

/** "HH:MM" from hour, minutes and am/pm, or undefined when it is not a clock time. */
export function hhmm(hour?: string, minutes?: string, meridiem?: string): string | undefined {
  if (hour === undefined) return undefined;
  let h = Number(hour);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    const pm = AFTERNOON.has(meridiem.toLowerCase());
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
  }
  if (h > 23 || m > 59) return undefined;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}
