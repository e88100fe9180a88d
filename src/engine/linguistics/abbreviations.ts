import { DANISH_MONTHS } from "./calendar.js";
import { lemmas } from "./vocabulary.js";

/**
 * Danish abbreviations for sentence splitting, lower-case and without their final full stop,
 * from the shared vocabularies @abbreviations, @months (their abbreviations: "3. dec. 2026") and
 * @sentenceFinalAbbreviations.
 */

/** Abbreviations whose full stop never ends a sentence ("jf.", "kl.", "stk.", "dec."). */
export const NEVER_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...lemmas("abbreviations"),
  ...DANISH_MONTHS.flatMap((month) => month.abbreviations),
]);

/** Abbreviations that end a sentence before a capital letter ("osv.", "m.m.", "etc."). */
export const SENTENCE_FINAL_ABBREVIATIONS: ReadonlySet<string> = new Set(
  lemmas("sentenceFinalAbbreviations")
);
