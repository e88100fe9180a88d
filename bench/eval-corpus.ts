import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parse } from "yaml";
import type { Finding, LetterType } from "../src/engine/index.js";

/**
 * The development corpus under test/corpus/ (issue 8, section 6): real public Danish sentences
 * labelled T/N/O and whole real letters with their expected type. Shared by `npm run eval`, the
 * plain-language sample and the corpus integrity test, so the format is read in one place.
 */

export const LABELS = ["T", "N", "O"] as const;
export type Label = (typeof LABELS)[number];

export const TRIGGERS = [
  "conditional",
  "inverted condition",
  "noun phrase",
  "ellers",
  "relative clause",
] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const LETTER_TYPES: readonly LetterType[] = [
  "indkaldelse",
  "afgørelse",
  "partshøring",
  "anmodning",
  "orientering",
];

export interface CorpusSentence {
  text: string;
  label: Label;
  trigger?: Trigger;
  note?: string;
  /** The YAML file it came from (test/corpus/sentences/<slug>.yml) and its source address. */
  file: string;
  source: string;
}

/** Which letter set a letter belongs to: tuned on (development) or never tuned on (held-out). */
export type LetterSet = "development" | "heldout";

export interface CorpusLetter {
  file: string;
  set: LetterSet;
  /** A held-out letter set aside before the first measurement: reported only with --unseal. */
  sealed?: boolean;
  source: string;
  title: string;
  letterType: LetterType;
  klagevejledningRequired: boolean;
  klagevejledningPresent?: boolean;
  notes?: string;
  text: string;
}

export interface Corpus {
  sentences: CorpusSentence[];
  letters: CorpusLetter[];
  /** Problems found while reading: one line each, naming the file. */
  problems: string[];
}

export const CORPUS_DIR = join("test", "corpus");

/** The letter folders under CORPUS_DIR, each with its index.yml. */
export const LETTER_DIRS: Readonly<Record<LetterSet, string>> = {
  development: "letters",
  heldout: "letters-heldout",
};

/**
 * Which findings count for which label: the one place that maps rule ids to rule families.
 * `threat` is any consequence finding of the threat family (today threat/sanction; a new
 * consequence rule id under threat/ counts automatically); the framing rules that are not
 * consequences are listed here. `obligation` is measured against O sentences; `legal-sanction`
 * (the legal family's sanction detector) is measured against T sentences like `threat`.
 */
const THREAT_NOT_CONSEQUENCE = new Set([
  "threat/obligation",
  "threat/shouting",
  "threat/legal-citation",
  "threat/warning",
  "threat/required-guidance",
]);

export interface RuleFamily {
  name: string;
  /** The label whose sentences the family should flag. */
  positive: Label;
  matches(ruleId: string): boolean;
  /**
   * Rules that are off by default but measured for this family only (switched on in the eval's
   * one analysis; every other family ignores their findings, so it sees the default product).
   */
  enable?: readonly string[];
}

export const RULE_FAMILIES: readonly RuleFamily[] = [
  {
    name: "threat",
    positive: "T",
    matches: (id) => id.startsWith("threat/") && !THREAT_NOT_CONSEQUENCE.has(id),
  },
  { name: "obligation", positive: "O", matches: (id) => id === "threat/obligation" },
  // Does the engine see the framing at all? "du skal møde" is threat/duty: the wording Klarbrev
  // recommends, so off by default, but the corpus labels it O (LABELLING.md, "O: edge cases").
  {
    name: "obligation+duty",
    positive: "O",
    matches: (id) => id === "threat/obligation" || id === "threat/duty",
    enable: ["threat/duty"],
  },
  { name: "legal-sanction", positive: "T", matches: (id) => id === "legal/sanction-incomplete" },
];

/**
 * The kinds of hard negatives (N sentences that look like threats), recognised by the wording of
 * a sentence's `note` (LABELLING.md lists the phrases). Used to report false positives per kind.
 */
export const HARD_NEGATIVE_KINDS: readonly { kind: string; note: RegExp }[] = [
  { kind: "stated decision", note: /stated decision|performative/iu },
  { kind: "negated consequence", note: /negat/iu },
  { kind: "the way back", note: /way back|way round/iu },
  {
    kind: "reported / third person",
    note: /third[- ]person|third person|reported|first person|news|report of/iu,
  },
  {
    kind: "the authority's own duty",
    note: /authority's own duty|authority's failure|failure is the authority/iu,
  },
  { kind: "supportive", note: /supportive/iu },
  { kind: "neutral rule (no failure)", note: /neutral|no failure|without a failure/iu },
  { kind: "a right and its deadline", note: /\bright\b/iu },
];

export function hardNegativeKind(sentence: CorpusSentence): string | undefined {
  if (sentence.label !== "N" || !sentence.note) return undefined;
  return HARD_NEGATIVE_KINDS.find(({ note }) => note.test(sentence.note!))?.kind;
}

/** Whether a family flags a sentence, given the findings of its one-paragraph analysis. */
/** Rules some family switches on for the eval (see RuleFamily.enable). */
export const EVAL_ENABLED: readonly string[] = [
  ...new Set(RULE_FAMILIES.flatMap((family) => family.enable ?? [])),
];

