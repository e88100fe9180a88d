import type { VFile } from "vfile";
import type { ReplaceEdit } from "../../../edits/edit.js";
import { checkEdit } from "../../../edits/guard.js";
import wording from "../../../lexicons/essentials.en.json" with { type: "json" };
import { lemmas } from "../../../linguistics/vocabulary.js";
import { report } from "../../../report.js";
import { resolveInLetter } from "../date-context.js";
import { weekdayIndex } from "../dates.js";
import { referenceDateOption } from "../rule-facts.js";
import { normalise, scan } from "../scanning.js";
import { headerEnd, subjectIndex } from "../structure.js";
import { DATE_SCAN_EN, datePartsEn } from "./dates.js";
import { englishDateContext } from "./extract.js";
import { formatEnglishDate } from "./lead.js";

/** Same id as the Danish rule (rule-weekday.ts), which hands English letters to this branch. */
const WEEKDAY_RULE_ID = "essentials/weekday-mismatch";
const WEEKDAYS = lemmas("weekdays", "en");
const SKIPPED = new Set(["legal", "address", "date", "greeting", "closing", "signature"]);

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The English branch of essentials/weekday-mismatch ("Wednesday 3 December 2026" is a Thursday).
 * The weekday is corrected, not the date, as in the Danish rule.
 */
export function checkEnglishWeekdays(file: VFile): void {
  const letter = file.data.letter;
  if (!letter) return;
  const context = englishDateContext(letter, { referenceDate: referenceDateOption(file) });
  const header = headerEnd(letter);
  const subject = subjectIndex(letter);
  letter.blocks.forEach((block, index) => {
    if (SKIPPED.has(block.kind) || (index < header && index !== subject)) return;
    for (const match of scan(DATE_SCAN_EN, block.text)) {
      const written = match[1] ?? match[5] ?? match[9];
      const parts = datePartsEn(match);
      if (written === undefined || parts?.weekday === undefined) continue;
      const iso = resolveInLetter(parts, context);
      if (!iso) continue;
      const actual = weekdayIndex(iso);
      if (actual === parts.weekday) continue;
      const start = block.start + match.index;
      const end = start + match[0].length;
      const phrase = letter.text.slice(start, end);
      const weekday = capital(WEEKDAYS[actual]!);
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
        message: wording.messages.weekday
          .replace("{phrase}", normalise(phrase))
          .replace("{date}", formatEnglishDate(iso, false))
          .replace("{weekday}", weekday),
        start,
        end,
        suggestion: {
          text: weekday + phrase.slice(written.length),
          explanation: wording.messages.weekdayExplanation.replace("{weekday}", weekday),
        },
        ...(checkEdit(letter, edit).ok ? { edit } : {}),
        safe: false,
        details: { date: iso, written: written.toLowerCase(), weekday: WEEKDAYS[actual]! },
      });
    }
  });
}
