import type { Fact } from "../../types.js";
import { DANISH_MONTHS, DANISH_WEEKDAYS } from "../../linguistics/calendar.js";
import { matchersOf } from "../matchers.js";
import type { Letter } from "../../letter/model.js";
import { normalisedLetter } from "./letter-text.js";
import { normaliseWithOffsets } from "./normalise.js";
import { danishRegExp } from "./sanction.js";

const MONTHS = DANISH_MONTHS.map((month) => month.name).join("|");
const WEEKDAYS = DANISH_WEEKDAYS.join("|");

/** The words before a deadline's date: the rule file's entries ("senest", "inden", "frist..."). */
const CUES = matchersOf("legal/hearing-deadline")
  .map((entry) => entry.regex!)
  .join("|");
/** "senest den 2. december 2026", "inden fredag den 4. december", "fristen er 2.12.2026". */
const DEADLINE = danishRegExp(
  `\\b(?:${CUES})\\b.{0,60}?\\b(?:\\d{1,2}\\.\\s?(?:${MONTHS})|\\d{1,2}\\.\\d{1,2}\\.(?:\\d{2,4})?|(?:${WEEKDAYS}))`
);

/**
 * A partshøring (forvaltningsloven § 19) must give the citizen a deadline for comments. The
 * essentials family's deadline facts count; so does a date after "senest", "inden" or "frist".
 */
export function hasHearingDeadline(
  text: string | Letter,
  facts: readonly Fact[] | undefined
): boolean {
  if (facts?.some((fact) => fact.kind === "deadline")) return true;
  // A letter's normalised text is put together from its blocks' (read once per block text).
  const normalised =
    typeof text === "string" ? normaliseWithOffsets(text).text : normalisedLetter(text).text;
  return DEADLINE.test(normalised);
}
