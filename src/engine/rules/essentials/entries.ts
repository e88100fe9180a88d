import { alternation } from "../../linguistics/vocabulary.js";
import { pushAll } from "../../util/arrays.js";
import { matchersOf, type Matcher, type MatcherLanguage } from "../matchers.js";

/**
 * The essentials family's detection entries (`matchers:` of the essentials rule files), by the
 * role they play (`essential:`): deadline keywords, duration units, remote places, actions ...
 * The fact finders live in the not-in-lead rule's file, the guidance words in the reorder rule's.
 */
export interface EssentialEntry extends Matcher {
  essential: string;
  value?: string | number;
  mode?: "phone" | "digital";
  object?: boolean;
  particle?: string;
  clause?: "after" | "whole";
  useInLead?: boolean;
  verbForm?: VerbForm;
  passive?: boolean;
  /** Letter-type cues (essentials/missing): what a body cue weighs, and whether it needs a date. */
  weight?: number;
  dated?: boolean;
  /** A decision proposed, not made: the letter's decision parts belong to the proposal. */
  proposal?: boolean;
  /** A decision that needs no klagevejledning: a full grant, or a fine (see decision-cues.ts). */
  exemption?: "fullGrant" | "fineNotice";
}

const FACTS_RULE = "essentials/not-in-lead";

/** The entries of one role, in file order. */
export function entriesOf(
  role: string,
  language: MatcherLanguage = "da",
  ruleId = FACTS_RULE
): readonly EssentialEntry[] {
  return matchersOf<EssentialEntry>(ruleId, language).filter((entry) => entry.essential === role);
}

/** One entry as a regex source: its regex, its phrase, or its forms (longest first, spaces as \s+). */
export function sourceOf(entry: EssentialEntry): string {
  if (entry.regex !== undefined) return entry.regex;
  if (entry.phrase !== undefined) return phraseSource(entry.phrase);
  if (entry.forms) return formsSource(entry.forms);
  throw new Error(`essentials entry ${entry.essential} has neither regex nor words`);
}

export function formsSource(forms: readonly string[]): string {
  return [...forms]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((form) => form.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/\s+/gu, "\\s+"))
    .join("|");
}

/** Every entry of a role as one alternation (without a group). */
export function roleSource(
  role: string,
  language: MatcherLanguage = "da",
  ruleId = FACTS_RULE
): string {
  const entries = entriesOf(role, language, ruleId);
  if (entries.length === 0) throw new Error(`no essentials entries for ${role} (${language})`);
  return entries.map(sourceOf).join("|");
}

export type VerbForm = "imperative" | "infinitive" | "passive";

/**
 * The forms of a verb lemma in one slot, chosen from its dictionary forms (`forms`, the entry's
 * expansion) by Danish morphology: the imperative is the stem, the infinitive without its final
 * -e ("send", "udfyld"; after a double consonant one is dropped: "kom" of "komme"); the passive
 * is the s-form of the infinitive ("sendes") and the past participle ("sendt", "booket",
 * "medbragt": forms in -t that are not superlatives or the lemma).
 */
export function verbFormsOf(lemma: string, forms: readonly string[], form: VerbForm): string[] {
  switch (form) {
    case "infinitive":
      return [lemma];
    case "imperative":
      return forms.filter(
        (candidate) =>
          candidate !== lemma &&
          (`${candidate}e` === lemma || `${candidate}${candidate.slice(-1)}e` === lemma)
      );
    case "passive":
      return forms.filter(
        (candidate) =>
          candidate === `${lemma}s` ||
          (candidate !== lemma &&
            candidate.endsWith("t") &&
            !candidate.endsWith("st") &&
            candidate.slice(0, 3) === lemma.slice(0, 3))
      );
  }
}

/** The forms an action entry finds in one slot (its phrases as written, its lemmas' forms). */
export function actionFormsOf(entry: EssentialEntry, form: VerbForm): string[] {
  if (entry.verbForm !== undefined && entry.verbForm !== form) return [];
  if (entry.verbForm === undefined && form === "passive" && entry.passive !== true) return [];
  const out: string[] = [];
  for (const word of entry.words ?? []) {
    if (word.includes(" ")) out.push(word);
    else pushAll(out, verbFormsOf(word, entry.forms ?? [], form));
  }
  return out;
}

/**
 * A `phrase` entry as a regex source: words in sequence, (a|b) alternatives, [optional] parts and
 * @vocabularies (every form). Enough for the essentials' fixed phrases ("(fra|efter) (dato|datoen)
 * for dette brev"); slots ({...}) are not used here.
 */
export function phraseSource(phrase: string): string {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`essentials phrase "${phrase}": ${what} at ${at}`);
  };
  const sequence = (closers: string): string => {
    let out = "";
    let joined = false;
    for (;;) {
      while (phrase[at] === " ") at++;
      const next = phrase[at];
      if (next === undefined || closers.includes(next)) return out;
      const optional = next === "[";
      const source = item();
      if (optional) out += joined ? `(?:\\s+${source})?` : `(?:${source}\\s+)?`;
      else {
        out += (joined ? "\\s+" : "") + source;
        joined = true;
      }
    }
  };
  const item = (): string => {
    const next = phrase[at];
    if (next === "(") {
      at++;
      const alternatives = [sequence("|)")];
      while (phrase[at] === "|") {
        at++;
        alternatives.push(sequence("|)"));
      }
      if (phrase[at++] !== ")") fail("missing )");
      return `(?:${alternatives.join("|")})`;
    }
    if (next === "[") {
      at++;
      const inner = sequence("]");
      if (phrase[at++] !== "]") fail("missing ]");
      return `(?:${inner})`;
    }
    const word = /^[^\s()[\]|]+/u.exec(phrase.slice(at))?.[0] ?? fail("a word expected");
    at += word.length;
    if (word.startsWith("@")) return `(?:${alternation(word.slice(1))})`;
    return word.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  };
  const source = sequence("");
  if (at < phrase.length) fail("unexpected character");
  return source;
}
