import type { Letter } from "../../engine/letter/model.js";
import type {
  LegalBlockScore,
  LegalRegistryEntry,
  LegalScores,
  LegalStatus,
  WordChange,
} from "../../engine/rules/legal/types.js";
import { englishLegalTitle } from "../../engine/rules/legal/messages.en.js";
import { normaliseLegalText } from "../../engine/rules/legal/normalise.js";
import type { Analysis } from "../../engine/types.js";

export type { LegalStatus, WordChange } from "../../engine/rules/legal/types.js";

export interface LegalView {
  id: string;
  version: string;
  /** The registry's (Danish) title: what a marker in the letter carries. */
  title: string;
  /** The title in the UI's language (English titles: front matter `titleEn`); else `title`. */
  label?: string;
  status: LegalStatus;
  blockIndex?: number;
  /** Word diff against the approved text, in letter offsets. */
  changes: WordChange[];
  /** The text "Gendan godkendt tekst" puts back, when it can be known here. */
  restoreText?: string;
  currentVersion?: string;
  /** Missing guidance: the approved blocks "Indsæt lovpligtig vejledning" can insert. */
  insertChoices?: GuidanceChoice[];
}

/** An approved guidance block ready to insert: its registry identity and its laid-out text. */
export interface GuidanceChoice {
  id: string;
  version: string;
  title: string;
  /** The title in the UI's language; else `title`. */
  label?: string;
  text: string;
}

/** Statuses that make the score card say "Skal rettes". */
const PROBLEMS: ReadonlySet<LegalStatus> = new Set([
  "modified",
  "unapproved",
  "missing",
  "unknown",
]);

export function isProblem(status: LegalStatus): boolean {
  return PROBLEMS.has(status);
}

/**
 * The legal family's scores: `analysis.scores.legal`, which the engine always sets (`analyze`
 * gives `{ blocks: [] }` when the family did not run). The pane's main thread does not run the
 * legal check itself: the rules live in the analysis worker's bundle, not in taskpane.js.
 */
export function legalScoresOf(analysis: Analysis): LegalScores | undefined {
  return (analysis.scores as Analysis["scores"] & { legal?: LegalScores }).legal;
}

/**
 * A guidance block's name in the UI's language: in English its English title (the registry's
 * `titleEn`, or the engine's for a missing group), else the Danish title, else the id.
 */
export function legalLabel(
  lang: string,
  id: string,
  title: string | undefined,
  registry?: readonly LegalRegistryEntry[],
  titleEn?: string
): string {
  if (lang === "en") {
    const english = englishLegalTitle(id, registry) ?? titleEn;
    if (english) return english;
  }
  return title ?? id;
}

/**
 * One view per guidance block. Without the legal family's scores the letter's protected blocks
 * are still listed, as "unverified": locked, but not checked against the approved texts.
 */
export function viewLegal(
  analysis: Analysis,
  registry: readonly LegalRegistryEntry[] | undefined,
  lang = "da"
): LegalView[] {
  const letter = analysis.letter;
  const scores = legalScoresOf(analysis);
  const blocks: LegalBlockScore[] =
    scores?.blocks ??
    letter.blocks.flatMap((block, blockIndex) =>
      block.legal
        ? [
            {
              id: block.legal.id,
              version: block.legal.version,
              status: "unverified" as const,
              blockIndex,
              ...(block.legal.title ? { title: block.legal.title } : {}),
            },
          ]
        : []
    );
  return blocks.map((score) => {
    const entry = registry?.find((e) => e.id === score.id && e.version === score.version);
    const blockTitle =
      score.blockIndex !== undefined ? letter.blocks[score.blockIndex]?.legal?.title : undefined;
    const title = score.title ?? blockTitle ?? entry?.title ?? score.id;
    const view: LegalView = {
      id: score.id,
      version: score.version,
      title,
      label: legalLabel(lang, score.id, title, registry, score.titleEn),
      status: score.status,
      changes: score.changes ?? [],
    };
    if (score.blockIndex !== undefined) view.blockIndex = score.blockIndex;
    if (score.currentVersion) view.currentVersion = score.currentVersion;
    if (score.status === "missing" && registry) {
      const choices = insertChoicesFor(score.id, registry, lang);
      // A group: the engine's title names the block for the letter's benefit, when it knows it.
      const named = choices.filter((choice) => choice.title === view.title);
      view.insertChoices = named.length === 1 ? named : choices;
      const only = view.insertChoices.length === 1 ? view.insertChoices[0] : undefined;
      if (!view.version && only) view.version = only.version;
    }
    if (score.status === "modified" && score.blockIndex !== undefined) {
      const restore = restoreTextFor(letter, score.blockIndex, view.changes, entry);
      if (restore !== undefined) view.restoreText = restore;
    }
    return view;
  });
}

