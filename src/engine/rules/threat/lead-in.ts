import { alternation, lemmas } from "../../linguistics/vocabulary.js";
import { atClauseToMain } from "./main-clause.js";
import { capitalise, fragmentSource, type Match } from "./patterns.js";

/**
 * Removing a lead-in ("VIGTIGT:", "Det bemærkes, at", "Vær opmærksom på, at") from a sentence:
 * what follows moves up, its first letter is capitalised when it now starts the sentence, and an
 * at-clause becomes a main clause ("Det skal understreges, at du ikke kan" -> "Du kan ikke").
 */

export interface LeadInEdit {
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  text: string;
  /** The lead-in became "Husk" (an object followed): a style change, not a pure removal. */
  husk: boolean;
}

const ADVERBS = new RegExp(
  `^(?:\\s+(?:${lemmas("warningAdverbs").map(fragmentSource).join("|")}))*(?![\\p{L}])`,
  "iu"
);
const COMPLEMENTIZER = alternation("complementizers");
const AT = new RegExp(`^\\s*,?\\s*(?:${COMPLEMENTIZER})\\s+`, "iu");
const ENDS_IN_AT = new RegExp(`(?:${COMPLEMENTIZER})\\s+$`, "iu");
/** "og", "men", "samt" ... (@coordinators) right before the lead-in. */
const AFTER_COORDINATOR = new RegExp(`\\s(?:${alternation("coordinators")})$`, "iu");
const PUNCTUATION = /^\s*(?:[:!.]+|,)\s+/u;
const OBJECT = /^\s+(?=[\p{L}\d])/u;
const LIST_MARKER = /^(?:[-*•–]|\d{1,2}[.)])$/u;

/** The lead-in starts the sentence, or follows a colon ("VIGTIGT: Det bemærkes, at"). */
export function startsSentence(sentence: string, start: number): boolean {
  const before = sentence.slice(0, start).trim();
  return before === "" || /[:!?.]$/u.test(before) || LIST_MARKER.test(before);
}

/** The lead-in starts a clause: the sentence, or after a comma or a coordinator ("og", "men"). */
export function startsClause(sentence: string, start: number): boolean {
  const before = sentence.slice(0, start).trimEnd();
  return startsSentence(sentence, start) || /[,;]$/u.test(before) || AFTER_COORDINATOR.test(before);
}

/** The edit removing `phrase` from `sentence`, or undefined when no clean removal exists. */
export function removeLeadIn(
  sentence: string,
  phrase: Match,
  allowHusk: boolean
): LeadInEdit | undefined {
  if (!startsClause(sentence, phrase.start)) return undefined;
  const atStart = startsSentence(sentence, phrase.start);
  const adverbs = ADVERBS.exec(sentence.slice(phrase.end))?.[0].length ?? 0;
  const afterPhrase = phrase.end + adverbs;
  const rest = sentence.slice(afterPhrase);

  const at = AT.exec(rest) ?? PUNCTUATION.exec(rest);
  if (at) {
    const from = afterPhrase + at[0].length;
    if (from >= sentence.length || !/[\p{L}\d]/u.test(sentence.slice(from))) return undefined;
    const main = ENDS_IN_AT.test(at[0])
      ? atClauseToMain(sentence.slice(from))
      : { length: 0, text: "", certain: true };
    if (!main.certain) return undefined;
    // Take the next character along when its case must change.
    const lowerNext = /^\p{Ll}/u.test(sentence.slice(from));
    const length = main.length > 0 ? main.length : atStart && lowerNext ? 1 : 0;
    const moved = main.length > 0 ? main.text : sentence.slice(from, from + length);
    return {
      start: phrase.start,
      end: from + length,
      text: atStart ? capitalise(moved) : moved,
      husk: false,
    };
  }
  if (allowHusk && OBJECT.test(rest)) {
    return { start: phrase.start, end: afterPhrase, text: atStart ? "Husk" : "husk", husk: true };
  }
  return undefined;
}

/** The sentence with one edit applied (relative offsets): the calmer wording to show. */
export function applyToSentence(
  sentence: string,
  edit: { start: number; end: number; text: string }
): string {
  return sentence.slice(0, edit.start) + edit.text + sentence.slice(edit.end);
}
