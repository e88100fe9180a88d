import type { Root } from "nlcst";
import type { VFile } from "vfile";
import type { ReplaceEdit } from "../../edits/edit.js";
import { checkEdit } from "../../edits/guard.js";
import type { BlockKind, Letter } from "../../letter/model.js";
import { DANISH_WEEKDAYS, ENGLISH_WEEKDAYS } from "../../linguistics/calendar.js";
import { report } from "../../report.js";
import type { MatcherLanguage } from "../matchers.js";
import {
  DANISH_DATES,
  dateContext,
  type DateContext,
  type DateReader,
  resolveInLetter,
} from "./date-context.js";
import { formatDanishDate, weekdayIndex, type DateParts } from "./dates.js";
import { ENGLISH_DATES } from "./en/dates.js";
import { formatEnglishDate } from "./en/lead.js";
import { capitalise, render } from "./generate.js";
import { referenceDateOption } from "./rule-facts.js";
import { normalise, scan } from "./scanning.js";
import { headerEnd, subjectIndex } from "./structure.js";
import { weekdayData, type WeekdayData } from "./wording.js";
import { memoByTextPer } from "../../util/text-memo.js";

export const WEEKDAY_RULE_ID = "essentials/weekday-mismatch";

/** Blocks the rule does not read: approved legal text, letterhead, date line, sign-off. */
const SKIPPED_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>([
  "legal",
  "address",
  "date",
  "greeting",
  "closing",
  "signature",
]);

/** What the check needs of a language: its dates, weekday names and wording. */
interface WeekdayLanguage {
  dates: DateReader;
  /** Lower-case weekday names, Monday first. */
  weekdays: readonly string[];
  /** The weekday as the message names it ("torsdag", "Thursday"). */
  named(weekday: string): string;
  /** The corrected weekday in the case of the written one. */
  cased(written: string, weekday: string): string;
  /** The date without its weekday ("3. december 2026", "3 December 2026"). */
  date(iso: string): string;
  wording: WeekdayData;
}

const LANGUAGES: Record<MatcherLanguage, WeekdayLanguage> = {
  da: {
    dates: DANISH_DATES,
    weekdays: DANISH_WEEKDAYS,
    named: (weekday) => weekday,
    cased: sameCase,
    date: (iso) => formatDanishDate(iso, { weekday: false }),
    wording: weekdayData("da"),
  },
  en: {
    dates: ENGLISH_DATES,
    weekdays: ENGLISH_WEEKDAYS,
    // English weekdays are always written with a capital.
    named: capitalise,
    cased: (_written, weekday) => capitalise(weekday),
    date: (iso) => formatEnglishDate(iso, false),
    wording: weekdayData("en"),
  },
};

/**
 * unified plugin: a weekday written next to a date that falls on another day ("onsdag den 3.
 * december 2026" is a Thursday; "Wednesday 3 December 2026" too). Proposes the right weekday; the
 * date is left alone, as it is more often the part the caseworker copied correctly. A missing
 * year is read as the essentials facts read it; when no year can be inferred, nothing is said.
 * One implementation for Danish and English letters.
 */
export function retextEssentialsWeekday() {
  return (_tree: Root, file: VFile): void => {
    const letter = file.data.letter;
    const language = file.data.language ?? "da";
    if (!letter || (language !== "da" && language !== "en")) return;
    const spec = LANGUAGES[language];
    const context = dateContext(letter, { referenceDate: referenceDateOption(file) }, spec.dates);
    const header = headerEnd(letter);
    const subject = subjectIndex(letter);
    letter.blocks.forEach((block, index) => {
      if (SKIPPED_KINDS.has(block.kind)) return;
      // Above the greeting only the subject line speaks; the rest is letterhead.
      if (index < header && index !== subject) return;
      checkBlock(file, letter, block.text, block.start, context, spec);
    });
  };
}

/** A date written with a weekday, relative to its block. */
interface WeekdayDate {
  /** Where the date proper starts and the match ends. */
  start: number;
  end: number;
  written: string;
  parts: DateParts & { weekday: number };
}

/**
 * A block's dates written with a weekday, per block text (and language): while the caseworker
 * types, only the edited block is read anew; the letter's year context is applied on use.
 */
const weekdayDatesIn = memoByTextPer((spec: WeekdayLanguage, text: string): WeekdayDate[] => {
  const found: WeekdayDate[] = [];
  for (const match of scan(spec.dates.scan, text)) {
    const written = spec.dates.weekdayOf(match);
    const parts = spec.dates.partsOf(match);
    if (written === undefined || parts?.weekday === undefined) continue;
    found.push({
      start: spec.dates.startOf(match),
      end: match.index + match[0].length,
      written,
      parts: parts as DateParts & { weekday: number },
    });
  }
  return found;
});

function checkBlock(
  file: VFile,
  letter: Letter,
  text: string,
  base: number,
  context: DateContext,
  spec: WeekdayLanguage
): void {
  for (const { start: from, end: to, written, parts } of weekdayDatesIn(spec, text)) {
    const iso = resolveInLetter(parts, context);
    if (!iso) continue;
    const actual = weekdayIndex(iso);
    if (actual === parts.weekday) continue;

    const start = base + from;
    const end = base + to;
    const phrase = letter.text.slice(start, end);
    const name = spec.weekdays[actual]!;
    const weekday = spec.cased(written, name);
    const edit: ReplaceEdit = {
      kind: "replace",
      start,
      end: start + written.length,
      text: weekday,
      ruleId: WEEKDAY_RULE_ID,
    };
    const words = { phrase: normalise(phrase), date: spec.date(iso), weekday: spec.named(name) };
    report(file, {
      ruleId: WEEKDAY_RULE_ID,
      severity: "warning",
      message: render(spec.wording.message, words),
      start,
      end,
      suggestion: {
        text: weekday + phrase.slice(written.length),
        explanation: render(spec.wording.explanation, words),
      },
      ...(checkEdit(letter, edit).ok ? { edit } : {}),
      safe: false,
      details: { date: iso, written: written.toLowerCase(), weekday: name },
    });
  }
}

/** `word` in the case pattern of `model`: "Onsdag" -> "Torsdag", "ONSDAG" -> "TORSDAG". */
function sameCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase()) return word.toUpperCase();
  const first = model.charAt(0);
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
