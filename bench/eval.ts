import { readFile, writeFile } from "node:fs/promises";
import { analyzeText } from "../src/engine/index.js";
import {
  EVAL_ENABLED,
  familyFlags,
  HARD_NEGATIVE_KINDS,
  hardNegativeKind,
  loadCorpus,
  RULE_FAMILIES,
  type Corpus,
  type CorpusLetter,
  type CorpusSentence,
  type Label,
} from "./eval-corpus.js";
import { readVerdicts } from "./plain-sample.js";

/**
 * `npm run eval`: the engine's public API on the real-text corpus in test/corpus/ (issue 8, 6).
 * Each sentence is analysed as a one-paragraph letter, each letter whole. Prints recall,
 * precision and false-positive rate per rule family, letter-type accuracy, the klagevejledning
 * check on decision letters and the plain-language sample's acceptance rate.
 *   --verbose        list every miss and false positive
 *   --json           print the figures as JSON instead
 *   --write-readme   replace README's "Measured on real Danish text" figures
 *   --unseal         also measure the sealed held-out letters (kept unseen while tuning)
 * Letter type is reported separately for the development letters (test/corpus/letters/) and the
 * held-out letters (test/corpus/letters-heldout/), which no rule was tuned on.
 * A broken corpus file is reported in one line and the exit code is 1; the other files count.
 */

export interface FamilyFigures {
  family: string;
  positive: Label;
  tp: number;
  fn: number;
  fp: number;
  tn: number;
  recall: number;
  precision: number;
  falsePositiveRate: number;
  misses: string[];
  falsePositives: string[];
}

export interface LetterFigures {
  total: number;
  typeCorrect: number;
  typeAccuracy: number;
  wrongType: string[];
  klagevejledning: {
    required: number;
    checked: number;
    lacking: number;
    missingFlagged: number;
    falseAlarms: string[];
  };
}

export interface EvaluateOptions {
  /** Also measure the sealed held-out letters (their figures stay unseen otherwise). */
  unseal?: boolean;
}

export interface EvalFigures {
  sentences: { total: number; T: number; N: number; O: number; sources: number };
  families: FamilyFigures[];
  threatRecallByTrigger: Record<string, { hit: number; total: number }>;
  /** Hard negatives (N sentences with a note naming their kind) the threat family flags. */
  threatFalsePositivesByKind: Record<string, { flagged: number; total: number }>;
  /** Letter type and the klagevejledning check, per letter set (see LetterFigures). */
  letters: LetterFigures;
  heldoutLetters: LetterFigures;
  /** Held-out letters set aside before the first measurement; only with --unseal. */
  sealedLetters?: LetterFigures;
  plainSample: { judged: number; unjudged: number; acceptable: number; rate: number };
}

export async function evaluate(
  corpus: Corpus,
  root = ".",
  options: EvaluateOptions = {}
): Promise<EvalFigures> {
  const flagged = corpus.sentences.map((sentence) => {
    const findings = analyzeText(sentence.text + "\n", { enable: [...EVAL_ENABLED] }).findings;
    return RULE_FAMILIES.map((family) => familyFlags(family, findings));
  });
  const families = RULE_FAMILIES.map((family, index) => {
    const figures: FamilyFigures = {
      family: family.name,
      positive: family.positive,
      tp: 0,
      fn: 0,
      fp: 0,
      tn: 0,
      recall: 0,
      precision: 0,
      falsePositiveRate: 0,
      misses: [],
      falsePositives: [],
    };
    corpus.sentences.forEach((sentence, position) => {
      const hit = flagged[position]![index]!;
      const positive = sentence.label === family.positive;
      if (positive && hit) figures.tp++;
      else if (positive) {
        figures.fn++;
        figures.misses.push(describe(sentence));
      } else if (hit) {
        figures.fp++;
        figures.falsePositives.push(describe(sentence));
      } else figures.tn++;
    });
    figures.recall = ratio(figures.tp, figures.tp + figures.fn);
    figures.precision = ratio(figures.tp, figures.tp + figures.fp);
    figures.falsePositiveRate = ratio(figures.fp, figures.fp + figures.tn);
    return figures;
  });

  const threatIndex = RULE_FAMILIES.findIndex((family) => family.name === "threat");
  const threatRecallByTrigger: EvalFigures["threatRecallByTrigger"] = {};
  corpus.sentences.forEach((sentence, position) => {
    if (sentence.label !== "T") return;
    const key = sentence.trigger ?? "(none: risk or consequence alone)";
    const entry = (threatRecallByTrigger[key] ??= { hit: 0, total: 0 });
    entry.total++;
    if (flagged[position]![threatIndex]) entry.hit++;
  });

  const threatFalsePositivesByKind: EvalFigures["threatFalsePositivesByKind"] = {};
  for (const { kind } of HARD_NEGATIVE_KINDS)
    threatFalsePositivesByKind[kind] = { flagged: 0, total: 0 };
  corpus.sentences.forEach((sentence, position) => {
    const kind = hardNegativeKind(sentence);
    if (!kind) return;
    const entry = threatFalsePositivesByKind[kind]!;
    entry.total++;
    if (flagged[position]![threatIndex]) entry.flagged++;
  });

  const development = corpus.letters.filter((letter) => letter.set === "development");
  const heldout = corpus.letters.filter((letter) => letter.set === "heldout" && !letter.sealed);
  const sealed = corpus.letters.filter((letter) => letter.set === "heldout" && letter.sealed);

  const verdicts = await readVerdicts(root);
  const judged = verdicts.filter((entry) => entry.verdict !== undefined);
  const acceptable = judged.filter((entry) => entry.verdict === "acceptable").length;

  const count = (label: Label) => corpus.sentences.filter((s) => s.label === label).length;
  return {
    sentences: {
      total: corpus.sentences.length,
      T: count("T"),
      N: count("N"),
      O: count("O"),
      sources: new Set(corpus.sentences.map((sentence) => sentence.source)).size,
    },
    families,
    threatRecallByTrigger,
    threatFalsePositivesByKind,
    letters: letterFigures(development),
    heldoutLetters: letterFigures(heldout),
    ...(options.unseal ? { sealedLetters: letterFigures(sealed) } : {}),
    plainSample: {
      judged: judged.length,
      unjudged: verdicts.length - judged.length,
      acceptable,
      rate: ratio(acceptable, judged.length),
    },
  };
}

