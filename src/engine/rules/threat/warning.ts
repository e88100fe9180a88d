import type { Root } from "nlcst";
import type { VFile } from "vfile";
import lexicon from "../../lexicons/threat-warning.da.json" with { type: "json" };
import { report } from "../../report.js";
import { applyToSentence, removeLeadIn, startsClause, type LeadInEdit } from "./lead-in.js";
import { matchesOf, overlaps, wordsRegex, wordsTester, type Match } from "./patterns.js";
import { isDanishLetter, threatSentences, type ThreatSentence } from "./scan.js";

export const WARNING_RULE = "threat/warning";

interface Phrase {
  regex: RegExp;
  husk: boolean;
  startOnly: boolean;
}

const PHRASES: Phrase[] = lexicon.phrases.map((entry) => ({
  regex: wordsRegex([entry.pattern], "caseSensitive" in entry && entry.caseSensitive === true),
  husk: "husk" in entry && entry.husk === true,
  startOnly: "startOnly" in entry && entry.startOnly === true,
}));

/** One case-insensitive union of all phrases: most sentences are ruled out with a single test. */
const ANY_PHRASE = wordsTester(lexicon.phrases.map((entry) => entry.pattern));

export interface WarningHit extends Match {
  /** The mechanical edit (relative to the sentence), when the phrase can be removed cleanly. */
  edit?: LeadInEdit;
}

/** Warning phrases in one sentence, in order, without overlaps. */
export function detectWarnings(text: string): WarningHit[] {
  const hits: WarningHit[] = [];
  if (!ANY_PHRASE.test(text)) return hits;
  for (const phrase of PHRASES) {
    for (const match of matchesOf(phrase.regex, text)) {
      if (phrase.startOnly && !startsClause(text, match.start)) continue;
      if (hits.some((hit) => overlaps(hit, match))) continue;
      const edit = removeLeadIn(text, match, phrase.husk);
      hits.push(edit ? { ...match, edit } : match);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * "OBS! Mødet er flyttet.": the warning is a sentence of its own. Remove it with the space after
 * it when the block goes on with another sentence (which already starts with a capital).
 */
function standaloneEdit(
  sentence: ThreatSentence,
  hit: WarningHit,
  text: string
): LeadInEdit | undefined {
  if (
    !/^[\s!:.]*$/u.test(sentence.text.slice(hit.end)) ||
    sentence.text.slice(0, hit.start).trim() !== ""
  )
    return undefined;
  const following = /^\s+(?=\S)/u.exec(text.slice(sentence.end, sentence.block.end));
  if (!following) return undefined;
  return {
    start: hit.start,
    end: sentence.text.length + following[0].length,
    text: "",
    husk: false,
  };
}

/** The sentence after the edit; for a removed stand-alone warning, the rest of its block. */
function calmerText(sentence: ThreatSentence, edit: LeadInEdit, text: string): string {
  if (edit.end <= sentence.text.length) return applyToSentence(sentence.text, edit);
  return text.slice(sentence.start + edit.end, sentence.block.end);
}

/** unified plugin: reports warning phrases, each with an edit that removes it. */
export function retextThreatWarning() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    for (const sentence of threatSentences(tree, file.data.letter!)) {
      if (sentence.protected) continue;
      for (const hit of detectWarnings(sentence.text)) {
        const message = lexicon.messages.warning.replace("{phrase}", hit.text);
        const base = {
          ruleId: WARNING_RULE,
          severity: "warning" as const,
          message,
          start: sentence.start + hit.start,
          end: sentence.start + hit.end,
        };
        const details = { severity: "warning", kind: "warning", phrase: hit.text };
        const edit = hit.edit ?? standaloneEdit(sentence, hit, file.data.letter!.text);
        if (!edit) {
          report(file, { ...base, message: `${message} ${lexicon.messages.noEdit}`, details });
          continue;
        }
        report(file, {
          ...base,
          suggestion: {
            text: calmerText(sentence, edit, file.data.letter!.text),
            explanation: lexicon.messages.explanation,
          },
          edit: {
            kind: "replace",
            start: sentence.start + edit.start,
            end: sentence.start + edit.end,
            text: edit.text,
            ruleId: WARNING_RULE,
          },
          // Removing the warning keeps every fact; "Husk" instead of "Vær opmærksom på" is a style choice.
          safe: !edit.husk,
          details,
        });
      }
    }
  };
}
