import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { analyzeText, type Finding } from "../src/engine/index.js";
import { CORPUS_DIR, loadCorpus } from "./eval-corpus.js";

/**
 * The plain-language sample (issue 8, section 6): a reproducible draw of 100 plain-language
 * findings with suggestions from the corpus letters and sentences, written to
 * test/corpus/plain-sample.yml for a Danish language expert's verdicts. Regenerating keeps the
 * verdict of every finding that is still identical (same rule, flagged text, suggestion and
 * context); new findings come without a verdict. Run: npm run plain-sample [-- --size 100].
 */

export const PLAIN_SAMPLE_FILE = join(CORPUS_DIR, "plain-sample.yml");
const SEED = 8;
const SIZE = 100;
/** Characters of context either side of the flagged text. */
const CONTEXT = 90;

export type Verdict = "acceptable" | "not acceptable";

export interface SampleEntry {
  id: string;
  ruleId: string;
  file: string;
  context: string;
  flagged: string;
  suggestion: string;
  verdict?: Verdict;
  reason?: string;
}

interface Candidate extends Omit<SampleEntry, "verdict" | "reason"> {
  order: string;
}

/** The sample's entries with their verdicts (an empty list when there is no sample yet). */
export async function readVerdicts(root = "."): Promise<SampleEntry[]> {
  let text: string;
  try {
    text = await readFile(join(root, PLAIN_SAMPLE_FILE), "utf8");
  } catch {
    return [];
  }
  const data = parse(text) as { sample?: SampleEntry[] } | null;
  return (data?.sample ?? []).map((entry) => ({
    ...entry,
    verdict:
      entry.verdict === "acceptable" || entry.verdict === "not acceptable"
        ? entry.verdict
        : undefined,
  }));
}

export function isPlainFinding(finding: Finding): boolean {
  return finding.ruleId.startsWith("plain/") && finding.suggestion !== undefined;
}

function candidatesOf(file: string, text: string, findings: readonly Finding[]): Candidate[] {
  return findings.filter(isPlainFinding).map((finding) => {
    const start = finding.start.offset;
    const end = finding.end.offset;
    const from = Math.max(0, start - CONTEXT);
    const to = Math.min(text.length, end + CONTEXT);
    const context =
      (from > 0 ? "…" : "") +
      text.slice(from, to).replace(/\s+/gu, " ").trim() +
      (to < text.length ? "…" : "");
    const flagged = text.slice(start, end);
    const suggestion = finding.suggestion!.text;
    const id = createHash("sha1")
      .update([finding.ruleId, flagged, suggestion, context].join("\u0000"))
      .digest("hex")
      .slice(0, 12);
    const order = `${file}\u0000${String(start).padStart(8, "0")}\u0000${finding.ruleId}`;
    return { id, ruleId: finding.ruleId, file, context, flagged, suggestion, order };
  });
}

/** A small seeded generator (mulberry32), so the draw is the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

export async function drawSample(
  size = SIZE,
  root = "."
): Promise<{
  population: number;
  sample: SampleEntry[];
}> {
  const corpus = await loadCorpus(root);
  const byId = new Map<string, Candidate>();
  for (const letter of corpus.letters) {
    for (const candidate of candidatesOf(
      letter.file,
      letter.text,
      analyzeText(letter.text).findings
    ))
      byId.set(candidate.id, candidate);
  }
  for (const sentence of corpus.sentences) {
    const text = sentence.text + "\n";
    for (const candidate of candidatesOf(sentence.file, text, analyzeText(text).findings))
      byId.set(candidate.id, candidate);
  }
  const population = [...byId.values()].sort((a, b) => (a.order < b.order ? -1 : 1));
  const next = random(SEED);
  for (let i = population.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [population[i], population[j]] = [population[j]!, population[i]!];
  }
  const earlier = new Map((await readVerdicts(root)).map((entry) => [entry.id, entry]));
  const sample = population.slice(0, size).map((candidate) => {
    const entry: SampleEntry = {
      id: candidate.id,
      ruleId: candidate.ruleId,
      file: candidate.file,
      context: candidate.context,
      flagged: candidate.flagged,
      suggestion: candidate.suggestion,
    };
    const known = earlier.get(candidate.id);
    if (known?.verdict) entry.verdict = known.verdict;
    if (known?.reason) entry.reason = known.reason;
    return entry;
  });
  return { population: population.length, sample };
}

export async function main(args: string[]): Promise<void> {
  const sizeAt = args.indexOf("--size");
  const size = sizeAt >= 0 ? Number(args[sizeAt + 1]) : SIZE;
  if (!Number.isInteger(size) || size <= 0) {
    console.error("--size must be a positive whole number");
    process.exitCode = 2;
    return;
  }
  const { population, sample } = await drawSample(size);
  const header = [
    "# Plain-language sample (issue 8): generated by `npm run plain-sample`; verdicts by a Danish",
    "# language expert. verdict: acceptable | not acceptable, reason: one line. Regenerating keeps",
    "# the verdict of every finding that is still identical; new findings have none yet.",
    "",
  ].join("\n");
  await writeFile(
    PLAIN_SAMPLE_FILE,
    header + stringify({ seed: SEED, population, sample }, { lineWidth: 0 })
  );
  const kept = sample.filter((entry) => entry.verdict).length;
  console.log(
    `${PLAIN_SAMPLE_FILE}: ${sample.length} of ${population} plain-language findings; ${kept} keep an earlier verdict, ${sample.length - kept} need one.`
  );
}
