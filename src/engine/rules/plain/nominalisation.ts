import type { Root } from "nlcst";
import { formsOf, lexeme } from "../../linguistics/vocabulary.js";
import { matchersOf } from "../matchers.js";
import type { VFile } from "vfile";
import { report } from "../../report.js";
import { hasLetter } from "../../util/word-scan.js";
import {
  atSentenceStart,
  isCapitalised,
  isDanishLetter,
  memoByTokens,
  plainSentences,
  type Token,
} from "./tokens.js";

export const NOMINALISATION_RULE = "plain/nominalisation";

/** The suffix patterns of src/engine/rules/da/plain/nominalisation.yml; group 1 is the base. */
const SUFFIXES = matchersOf("plain/nominalisation").flatMap((matcher) =>
  matcher.regex ? [new RegExp(matcher.regex, "u")] : []
);
/** Everyday words with a nominalisation suffix, every form (ting, mening, regningen). */
const NOT_NOMINAL = formsOf("notNominalisations");
/** Terms of the field and everyday nouns, also as a compound's last part (klagevejledning). */
const TAILS: ReadonlySet<string> = new Set([
  ...formsOf("fieldTerms"),
  ...formsOf("everydayNominals"),
]);
/** Tuning, not language: a sentence is heavy at this many, or at this density in a short one. */
const SENTENCE_THRESHOLD = 3;
const DENSITY_THRESHOLD = { count: 2, perWord: 0.25 };

/** Letter-level numbers, also found in every finding's `details.letter`. */
export interface NominalisationDensity {
  nominalisations: number;
  words: number;
  /** Nominalisations per 100 words of prose. */
  per100Words: number;
}

/**
 * The base form of a nominalisation (afgørelsen -> afgørelse), or undefined when the word is not
 * one: no -else/-ing/-hed/-tion/-sion/-ment suffix, too short a stem, or an everyday word.
 */
export function nominalisationBase(word: string): string | undefined {
  const lower = word.toLowerCase();
  let base: string | undefined;
  for (const suffix of SUFFIXES) {
    base = suffix.exec(lower)?.[1];
    if (base) break;
  }
  if (!base || NOT_NOMINAL.has(lower) || NOT_NOMINAL.has(base)) return undefined;
  for (let start = 0; start < base.length - 2; start++)
    if (TAILS.has(base.slice(start))) return undefined;
  return base;
}

/**
 * plain/nominalisation: a sentence with many verbs turned into nouns (afgørelse, vurdering,
 * rådighed) is heavy to read. Reported per sentence at SENTENCE_THRESHOLD nominalisations, or
 * at DENSITY_THRESHOLD in a short sentence; every finding carries the letter-level density.
 */
const INSTITUTIONS = lexeme("institutions");

export function retextPlainNominalisation() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    const text = file.data.letter.text;
    const flagged: { start: number; end: number; words: Token[]; count: number; total: number }[] =
      [];
    let nominalisations = 0;
    let words = 0;
    for (const { sentence, block, tokens } of plainSentences(tree, file.data.letter)) {
      // Headings and subject lines are nominal by nature; count prose only.
      if (block.kind !== "paragraph" && block.kind !== "listItem") continue;
      const counted = nominalisationsIn(tokens, text);
      const found = counted.indices.map((index) => tokens[index]!);
      const total = counted.total;
      nominalisations += found.length;
      words += total;
      const dense =
        found.length >= DENSITY_THRESHOLD.count &&
        found.length / Math.max(total, 1) >= DENSITY_THRESHOLD.perWord;
      if (found.length >= SENTENCE_THRESHOLD || dense) {
        flagged.push({
          start: sentence.position?.start.offset ?? tokens[0]!.start,
          end: sentence.position?.end.offset ?? tokens[tokens.length - 1]!.end,
          words: found,
          count: found.length,
          total,
        });
      }
    }
    const letter: NominalisationDensity = {
      nominalisations,
      words,
      per100Words: words === 0 ? 0 : Math.round((nominalisations / words) * 1000) / 10,
    };
    for (const sentence of flagged) {
      const list = sentence.words.map((word) => `»${word.text}«`).join(", ");
      report(file, {
        ruleId: NOMINALISATION_RULE,
        severity: "info",
        message: `Sætningen har ${sentence.count} navneord dannet af verber (${list}). Brug verber i stedet.`,
        start: sentence.start,
        end: sentence.end,
        suggestion: {
          text: `Skriv verber i stedet for ${list}, fx »vi vurderer« i stedet for »vi foretager en vurdering«.`,
          explanation: "Verber gør teksten kortere og viser hvem der gør hvad.",
        },
        details: {
          nominalisations: sentence.words.map((word) => word.text),
          count: sentence.count,
          words: sentence.total,
          letter,
        },
      });
    }
  };
}

/** A sentence's nominalisations (token indices) and words, kept while the sentence stands. */
const nominalisationsIn = memoByTokens((tokens, text) => {
  // Loops, not flatMap and filter: an array per word of every sentence otherwise.
  const indices: number[] = [];
  let total = 0;
  for (let index = 0; index < tokens.length; index++) {
    if (isNominalisation(tokens, index, text)) indices.push(index);
    if (hasLetter(tokens[index]!.text)) total++;
  }
  return { indices, total };
});

const NAME_HEADS: readonly string[] = [...formsOf("nameHeads")];

function isNominalisation(tokens: readonly Token[], index: number, text: string): boolean {
  const token = tokens[index]!;
  if (nominalisationBase(token.lower) === undefined) return false;
  // "Ankestyrelsen", "Socialforvaltningen": a capitalised institution name, wherever it stands.
  if (isCapitalised(token.text) && INSTITUTIONS.has(token.lower)) return false;
  if (!isCapitalised(token.text)) return true;
  // A capital mid-sentence is a name (Kolding, Helsingør).
  if (!atSentenceStart(tokens, index, text)) return false;
  // At the start: "Udbetaling Danmark" (a capitalised word follows), "Ankestyrelsen" (a name head).
  const next = tokens[index + 1];
  if (next && isCapitalised(next.text)) return false;
  return !NAME_HEADS.some((head) => token.lower.endsWith(head));
}
