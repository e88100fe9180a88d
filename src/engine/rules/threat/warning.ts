import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { compilePhrase, PhraseIndex } from "../../linguistics/phrase.js";
import { sentenceTokens } from "./sentence-tokens.js";
import { report } from "../../report.js";
import { matchersOf, type Matcher } from "../matchers.js";
import { applyToSentence, removeLeadIn, startsClause, type LeadInEdit } from "./lead-in.js";
import { WARNING_MESSAGES, fill } from "./messages.js";
import { matchesOf, overlaps, wordsRegex, type Match } from "./patterns.js";
import { isDanishLetter, threatSentences, type ThreatSentence } from "./scan.js";
import { memoByText } from "../../util/text-memo.js";

export const WARNING_RULE = "threat/warning";

/** An entry of warning.yml. */
interface WarningEntry extends Matcher {
  husk?: boolean;
  startOnly?: boolean;
  followedByPunctuation?: string;
}

const ENTRIES = matchersOf<WarningEntry>(WARNING_RULE);
/** The phrases, indexed by their first word: one left-to-right walk per sentence. */
const PHRASES = new PhraseIndex(
  ENTRIES.flatMap((entry) =>
    entry.phrase ? [{ phrase: compilePhrase(entry.phrase), payload: entry }] : []
  )
);
/** The shapes (N.B.), case as written. */
const SHAPES = ENTRIES.flatMap((entry) =>
  entry.regex ? [{ regex: wordsRegex([entry.regex], true), entry }] : []
);

/** Where the entry allows a match: a label only where a clause starts, "Vigtigt" only before ":". */
function fits(entry: WarningEntry, text: string, match: Match): boolean {
  if (entry.startOnly && !startsClause(text, match.start)) return false;
  if (entry.followedByPunctuation !== undefined) {
    const next = text.slice(match.end).trimStart().charAt(0);
    if (!next || !entry.followedByPunctuation.includes(next)) return false;
  }
  return true;
}

export interface WarningHit extends Match {
  /** The mechanical edit (relative to the sentence), when the phrase can be removed cleanly. */
  edit?: LeadInEdit;
}

/**
 * Warning phrases in one sentence, in order, without overlaps. Remembered per text: the warning,
 * shouting and required-guidance rules all ask about the same sentences.
 */
export const detectWarnings: (text: string) => WarningHit[] = memoByText(findWarnings);

function findWarnings(text: string): WarningHit[] {
  const found: { match: Match; entry: WarningEntry }[] = PHRASES.find(sentenceTokens(text), text, {
    accept: (match, item) => {
      const hit = { start: match.start, end: match.end, text: text.slice(match.start, match.end) };
      return fits(item.payload, text, hit) ? { match: hit, entry: item.payload } : undefined;
    },
  });
  for (const shape of SHAPES) {
    for (const match of matchesOf(shape.regex, text)) {
      if (fits(shape.entry, text, match) && !found.some((hit) => overlaps(hit.match, match)))
        found.push({ match, entry: shape.entry });
    }
  }
  return found
    .sort((a, b) => a.match.start - b.match.start)
    .map(({ match, entry }) => {
      const edit = removeLeadIn(text, match, entry.husk === true);
      return edit ? { ...match, edit } : match;
    });
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
        const message = fill(WARNING_MESSAGES.warning, "phrase", hit.text);
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
          report(file, { ...base, message: `${message} ${WARNING_MESSAGES.noEdit}`, details });
          continue;
        }
        report(file, {
          ...base,
          suggestion: {
            text: calmerText(sentence, edit, file.data.letter!.text),
            explanation: WARNING_MESSAGES.explanation,
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
