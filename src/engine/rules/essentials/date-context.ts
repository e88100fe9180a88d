import type { Letter } from "../../letter/model.js";
import {
  assertIsoDate,
  datePartsOf,
  resolveDate,
  todayIso,
  toIso,
  type DateParts,
} from "./dates.js";
import { DATE_SCAN } from "./patterns.js";
import { scan, startOf } from "./scanning.js";
import { dateLineIndex } from "./structure.js";
import { memoByTextPer } from "../../util/text-memo.js";

/**
 * How one language writes dates: the scanning pattern and how a match is read. Year inference
 * (dateContext, resolveInLetter) and the weekday check are one implementation for every language.
 */
export interface DateReader {
  /** Global pattern over a block's text. */
  scan: RegExp;
  partsOf(match: RegExpExecArray): DateParts | undefined;
  /** The weekday as written in the match ("Onsdag"), if any. */
  weekdayOf(match: RegExpExecArray): string | undefined;
  /** Offset where the date proper starts (after a consumed left boundary). */
  startOf(match: RegExpExecArray): number;
}

/** Danish dates: "onsdag den 9. december 2026", "9.12.2026", "d. 9/12". */
export const DANISH_DATES: DateReader = {
  scan: DATE_SCAN,
  partsOf: (match) => datePartsOf(match, 1),
  weekdayOf: (match) => match[2],
  startOf,
};

export interface DateContextOptions {
  /** ISO date used to infer missing years when the letter has no date line; today otherwise. */
  referenceDate?: string;
}

/**
 * Missing years are inferred from, in order: the same day and month written with a year
 * elsewhere in the letter; the letter's date line; the referenceDate option; the latest date
 * written with a year elsewhere in the letter (a letter without a date line that says "modtaget
 * den 20. november 2030" and "mødet den 2. december" is from late 2030, whatever today is); today.
 */
export interface DateContext {
  referenceDate: string;
  /** The letter's own date (its date line), when it has one: "14 dage fra dato for dette brev". */
  letterDate?: string;
  /** "month-day" -> year, from dates in the letter written with a year. */
  knownYears: Map<string, number>;
}

export function dateContext(
  letter: Letter,
  options: DateContextOptions = {},
  reader: DateReader = DANISH_DATES
): DateContext {
  if (options.referenceDate !== undefined) assertIsoDate(options.referenceDate);
  const knownYears = new Map<string, number>();
  const dateLineBlock = letter.blocks[dateLineIndex(letter)];
  let dateLine: string | undefined;
  let latest: string | undefined;
  for (const block of letter.blocks) {
    if (block.kind === "legal") continue;
    for (const dated of datedIn(reader, block.text)) {
      if (block === dateLineBlock) dateLine ??= dated.iso;
      else {
        if (!knownYears.has(dated.day)) knownYears.set(dated.day, dated.year);
        if (latest === undefined || dated.iso > latest) latest = dated.iso;
      }
    }
  }
  const context: DateContext = {
    referenceDate: dateLine ?? options.referenceDate ?? latest ?? todayIso(),
    knownYears,
  };
  if (dateLine) context.letterDate = dateLine;
  return context;
}

/** The reference date a letter's year-less dates are read against (see dateContext). */
export function referenceDateOf(letter: Letter, options: DateContextOptions = {}): string {
  return dateContext(letter, options).referenceDate;
}

/** A date written with its year. */
interface Dated {
  /** "month-day". */
  day: string;
  year: number;
  iso: string;
}

/**
 * The dates a block writes with a year, per block text (and way of writing dates): while the
 * caseworker types, only the edited block is read anew.
 */
const datedIn = memoByTextPer((reader: DateReader, text: string): Dated[] => {
  const found: Dated[] = [];
  for (const match of scan(reader.scan, text)) {
    const parts = reader.partsOf(match);
    if (parts?.year === undefined) continue;
    found.push({
      day: dayKey(parts),
      year: parts.year,
      iso: toIso(parts.year, parts.month, parts.day),
    });
  }
  return found;
});

function dayKey(parts: Pick<DateParts, "day" | "month">): string {
  return `${parts.month}-${parts.day}`;
}

export function resolveInLetter(parts: DateParts, context: DateContext): string | undefined {
  if (parts.year === undefined) {
    const known = context.knownYears.get(dayKey(parts));
    if (known !== undefined) return toIso(known, parts.month, parts.day);
  }
  return resolveDate(parts, context.referenceDate);
}
