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

/** One entry as a regex source: its regex, or its forms (longest first, spaces as \s+). */
export function sourceOf(entry: EssentialEntry): string {
  if (entry.regex !== undefined) return entry.regex;
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
