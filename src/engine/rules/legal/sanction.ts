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
const compile = (patterns: readonly string[]) => patterns.map((pattern) => danishRegExp(pattern));
const MENTION = compile(terms.mention);
const ELEMENTS: Record<SanctionElement, RegExp[]> = {
  sanctioned: compile(terms.sanctioned),
  consequence: compile(terms.consequence),
  restore: compile(terms.restore),
};

export function checkSanctionGuidance(text: string): SanctionCheck {
  const clean = normaliseLegalText(text);
  const mentionsSanction = MENTION.some((pattern) => pattern.test(clean));
  const present = SANCTION_ELEMENTS.filter((element) =>
    ELEMENTS[element].some((pattern) => pattern.test(clean))
  );
  const missing = SANCTION_ELEMENTS.filter((element) => !present.includes(element));
  return { mentionsSanction, present, missing };
}

/** Whether a text speaks of a sanction at all. */
export function mentionsSanction(text: string): boolean {
  const clean = normaliseLegalText(text);
  return MENTION.some((pattern) => pattern.test(clean));
}

/** Normalised-text range of the first sanction mention, or undefined. */
export function firstSanctionMention(normalised: string): { from: number; to: number } | undefined {
  let best: { from: number; to: number } | undefined;
  for (const pattern of MENTION) {
    const match = pattern.exec(normalised);
    if (match && (!best || match.index < best.from))
      best = { from: match.index, to: match.index + match[0].length };
  }
  return best;
}
