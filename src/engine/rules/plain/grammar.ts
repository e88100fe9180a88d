import table from "../../generated/agreement.da.json" with { type: "json" };
import passive from "../../lexicons/passive.da.json" with { type: "json" };

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

const IRREGULAR_PRESENT: Record<string, string> = passive.irregularPresent;
const IRREGULAR_INFINITIVE: Record<string, string> = passive.irregularInfinitive;

/** Active present tense of an s-passive: indkaldes -> indkalder, fås -> får, gøres -> gør. */
export function activePresent(sPassive: string): string {
  const word = sPassive.toLowerCase();
  const irregular = IRREGULAR_PRESENT[word];
  if (irregular) return irregular;
  return `${word.slice(0, -1)}r`;
}

/** Active infinitive of an s-passive infinitive: indkaldes -> indkalde, fås -> få. */
export function activeInfinitive(sPassive: string): string {
  const word = sPassive.toLowerCase();
  return IRREGULAR_INFINITIVE[word] ?? word.slice(0, -1);
}
