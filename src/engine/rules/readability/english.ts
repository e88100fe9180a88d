import { automatedReadability } from "automated-readability";
import { colemanLiau } from "coleman-liau";
import { daleChall } from "dale-chall";
import { daleChallFormula, daleChallGradeLevel } from "dale-chall-formula";
import { flesch } from "flesch";
import { gunningFog } from "gunning-fog";
import type { Paragraph, Root, Sentence } from "nlcst";
import { toString } from "nlcst-to-string";
import retextReadability from "retext-readability";
import { smogFormula } from "smog-formula";
import { spache } from "spache";
import { spacheFormula } from "spache-formula";
import { syllable } from "syllable";
import { VFile } from "vfile";
import { blockAt, isProtected } from "../../letter/model.js";
import { eachSentence } from "../../nlcst/traverse.js";
import { report } from "../../report.js";

/** retext-readability's defaults: a reader of 16, 4 of 7 formulas agreeing, 5 words or more. */
const AGE = 16;
const THRESHOLD = 4 / 7;
const MIN_WORDS = 5;
/** Sentences this many formulas short of the verdict still go to retext-readability. */
const MARGIN = 1;

interface Scored {
  sentence: Sentence;
  legal: boolean;
  figures: Record<string, number>;
  /** How many of the seven formulas put the sentence above AGE. */
  hard: number;
}

/**
 * English letters: retext-readability's seven formulas. Its messages are re-emitted as
 * `readability/english` (info inside protected legal blocks), and the per-sentence figures are
 * averaged into `file.data.readability.english`. Runs after the LIX plugin, which sets the scores.
 *
 * Speed: retext-readability looks every word up in two word lists with Array#includes (about
 * 20 µs a word). One pass here computes the same figures with Sets and a syllable cache; only
 * sentences within MARGIN of being hard go through retext-readability's transformer, which
 * stays the judge and the author of the messages. Easy letters skip it almost entirely.
 */
export function retextEnglishReadability() {
  const transform = retextReadability({ age: AGE, minWords: MIN_WORDS, threshold: THRESHOLD });
  const needed = Math.ceil(THRESHOLD * FORMULAS.length) - MARGIN;
  return (tree: Root, file: VFile): void => {
    if (file.data.language !== "en") return;
    const letter = file.data.letter ?? { text: String(file.value), blocks: [] };

    const scored: Scored[] = [];
    const syllableCache = new Map<string, number>();
    eachSentence(tree, letter, ({ sentence, block }) => {
      const result = sentenceFigures(sentence, syllableCache);
      if (result) scored.push({ sentence, legal: isProtected(block), ...result });
    });

    const candidates = scored
      .filter((entry) => entry.hard >= needed)
      .map((entry) => entry.sentence);
    const scratch = new VFile({ value: file.value });
    if (candidates.length > 0) {
      const paragraph: Paragraph = { type: "ParagraphNode", children: candidates };
      transform({ type: "RootNode", children: [paragraph] }, scratch);
    }

    let hardSentences = 0;
    for (const message of scratch.messages) {
      const place = message.place && "start" in message.place ? message.place : undefined;
      if (place?.start.offset === undefined) continue;
      const start = place.start.offset;
      const block = letter.blocks[blockAt(letter, start)];
      const legal = block !== undefined && isProtected(block);
      if (!legal) hardSentences++;
      report(file, {
        ruleId: "readability/english",
        severity: legal ? "info" : "warning",
        message: message.reason,
        start,
        end: place.end.offset ?? start,
        details: { source: "retext-readability", counted: !legal },
      });
    }

    if (file.data.readability) {
      const figures = averages(scored.filter((entry) => !entry.legal));
      figures.hardSentences = hardSentences;
      file.data.readability.english = figures;
    }
  };
}

type Formula =
  | "automatedReadability"
  | "colemanLiau"
  | "daleChall"
  | "flesch"
  | "gunningFog"
  | "smog"
  | "spache";
const FORMULAS: readonly Formula[] = [
  "automatedReadability",
  "colemanLiau",
  "daleChall",
  "flesch",
  "gunningFog",
  "smog",
  "spache",
];

