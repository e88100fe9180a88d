import terms from "./sanction-terms.da.json" with { type: "json" };
import { normaliseLegalText } from "./normalise.js";

/**
 * Sanction guidance completeness. Ankestyrelsen only accepts a sanction when the citizen was told
 * beforehand what is sanctioned, what the consequence is, and how to get the help back. A text
 * that speaks of a sanction must say all three; calm wording ("Du får hjælpen igen fra den dag,
 * du kontakter os") is as complete as a threat, and better.
 */
export type SanctionElement = "sanctioned" | "consequence" | "restore";

export const SANCTION_ELEMENTS: readonly SanctionElement[] = [
  "sanctioned",
  "consequence",
  "restore",
];

/** Danish names for the three elements, for messages and reports. */
export const SANCTION_ELEMENT_NAMES: Readonly<Record<SanctionElement, string>> = {
  sanctioned: "hvad der udløser fradraget",
  consequence: "hvad konsekvensen er",
  restore: "hvordan du får hjælpen igen",
};

export interface SanctionCheck {
  /** The text speaks of a sanction (deduction, stopped help...). */
  mentionsSanction: boolean;
  present: SanctionElement[];
  missing: SanctionElement[];
}

/** JavaScript's \b and \w are ASCII-only: "ophør" would never end a word. Make them Danish. */
const BOUNDARY = String.raw`(?:(?<=[\p{L}\p{N}])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]))`;
export function danishRegExp(pattern: string, flags = "iu"): RegExp {
  return new RegExp(
    pattern.replaceAll("\\b", BOUNDARY).replaceAll("\\w", "[\\p{L}\\p{N}_]"),
    flags
  );
}
const compile = (patterns: readonly string[], flags?: string) =>
  patterns.map((pattern) => danishRegExp(pattern, flags));
const MENTION = compile(terms.mention, "giu");
const INCOME = compile(terms.income);
const ELEMENTS: Record<SanctionElement, RegExp[]> = {
  sanctioned: compile(terms.sanctioned),
  consequence: compile(terms.consequence),
  restore: compile(terms.restore),
};

export function checkSanctionGuidance(text: string): SanctionCheck {
  const clean = normaliseLegalText(text);
  const mentions = sanctionMentions(clean).length > 0;
  const present = SANCTION_ELEMENTS.filter((element) =>
    ELEMENTS[element].some((pattern) => pattern.test(clean))
  );
  const missing = SANCTION_ELEMENTS.filter((element) => !present.includes(element));
  return { mentionsSanction: mentions, present, missing };
}

/** Whether a text speaks of a sanction at all. */
export function mentionsSanction(text: string): boolean {
  return sanctionMentions(normaliseLegalText(text)).length > 0;
}

/**
 * Ranges (in normalised text) that speak of a sanction, in text order. "Vi trækker din løn fra i
 * hjælpen" is an income deduction: a mention in a sentence about income does not count.
 */
export function sanctionMentions(normalised: string): { from: number; to: number }[] {
  const found: { from: number; to: number }[] = [];
  for (const pattern of MENTION) {
    for (const match of normalised.matchAll(pattern)) {
      const from = match.index;
      const to = from + match[0].length;
      if (INCOME.some((income) => income.test(sentenceAround(normalised, from, to)))) continue;
      found.push({ from, to });
    }
  }
  return found.sort((a, b) => a.from - b.from);
}

/** Normalised-text range of the first sanction mention, or undefined. */
export function firstSanctionMention(normalised: string): { from: number; to: number } | undefined {
  return sanctionMentions(normalised)[0];
}

function sentenceAround(text: string, from: number, to: number): string {
  const before = text.slice(0, from);
  const start =
    Math.max(before.lastIndexOf(". "), before.lastIndexOf("! "), before.lastIndexOf("? ")) + 1;
  const after = text.slice(to).search(/[.!?](?:\s|$)/u);
  return text.slice(start, after < 0 ? text.length : to + after + 1);
}
