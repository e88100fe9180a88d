import { checkEnglishWeekdays } from "./en/weekday.js";
import type { Root } from "nlcst";
import type { VFile } from "vfile";
import type { ReplaceEdit } from "../../edits/edit.js";
import { checkEdit } from "../../edits/guard.js";
import type { BlockKind, Letter } from "../../letter/model.js";
import { DANISH_WEEKDAYS } from "../../linguistics/calendar.js";
import { report } from "../../report.js";
import { dateContext, type DateContext, resolveInLetter } from "./date-context.js";
import { datePartsOf, formatDanishDate, weekdayIndex } from "./dates.js";
import { DATE_SCAN } from "./patterns.js";
import { referenceDateOption } from "./rule-facts.js";
import { normalise, scan, startOf } from "./scanning.js";
import { headerEnd, subjectIndex } from "./structure.js";

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

/**
 * unified plugin: a weekday written next to a date that falls on another day ("onsdag den 3.
 * december 2026" is a Thursday). Proposes the right weekday; the date is left alone, as it is
 * more often the part the caseworker copied correctly. A missing year is read as the essentials
 * facts read it; when no year can be inferred, nothing is said.
 */
export function retextEssentialsWeekday() {
  return (_tree: Root, file: VFile): void => {
    const letter = file.data.letter;
    if (letter && file.data.language === "en") return checkEnglishWeekdays(file);
    if (!letter || (file.data.language ?? "da") !== "da") return;
    const context = dateContext(letter, { referenceDate: referenceDateOption(file) });
    const header = headerEnd(letter);
    const subject = subjectIndex(letter);
    letter.blocks.forEach((block, index) => {
      if (SKIPPED_KINDS.has(block.kind)) return;
      // Above the greeting only the subject line speaks; the rest is letterhead.
      if (index < header && index !== subject) return;
      checkBlock(file, letter, block.text, block.start, context);
    });
  };
}

function checkBlock(
  file: VFile,
  letter: Letter,
  text: string,
  base: number,
  context: DateContext
): void {
  for (const match of scan(DATE_SCAN, text)) {
    const written = match[2];
    const parts = datePartsOf(match, 1);
    if (written === undefined || parts?.weekday === undefined) continue;
    const iso = resolveInLetter(parts, context);
    if (!iso) continue;
    const actual = weekdayIndex(iso);
    if (actual === parts.weekday) continue;

    const start = base + startOf(match);
    const end = base + match.index + match[0].length;
    const phrase = letter.text.slice(start, end);
    const weekday = sameCase(written, DANISH_WEEKDAYS[actual]!);
    const corrected = weekday + phrase.slice(written.length);
    const dateText = formatDanishDate(iso, { weekday: false });
    const edit: ReplaceEdit = {
      kind: "replace",
      start,
      end: start + written.length,
      text: weekday,
      ruleId: WEEKDAY_RULE_ID,
    };
    report(file, {
      ruleId: WEEKDAY_RULE_ID,
      severity: "warning",
      message: `»${normalise(phrase)}« — ${dateText} er en ${DANISH_WEEKDAYS[actual]}. Tjek datoen og ugedagen.`,
      start,
      end,
      suggestion: {
        text: corrected,
        explanation:
          `Forslaget retter ugedagen til ${DANISH_WEEKDAYS[actual]}, fordi datoen oftest er den rigtige. ` +
          "Er det ugedagen, der er rigtig, så ret datoen i stedet.",
      },
      ...(checkEdit(letter, edit).ok ? { edit } : {}),
      safe: false,
      details: {
        date: iso,
        written: written.toLowerCase(),
        weekday: DANISH_WEEKDAYS[actual],
      },
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
