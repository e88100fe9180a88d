import type { Root } from "nlcst";
import type { VFile } from "vfile";
import lexicon from "../../lexicons/threat-obligation.da.json" with { type: "json" };
import { readDuty } from "../../consequence/model.js";
import { report } from "../../report.js";
import type { Edit } from "../../edits/edit.js";
import { applyToSentence, removeLeadIn } from "./lead-in.js";
import {
  capitalise,
  matchesOf,
  overlaps,
  wordsRegex,
  wordsTester,
  type Match,
} from "./patterns.js";
import { OBLIGATION_MESSAGES } from "./messages.js";
import { detectRequirement } from "./requirement.js";
import { isDanishLetter, threatSentences } from "./scan.js";

export const OBLIGATION_RULE = "threat/obligation";
export const DUTY_RULE = "threat/duty";

const PHRASES = lexicon.phrases.map((entry) => ({
  regex: wordsRegex([entry.pattern]),
  /** Non-global twin for the replacement, so `$1` refers to this entry's groups. */
  single: new RegExp(wordsRegex([entry.pattern]).source, "iu"),
  replace: "replace" in entry ? entry.replace : undefined,
  asWarning: "asWarning" in entry && entry.asWarning === true,
}));

/** One union of all phrases: most sentences are ruled out with a single test. */
const ANY_PHRASE = wordsTester(lexicon.phrases.map((entry) => entry.pattern));

export interface ObligationHit extends Match {
  /** Relative to the sentence; `safe` when it is a pure meaning-preserving rewording. */
  edit?: { start: number; end: number; text: string; safe: boolean; leadIn: boolean };
}

/** Obligation framing in one sentence ("du har pligt til at", "påhviler"), without overlaps. */
export function detectObligations(text: string): ObligationHit[] {
  const hits: ObligationHit[] = [];
  if (!ANY_PHRASE.test(text)) return hits;
  for (const phrase of PHRASES) {
    for (const match of matchesOf(phrase.regex, text)) {
      if (hits.some((hit) => overlaps(hit, match))) continue;
      hits.push({ ...match, ...editFor(text, match, phrase) });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function editFor(
  text: string,
  match: Match,
  phrase: (typeof PHRASES)[number]
): Pick<ObligationHit, "edit"> {
  if (phrase.asWarning) {
    const removal = removeLeadIn(text, match, true);
    return removal ? { edit: { ...removal, safe: !removal.husk, leadIn: true } } : {};
  }
  if (phrase.replace === undefined) return {};
  let replacement = match.text.replace(phrase.single, phrase.replace).replace(/\s+/gu, " ");
  // "Har du pligt til at" -> "Skal du"; "har du ..." stays lower-case mid-sentence.
  if (/^\p{Lu}/u.test(match.text)) replacement = capitalise(replacement);
  return {
    edit: { start: match.start, end: match.end, text: replacement, safe: true, leadIn: false },
  };
}

/** unified plugin: reports obligation framing, with a direct rewording where one is mechanical. */
export function retextThreatObligation() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    for (const sentence of threatSentences(tree, file.data.letter!)) {
      if (sentence.protected) continue;
      const hits = detectObligations(sentence.text);
      // "har du mødepligt", "det er dit eget ansvar": framing by a noun, info, no edit.
      const requirement = hits.length === 0 ? detectRequirement(sentence.text) : undefined;
      if (requirement) {
        report(file, {
          ruleId: OBLIGATION_RULE,
          severity: "info",
          message: OBLIGATION_MESSAGES.requirement.replace("{phrase}", requirement.text),
          start: sentence.start + requirement.start,
          end: sentence.start + requirement.end,
          details: { severity: "obligation", kind: "requirement", phrase: requirement.text },
        });
        continue;
      }
      // "Du skal møde op": a duty in plain words, the wording Klarbrev itself recommends. Off by
      // default (threat/duty in the registry), info, no edit, never counted in the score.
      const duty =
        hits.length === 0 && !file.data.disabled?.has(DUTY_RULE)
          ? readDuty(sentence.text)
          : undefined;
      if (duty) {
        report(file, {
          ruleId: DUTY_RULE,
          severity: "info",
          message: lexicon.messages.duty.replace("{phrase}", duty.text),
          start: sentence.start + duty.start,
          end: sentence.start + duty.end,
          details: { severity: "obligation", kind: "duty", phrase: duty.text },
        });
      }
      for (const hit of hits) {
        const start = sentence.start + hit.start;
        const end = sentence.start + hit.end;
        const message = lexicon.messages.obligation.replace("{phrase}", hit.text);
        const details = { severity: "obligation", kind: "obligation", phrase: hit.text };
        if (!hit.edit) {
          report(file, {
            ruleId: OBLIGATION_RULE,
            severity: "warning",
            message: `${message} ${lexicon.messages.explanation}`,
            start,
            end,
            details,
          });
          continue;
        }
        const edit: Edit = {
          kind: "replace",
          start: sentence.start + hit.edit.start,
          end: sentence.start + hit.edit.end,
          text: hit.edit.text,
          ruleId: OBLIGATION_RULE,
        };
        report(file, {
          ruleId: OBLIGATION_RULE,
          severity: "warning",
          message,
          start,
          end,
          suggestion: {
            text: applyToSentence(sentence.text, hit.edit),
            explanation: hit.edit.leadIn
              ? lexicon.messages.explanation
              : lexicon.messages.explanationEdit.replace("{replacement}", hit.edit.text),
          },
          edit,
          safe: hit.edit.safe,
          details,
        });
      }
    }
  };
}
