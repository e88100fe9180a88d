import { DANISH_MONTHS, DANISH_WEEKDAYS } from "../../linguistics/calendar.js";
import { alternation } from "../../linguistics/vocabulary.js";
import { roleSource } from "./entries.js";
import { weekdayData } from "./wording.js";

/**
 * Danish dates and times: the patterns, parsing to ISO values, year inference and formatting.
 * All regular expressions are built once, here.
 */

const MONTH_BY_NAME = new Map<string, number>();
DANISH_MONTHS.forEach((month, index) => {
  MONTH_BY_NAME.set(month.name, index + 1);
  for (const abbreviation of month.abbreviations) MONTH_BY_NAME.set(abbreviation, index + 1);
});

/** Monday-first index (0 = mandag) by lower-case name. */
const WEEKDAY_BY_NAME = new Map<string, number>(
  DANISH_WEEKDAYS.map((name, index) => [name, index])
);

const byLengthDesc = (a: string, b: string) => b.length - a.length;

/** Full names first; abbreviations take an optional full stop ("3. dec. 2026"). */
const MONTH_SOURCE = [
  ...DANISH_MONTHS.map((month) => month.name).sort(byLengthDesc),
  ...DANISH_MONTHS.flatMap((month) => month.abbreviations)
    .sort(byLengthDesc)
    .map((abbr) => `${abbr}\\.?`),
].join("|");

export const WEEKDAY_SOURCE = [...DANISH_WEEKDAYS].sort(byLengthDesc).join("|");

/** What may not follow a numeric date: more digits or letters ("7/12-2026-3" is no date). */
const DATE_END = "(?![\\p{L}\\p{N}]|[./,-]\\d)";

/**
 * One date, as a regex source without a left boundary (callers add their own):
 * weekday? den|d. (@dateArticles)? ( D. month [YYYY] | D/M[-/.YYYY] ).
 * Groups: 1 weekday, 2 den/d., 3 day, 4 month name, 5 year, 6 day, 7 month, 8 year, 9 year.
 * A numeric date without a year needs "den", "d." or a weekday in front: "lokale 2.14" is no date.
 * A hyphen separates day and month only in a whole day-month-year with a four-digit year
 * ("09-11-2026"): "kl. 8-12", "2-3 dage", "s. 12-14" and "010203-1234" are ranges and numbers.
 * (The hyphen's condition is a lookahead, so the group numbers above stay as they are.)
 */
export const DATE_SOURCE =
  `(?:(${WEEKDAY_SOURCE})(?:\\s+|,\\s*))?(?:(${alternation("dateArticles")})\\s*)?` +
  `(?:(\\d{1,2})\\.\\s*(${MONTH_SOURCE})(?![\\p{L}])(?:\\s+(\\d{4})(?![\\p{N}]))?` +
  `|(\\d{1,2})(?:[./]|-(?=\\d{1,2}-(?:19|20)\\d{2}${DATE_END}))(\\d{1,2})(?:[./-](\\d{4}|\\d{2})|\\s(\\d{4}))?${DATE_END})`;

/**
 * One clock time: "kl. 9.15", "kl. 10:30", "klokken 10", "kl. 8.00-13.00", or bare "10:30"; the
 * word before it is the not-in-lead rule's timeIntroducer entry.
 */
export const TIME_SOURCE =
  `(?:(${roleSource("timeIntroducer")})\\s*(\\d{1,2})(?:[.:](\\d{2}))?(?:\\s*[-–]\\s*\\d{1,2}(?:[.:]\\d{2})?)?` +
  `|(\\d{1,2}):(\\d{2}))(?![\\p{L}\\p{N}]|[.:]\\d)`;

/** Left boundary for scanning: start of text or a character that is not a letter or digit. */
export const BOUNDARY = "(^|[^\\p{L}\\p{N}])";

const DATE_ANYWHERE = new RegExp(BOUNDARY + DATE_SOURCE, "iu");
const TIME_ONLY = new RegExp(`^\\s*${TIME_SOURCE}\\s*$`, "iu");

/** What a date expression says, before a year is inferred. */
export interface DateParts {
  day: number;
  month: number;
  year?: number;
  /** Monday-first weekday index when the text names one. */
  weekday?: number;
  /** Whether a "den"/"d." or weekday stood before it. */
  introduced: boolean;
}

