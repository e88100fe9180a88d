import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { compilePhrase, PhraseIndex } from "../../linguistics/phrase.js";
import { sentenceTokens } from "./sentence-tokens.js";
import { readDuty } from "../../consequence/model.js";
import { formsOf } from "../../linguistics/vocabulary.js";
import { report } from "../../report.js";
import type { Edit } from "../../edits/edit.js";
import { matchersOf, type Matcher } from "../matchers.js";
import { applyToSentence, removeLeadIn } from "./lead-in.js";
import { OBLIGATION_MESSAGES, fill } from "./messages.js";
import { capitalise, type Match } from "./patterns.js";
import { detectRequirement } from "./requirement.js";
import { isDanishLetter, threatSentences } from "./scan.js";

export const OBLIGATION_RULE = "threat/obligation";
export const DUTY_RULE = "threat/duty";

/** A phrase entry of obligation.yml. */
interface ObligationEntry extends Matcher {
  replace?: string;
  asWarning?: boolean;
}

const PHRASES = new PhraseIndex(
  matchersOf<ObligationEntry>(OBLIGATION_RULE).flatMap((entry) =>
    entry.phrase ? [{ phrase: compilePhrase(entry.phrase), payload: entry }] : []
  )
);
const SUBJECTS = formsOf("readers");
const ADVERBS = formsOf("dutyAdverbs");

export interface ObligationHit extends Match {
  /** Relative to the sentence; `safe` when it is a pure meaning-preserving rewording. */
  edit?: { start: number; end: number; text: string; safe: boolean; leadIn: boolean };
}

/** Obligation framing in one sentence ("du har pligt til at", "påhviler"), without overlaps. */
export function detectObligations(text: string): ObligationHit[] {
  const tokens = sentenceTokens(text);
  return PHRASES.find(tokens, text, {
    accept: (match, item) => {
      const hit = { start: match.start, end: match.end, text: text.slice(match.start, match.end) };
      const inside = tokens.slice(match.tokenStart, match.tokenEnd);
      return { ...hit, ...editFor(text, hit, item.payload, inside) };
    },
  });
}

function editFor(
  text: string,
  match: Match,
  entry: ObligationEntry,
  tokens: readonly { text: string; lower: string }[]
): Pick<ObligationHit, "edit"> {
  if (entry.asWarning) {
    const removal = removeLeadIn(text, match, true);
    return removal ? { edit: { ...removal, safe: !removal.husk, leadIn: true } } : {};
  }
  if (entry.replace === undefined) return {};
  const subject = tokens.find((token) => SUBJECTS.has(token.lower))?.lower ?? "";
  const adverb = tokens.find((token) => ADVERBS.has(token.lower))?.lower ?? "";
  let replacement = entry.replace
    .replace("$subject", subject)
    .replace("$adverb", adverb)
    .replace(/\s+/gu, " ")
    .trim();
  // "Har du pligt til at" -> "Skal du"; "har du ..." stays lower-case mid-sentence.
  if (/^\p{Lu}/u.test(match.text)) replacement = capitalise(replacement);
  return {
    edit: { start: match.start, end: match.end, text: replacement, safe: true, leadIn: false },
  };
}

/** unified plugin: reports obligation framing, with a direct rewording where one is mechanical. */
/** An info finding without an edit: a requirement named as a noun, or a plain duty. */
function reportInfo(
  file: VFile,
  ruleId: string,
  kind: "requirement" | "duty",
  sentenceStart: number,
  reading: { start: number; end: number; text: string }
): void {
  report(file, {
    ruleId,
    severity: "info",
    message: fill(OBLIGATION_MESSAGES[kind], "phrase", reading.text),
    start: sentenceStart + reading.start,
    end: sentenceStart + reading.end,
    details: { severity: "obligation", kind, phrase: reading.text },
  });
}

export function retextThreatObligation() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    for (const sentence of threatSentences(tree, file.data.letter!)) {
      if (sentence.protected) continue;
      const hits = detectObligations(sentence.text);
      // "har du mødepligt", "det er dit eget ansvar": framing by a noun, info, no edit.
      const requirement = hits.length === 0 ? detectRequirement(sentence.text) : undefined;
      if (requirement) {
        reportInfo(file, OBLIGATION_RULE, "requirement", sentence.start, requirement);
        continue;
      }
      // "Du skal møde op": a duty in plain words, the wording Klarbrev itself recommends. Off by
      // default (threat/duty in the registry), info, no edit, never counted in the score.
      const duty =
        hits.length === 0 && !file.data.disabled?.has(DUTY_RULE)
          ? readDuty(sentence.text)
          : undefined;
      if (duty) reportInfo(file, DUTY_RULE, "duty", sentence.start, duty);
      for (const hit of hits) {
        const start = sentence.start + hit.start;
        const end = sentence.start + hit.end;
        const message = fill(OBLIGATION_MESSAGES.obligation, "phrase", hit.text);
        const details = { severity: "obligation", kind: "obligation", phrase: hit.text };
        if (!hit.edit) {
          report(file, {
            ruleId: OBLIGATION_RULE,
            severity: "warning",
            message: `${message} ${OBLIGATION_MESSAGES.explanation}`,
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
              ? OBLIGATION_MESSAGES.explanation
              : fill(OBLIGATION_MESSAGES.explanationEdit, "replacement", hit.edit.text),
          },
          edit,
          safe: hit.edit.safe,
          details,
        });
      }
    }
  };
}
