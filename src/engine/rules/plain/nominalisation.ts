import type { Root } from "nlcst";
import { lexeme } from "../../linguistics/vocabulary.js";
import type { VFile } from "vfile";
import data from "../../lexicons/plain-nominalisation.da.json" with { type: "json" };
import { report } from "../../report.js";
import { hasLetter } from "../../util/word-scan.js";
import {
  atSentenceStart,
  isCapitalised,
  isDanishLetter,
  plainSentences,
  type Token,
} from "./tokens.js";

export const NOMINALISATION_RULE = "plain/nominalisation";

const EXCEPTIONS = new Set(data.exceptions);
/** One regex for all suffixes and their inflections, longest ending first: "-ingerne" before "-ing". */
const SUFFIX_PATTERN = new RegExp(
  `(${Object.keys(data.suffixes).join("|")})(${[
    ...new Set(Object.values(data.suffixes as Record<string, string[]>).flat()),
  ]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .join("|")})?$`,
  "u"
);
const SUFFIX_ENDINGS = data.suffixes as Record<string, string[]>;

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
  const match = SUFFIX_PATTERN.exec(lower);
  if (!match) return undefined;
  const suffix = match[1]!;
  const ending = match[2] ?? "";
  // Each suffix takes only its own endings ("-elsen", not "-elseen").
  if (!SUFFIX_ENDINGS[suffix]!.includes(ending)) return undefined;
  const base = lower.slice(0, lower.length - ending.length);
  if (base.length - suffix.length < data.minStemLength) return undefined;
  if (EXCEPTIONS.has(base) || data.exceptionTails.some((tail) => base.endsWith(tail)))
    return undefined;
  return base;
}

/**
 * plain/nominalisation: a sentence with many verbs turned into nouns (afgørelse, vurdering,
 * rådighed) is heavy to read. Reported per sentence at `sentenceThreshold` nominalisations, or
 * at `densityThreshold` in a short sentence; every finding carries the letter-level density.
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
      const found = tokens.filter((token, index) => isNominalisation(tokens, index, text));
      const total = tokens.filter((token) => hasLetter(token.text)).length;
      nominalisations += found.length;
      words += total;
      const dense =
        found.length >= data.densityThreshold.count &&
        found.length / Math.max(total, 1) >= data.densityThreshold.perWord;
      if (found.length >= data.sentenceThreshold || dense) {
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

const NAME_HEADS: readonly string[] = data.nameHeads;

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