/**
 * The approved text for a modified block. Without fields it is the registry's approved text;
 * with fields (a filled-in appeal deadline) the word diff is reverted in the block, so the
 * filled-in values stay.
 */
export function restoreTextFor(
  letter: Letter,
  blockIndex: number,
  changes: readonly WordChange[],
  entry: LegalRegistryEntry | undefined
): string | undefined {
  const block = letter.blocks[blockIndex];
  if (!block) return undefined;
  const approved = entry ? structuredApprovedText(entry) : undefined;
  if (approved !== undefined && !/\{\{/u.test(approved)) return approved.trim();
  const inside = changes.filter((c) => c.start >= block.start && c.end <= block.end);
  if (inside.length === 0 || inside.length !== changes.length) return undefined;
  let text = block.text;
  for (const change of [...inside].sort((a, b) => b.start - a.start)) {
    const from = change.start - block.start;
    const to = change.end - block.start;
    const before = text.slice(0, from);
    const after = text.slice(to);
    const spaceBefore = change.removed && before && !/\s$/u.test(before) ? " " : "";
    const spaceAfter = change.removed && after && !/^[\s.,;:!?)]/u.test(after) ? " " : "";
    text = before + spaceBefore + change.removed + spaceAfter + after;
  }
  return text.replace(/[ \t]{2,}/gu, " ").replace(/ +([.,;:!?])/gu, "$1");
}

/**
 * The approved wording with its structure (heading line, paragraph breaks). Approvals keep the
 * canonical, whitespace-collapsed text (that is what is hashed); the block file's text has the
 * line breaks. When both are the same words, the file's text is the approved text, laid out.
 */
export function structuredApprovedText(entry: LegalRegistryEntry): string {
  if (entry.approvedText === undefined) return entry.text;
  return normaliseLegalText(entry.approvedText) === normaliseLegalText(entry.text)
    ? entry.text
    : entry.approvedText;
}

/**
 * The current, approved blocks that meet a missing requirement: the block itself, or every
 * member of the group it names. A text with fields to fill in ({{...}}) cannot go in as is.
 */
export function insertChoicesFor(
  idOrGroup: string,
  registry: readonly LegalRegistryEntry[],
  lang = "da"
): GuidanceChoice[] {
  const current = registry.filter((entry) => entry.current && entry.approved);
  const own = current.filter((entry) => entry.id === idOrGroup);
  const members = own.length > 0 ? own : current.filter((entry) => entry.group === idOrGroup);
  return members.flatMap((entry) => {
    const text = structuredApprovedText(entry).trim();
    if (/\{\{/u.test(text)) return [];
    const label = lang === "en" && entry.titleEn ? entry.titleEn : entry.title;
    return [{ id: entry.id, version: entry.version, title: entry.title, label, text }];
  });
}

/**
 * Where required guidance goes: after the body and any guidance already there, before the
 * closing ("Med venlig hilsen") and the signature; at the end of a letter without a closing.
 */
export function guidancePlace(letter: Letter): number {
  const closing = letter.blocks.findIndex((block) => block.kind === "closing");
  if (closing >= 0) return closing;
  const signature = letter.blocks.findIndex((block) => block.kind === "signature");
  return signature >= 0 ? signature : letter.blocks.length;
}

/** Statuses of a block whose words are an approved text (of this or an older version). */
export function isApprovedText(status: LegalStatus): boolean {
  return status === "intact" || status === "outdated";
}

/** The block's text cut into unchanged runs and change hunks, for the word-diff view. */
export function diffRuns(
  letter: Letter,
  view: LegalView
): ({ kind: "same"; text: string } | { kind: "change"; removed: string; added: string })[] {
  if (view.blockIndex === undefined) return [];
  const block = letter.blocks[view.blockIndex];
  if (!block) return [];
  const runs: ReturnType<typeof diffRuns> = [];
  let position = block.start;
  for (const change of [...view.changes].sort((a, b) => a.start - b.start)) {
    if (change.start < position || change.end > block.end) continue;
    if (change.start > position) {
      runs.push({ kind: "same", text: letter.text.slice(position, change.start) });
    }
    runs.push({ kind: "change", removed: change.removed, added: change.added });
    position = change.end;
  }
  if (position < block.end)
    runs.push({ kind: "same", text: letter.text.slice(position, block.end) });
  return runs;
}
