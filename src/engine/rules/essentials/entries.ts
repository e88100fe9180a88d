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
  verbForm?: "imperative" | "infinitive" | "passive";
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
