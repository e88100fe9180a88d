import type { Letter } from "../../engine/letter/model.js";
import type {
  LegalBlockScore,
  LegalRegistryEntry,
  LegalScores,
  LegalStatus,
  WordChange,
} from "../../engine/rules/legal/types.js";
import { checkLegal } from "../../engine/rules/legal/check.js";
import type { Analysis } from "../../engine/types.js";

export type { LegalStatus, WordChange } from "../../engine/rules/legal/types.js";

export interface LegalView {
  id: string;
  version: string;
  title: string;
  status: LegalStatus;
  blockIndex?: number;
  /** Word diff against the approved text, in letter offsets. */
  changes: WordChange[];
  /** The text "Gendan godkendt tekst" puts back, when it can be known here. */
  restoreText?: string;
  currentVersion?: string;
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
 * The legal family's scores: `analysis.scores.legal` when the engine delivers them; otherwise,
 * with a registry, the legal family's own pure check (the same function its plugin calls).
 */
export function legalScoresOf(
  analysis: Analysis,
  registry?: readonly LegalRegistryEntry[]
): LegalScores | undefined {
  const scores = analysis.scores as Analysis["scores"] & { legal?: LegalScores };
  if (scores.legal) return scores.legal;
  if (!registry) return undefined;
  return checkLegal(analysis.letter, {
    registry,
    letterType: analysis.letterType,
    facts: analysis.scores.essentials.facts,
  }).scores;
}

/**
 * One view per guidance block. Without the legal family's scores the letter's protected blocks
 * are still listed, as "unverified": locked, but not checked against the approved texts.
 */
export function viewLegal(
  analysis: Analysis,
  registry: readonly LegalRegistryEntry[] | undefined
): LegalView[] {
  const letter = analysis.letter;
  const scores = legalScoresOf(analysis, registry);
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
    const view: LegalView = {
      id: score.id,
      version: score.version,
      title: score.title ?? blockTitle ?? entry?.title ?? score.id,
      status: score.status,
      changes: score.changes ?? [],
    };
    if (score.blockIndex !== undefined) view.blockIndex = score.blockIndex;
    if (score.currentVersion) view.currentVersion = score.currentVersion;
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
  const approved = entry ? (entry.approvedText ?? entry.text) : undefined;
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