/**
 * Per-formula averages over the caseworker's sentences that retext-readability scores: the raw
 * figure (grade level; reading ease for Flesch) as `<formula>`, the reader age it implies as
 * `<formula>Age`, `age` (the mean of the seven ages) and `sentences` (how many were scored).
 */
function averages(scored: readonly Scored[]): Record<string, number> {
  const sums = new Map<string, number>();
  for (const { figures } of scored) {
    for (const key in figures) sums.set(key, (sums.get(key) ?? 0) + figures[key]!);
  }
  const result: Record<string, number> = { sentences: scored.length };
  for (const [key, sum] of sums) result[key] = Math.round((sum / scored.length) * 10) / 10;
  return result;
}

let wordLists: { easy: ReadonlySet<string>; familiar: ReadonlySet<string> } | undefined;

/** Syllables per word, cached for one letter (letters repeat their words). */
function syllablesOf(word: string, cache: Map<string, number>): number {
  let count = cache.get(word);
  if (count === undefined) cache.set(word, (count = syllable(word)));
  return count;
}

/** One sentence as retext-readability counts it; undefined under MIN_WORDS words. */
function sentenceFigures(
  sentence: Sentence,
  syllableCache: Map<string, number>
): { figures: Record<string, number>; hard: number } | undefined {
  const lists = (wordLists ??= { easy: new Set(daleChall), familiar: new Set(spache) });
  const easy = new Set<string>();
  const familiar = new Set<string>();
  let words = 0;
  let syllableCount = 0;
  let letters = 0;
  let polysyllabic = 0;
  let complex = 0;
  for (const node of sentence.children) {
    if (node.type !== "WordNode") continue;
    const value = toString(node);
    const caseless = value.toLowerCase();
    const count = syllablesOf(value, syllableCache);
    words++;
    syllableCount += count;
    letters += value.length;
    if (count >= 3) {
      polysyllabic++;
      if (value.charCodeAt(0) === caseless.charCodeAt(0)) complex++;
    }
    if (lists.familiar.has(caseless)) familiar.add(caseless);
    if (lists.easy.has(caseless)) easy.add(caseless);
  }
  if (words < MIN_WORDS) return undefined;

  const counts = {
    character: letters,
    complexPolysillabicWord: complex,
    difficultWord: words - easy.size,
    letter: letters,
    polysillabicWord: polysyllabic,
    sentence: 1,
    syllable: syllableCount,
    unfamiliarWord: words - familiar.size,
    word: words,
  };
  // Dale-Chall's top band is "16 and higher" ([16, Infinity]): use 16 to keep averages finite.
  const [daleLow, daleHigh] = daleChallGradeLevel(daleChallFormula(counts));
  const raw: Record<Formula, number> = {
    automatedReadability: automatedReadability(counts),
    colemanLiau: colemanLiau(counts),
    daleChall: Number.isFinite(daleHigh) ? daleHigh : daleLow,
    flesch: flesch(counts),
    gunningFog: gunningFog(counts),
    smog: smogFormula(counts),
    spache: spacheFormula(counts),
  };
  const ages: Record<Formula, number> = {
    automatedReadability: gradeToAge(raw.automatedReadability),
    colemanLiau: gradeToAge(raw.colemanLiau),
    daleChall: gradeToAge(raw.daleChall),
    flesch: 20 - Math.floor(raw.flesch / 10),
    gunningFog: gradeToAge(raw.gunningFog),
    smog: Math.ceil(Math.sqrt(raw.smog) + 2.5),
    spache: gradeToAge(raw.spache),
  };
  const figures: Record<string, number> = {};
  let ageSum = 0;
  let hard = 0;
  for (const formula of FORMULAS) {
    figures[formula] = raw[formula];
    figures[`${formula}Age`] = ages[formula];
    ageSum += ages[formula];
    if (ages[formula] > AGE) hard++;
  }
  figures.age = ageSum / FORMULAS.length;
  return { figures, hard };
}

function gradeToAge(grade: number): number {
  return Math.round(grade + 5);
}
