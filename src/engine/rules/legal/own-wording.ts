import type { Letter } from "../../letter/model.js";
import { matchersOf, type Matcher } from "../matchers.js";
import { anyMatches, entryTest, matchesText, wordsOf, type TextTest } from "./entry-match.js";
import { hasHearingDeadline } from "./hearing-deadline.js";
import { normaliseWithOffsets } from "./normalise.js";
import type { MissingGuidance } from "./required.js";
import {
  checkBlockSanctionGuidance,
  SANCTION_ELEMENTS,
  type SanctionElement,
  type SanctionMention,
} from "./sanction.js";
import type { LegalRegistryEntry } from "./types.js";
import { minOf } from "../../util/arrays.js";
import { readingsOf, type BlockReading } from "./block-reading.js";

/**
 * Required guidance that the caseworker wrote in their own words: the letter says what the
 * guidance must say (the matchers of src/engine/rules/da/legal/own-wording.yml), but not in the
 * approved wording. That is not
 * "missing" (the citizen is told), but the text is neither approved nor protected.
 */
export interface OwnWording {
  /** The suggested block id, or the requirement's group name when several blocks could fit. */
  id: string;
  /** The current version of the suggested block ("" for a group). */
  version: string;
  title: string;
  blockIndex: number;
  start: number;
  end: number;
  /** The approved blocks that would replace the own wording (current versions). */
  suggested: LegalRegistryEntry[];
}

interface Recogniser {
  /** One list of tests per need of the block: each need must have a match. */
  allOf: TextTest[][];
  needs: ReadonlyMap<string, TextTest[]>;
  topic: TextTest[];
  hearingDeadline: boolean;
}

interface OwnWordingEntry extends Matcher {
  block: string;
  need?: string;
  topicWord?: boolean;
}

/**
 * Blocks whose own wording must also give a deadline (as legal/hearing-deadline reads one): a
 * partshøring without a deadline is no partshøring.
 */
const NEEDS_DEADLINE: ReadonlySet<string> = new Set(["partshoering"]);
const ENTRIES = matchersOf<OwnWordingEntry>("legal/own-wording");
/** Blocks in the order of their first entry: the order their own wording is looked for. */
const ORDER = [...new Set(ENTRIES.map((entry) => entry.block))];
const RECOGNISERS = new Map<string, Recogniser>(
  ORDER.map((id) => {
    const entries = ENTRIES.filter((entry) => entry.block === id);
    const needs = new Map<string, TextTest[]>();
    for (const entry of entries) {
      if (entry.need === undefined) continue;
      needs.set(entry.need, [...(needs.get(entry.need) ?? []), entryTest(entry)]);
    }
    return [
      id,
      {
        allOf: [...needs.values()],
        needs,
        topic: entries.filter((entry) => entry.topicWord === true).map(entryTest),
        hearingDeadline: NEEDS_DEADLINE.has(id),
      },
    ];
  })
);

/**
 * Whether a text says how to appeal: the klagevejledning's complaint and deadline needs ("Du kan
 * klage ... inden 4 uger"). Without a registry this is how a klagevejledning is recognised.
 */
export function saysHowToAppeal(text: string): boolean {
  const needs = RECOGNISERS.get("klagevejledning")?.needs;
  return ["complaint", "deadline"].every((need) => anyMatches(needs?.get(need) ?? [], text));
}

/** Where the own wording can be: the caseworker's prose and its headings. */
const CANDIDATE_KINDS: ReadonlySet<string> = new Set(["paragraph", "listItem", "heading"]);

interface Span {
  start: number;
  end: number;
}

function overlapsAny(spans: readonly Span[], block: Span): boolean {
  for (const span of spans) if (span.start < block.end && block.start < span.end) return true;
  return false;
}

/** Most blocks one piece of guidance spans: it is a section, not the whole letter. */
const MAX_RUN = 8;

/** Requirements in the order their own wording is looked for (the begrundelse last). */
export function byOwnWordingOrder(a: MissingGuidance, b: MissingGuidance): number {
  const rank = (missing: MissingGuidance) =>
    minOf(
      missing.alternatives.map((id) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length))
    ) ?? ORDER.length;
  return rank(a) - rank(b);
}

/**
 * The shortest run of free prose blocks that meets `missing` in the caseworker's own words, or
 * undefined when the guidance is really absent. `taken` holds spans already recognised as guidance.
 */
