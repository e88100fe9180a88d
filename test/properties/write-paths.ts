import fc from "fast-check";
import type { Edit } from "../../src/engine/edits/edit.js";
import {
  BLOCK_KINDS,
  type BlockInput,
  type BlockKind,
  type Letter,
} from "../../src/engine/letter/model.js";

/**
 * Shared generators for the cross-path property test (issue 12.5): letters with single- and
 * multi-paragraph legal blocks, and edit "seeds" that become concrete edits against whatever
 * letter a path reads (the engine's, the preview's, the one read from the Word fake), so every
 * path sees the same kinds of edits: replacements anywhere, inside one block, zero-length at every
 * block boundary, across boundaries, block insertions of every kind, reorders, unknown kinds.
 */

/** Total cases over all paths; developers can run more: KLARBREV_PROPERTY_CASES=100000. */
export const TOTAL_CASES = Number(process.env.KLARBREV_PROPERTY_CASES ?? 10_000);
/** Replay a failure: KLARBREV_PROPERTY_SEED=<seed from fast-check's report>. */
export const RUN_OPTIONS: { seed?: number } = process.env.KLARBREV_PROPERTY_SEED
  ? { seed: Number(process.env.KLARBREV_PROPERTY_SEED) }
  : {};
/** Every single call on a write path must return within this (generous: CI machines are shared). */
export const CALL_LIMIT_MS = Number(process.env.KLARBREV_CALL_LIMIT_MS ?? 2_000);

export const ALL_KINDS: readonly BlockKind[] = BLOCK_KINDS;

// Real letter words, plus what makes locating text hard: repeats, "^", no-break space, quotes.
const WORDS = [
  "Du",
  "du",
  "kan",
  "klage",
  "over",
  "afgørelsen",
  "skal",
  "møde",
  "kl.",
  "10.00",
  "hjælp",
  "fradrag",
  "§",
  "13,",
  "stk.",
  "7",
  "Ankestyrelsen",
  "æøå",
  "^",
  "\u00a0",
  '"ja"',
  "\u201cja\u201d",
  "-",
];

/** One line of text (no line breaks): a Word paragraph or a block's line. */
export const lineArb = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 })
  .map((words) => words.join(" "));

/** Replacement text: usually words, sometimes empty, rarely with a line break Word must refuse. */
export const replacementArb = fc.oneof(
  { weight: 8, arbitrary: lineArb },
  { weight: 2, arbitrary: fc.constant("") },
  { weight: 1, arbitrary: lineArb.map((line) => `${line}\n${line}`) }
);

export interface LegalSpec {
  lines: string[];
  id: string;
  version: string;
  locked: boolean;
}

/**
 * `inline`: in Word, the paragraph also holds an inline control over its first characters,
 * approved text ("legal") or someone else's lock ("locked"); the other paths ignore it.
 */
export type BlockSpec =
  { type: "text"; line: string; inline?: "legal" | "locked" } | { type: "legal"; legal: LegalSpec };

const legalArb: fc.Arbitrary<BlockSpec> = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
    id: fc.constantFrom("klagevejledning", "partshoering", "sanktion-udeblivelse"),
    version: fc.constantFrom("1", "2", "3"),
    locked: fc.boolean(),
  })
  .map((legal) => ({ type: "legal" as const, legal }));

/** A letter's blocks: ordinary lines and legal blocks of one to three paragraphs. */
export const blocksArb: fc.Arbitrary<BlockSpec[]> = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: lineArb.map((line) => ({ type: "text" as const, line })) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant("text" as const),
        line: lineArb,
        inline: fc.constantFrom("legal" as const, "locked" as const),
      }),
    },
    { weight: 1, arbitrary: legalArb }
  ),
  { minLength: 1, maxLength: 7 }
);

/** The same blocks as engine input (every kind, so classifiers are not needed). */
export function toBlockInputs(
  specs: readonly BlockSpec[],
  kinds: readonly BlockKind[]
): BlockInput[] {
  return specs.map((spec, index) =>
    spec.type === "legal"
      ? {
          kind: "legal",
          text: spec.legal.lines.join("\n"),
          legal: { id: spec.legal.id, version: spec.legal.version },
        }
      : { kind: kinds[index % kinds.length]!, text: spec.line }
  );
}

export const proseKindsArb = fc.array(
  fc.constantFrom(...ALL_KINDS.filter((kind) => kind !== "legal")),
  { minLength: 1, maxLength: 7 }
);

