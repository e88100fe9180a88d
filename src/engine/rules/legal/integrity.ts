import type { Letter } from "../../letter/model.js";
import { compileLegalText, type CompiledText } from "./matcher.js";
import { normaliseLegalText, normaliseWithOffsets, sourceRange } from "./normalise.js";
import { tokenise } from "./tokens.js";
import type { LegalBlockScore, LegalRegistryEntry, LegalStatus } from "./types.js";
import { diffLegalText } from "./word-diff.js";
import { verifyRecordedFields } from "./recorded-fields.js";

/**
 * Recognise the legal guidance in a letter and say, for each block, whether it is the approved
 * text: protected blocks by their marker's id and version, plain text without markers by
 * matching the registry's text (exactly, or closely enough to show a word diff).
 */
export function recogniseLegalBlocks(
  letter: Letter,
  registry: readonly LegalRegistryEntry[] | undefined
): LegalBlockScore[] {
  const scores: LegalBlockScore[] = [];
  letter.blocks.forEach((block, blockIndex) => {
    if (block.kind !== "legal" || !block.legal) return;
    const base: LegalBlockScore = {
      id: block.legal.id,
      version: block.legal.version,
      status: "unverified",
      blockIndex,
      start: block.start,
      end: block.end,
      marked: true,
    };
    if (block.legal.title) base.title = block.legal.title;
    if (!registry) return void scores.push(base);
    const verified = verifyMarked(base, block.text, block.start, registry);
    const values = block.legal.fieldValues;
    scores.push(
      values ? verifyRecordedFields(verified, block.text, block.start, values, registry) : verified
    );
  });
  if (registry && registry.length > 0) scores.push(...recogniseUnmarked(letter, registry, scores));
  return scores.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

/** Status of a text that matches `entry` (as approved, or as its current file text). */
function statusOf(entry: LegalRegistryEntry, matchedApproved: boolean): LegalStatus {
  if (!matchedApproved && !entry.approved) return "unapproved";
  return entry.current ? "intact" : "outdated";
}

interface Match {
  entry: LegalRegistryEntry;
  approved: boolean;
}

/** The first entry (in the given order) whose approved or current text the block text is. */
function findExact(text: string, entries: readonly LegalRegistryEntry[]): Match | undefined {
  const normalised = normaliseLegalText(text);
  for (const entry of entries) {
    if (
      entry.approvedText !== undefined &&
      compileLegalText(entry.approvedText).exact.test(normalised)
    ) {
      return { entry, approved: true };
    }
    if (compileLegalText(entry.text).exact.test(normalised)) {
      return { entry, approved: entry.approved };
    }
  }
  return undefined;
}

/** The text a letter is compared with: what legal staff approved, else the file's text. */
function referenceText(entry: LegalRegistryEntry): CompiledText {
  return compileLegalText(entry.approvedText ?? entry.text);
}

function currentVersionOf(
  id: string,
  registry: readonly LegalRegistryEntry[]
): LegalRegistryEntry | undefined {
  return registry.find((entry) => entry.id === id && entry.current);
}

function byNewest(a: LegalRegistryEntry, b: LegalRegistryEntry): number {
  return compareVersions(b.version, a.version);
}

export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0 && !Number.isNaN(diff)) return diff;
  }
  return a.localeCompare(b);
}

function verifyMarked(
  base: LegalBlockScore,
  text: string,
  start: number,
  registry: readonly LegalRegistryEntry[]
): LegalBlockScore {
  const versions = registry.filter((entry) => entry.id === base.id).sort(byNewest);
  if (versions.length === 0) return { ...base, status: "unknown" };
  const claimed = versions.find((entry) => entry.version === base.version);
  const current = versions.find((entry) => entry.current);
  const withTitle = (entry: LegalRegistryEntry, score: LegalBlockScore): LegalBlockScore => {
    const result = { ...score, title: score.title ?? entry.title };
    if (current && !entry.current) result.currentVersion = current.version;
    return result;
  };

  // The claimed version first; a text that is really another version's says so.
  const ordered = claimed ? [claimed, ...versions.filter((entry) => entry !== claimed)] : versions;
  const exact = findExact(text, ordered);
  if (exact) {
    const score: LegalBlockScore = {
      ...base,
      version: exact.entry.version,
      status: statusOf(exact.entry, exact.approved),
    };
    if (exact.entry.version !== base.version) score.markedVersion = base.version;
    if (score.status === "unapproved" && exact.entry.approvedText !== undefined) {
      score.changes = diffLegalText(referenceText(exact.entry), text, start).changes;
    }
    return withTitle(exact.entry, score);
  }
  if (!claimed) return { ...base, status: "unknown" };
  const diff = diffLegalText(referenceText(claimed), text, start);
  return withTitle(claimed, { ...base, status: "modified", changes: diff.changes });
}