export function recogniseOwnWording(
  letter: Letter,
  missing: MissingGuidance,
  registry: readonly LegalRegistryEntry[],
  taken: readonly Span[],
  mentions: readonly SanctionMention[]
): OwnWording | undefined {
  const members = registry.filter(
    (entry) => entry.current && missing.alternatives.includes(entry.id)
  );
  const free = letter.blocks.map(
    (block) => CANDIDATE_KINDS.has(block.kind) && !overlapsAny(taken, block)
  );

  interface Found {
    entry: LegalRegistryEntry;
    from: number;
    to: number;
    onTopic: boolean;
  }
  const found: Found[] = [];
  const readings = readingsOf(letter);
  const warnings = new Set(
    mentions.filter((mention) => mention.role === "guidance").map((mention) => mention.blockIndex)
  );
  for (const entry of members) {
    const recogniser = RECOGNISERS.get(entry.id);
    if (!recogniser) continue;
    if (recogniser.allOf.length === 0 && !recogniser.hearingDeadline && !entry.sanction) continue;
    const features: Features[] = [];
    for (let index = 0; index < readings.length; index++) {
      features.push(
        free[index] ? featuresOf(readings[index]!, recogniser, entry, warnings.has(index)) : NONE
      );
    }
    const run = shortestRun(free, features, {
      groups: recogniser.allOf.length,
      deadline: recogniser.hearingDeadline,
      sanction: entry.sanction === true,
    });
    if (!run) continue;
    const onTopic = features.slice(run.from, run.to + 1).some((feature) => feature.onTopic);
    found.push({ entry, ...run, onTopic });
  }
  if (found.length === 0) return undefined;

  const onTopic = found.filter((candidate) => candidate.onTopic);
  const chosen = onTopic.length > 0 ? onTopic : found;
  const best = [...chosen].sort((a, b) => a.to - a.from - (b.to - b.from))[0]!;
  const single = chosen.length === 1 ? best.entry : undefined;
  // A heading just before the run ("Det skal du vide om dine pligter") belongs to it.
  const previous = letter.blocks[best.from - 1];
  const from = previous?.kind === "heading" && free[best.from - 1] ? best.from - 1 : best.from;
  return {
    id: single?.id ?? missing.id,
    version: single?.version ?? "",
    title: single?.title ?? missing.title,
    blockIndex: from,
    start: letter.blocks[from]!.start,
    end: letter.blocks[best.to]!.end,
    suggested: chosen.map((candidate) => candidate.entry),
  };
}

/** What one block contributes to a requirement; a run meets it when its blocks together do. */
interface Features {
  /** Indexes of the recogniser's `allOf` groups that match. */
  groups: Set<number>;
  deadline: boolean;
  /** A sentence that warns of a sanction (sanction guidance, not a decided deduction). */
  warns: boolean;
  elements: Set<SanctionElement>;
  onTopic: boolean;
}

const NONE: Features = {
  groups: new Set(),
  deadline: false,
  warns: false,
  elements: new Set(),
  onTopic: false,
};

/**
 * Features of recent block texts, by registry entry and whether the block warns of a sanction:
 * unchanged blocks are read once while the caseworker types. The entry decides the recogniser.
 */
function blockFeatures(): WeakMap<LegalRegistryEntry, [Features?, Features?]> {
  return new WeakMap();
}

function featuresOf(
  reading: BlockReading,
  recogniser: Recogniser,
  entry: LegalRegistryEntry,
  warns: boolean
): Features {
  const byEntry = reading.get(blockFeatures);
  let known = byEntry.get(entry);
  if (!known) byEntry.set(entry, (known = [undefined, undefined]));
  return (known[warns ? 1 : 0] ??= readFeatures(reading, recogniser, entry, warns));
}

/** A block's normalised words (`wordsOf`), read once per block text for every recogniser. */
function cleanWords(_text: string, reading: BlockReading): string[] {
  return wordsOf(reading.get(normaliseWithOffsets).text);
}

function readFeatures(
  reading: BlockReading,
  recogniser: Recogniser,
  entry: LegalRegistryEntry,
  warns: boolean
): Features {
  // normaliseWithOffsets(text).text is normaliseLegalText(text), already read for the block.
  const clean = reading.get(normaliseWithOffsets).text;
  const words = reading.get(cleanWords);
  const groups = new Set<number>();
  recogniser.allOf.forEach((group, index) => {
    if (group.some((pattern) => matchesText(pattern, clean, words))) groups.add(index);
  });
  return {
    groups,
    deadline: recogniser.hearingDeadline && hasHearingDeadline(clean, undefined),
    warns: entry.sanction === true && warns,
    elements: new Set(entry.sanction ? checkBlockSanctionGuidance(reading).present : []),
    onTopic: recogniser.topic.some((pattern) => matchesText(pattern, clean, words)),
  };
}

function saysNothing(feature: Features): boolean {
  return (
    feature.groups.size === 0 && !feature.deadline && !feature.warns && feature.elements.size === 0
  );
}

/**
 * The shortest run of consecutive free blocks that together say everything the requirement needs
 * (the earliest on a tie). Each block is read once, so a long letter stays linear.
 */
function shortestRun(
  free: readonly boolean[],
  features: readonly Features[],
  needs: { groups: number; deadline: boolean; sanction: boolean }
): { from: number; to: number } | undefined {
  let best: { from: number; to: number } | undefined;
  for (let from = 0; from < features.length; from++) {
    // A run that opens with a block that says nothing of it is never the shortest: without that
    // block it still says everything (a run of one such block says nothing the requirement needs).
    if (!free[from] || saysNothing(features[from]!)) continue;
    const groups = new Set<number>();
    const elements = new Set<SanctionElement>();
    let deadline = false;
    let warns = false;
    const last = Math.min(features.length, from + MAX_RUN) - 1;
    for (let to = from; to <= last && free[to]; to++) {
      if (best && to - from >= best.to - best.from) break;
      const feature = features[to]!;
      for (const group of feature.groups) groups.add(group);
      for (const element of feature.elements) elements.add(element);
      deadline ||= feature.deadline;
      warns ||= feature.warns;
      if (
        groups.size === needs.groups &&
        (deadline || !needs.deadline) &&
        (!needs.sanction || (warns && elements.size === SANCTION_ELEMENTS.length))
      ) {
        best = { from, to };
        break;
      }
    }
  }
  return best;
}
