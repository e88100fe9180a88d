import table from "../../generated/agreement.da.json" with { type: "json" };
import { matchersOf, type Matcher } from "../matchers.js";

/** Grammatical number and gender of a Danish noun, for din/dit/dine and denne/dette/disse. */
export type Agreement = "common" | "neuter" | "plural";

/**
 * Gender and number by word form, generated at build time (npm run build:rules) from the Danish
 * dictionary's inflection classes for the nouns of src/engine/vocabularies/da (letterNouns and
 * every inflected noun vocabulary), plus the few the dictionary cannot tell (neuterGenderNouns,
 * commonGenderNouns, irregularPlurals) and the derivational suffixes (*NounSuffixes).
 */
const FORMS = table.forms as Record<string, Agreement | "ambiguous">;
const SUFFIXES = table.suffixes as Record<Agreement, string[]>;
const VOWELS = /[aeiouyæøå]/u;

/**
 * Agreement class of a noun, or undefined when we cannot tell. A compound takes the class of its
 * last part (praktikforløb -> forløb); words in two classes (svar, forløb: neuter or plural) are
 * ambiguous and give undefined, so no mechanical edit is proposed for them.
 */
export function agreementOf(word: string): Agreement | undefined {
  const lower = word.toLowerCase();
  for (let start = 0; start <= lower.length - 2; start++) {
    const tail = lower.slice(start);
    // A tail must be a real word of the compound: at least three letters unless it is the word.
    if (start > 0 && tail.length < 3) break;
    const found = FORMS[tail];
    if (found === "ambiguous") return undefined;
    if (found) return found;
  }
  for (const agreement of ["plural", "neuter", "common"] as const) {
    if (SUFFIXES[agreement].some((suffix) => lower.endsWith(suffix))) return agreement;
  }
  return undefined;
}

/** Pick the form that agrees with `noun`: forms are [common, neuter, plural]. */
export function agree(forms: readonly string[], noun: string): string | undefined {
  const agreement = agreementOf(noun);
  if (!agreement) return undefined;
  return forms[agreement === "common" ? 0 : agreement === "neuter" ? 1 : 2];
}

/**
 * The imperative of a Danish infinitive: drop the final unstressed -e and a doubled consonant
 * (sende -> send, komme -> kom, tjekke -> tjek). Infinitives without that -e keep their form
 * (gå, se, få), as does a one-syllable -e infinitive whose stem would lose its vowel (se).
 */
export function imperative(infinitive: string): string {
  const word = infinitive.toLowerCase();
  if (!word.endsWith("e") || word.length < 3) return word;
  let stem = word.slice(0, -1);
  if (!VOWELS.test(stem)) return word;
  if (VOWELS.test(stem[stem.length - 1]!)) return word; // "skie", "bie": keep as written
  const last = stem[stem.length - 1]!;
  if (stem.length > 2 && stem[stem.length - 2] === last) stem = stem.slice(0, -1);
  return stem;
}

/** An entry of src/engine/rules/da/plain/passive.yml: lemmas with their role for the rule. */
interface PassiveEntry extends Matcher {
  role: "modal" | "auxiliary" | "raising" | "vowelStem" | "irregularPresent";
  present?: string;
}

const PASSIVE_ENTRIES = matchersOf<PassiveEntry>("plain/passive");

/** Every form of the lemmas with this role in the passive rule file; vowelStem: the s-passives. */
export function formsOfRole(role: PassiveEntry["role"]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const entry of PASSIVE_ENTRIES) {
    if (entry.role !== role) continue;
    // fås, opnås: a vowel-stem verb's s-passive is its lemma + s.
    if (role === "vowelStem") for (const lemma of entry.words ?? []) out.add(`${lemma}s`);
    else for (const form of entry.forms ?? []) out.add(form);
  }
  return out;
}

/** Lemma -> active present where it is not the infinitive + r (gøre: gør, vide: ved). */
const IRREGULAR_PRESENT = new Map<string, string>(
  PASSIVE_ENTRIES.flatMap((entry) =>
    entry.present ? (entry.words ?? []).map((lemma) => [lemma, entry.present!] as const) : []
  )
);

/** Active present of a verb's infinitive: sende -> sender, gå -> går, gøre -> gør. */
export function presentOfLemma(infinitive: string): string {
  return IRREGULAR_PRESENT.get(infinitive) ?? `${infinitive}r`;
}

/** Active present tense of an s-passive: indkaldes -> indkalder, fås -> får, gøres -> gør. */
export function activePresent(sPassive: string): string {
  return presentOfLemma(activeInfinitive(sPassive));
}

/** Active infinitive of an s-passive: indkaldes -> indkalde, fås -> få. */
export function activeInfinitive(sPassive: string): string {
  return sPassive.toLowerCase().slice(0, -1);
}
