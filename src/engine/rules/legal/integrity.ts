import { partitionPoint } from "../../util/sorted.js";
import type { LegalRef, Letter } from "../../letter/model.js";
import { compileLegalText, type CompiledText } from "./matcher.js";
import { normaliseLegalText } from "./normalise.js";
import { normalisedLetter } from "./letter-text.js";
import { tokenise } from "./tokens.js";
import type { LegalBlockScore, LegalRegistryEntry, LegalStatus } from "./types.js";
import { diffLegalText, FIELD_TOKENS, SHAPED_TOKENS, type WordDiff } from "./word-diff.js";
import { SpanSet } from "./span-set.js";
import { pushAll } from "../../util/arrays.js";
import { hasLetter } from "../../util/word-scan.js";
import { verifyRecordedFields } from "./recorded-fields.js";
import { readingsOf } from "./block-reading.js";

/**
 * Recognise the legal guidance in a letter and say, for each block, whether it is the approved
 * text: protected blocks by their marker's id and version, plain text without markers by
 * matching the registry's text (exactly, or closely enough to show a word diff).
 */
export function recogniseLegalBlocks(
  letter: Letter,
  registry: readonly LegalRegistryEntry[] | undefined,
  { unmarked = true }: { unmarked?: boolean } = {}
): LegalBlockScore[] {
  const scores: LegalBlockScore[] = [];
  const readings = readingsOf(letter);
  letter.blocks.forEach((block, blockIndex) => {
    if (block.kind !== "legal" || !block.legal) return;
    const legal = block.legal;
    if (!registry) return void scores.push(markedBase(legal, blockIndex, block.start, block.end));
    // Verified once per block text, marker and registry, at offset 0; placed here.
    const byMarker = readings[blockIndex]!.get(verifications);
    const key = JSON.stringify([legal.id, legal.version, legal.title, legal.fieldValues]);
    let byRegistry = byMarker.get(key);
    if (!byRegistry) byMarker.set(key, (byRegistry = new WeakMap()));
    let verified = byRegistry.get(registry);
    if (!verified) {
      verified = verifyMarkedBlock(legal, block.text, registry);
      byRegistry.set(registry, verified);
    }
    scores.push(placed(verified, blockIndex, block.start, block.end));
  });
  if (unmarked && registry && registry.length > 0) {
    pushAll(scores, recogniseUnmarked(letter, registry, scores));
  }
  return scores.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

function markedBase(
  legal: LegalRef,
  blockIndex: number,
  start: number,
  end: number
): LegalBlockScore {
  const base: LegalBlockScore = {
    id: legal.id,
    version: legal.version,
    status: "unverified",
    blockIndex,
    start,
    end,
    marked: true,
  };
  if (legal.title) base.title = legal.title;
  return base;
}

/** A marked block's verifications, by marker and registry (kept per block text). */
function verifications(): Map<string, WeakMap<readonly LegalRegistryEntry[], LegalBlockScore>> {
  return new Map();
}

/** A marked block verified against the registry as if it stood at offset 0 of the letter. */
function verifyMarkedBlock(
  legal: LegalRef,
  text: string,
  registry: readonly LegalRegistryEntry[]
): LegalBlockScore {
  const verified = verifyMarked(markedBase(legal, 0, 0, text.length), text, 0, registry);
  const values = legal.fieldValues;
  return values ? verifyRecordedFields(verified, text, 0, values, registry) : verified;
}

/** A verification made at offset 0, moved to the block's place (offsets only shift). */
function placed(
  verified: LegalBlockScore,
  blockIndex: number,
  start: number,
  end: number
): LegalBlockScore {
  const score: LegalBlockScore = { ...verified, blockIndex, start, end };
  if (verified.changes) {
    score.changes = verified.changes.map((change) => ({
      ...change,
      start: change.start + start,
      end: change.end + start,
    }));
  }
  // Copies: a finding's details must never share what is kept for the next edit.
  if (verified.fields) score.fields = verified.fields.map((field) => ({ ...field }));
  return score;
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

/**
 * Guidance pasted as plain text: exact matches first, then close matches with a word diff. Work
 * is linear in the letter: the letter is normalised and tokenised once (block by block, by block
 * text: a one-word edit reads one block anew), each registry text is compiled once per process,
 * and the close matching looks at bounded windows of blocks.
 */
function recogniseUnmarked(
  letter: Letter,
  registry: readonly LegalRegistryEntry[],
  marked: readonly LegalBlockScore[]
): LegalBlockScore[] {
  const taken = new SpanSet();
  for (const score of marked) taken.add({ start: score.start ?? 0, end: score.end ?? 0 });
  const found: LegalBlockScore[] = [];
  const mapped = normalisedLetter(letter);
  const entries = [...registry].sort((a, b) => a.id.localeCompare(b.id) || byNewest(a, b));
  const held = mapped.holds(anchorsOf(registry));

  for (const entry of entries) {
    for (const [text, approved] of searchTexts(entry)) {
      const { search, anchor } = compileLegalText(text);
      // Most letters hold no pasted guidance: a word it must contain is looked up per block.
      if (anchor !== undefined && !held.has(anchor)) continue;
      for (const match of mapped.text.matchAll(search)) {
        const span = mapped.range(match.index, match.index + match[0].length);
        if (taken.overlaps(span)) continue;
        taken.add(span);
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
  pushAll(found, recogniseClose(letter, registry, taken));
  return found;
}

const anchors = new WeakMap<readonly LegalRegistryEntry[], string[]>();

/** The registry texts' anchors (`CompiledText.anchor`), one list per registry. */
function anchorsOf(registry: readonly LegalRegistryEntry[]): string[] {
  let list = anchors.get(registry);
  if (!list) {
    const all = new Set<string>();
    for (const entry of registry) {
      for (const [text] of searchTexts(entry)) {
        const anchor = compileLegalText(text).anchor;
        if (anchor !== undefined) all.add(anchor);
      }
    }
    anchors.set(registry, (list = [...all]));
  }
  return list;
}

/** Whether an approved text and a current text differ, by registry text pair. */
const differsCache = new Map<string, Map<string, boolean>>();

/** The texts of an entry that pasted guidance may be (approved, and current when it differs). */
function searchTexts(entry: LegalRegistryEntry): [string, boolean][] {
  const texts: [string, boolean][] = [];
  if (entry.approvedText !== undefined) texts.push([entry.approvedText, true]);
  if (entry.approvedText === undefined || differs(entry.approvedText, entry.text)) {
    texts.push([entry.text, entry.approved]);
  }
  return texts;
}

/** Registry texts are the same for every letter: normalise and compare each pair once. */
function differs(approved: string, current: string): boolean {
  let byCurrent = differsCache.get(approved);
  if (!byCurrent) differsCache.set(approved, (byCurrent = new Map()));
  let result = byCurrent.get(current);
  if (result === undefined) {
    result = normaliseLegalText(approved) !== normaliseLegalText(current);
    byCurrent.set(current, result);
  }
  return result;
}

/** Smallest share of a block's words that must occur in the guidance for it to be a candidate. */
const CANDIDATE_SHARE = 0.75;
/** Largest word diff, as a share of the guidance's words, that still counts as "this guidance, modified". */
const CLOSE_COST = 0.3;
/**
 * Most word alignments one letter may cost (each is bounded: one guidance text against one
 * window of about its own length). A letter of pasted guidance copies needs one per copy; past
 * this many, further near-copies are not recognised as modified guidance, so a 10 MB input still
 * finishes in seconds. An ordinary letter needs a handful.
 */
const MAX_ALIGNMENTS = 2000;

/** What the close matching reads of one block's text (kept per block text). */
interface BlockTokens {
  /** Lower-cased words (tokens with a letter). */
  words: string[];
  /** All tokens, for the window length. */
  tokens: number;
  /** Whether nearly all the words are each guidance text's words, by list of word sets. */
  candidate: WeakMap<readonly ReadonlySet<string>[], readonly boolean[]>;
}

/** Read per block text: while the caseworker types, only the edited block is tokenised again. */
function blockTokens(text: string): BlockTokens {
  const tokens = tokenise(text, false);
  return {
    words: tokens.filter((token) => hasLetter(token.text)).map((token) => token.text.toLowerCase()),
    tokens: tokens.length,
    candidate: new WeakMap(),
  };
}

/**
 * Guidance pasted as plain text and then edited: windows of consecutive blocks whose words are
 * nearly all the guidance's words and whose length is about the guidance's, aligned with its
 * approved text.
 */
function recogniseClose(
  letter: Letter,
  registry: readonly LegalRegistryEntry[],
  taken: SpanSet
): LegalBlockScore[] {
  const found: LegalBlockScore[] = [];
  const references = referencesOf(registry);
  const readings = readingsOf(letter);
  const blocks = readings.map((reading) => reading.get(blockTokens));
  // The free blocks that are a candidate for some guidance: most letters have none.
  const sets = wordSets(
    registry,
    references.map(({ reference }) => reference.words)
  );
  const hits: Hit[] = [];
  letter.blocks.forEach((block, index) => {
    if (block.kind === "legal" || taken.overlaps(block)) return;
    const flags = candidateFlags(blocks[index]!, sets);
    if (flags.includes(true)) hits.push({ index, flags });
  });

  interface Candidate {
    cost: number;
    score: LegalBlockScore;
  }
  const candidates: Candidate[] = [];
  let budget = MAX_ALIGNMENTS;
  references.forEach(({ id, entry, reference, literal, fewest, most }, at) => {
    for (const [from, to] of candidateRuns(hits, at)) {
      let start = from;
      while (start <= to && budget > 0) {
        const here = bestWindow(letter, blocks, reference, start, to, fewest, most, literal);
        budget -= here.alignments;
        if (!here.window) {
          start++;
          continue;
        }
        // The run may start with an ordinary sentence that happens to use the same words.
        const later =
          start < here.window.end
            ? bestWindow(letter, blocks, reference, start + 1, to, fewest, most, literal)
            : { alignments: 0 };
        budget -= later.alignments;
        if (later.window && later.window.diff.cost < here.window.diff.cost) start++;
        const { end: last, diff } =
          later.window && later.window.diff.cost < here.window.diff.cost
            ? later.window
            : here.window;
        const score: LegalBlockScore = {
          id,
          version: entry.version,
          status: "modified",
          title: entry.title,
          blockIndex: start,
          start: letter.blocks[start]!.start,
          end: letter.blocks[last]!.end,
          marked: false,
          changes: diff.changes,
        };
        const current = currentVersionOf(id, registry);
        if (current && !entry.current) score.currentVersion = current.version;
        candidates.push({ cost: diff.cost / literal, score });
        start = last + 1;
      }
    }
  });
  // Best matches first; a stretch of text is one guidance block at most.
  candidates.sort((a, b) => a.cost - b.cost);
  for (const candidate of candidates) {
    const span = { start: candidate.score.start!, end: candidate.score.end! };
    if (taken.overlaps(span)) continue;
    taken.add(span);
    found.push(candidate.score);
  }
  return found;
}

/** A guidance text the close matching looks for, with the window lengths that can match it. */
interface Reference {
  id: string;
  entry: LegalRegistryEntry;
  reference: CompiledText;
  literal: number;
  fewest: number;
  most: number;
}

const referenceLists = new WeakMap<readonly LegalRegistryEntry[], readonly Reference[]>();

/**
 * The registry's guidance texts for close matching, by id and newest version first: the same for
 * every letter, so made once per registry (compileLegalText keeps each text's compilation).
 */
function referencesOf(registry: readonly LegalRegistryEntry[]): readonly Reference[] {
  const known = referenceLists.get(registry);
  if (known) return known;
  const byId = new Map<string, LegalRegistryEntry[]>();
  for (const entry of registry) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  const references: Reference[] = [];
  for (const [id, versions] of byId) {
    for (const entry of versions.sort(byNewest)) {
      const reference = referenceText(entry);
      const literal = reference.tokens.filter((token) => !token.field).length;
      if (literal < 8) continue;
      let fieldTokens = 0;
      for (const shape of reference.shapes.values()) {
        fieldTokens += shape ? SHAPED_TOKENS : FIELD_TOKENS;
      }
      // A window shorter than this cannot align well enough; longer than this cannot either.
      const fewest = literal * (1 - CLOSE_COST);
      const most = literal * (1 + CLOSE_COST) + 4 + fieldTokens;
      references.push({ id, entry, reference, literal, fewest, most });
    }
  }
  referenceLists.set(registry, references);
  return references;
}

/**
 * The best-aligned window of blocks `start..end` (end <= `to`) for one guidance text. At most a
 * few ends are tried: the window grows while it is shorter than the guidance can be, and a
 * window that starts or ends with an ordinary sentence sharing the guidance's words is also
 * tried without it (the start is moved on by the caller).
 */
function bestWindow(
  letter: Letter,
  blocks: readonly BlockTokens[],
  reference: CompiledText,
  start: number,
  to: number,
  fewest: number,
  most: number,
  literal: number
): { window?: { end: number; diff: WordDiff }; alignments: number } {
  let alignments = 0;
  let best: { end: number; diff: WordDiff } | undefined;
  let tokens = 0;
  for (let end = start; end <= to; end++) {
    tokens += blocks[end]!.tokens;
    if (tokens > most) break;
    if (tokens < fewest) continue;
    const from = letter.blocks[start]!.start;
    const until = letter.blocks[end]!.end;
    const diff = diffLegalText(reference, letter.text.slice(from, until), from);
    alignments++;
    if (diff.matched < fewest || diff.cost > Math.max(4, literal * CLOSE_COST)) continue;
    if (!best || diff.cost < best.diff.cost) best = { end, diff };
  }
  return best ? { window: best, alignments } : { alignments };
}

/** A free block that is a candidate for some guidance, with the guidance texts it is one for. */
interface Hit {
  index: number;
  /** By the index of the guidance text in the word-set list. */
  flags: readonly boolean[];
}

/** Runs of free blocks whose words are nearly all the words of guidance text `at`. */
export function candidateRuns(hits: readonly Hit[], at: number): [number, number][] {
  const runs: [number, number][] = [];
  let from = -1;
  let last = -1;
  for (const { index, flags } of hits) {
    if (!flags[at]) continue;
    if (from >= 0 && index !== last + 1) {
      runs.push([from, last]);
      from = -1;
    }
    if (from < 0) from = index;
    last = index;
  }
  if (from >= 0) runs.push([from, last]);
  return runs;
}

/** Word sets of the guidance texts, one list per registry while its texts stay compiled. */
const setLists = new WeakMap<readonly LegalRegistryEntry[], readonly ReadonlySet<string>[]>();

function wordSets(
  registry: readonly LegalRegistryEntry[],
  sets: readonly ReadonlySet<string>[]
): readonly ReadonlySet<string>[] {
  const known = setLists.get(registry);
  if (known && known.length === sets.length && known.every((set, at) => set === sets[at])) {
    return known;
  }
  setLists.set(registry, sets);
  return sets;
}

/** For each word set, whether nearly all of a block's words are in it (kept with the block). */
function candidateFlags(
  block: BlockTokens,
  sets: readonly ReadonlySet<string>[]
): readonly boolean[] {
  let flags = block.candidate.get(sets);
  if (!flags) {
    flags = nearlyAllIn(block.words, sets);
    block.candidate.set(sets, flags);
  }
  return flags;
}

/** Which of a list's word sets hold each word (indexes into the list), one index per list. */
const setsHolding = new WeakMap<readonly ReadonlySet<string>[], Map<string, number[]>>();

/**
 * For each set, whether at least CANDIDATE_SHARE of `words` are in it (none of no words). One
 * lookup per word for all the sets: a letter's every block is asked about every guidance text, and
 * a lookup per word and text was about 3% of a fresh analysis of a long letter.
 */
export function nearlyAllIn(
  words: readonly string[],
  sets: readonly ReadonlySet<string>[]
): boolean[] {
  let holding = setsHolding.get(sets);
  if (!holding) {
    holding = new Map();
    sets.forEach((set, at) => {
      for (const word of set) {
        const list = holding!.get(word);
        if (list) list.push(at);
        else holding!.set(word, [at]);
      }
    });
    setsHolding.set(sets, holding);
  }
  const counts = new Array<number>(sets.length).fill(0);
  for (const word of words) {
    const list = holding.get(word);
    if (list) for (const at of list) counts[at]!++;
  }
  return counts.map((count) => words.length > 0 && count / words.length >= CANDIDATE_SHARE);
}

/** The block at `offset`, or the first block after it (binary search: blocks are in order). */
function blockIndexAt(letter: Letter, offset: number): number {
  const blocks = letter.blocks;
  const index = partitionPoint(blocks.length, (at) => blocks[at]!.end <= offset);
  return index < blocks.length ? index : -1;
}