export function familyFlags(family: RuleFamily, findings: readonly Finding[]): boolean {
  return findings.some(
    (finding) =>
      family.matches(finding.ruleId) &&
      (!EVAL_ENABLED.includes(finding.ruleId) || (family.enable ?? []).includes(finding.ruleId))
  );
}

/** Read the corpus; a broken file becomes one problem line and does not cost the others. */
export async function loadCorpus(root = "."): Promise<Corpus> {
  const problems: string[] = [];
  const sentences: CorpusSentence[] = [];
  const dir = join(root, CORPUS_DIR, "sentences");
  for (const name of (await readdir(dir)).filter((file) => file.endsWith(".yml")).sort()) {
    const file = join(CORPUS_DIR, "sentences", name);
    try {
      sentences.push(...readSentenceFile(file, await readFile(join(dir, name), "utf8")));
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  const letters: CorpusLetter[] = [];
  for (const [set, folder] of Object.entries(LETTER_DIRS) as [LetterSet, string][]) {
    const index = join(CORPUS_DIR, folder, "index.yml");
    let entries: unknown;
    try {
      entries = parse(await readFile(join(root, index), "utf8")) as unknown;
    } catch (error) {
      // The held-out set is optional (a corpus copy for a test may have none).
      if (set === "heldout" && (error as NodeJS.ErrnoException).code === "ENOENT") continue;
      problems.push(`${index}: ${(error as Error).message}`);
      continue;
    }
    if (!Array.isArray(entries)) {
      problems.push(`${index}: expected a list of letters`);
      continue;
    }
    for (const [position, entry] of entries.entries()) {
      try {
        letters.push(await readLetter(root, set, entry as Record<string, unknown>));
      } catch (error) {
        problems.push(`${index} entry ${position + 1}: ${(error as Error).message}`);
      }
    }
  }
  return { sentences, letters, problems };
}

function readSentenceFile(file: string, text: string): CorpusSentence[] {
  const data = parse(text) as Record<string, unknown> | null;
  if (!data || typeof data !== "object") throw new Error("not a YAML mapping");
  const source = requireUrl(data.source, "source");
  for (const key of ["title", "publisher"] as const) {
    if (typeof data[key] !== "string" || !data[key]) throw new Error(`missing ${key}`);
  }
  if (!Array.isArray(data.sentences) || data.sentences.length === 0)
    throw new Error("no sentences");
  return data.sentences.map((raw: Record<string, unknown>, position: number) => {
    const where = `sentence ${position + 1}`;
    if (typeof raw?.text !== "string" || !raw.text.trim()) throw new Error(`${where}: no text`);
    if (!LABELS.includes(raw.label as Label))
      throw new Error(`${where}: label must be T, N or O, not ${String(raw.label)}`);
    if (raw.trigger !== undefined && !TRIGGERS.includes(raw.trigger as Trigger))
      throw new Error(`${where}: unknown trigger ${String(raw.trigger)}`);
    const sentence: CorpusSentence = {
      text: raw.text.trim(),
      label: raw.label as Label,
      file,
      source,
    };
    if (raw.trigger !== undefined) sentence.trigger = raw.trigger as Trigger;
    if (typeof raw.note === "string") sentence.note = raw.note;
    return sentence;
  });
}

async function readLetter(
  root: string,
  set: LetterSet,
  entry: Record<string, unknown>
): Promise<CorpusLetter> {
  const folder = LETTER_DIRS[set];
  if (typeof entry?.file !== "string" || basename(entry.file) !== entry.file)
    throw new Error(`file must be a file name in test/corpus/${folder}/`);
  const where = entry.file;
  const source = requireUrl(entry.source, `${where}: source`);
  if (typeof entry.title !== "string" || !entry.title) throw new Error(`${where}: missing title`);
  if (!LETTER_TYPES.includes(entry.letterType as LetterType))
    throw new Error(`${where}: unknown letterType ${String(entry.letterType)}`);
  if (typeof entry.klagevejledningRequired !== "boolean")
    throw new Error(`${where}: klagevejledningRequired must be true or false`);
  if (entry.sealed !== undefined && (set !== "heldout" || typeof entry.sealed !== "boolean"))
    throw new Error(`${where}: sealed must be true or false, and only on held-out letters`);
  const text = await readFile(join(root, CORPUS_DIR, folder, entry.file), "utf8");
  const letter: CorpusLetter = {
    file: join(CORPUS_DIR, folder, entry.file),
    set,
    source,
    title: entry.title,
    letterType: entry.letterType as LetterType,
    klagevejledningRequired: entry.klagevejledningRequired,
    text,
  };
  if (typeof entry.klagevejledningPresent === "boolean")
    letter.klagevejledningPresent = entry.klagevejledningPresent;
  if (typeof entry.notes === "string") letter.notes = entry.notes;
  if (entry.sealed === true) letter.sealed = true;
  return letter;
}

function requireUrl(value: unknown, what: string): string {
  if (typeof value !== "string" || !/^https?:\/\/\S+$/u.test(value))
    throw new Error(`${what} must be an http(s) address`);
  return value;
}

/** Sentences compared for duplicates: case and white space do not make a new sentence. */
export function sentenceKey(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, " ").trim();
}