interface Span {
  start: number;
  end: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Guidance pasted as plain text: exact matches first, then close matches with a word diff. */
function recogniseUnmarked(
  letter: Letter,
  registry: readonly LegalRegistryEntry[],
  marked: readonly LegalBlockScore[]
): LegalBlockScore[] {
  const taken: Span[] = marked.map((score) => ({ start: score.start ?? 0, end: score.end ?? 0 }));
  const found: LegalBlockScore[] = [];
  const mapped = normaliseWithOffsets(letter.text);
  const entries = [...registry].sort((a, b) => a.id.localeCompare(b.id) || byNewest(a, b));

  for (const entry of entries) {
    const texts: [string, boolean][] = [];
    if (entry.approvedText !== undefined) texts.push([entry.approvedText, true]);
    if (
      entry.approvedText === undefined ||
      normaliseLegalText(entry.approvedText) !== normaliseLegalText(entry.text)
    ) {
      texts.push([entry.text, entry.approved]);
    }
    for (const [text, approved] of texts) {
      const search = compileLegalText(text).search;
      for (const match of mapped.text.matchAll(search)) {
        const span = sourceRange(mapped, match.index, match.index + match[0].length);
        if (taken.some((other) => overlaps(other, span))) continue;
        taken.push(span);
        const score: LegalBlockScore = {
          id: entry.id,
          version: entry.version,
          status: statusOf(entry, approved),
          title: entry.title,
          blockIndex: blockIndexAt(letter, span.start),
          start: span.start,
          end: span.end,
          marked: false,
        };
        const current = currentVersionOf(entry.id, registry);
        if (current && !entry.current) score.currentVersion = current.version;
        if (score.status === "unapproved" && entry.approvedText !== undefined) {
          const source = letter.text.slice(span.start, span.end);
          score.changes = diffLegalText(referenceText(entry), source, span.start).changes;
        }
        found.push(score);
      }
    }
  }
  found.push(...recogniseClose(letter, registry, taken));
  return found;
}

/** Smallest share of a block's words that must occur in the guidance for it to be a candidate. */
const CANDIDATE_SHARE = 0.75;
/** Largest word diff, as a share of the guidance's words, that still counts as "this guidance, modified". */
const CLOSE_COST = 0.3;

/**
 * Guidance pasted as plain text and then edited: runs of consecutive blocks whose words are
 * nearly all the guidance's words, aligned with its approved text.
 */
function recogniseClose(
  letter: Letter,
  registry: readonly LegalRegistryEntry[],
  taken: Span[]
): LegalBlockScore[] {
  const found: LegalBlockScore[] = [];
  const byId = new Map<string, LegalRegistryEntry[]>();
  for (const entry of registry) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);

  interface Candidate {
    entry: LegalRegistryEntry;
    from: number;
    to: number;
    cost: number;
    score: LegalBlockScore;
  }
  const candidates: Candidate[] = [];
  for (const [id, versions] of byId) {
    for (const entry of versions.sort(byNewest)) {
      const reference = referenceText(entry);
      const literal = reference.tokens.filter((token) => !token.field).length;
      if (literal < 8) continue;
      for (const [from, to] of candidateRuns(letter, reference.words, taken)) {
        const start = letter.blocks[from]!.start;
        const end = letter.blocks[to]!.end;
        // Too few words to be this guidance, however they align: skip the alignment.
        if (tokenise(letter.text.slice(start, end), false).length < literal * (1 - CLOSE_COST))
          continue;
        const diff = diffLegalText(reference, letter.text.slice(start, end), start);
        if (
          diff.matched < literal * (1 - CLOSE_COST) ||
          diff.cost > Math.max(4, literal * CLOSE_COST)
        )
          continue;
        const score: LegalBlockScore = {
          id,
          version: entry.version,
          status: "modified",
          title: entry.title,
          blockIndex: from,
          start,
          end,
          marked: false,
          changes: diff.changes,
        };
        const current = currentVersionOf(id, registry);
        if (current && !entry.current) score.currentVersion = current.version;
        candidates.push({ entry, from, to, cost: diff.cost / literal, score });
      }
    }
  }
  // Best matches first; a stretch of text is one guidance block at most.
  candidates.sort((a, b) => a.cost - b.cost);
  for (const candidate of candidates) {
    const span = { start: candidate.score.start!, end: candidate.score.end! };
    if (taken.some((other) => overlaps(other, span))) continue;
    taken.push(span);
    found.push(candidate.score);
  }
  return found;
}

function candidateRuns(
  letter: Letter,
  words: ReadonlySet<string>,
  taken: readonly Span[]
): [number, number][] {
  const runs: [number, number][] = [];
  let from = -1;
  letter.blocks.forEach((block, index) => {
    const free = block.kind !== "legal" && !taken.some((span) => overlaps(span, block));
    const tokens = tokenise(block.text, false).filter((token) => /\p{L}/u.test(token.text));
    const share =
      tokens.length === 0
        ? 0
        : tokens.filter((token) => words.has(token.text.toLowerCase())).length / tokens.length;
    if (free && share >= CANDIDATE_SHARE) {
      if (from < 0) from = index;
    } else if (from >= 0) {
      runs.push([from, index - 1]);
      from = -1;
    }
  });
  if (from >= 0) runs.push([from, letter.blocks.length - 1]);
  // A run may start or end with an ordinary sentence that happens to use the same words.
  return runs.flatMap(([start, end]) => {
    const variants: [number, number][] = [[start, end]];
    if (end > start) variants.push([start + 1, end], [start, end - 1]);
    return variants;
  });
}

function blockIndexAt(letter: Letter, offset: number): number {
  const index = letter.blocks.findIndex((block) => offset >= block.start && offset < block.end);
  return index >= 0 ? index : letter.blocks.findIndex((block) => block.start >= offset);
}
