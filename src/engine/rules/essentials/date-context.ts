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
import { dateLineIndex } from "./structure.js";

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

export function dateContext(letter: Letter, options: DateContextOptions = {}): DateContext {
  if (options.referenceDate !== undefined) assertIsoDate(options.referenceDate);
  const knownYears = new Map<string, number>();
  const dateLineBlock = letter.blocks[dateLineIndex(letter)];
  let dateLine: string | undefined;
  let latest: string | undefined;
  for (const block of letter.blocks) {
    if (block.kind === "legal") continue;
    DATE_SCAN.lastIndex = 0;
    for (let match = DATE_SCAN.exec(block.text); match; match = DATE_SCAN.exec(block.text)) {
      const parts = datePartsOf(match, 1);
      if (parts?.year === undefined) continue;
      if (block === dateLineBlock) dateLine ??= toIso(parts.year, parts.month, parts.day);
      else {
        if (!knownYears.has(dayKey(parts))) knownYears.set(dayKey(parts), parts.year);
        const iso = toIso(parts.year, parts.month, parts.day);
        if (latest === undefined || iso > latest) latest = iso;
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
