import { vocabulary } from "./vocabulary.js";

/**
 * Month and weekday names for the whole product (engine, templates, task pane), from the shared
 * vocabularies @months and @weekdays: one list, not six.
 */
export interface MonthName {
  name: string;
  abbreviations: string[];
}

function monthsOf(language: "da" | "en"): MonthName[] {
  return vocabulary("months", language).entries.map((entry) => ({
    name: entry.lemma,
    abbreviations: entry.abbreviations ?? [],
  }));
}

/** Danish months in calendar order, with their abbreviations. */
export const DANISH_MONTHS: readonly MonthName[] = monthsOf("da");
/** Danish weekdays, Monday first as in the Danish week. */
export const DANISH_WEEKDAYS: readonly string[] = vocabulary("weekdays", "da").entries.map(
  (entry) => entry.lemma
);
export const ENGLISH_MONTHS: readonly MonthName[] = monthsOf("en");
export const ENGLISH_WEEKDAYS: readonly string[] = vocabulary("weekdays", "en").entries.map(
  (entry) => entry.lemma
);