/** An edit before it meets a letter: numbers are reduced modulo the letter's sizes. */
export type EditSeed =
  | { t: "anywhere"; a: number; b: number; text: string }
  | { t: "inside"; block: number; a: number; b: number; text: string }
  | { t: "edge"; block: number; end: boolean; text: string }
  | { t: "cross"; from: number; span: number; a: number; b: number; text: string }
  | { t: "insertBlock"; before: number; kind: BlockKind; text: string }
  | { t: "reorder"; keys: number[] }
  | { t: "unknown" };

const nat = fc.nat({ max: 10_000 });

export const seedArb: fc.Arbitrary<EditSeed> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("anywhere" as const),
      a: nat,
      b: nat,
      text: replacementArb,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant("inside" as const),
      block: nat,
      a: nat,
      b: nat,
      text: replacementArb,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant("edge" as const),
      block: nat,
      end: fc.boolean(),
      text: lineArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant("cross" as const),
      from: nat,
      span: fc.integer({ min: 1, max: 3 }),
      a: nat,
      b: nat,
      text: replacementArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("insertBlock" as const),
      before: nat,
      kind: fc.constantFrom(...ALL_KINDS),
      text: fc.oneof(
        { weight: 6, arbitrary: lineArb },
        { weight: 1, arbitrary: lineArb.map((line) => `${line}\n${line}`) },
        { weight: 1, arbitrary: fc.constant(" ") }
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant("reorder" as const),
      keys: fc.array(nat, { minLength: 12, maxLength: 12 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: "unknown" as const }) }
);

/** Batches: mostly one edit (so many batches go through), up to four. */
export const batchArb = fc.oneof(
  { weight: 3, arbitrary: fc.array(seedArb, { minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.array(seedArb, { minLength: 2, maxLength: 4 }) }
);

/** The concrete edits for `letter`. */
export function materialize(letter: Letter, seeds: readonly EditSeed[]): Edit[] {
  const count = letter.blocks.length;
  const length = letter.text.length;
  const inBlock = (index: number, a: number, b: number) => {
    const block = letter.blocks[index % count]!;
    const size = block.end - block.start + 1;
    const x = block.start + (a % size);
    const y = block.start + (b % size);
    return [Math.min(x, y), Math.max(x, y)] as const;
  };
  return seeds.map((seed): Edit => {
    // A document of blank paragraphs reads as a letter without blocks: point edits at its start.
    if (count === 0 && seed.t !== "unknown" && seed.t !== "anywhere") {
      return seed.t === "reorder"
        ? { kind: "reorder", order: [] }
        : seed.t === "insertBlock"
          ? { kind: "insertBlock", before: 0, blockKind: seed.kind, text: seed.text }
          : { kind: "replace", start: 0, end: 0, text: seed.text };
    }
    switch (seed.t) {
      case "anywhere": {
        const x = seed.a % (length + 1);
        const y = seed.b % (length + 1);
        return { kind: "replace", start: Math.min(x, y), end: Math.max(x, y), text: seed.text };
      }
      case "inside": {
        const [start, end] = inBlock(seed.block, seed.a, seed.b);
        return { kind: "replace", start, end, text: seed.text };
      }
      case "edge": {
        const block = letter.blocks[seed.block % count]!;
        const at = seed.end ? block.end : block.start;
        return { kind: "replace", start: at, end: at, text: seed.text };
      }
      case "cross": {
        const first = seed.from % count;
        const last = Math.min(count - 1, first + seed.span);
        const [start] = inBlock(first, seed.a, seed.a);
        const [end] = inBlock(last, seed.b, seed.b);
        return {
          kind: "replace",
          start: Math.min(start, end),
          end: Math.max(start, end),
          text: seed.text,
        };
      }
      case "insertBlock":
        return {
          kind: "insertBlock",
          before: seed.before % (count + 1),
          blockKind: seed.kind,
          text: seed.text,
        };
      case "reorder": {
        const order = [...letter.blocks.keys()].sort(
          (x, y) => seed.keys[x % seed.keys.length]! - seed.keys[y % seed.keys.length]! || x - y
        );
        return { kind: "reorder", order };
      }
      case "unknown":
        return { kind: "delete", start: 0, end: 1 } as unknown as Edit;
    }
  });
}

/** Legal blocks as "id@version:text", sorted: what must never change. */
export function legalTexts(letter: Letter): string[] {
  return letter.blocks
    .filter((block) => block.kind === "legal")
    .map((block) => `${block.legal?.id}@${block.legal?.version}:${block.text}`)
    .sort();
}

/** Run `call`, failing when it takes longer than CALL_LIMIT_MS. */
export async function timed<T>(call: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await call();
  const ms = performance.now() - started;
  if (ms > CALL_LIMIT_MS)
    throw new Error(`call took ${Math.round(ms)} ms (limit ${CALL_LIMIT_MS} ms)`);
  return value;
}