/** Read the groups of a DATE_SOURCE match (group numbers relative to `offset`). */
export function datePartsOf(
  groups: readonly (string | undefined)[],
  offset = 0
): DateParts | undefined {
  const at = (index: number) => groups[offset + index];
  const weekdayName = at(1)?.toLowerCase();
  const introduced = Boolean(at(1) || at(2));
  let day: number;
  let month: number;
  let yearText: string | undefined;
  if (at(3) !== undefined) {
    day = Number(at(3));
    month = MONTH_BY_NAME.get(at(4)!.toLowerCase().replace(/\.$/u, "")) ?? 0;
    yearText = at(5);
  } else {
    day = Number(at(6));
    month = Number(at(7));
    yearText = at(8) ?? at(9);
    if (yearText === undefined && !introduced) return undefined;
  }
  let year: number | undefined;
  if (yearText !== undefined)
    year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (year !== undefined && !isValidDate(year, month, day)) return undefined;
  if (year === undefined && !isValidDate(2028, month, day)) return undefined; // 2028: leap year
  const parts: DateParts = { day, month, introduced };
  if (year !== undefined) parts.year = year;
  if (weekdayName !== undefined) parts.weekday = WEEKDAY_BY_NAME.get(weekdayName);
  return parts;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

export function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function fromIso(iso: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { year, month, day } : undefined;
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** Throws a clear one-line error unless `value` is a real ISO date (YYYY-MM-DD). */
export function assertIsoDate(value: unknown, name = "referenceDate"): asserts value is string {
  if (typeof value !== "string" || !fromIso(value)) {
    throw new Error(`${name} must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(value)}`);
  }
}

/** Monday-first weekday index (0 = mandag) of an ISO date. */
export function weekdayIndex(iso: string): number {
  const parts = fromIso(iso);
  if (!parts) throw new Error(`Not an ISO date: ${iso}`);
  return (new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay() + 6) % 7;
}

/** Today as ISO, in local time (the caseworker's calendar day). */
export function todayIso(): string {
  const now = new Date();
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** How far back a year-less date is read as recent past (letters refer back to the last meeting). */
const GRACE_DAYS_BACK = weekdayData().graceDaysBack ?? 31;

/** How far back a fitting weekday may place a date written without a year. */
const HALF_YEAR_DAYS = 183;

/**
 * The year of a day and month written without one: on or after the
 * reference date, or up to `graceDaysBack` days (weekday-mismatch.yml) before it (recent past); a written weekday that
 * fits a date up to half a year back wins (a wrong weekday is reported by
 * essentials/weekday-mismatch). Undefined when the day exists in none of the neighbouring years
 * ("29. februar" in a letter from 2026): no year makes it a real date the citizen can act on.
 */
export function inferYear(
  day: number,
  month: number,
  referenceIso: string,
  weekday?: number
): number | undefined {
  const reference = fromIso(referenceIso);
  if (!reference) throw new Error(`Not an ISO date: ${referenceIso}`);
  const referenceDay = dayNumber(reference.year, reference.month, reference.day);
  const grace = GRACE_DAYS_BACK;
  const candidates = [reference.year - 1, reference.year, reference.year + 1].filter((year) =>
    isValidDate(year, month, day)
  );
  const inWindow = (year: number) => {
    const distance = dayNumber(year, month, day) - referenceDay;
    return distance >= -grace && distance < 366 - grace;
  };
  if (weekday !== undefined) {
    const matching = candidates.filter((year) => weekdayIndex(toIso(year, month, day)) === weekday);
    // A fitting weekday may reach back half a year ("torsdag den 3. december" in a letter from
    // June 2027 is last December) or up to a year ahead, but no further back: a meeting "onsdag den 3. december" in a letter
    // from November 2026 is in 2026 with a wrong weekday, not in 2025 (a Wednesday) a year ago.
    const nearPast = (year: number) => {
      const distance = dayNumber(year, month, day) - referenceDay;
      return distance >= -HALF_YEAR_DAYS && distance < 366;
    };
    const best = matching.find(inWindow) ?? matching.find(nearPast);
    if (best !== undefined) return best;
  }
  return candidates.find(inWindow) ?? candidates.find((year) => year === reference.year);
}

export interface ParseDateOptions {
  /** ISO date used to infer a missing year; today when absent. */
  referenceDate?: string;
}

/**
 * Parse the first Danish date in `text` to ISO YYYY-MM-DD: "mandag den 7. december 2026",
 * "7/12-2026", "07.12.2026", "d. 7.12", "den 3. december". Undefined when there is none.
 */
export function parseDanishDate(text: string, options: ParseDateOptions = {}): string | undefined {
  const match = DATE_ANYWHERE.exec(text);
  if (!match) return undefined;
  const parts = datePartsOf(match, 1);
  if (!parts) return undefined;
  return resolveDate(parts, options.referenceDate ?? todayIso());
}

/** The ISO date of parsed parts; undefined when no year makes it a real date. */
export function resolveDate(parts: DateParts, referenceIso: string): string | undefined {
  const year = parts.year ?? inferYear(parts.day, parts.month, referenceIso, parts.weekday);
  return year === undefined ? undefined : toIso(year, parts.month, parts.day);
}

/** Parse a Danish clock time to HH:MM: "kl. 9.15" -> "09:15", "klokken 10" -> "10:00". */
export function parseDanishTime(text: string): string | undefined {
  const match = TIME_ONLY.exec(text);
  return match ? timeValueOf(match, 0) : undefined;
}

/** Read the groups of a TIME_SOURCE match (group numbers relative to `offset`). */
export function timeValueOf(
  groups: readonly (string | undefined)[],
  offset = 0
): string | undefined {
  const at = (index: number) => groups[offset + index];
  const hour = Number(at(2) ?? at(4));
  const minute = Number(at(3) ?? at(5) ?? "0");
  if (!Number.isInteger(hour) || hour > 24 || minute > 59 || (hour === 24 && minute > 0))
    return undefined;
  return `${pad(hour)}:${pad(minute)}`;
}

/**
 * The end of a clock-time range right after (or inside) a TIME_SOURCE match: "kl. 13.30-15.00",
 * "kl. 13.30 - 15", "fra kl. 9 til kl. 12". Groups: 1 hour, 2 minutes.
 */
const RANGE_END = new RegExp(
  `\\s*(?:${roleSource("rangeConnector")})\\s*(?:(?:${roleSource("timeIntroducer")})\\s*)?(\\d{1,2})(?:[.:](\\d{2}))?(?![\\p{L}\\p{N}]|[.:]\\d)`,
  "iuy"
);

/**
 * A clock time and, when a range follows, its end: "kl. 13.30-15.00" -> "13:30-15:00". `start`
 * is the HH:MM the match already gave; the range is read from `text` at `at`, where the time's
 * own digits begin. Returns the value and where the time (with its range) ends.
 */
export function timeRangeAt(
  text: string,
  at: number,
  start: string
): { value: string; end: number } | undefined {
  const startDigits = /\d{1,2}(?:[.:]\d{2})?/uy;
  startDigits.lastIndex = at;
  if (!startDigits.exec(text)) return undefined;
  RANGE_END.lastIndex = startDigits.lastIndex;
  const match = RANGE_END.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? "0");
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return undefined;
  const end = `${pad(hour)}:${pad(minute)}`;
  if (end <= start) return undefined;
  return { value: `${start}-${end}`, end: RANGE_END.lastIndex };
}

/** "2026-12-03" -> "torsdag den 3. december 2026" (or without the weekday). */
export function formatDanishDate(
  iso: string,
  options: { weekday?: boolean; year?: boolean } = {}
): string {
  const parts = fromIso(iso);
  if (!parts) throw new Error(`Not an ISO date: ${iso}`);
  const month = DANISH_MONTHS[parts.month - 1]!.name;
  const weekday = options.weekday === false ? "" : `${DANISH_WEEKDAYS[weekdayIndex(iso)]} `;
  const year = options.year === false ? "" : ` ${parts.year}`;
  return `${weekday}den ${parts.day}. ${month}${year}`;
}

/**
 * "09:15" -> "9.15": Danish clock times use a full stop and no leading zero. A range keeps both
 * ends: "13:30-15:00" -> "13.30-15.00".
 */
export function formatDanishTime(hhmm: string): string {
  const match = /^(\d{2}):(\d{2})(?:-(\d{2}):(\d{2}))?$/u.exec(hhmm);
  if (!match) throw new Error(`Not a time: ${hhmm}`);
  const start = `${Number(match[1])}.${match[2]}`;
  return match[3] === undefined ? start : `${start}-${Number(match[3])}.${match[4]}`;
}