/** Letter-type accuracy and the klagevejledning check on one set of letters. */
function letterFigures(letters: readonly CorpusLetter[]): LetterFigures {
  const wrongType: string[] = [];
  let typeCorrect = 0;
  const klagevejledning: LetterFigures["klagevejledning"] = {
    required: 0,
    checked: 0,
    lacking: 0,
    missingFlagged: 0,
    falseAlarms: [],
  };
  for (const letter of letters) {
    const analysis = analyzeText(letter.text);
    if (analysis.letterType === letter.letterType) typeCorrect++;
    else
      wrongType.push(`${letter.file}: expected ${letter.letterType}, got ${analysis.letterType}`);
    const flaggedMissing = analysis.findings.some(
      (finding) => finding.ruleId === "legal/missing" && /klage/iu.test(finding.message)
    );
    if (!letter.klagevejledningRequired) {
      if (flaggedMissing) klagevejledning.falseAlarms.push(letter.file);
      continue;
    }
    klagevejledning.required++;
    // The klagevejledning check runs on decisions only: a decision read as another type is a miss.
    if (analysis.letterType === "afgørelse") klagevejledning.checked++;
    if (letter.klagevejledningPresent !== false) continue;
    klagevejledning.lacking++;
    if (flaggedMissing) klagevejledning.missingFlagged++;
  }
  return {
    total: letters.length,
    typeCorrect,
    typeAccuracy: ratio(typeCorrect, letters.length),
    wrongType,
    klagevejledning,
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function describe(sentence: CorpusSentence): string {
  return `[${sentence.label}${sentence.trigger ? `, ${sentence.trigger}` : ""}] ${sentence.text}  (${sentence.file})`;
}

const fixed = (value: number) => value.toFixed(2);

/** The figures as the Markdown that README's section shows. */
export function figuresMarkdown(figures: EvalFigures): string {
  const { sentences, letters, heldoutLetters, plainSample } = figures;
  const lines = [
    `Corpus: ${sentences.total} sentences from ${sentences.sources} public pages (T ${sentences.T}, N ${sentences.N}, O ${sentences.O}), ${letters.total} real development letters and ${heldoutLetters.total} held-out letters (\`test/corpus/\`).`,
    "",
    "| Rule family | Measured on | Recall | Precision | False-positive rate |",
    "| --- | --- | --- | --- | --- |",
    ...figures.families.map(
      (family) =>
        `| ${family.family} | ${family.positive} sentences | ${fixed(family.recall)} | ${fixed(family.precision)} | ${fixed(family.falsePositiveRate)} |`
    ),
    "",
    `Letter type on the development letters: ${letters.typeCorrect} of ${letters.total} right (${fixed(letters.typeAccuracy)}). ` +
      `Klagevejledning check reached: ${letters.klagevejledning.checked} of ${letters.klagevejledning.required} letters that need one; a missing one flagged on ${letters.klagevejledning.missingFlagged} of ${letters.klagevejledning.lacking}.`,
    "",
    `Letter type on the held-out letters (\`test/corpus/letters-heldout/\`, labelled before they were measured; sealed ones left out; which were studied since is in \`test/corpus/README.md\`): ${heldoutLetters.typeCorrect} of ${heldoutLetters.total} right (${fixed(heldoutLetters.typeAccuracy)}).`,
    "",
    plainSample.judged === 0
      ? "Plain-language sample: not judged yet."
      : `Plain-language suggestions acceptable to a Danish language expert: ${plainSample.acceptable} of ${plainSample.judged} (${fixed(plainSample.rate)}), \`test/corpus/plain-sample.yml\`.`,
  ];
  return lines.join("\n");
}

function printText(figures: EvalFigures, verbose: boolean): void {
  const { sentences, letters, plainSample } = figures;
  console.log(
    `Corpus: ${sentences.total} sentences (T ${sentences.T}, N ${sentences.N}, O ${sentences.O}) from ${sentences.sources} sources; ${letters.total} development letters, ${figures.heldoutLetters.total} held-out letters.`
  );
  console.log("");
  console.log("family          on  recall  precision  fp-rate   tp   fn   fp   tn");
  for (const family of figures.families) {
    console.log(
      `${family.family.padEnd(15)} ${family.positive.padEnd(3)} ${fixed(family.recall).padStart(6)} ${fixed(family.precision).padStart(10)} ${fixed(family.falsePositiveRate).padStart(8)} ${String(family.tp).padStart(4)} ${String(family.fn).padStart(4)} ${String(family.fp).padStart(4)} ${String(family.tn).padStart(4)}`
    );
  }
  console.log("");
  console.log("threat recall by trigger:");
  for (const [trigger, { hit, total }] of Object.entries(figures.threatRecallByTrigger).sort())
    console.log(`  ${trigger.padEnd(36)} ${hit}/${total}`);
  console.log("");
  console.log("threat false positives on hard negatives, by kind (from the sentence's note):");
  for (const [kind, { flagged, total }] of Object.entries(figures.threatFalsePositivesByKind))
    console.log(`  ${kind.padEnd(36)} ${flagged}/${total}`);
  console.log("");
  const letterSets: [string, LetterFigures][] = [
    ["development letters", letters],
    ["held-out letters", figures.heldoutLetters],
    ...(figures.sealedLetters
      ? [["sealed held-out letters", figures.sealedLetters] as [string, LetterFigures]]
      : []),
  ];
  for (const [name, set] of letterSets) {
    console.log(
      `letter type, ${name}: ${set.typeCorrect}/${set.total} (${fixed(set.typeAccuracy)})`
    );
    const k = set.klagevejledning;
    console.log(
      `  klagevejledning: check reached on ${k.checked}/${k.required} letters that need one; missing one flagged on ${k.missingFlagged}/${k.lacking} letters that lack it; flagged on ${k.falseAlarms.length} letters that need none`
    );
  }
  console.log(
    plainSample.judged === 0
      ? "plain-language sample: not judged yet"
      : `plain-language sample: ${plainSample.acceptable}/${plainSample.judged} acceptable (${fixed(plainSample.rate)})${plainSample.unjudged ? `; ${plainSample.unjudged} not judged yet` : ""}`
  );
  if (!verbose) return;
  for (const family of figures.families) {
    console.log(`\n${family.family}: misses (${family.misses.length})`);
    for (const line of family.misses) console.log(`  ${line}`);
    console.log(`${family.family}: false positives (${family.falsePositives.length})`);
    for (const line of family.falsePositives) console.log(`  ${line}`);
  }
  for (const [name, set] of letterSets) {
    console.log(`\nletter type, ${name}: wrong (${set.wrongType.length})`);
    for (const line of set.wrongType) console.log(`  ${line}`);
    console.log(
      `klagevejledning asked for where none is needed (${set.klagevejledning.falseAlarms.length})`
    );
    for (const line of set.klagevejledning.falseAlarms) console.log(`  ${line}`);
  }
}

const README_BEGIN = "<!-- eval:begin (npm run eval -- --write-readme) -->";
const README_END = "<!-- eval:end -->";

async function writeReadme(figures: EvalFigures): Promise<boolean> {
  const readme = await readFile("README.md", "utf8");
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) return false;
  const updated =
    readme.slice(0, begin + README_BEGIN.length) +
    "\n\n" +
    figuresMarkdown(figures) +
    "\n\n" +
    readme.slice(end);
  await writeFile("README.md", updated);
  return true;
}

export async function main(args: string[]): Promise<void> {
  const corpus = await loadCorpus();
  const figures = await evaluate(corpus, ".", { unseal: args.includes("--unseal") });
  if (args.includes("--json")) console.log(JSON.stringify(figures, null, 2));
  else printText(figures, args.includes("--verbose"));
  if (args.includes("--write-readme") && !(await writeReadme(figures))) {
    console.error(`README.md: no "${README_BEGIN}" … "${README_END}" section to update`);
    process.exitCode = 1;
  }
  for (const problem of corpus.problems) console.error(problem);
  if (corpus.problems.length > 0) process.exitCode = 1;
}
