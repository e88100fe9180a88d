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
/** At most this many characters of the sentence either side of the flagged text. */
const MAX_CONTEXT = 160;

export type Verdict = "acceptable" | "not acceptable";

export interface SampleEntry {
  id: string;
  ruleId: string;
  file: string;
  context: string;
  flagged: string;
  suggestion: string;
  /** The finding's message (names the words a rule counted). */
  message: string;
  /** Whether the engine offers the edit as safe ("Anvend alle sikre forslag"). */
  safe?: boolean;
  verdict?: Verdict;
  reason?: string;
}

type Candidate = Omit<SampleEntry, "verdict" | "reason">;

interface SampleFile {
  sample: SampleEntry[];
  /** Judged findings that are not in the current draw, kept so a later draw can reuse them. */
  archive: SampleEntry[];
}

function withVerdict(entry: SampleEntry): SampleEntry {
  const verdict =
    entry.verdict === "acceptable" || entry.verdict === "not acceptable"
      ? entry.verdict
      : undefined;
  return { ...entry, verdict };
}

async function readSampleFile(root: string): Promise<SampleFile> {
  let text: string;
  try {
    text = await readFile(join(root, PLAIN_SAMPLE_FILE), "utf8");
  } catch {
    return { sample: [], archive: [] };
  }
  const data = parse(text) as Partial<SampleFile> | null;
  return {
    sample: (data?.sample ?? []).map(withVerdict),
    archive: (data?.archive ?? []).map(withVerdict),
  };
}

/** The current sample's entries with their verdicts (an empty list when there is no sample yet). */
export async function readVerdicts(root = "."): Promise<SampleEntry[]> {
  return (await readSampleFile(root)).sample;
}

export function isPlainFinding(finding: Finding): boolean {
  return finding.ruleId.startsWith("plain/") && finding.suggestion !== undefined;
}

/**
 * Whether a sentence ends at `index`: . ! or ? before a line break, the end, or white space and
 * a capital ("29. februar", "stk. 1" and "kr. 516" go on).
 */
function endsSentence(text: string, index: number): boolean {
  if (!/[.!?]/u.test(text[index] ?? "")) return false;
  const rest = text.slice(index + 1, index + 4);
  return rest === "" || /^\s*$/u.test(rest) || /^\n/u.test(rest) || /^\s+[\p{Lu}»"•–-]/u.test(rest);
}

/** The sentence around [start, end), at most MAX_CONTEXT characters either side of the flag. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && text[from - 1] !== "\n" && !endsSentence(text, from - 2)) from--;
  let to = end;
  while (to < text.length && text[to] !== "\n" && !endsSentence(text, to)) to++;
  if (to < text.length && text[to] !== "\n") to++;
  const left = Math.max(from, start - MAX_CONTEXT);
  const right = Math.min(to, end + MAX_CONTEXT);
  return (
    (left > from ? "…" : "") +
    text.slice(left, right).replace(/\s+/gu, " ").trim() +
    (right < to ? "…" : "")
  );
}

function candidatesOf(file: string, text: string, findings: readonly Finding[]): Candidate[] {
  return findings.filter(isPlainFinding).map((finding) => {
    const start = finding.start.offset;
    const end = finding.end.offset;
    const context = sentenceAround(text, start, end);
    const flagged = text.slice(start, end);
    const suggestion = finding.suggestion!.text;
    const id = createHash("sha1")
      .update([finding.ruleId, flagged, suggestion, context].join("\u0000"))
      .digest("hex")
      .slice(0, 12);
    const candidate: Candidate = {
      id,
      ruleId: finding.ruleId,
      file,
      context,
      flagged,
      suggestion,
      message: finding.message,
    };
    if (finding.safe !== undefined) candidate.safe = finding.safe;
    return candidate;
  });
}

/**
 * A finding's place in the draw: a hash of the seed and the finding's id. Taking the lowest ranks
 * is reproducible, and stable when the engine changes: a finding that is still found keeps its
 * rank, so the sample keeps most earlier findings (and their verdicts).
 */
function rank(id: string): string {
  return createHash("sha1").update(`${SEED}\u0000${id}`).digest("hex");
}

export async function drawSample(
  size = SIZE,
  root = "."
): Promise<{ population: number; sample: SampleEntry[]; archive: SampleEntry[] }> {
  const corpus = await loadCorpus(root);
  const byId = new Map<string, Candidate>();
  // Held-out letters stay out of the sample: no verdict may tune the engine on them.
  for (const letter of corpus.letters.filter((letter) => letter.set === "development")) {
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
  const population = [...byId.values()].sort((a, b) => (rank(a.id) < rank(b.id) ? -1 : 1));
  const file = await readSampleFile(root);
  const earlier = new Map(
    [...file.archive, ...file.sample]
      .filter((entry) => entry.verdict)
      .map((entry) => [entry.id, entry])
  );
  const sample = population.slice(0, size).map((candidate) => {
    const entry: SampleEntry = { ...candidate };
    const known = earlier.get(candidate.id);
    if (known?.verdict) entry.verdict = known.verdict;
    if (known?.reason) entry.reason = known.reason;
    return entry;
  });
  const drawn = new Set(sample.map((entry) => entry.id));
  const archive = [...earlier.values()]
    .filter((entry) => !drawn.has(entry.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { population: population.length, sample, archive };
}

export async function main(args: string[]): Promise<void> {
  const sizeAt = args.indexOf("--size");
  const size = sizeAt >= 0 ? Number(args[sizeAt + 1]) : SIZE;
  if (!Number.isInteger(size) || size <= 0) {
    console.error("--size must be a positive whole number");
    process.exitCode = 2;
    return;
  }
  const { population, sample, archive } = await drawSample(size);
  const header = [
    "# Plain-language sample (issue 8): generated by `npm run plain-sample`; verdicts by a Danish",
    "# language expert. verdict: acceptable | not acceptable, reason: one line. Regenerating keeps",
    "# the verdict of every finding that is still identical; new findings have none yet. Judged",
    "# findings that are not drawn now stay in `archive`, so a later draw can reuse their verdicts.",
    "",
  ].join("\n");
  await writeFile(
    PLAIN_SAMPLE_FILE,
    header + stringify({ seed: SEED, population, sample, archive }, { lineWidth: 0 })
  );
  const kept = sample.filter((entry) => entry.verdict).length;
  console.log(
    `${PLAIN_SAMPLE_FILE}: ${sample.length} of ${population} plain-language findings; ${kept} keep an earlier verdict, ${sample.length - kept} need one.`
  );
}
