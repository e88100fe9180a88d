/**
 * Danish formats for letters: dates ("mandag den 7. december 2026"), times ("kl. 10.00"), money
 * ("1.234,50 kr."), phone numbers ("89 15 10 00") and deadlines counted in weeks. Pure functions;
 * each throws a short Error (naming the bad value) that the renderer turns into a template error.
 */

import { DANISH_MONTHS, DANISH_WEEKDAYS } from "../engine/linguistics/calendar.js";

// One list of Danish month and weekday names for the whole product: the @months vocabulary.
const MONTHS = DANISH_MONTHS.map((month) => month.name);
/** Sunday first, as Date.getUTCDay() counts; the lexicon lists the Danish week Monday first. */
const WEEKDAYS = [DANISH_WEEKDAYS[6]!, ...DANISH_WEEKDAYS.slice(0, 6)];

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parse "2026-12-07" (also the date part of "2026-12-07T10:00"); throws on anything else. */
export function parseIsoDate(value: unknown): DateParts {
  const text = String(value ?? "");
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2})?)?$/u.exec(text);
  if (!match) throw new Error(`"${text}" is not a date (write YYYY-MM-DD)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    throw new Error(`"${text}" is not a date in the calendar`);
  }
  return { year, month, day };
}

/** Parse "10:00", "9.15" or the time of "2026-12-07T10:00"; returns hours and minutes. */
export function parseTime(value: unknown): { hours: number; minutes: number } {
  const text = String(value ?? "");
  const match = /^(?:\d{4}-\d{2}-\d{2}T)?(\d{1,2})[:.](\d{2})(?::\d{2})?$/u.exec(text);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 23 || minutes > 59)
    throw new Error(`"${text}" is not a time (write HH:MM)`);
  return { hours, minutes };
}

/** Parse "2026-12-07T10:00". */
export function parseDateTime(value: unknown): DateParts & { hours: number; minutes: number } {
  const text = String(value ?? "");
  if (!/^\d{4}-\d{2}-\d{2}T\d{1,2}:\d{2}(?::\d{2})?$/u.test(text)) {
    throw new Error(`"${text}" is not a date and time (write YYYY-MM-DDTHH:MM)`);
  }
  return { ...parseIsoDate(text.slice(0, 10)), ...parseTime(text) };
}

function weekday({ year, month, day }: DateParts): string {
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

/** "7. december 2026" */
export function formatShortDate(value: unknown): string {
  const date = parseIsoDate(value);
  return `${date.day}. ${MONTHS[date.month - 1]} ${date.year}`;
}

/** "mandag den 7. december 2026" */
export function formatDate(value: unknown): string {
  const date = parseIsoDate(value);
  return `${weekday(date)} den ${formatShortDate(value)}`;
}

/** "kl. 10.00", "kl. 9.15" */
export function formatTime(value: unknown): string {
  const { hours, minutes } = parseTime(value);
  return `kl. ${hours}.${String(minutes).padStart(2, "0")}`;
}

/** "mandag den 7. december 2026 kl. 10.00" */
export function formatDateTime(value: unknown): string {
  parseDateTime(value);
  return `${formatDate(String(value).slice(0, 10))} ${formatTime(value)}`;
}

/**
 * Money as a number of kroner: a JSON number, "1234.5", or Danish "1.234,50". Returns øre as an
 * integer, so no float rounding reaches the letter.
 */
export function parseMoney(value: unknown): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`"${value}" is not an amount`);
    return Math.round(value * 100);
  }
  const text = String(value ?? "").trim();
  let match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/u.exec(text);
  if (!match) {
    match = /^(-?)(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{1,2}))?$/u.exec(text);
    if (match) match[2] = match[2]!.replaceAll(".", "");
  }
  if (!match) throw new Error(`"${text}" is not an amount (write 1234.50 or 1.234,50)`);
  const ore = Number(match[2]) * 100 + Number((match[3] ?? "0").padEnd(2, "0"));
  return match[1] ? -ore : ore;
}

/** "1.234,50 kr." */
export function formatMoney(value: unknown): string {
  const ore = parseMoney(value);
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  const kroner = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/gu, ".");
  return `${sign}${kroner},${String(abs % 100).padStart(2, "0")} kr.`;
}

/** A Danish phone number: eight digits, optionally after +45 or 0045. Returns the digits. */
export function parsePhone(value: unknown): string {
  const text = String(value ?? "");
  const digits = text.replace(/[\s-]/gu, "").replace(/^(?:\+45|0045)/u, "");
  if (!/^\d{8}$/u.test(digits))
    throw new Error(`"${text}" is not a Danish phone number (8 digits)`);
  return digits;
}

/** "89 15 10 00" */
export function formatPhone(value: unknown): string {
  return parsePhone(value).replace(/(\d{2})(?=\d)/gu, "$1 ");
}

/** The date `weeks` weeks after an ISO date, as an ISO date (for appeal deadlines). */
export function addWeeks(value: unknown, weeks: number): string {
  const { year, month, day } = parseIsoDate(value);
  if (!Number.isInteger(weeks)) throw new Error(`"${weeks}" is not a whole number of weeks`);
  const date = new Date(Date.UTC(year, month - 1, day + weeks * 7));
  return date.toISOString().slice(0, 10);
}
