/// <reference types="office-js" />
import assert from "node:assert/strict";
import fc from "fast-check";
import { applyEdits } from "../../src/engine/edits/apply.js";
import { assertLetter, buildLetter, type Letter } from "../../src/engine/letter/model.js";
import { PreviewHost } from "../../src/taskpane/preview/preview-host.js";
import { applyEdits as applyInWord } from "../../src/word/apply.js";
import { readLetter } from "../../src/word/read.js";
import { WordFake, type ControlSpec, type ParagraphSpec } from "../support/word-fake/index.js";
import {
  batchArb,
  blocksArb,
  legalTexts,
  materialize,
  proseKindsArb,
  RUN_OPTIONS,
  timed,
  toBlockInputs,
  TOTAL_CASES,
  type BlockSpec,
} from "./write-paths.js";

/**
 * The three write paths' properties (issue 12.5). They run in a worker thread, started by
 * write-paths.property.test.ts with a hard time limit: an endless synchronous loop would
 * otherwise stall jest instead of failing. So: node:assert, not jest's expect. Each returns how
 * many batches went in and how many were refused (all or nothing), to show the cases are real.
 */

export const ENGINE_CASES = Math.round(TOTAL_CASES * 0.5);
export const PREVIEW_CASES = Math.round(TOTAL_CASES * 0.25);
export const WORD_CASES = TOTAL_CASES - ENGINE_CASES - PREVIEW_CASES;

export type Stats = Record<string, { applied: number; refused: number }>;

function counter(): [Stats, (path: string, applied: boolean) => void] {
  const stats: Stats = {};
  return [
    stats,
    (path, applied) => {
      const entry = (stats[path] ??= { applied: 0, refused: 0 });
      if (applied) entry.applied++;
      else entry.refused++;
    },
  ];
}

/** The engine: guidance unchanged, every edit accounted for, the result is exactly the applied. */
export async function enginePath(): Promise<Stats> {
  const [stats, count] = counter();
  await fc.assert(
    fc.asyncProperty(
      blocksArb,
      proseKindsArb,
      fc.constantFrom("\n", "\n\n"),
      batchArb,
      async (specs, kinds, separator, seeds) => {
        const letter = buildLetter(toBlockInputs(specs, kinds), separator);
        const edits = materialize(letter, seeds);
        const result = await timed(() => applyEdits(letter, edits));
        assertLetter(result.letter);
        assert.deepEqual(legalTexts(result.letter), legalTexts(letter));
        assert.equal(result.applied.length + result.refused.length, edits.length);
        count("engine", result.refused.length === 0);
        for (const refusal of result.refused) assert.equal(typeof refusal.reason, "string");
        // On their own, the applied edits all pass again and give the same letter.
        const again = applyEdits(letter, result.applied);
        assert.deepEqual(again.refused, []);
        assert.equal(again.letter.text, result.letter.text);
      }
    ),
    { ...RUN_OPTIONS, numRuns: ENGINE_CASES }
  );
  return stats;
}

/** The offline preview: all or nothing, guidance unchanged, every change reviewable. */
export async function previewPath(): Promise<Stats> {
  const [stats, count] = counter();
  await fc.assert(
    fc.asyncProperty(blocksArb, proseKindsArb, batchArb, async (specs, kinds, seeds) => {
      const host = new PreviewHost(buildLetter(toBlockInputs(specs, kinds)));
      const letter = await host.read();
      const edits = materialize(letter, seeds);
      const outcome = await timed(() => host.apply(edits));
      const after = await host.read();
      assert.deepEqual(legalTexts(after), legalTexts(letter));
      assert.equal(outcome.applied.length + outcome.refused.length, edits.length);
      count("preview", outcome.refused.length === 0);
      if (outcome.refused.length > 0) {
        assert.deepEqual(outcome.applied, []);
        assert.equal(after.text, letter.text);
        assert.equal(host.getSnapshot().pending, false);
        return;
      }
      assert.deepEqual(outcome.applied, edits);
      assert.equal(after.text, applyEdits(letter, edits).letter.text);
      host.rejectAll();
      assert.equal((await host.read()).text, letter.text);
    }),
    { ...RUN_OPTIONS, numRuns: PREVIEW_CASES }
  );
  return stats;
}

/**
 * The Word adapter on the strict fake: locked and unlocked guidance of one to three paragraphs,
 * paragraphs holding inline approved or locked text (read as locked, never written), with and
 * without spacer paragraphs, WordApi 1.3 (no tracking) and 1.4 (tracking off or already on).
 * All or nothing: a refused batch leaves the document untouched (and costs at most the read sync).
 */
export async function wordPath(): Promise<Stats> {
  const [stats, count] = counter();
  await fc.assert(
    fc.asyncProperty(
      blocksArb,
      fc.boolean(),
      // WordApi 1.3 has no tracking; on 1.4 the user may already track everything.
      fc.constantFrom(
        { wordApi: "1.3", trackingMode: "Off" as const },
        { wordApi: "1.4", trackingMode: "Off" as const },
        { wordApi: "1.4", trackingMode: "TrackAll" as const }
      ),
      batchArb,
      async (specs, spacers, host, seeds) => {
        const { wordApi } = host;
        const fake = new WordFake({ ...wordDocument(specs, spacers), ...host });
        const restore = fake.install();
        try {
          const word = await readLetter(fake.context());
          const edits = materialize(word.letter, seeds);
          const paragraphs = fake.currentParagraphs();
          const controls = fake.controls();
          fake.syncCount = 0;
          const result = await timed(() => applyInWord(fake.context(), word, edits));
          // Guidance: the same controls, text and locks, locked or not.
          assert.deepEqual(fake.controls(), controls);
          assert.equal(result.applied.length + result.refused.length, edits.length);
          count(`word ${wordApi} ${host.trackingMode}`, result.refused.length === 0);
          if (result.refused.length > 0) {
            assert.deepEqual(result.applied, []);
            assert.ok(fake.syncCount <= 1, `${fake.syncCount} syncs for a refused batch`);
            assert.deepEqual(fake.currentParagraphs(), paragraphs);
            assert.deepEqual(fake.trackedChanges(), []);
            return;
          }
          assert.deepEqual(result.applied, edits);
          assert.ok(fake.syncCount <= 2, `${fake.syncCount} syncs`);
          const after = await readLetter(fake.context());
          // A paragraph a replacement empties (or leaves blank) stays in Word as a blank
          // paragraph, which reads back as spacing, not as an empty block.
          assert.deepEqual(textBlocks(after.letter), textBlocks(result.expected));
          assert.deepEqual(legalTexts(after.letter), legalTexts(word.letter));
          if (wordApi === "1.4") {
            fake.model.rejectAll();
            assert.deepEqual(fake.currentParagraphs(), paragraphs);
          }
        } finally {
          restore();
        }
      }
    ),
    { ...RUN_OPTIONS, numRuns: WORD_CASES }
  );
  return stats;
}

function textBlocks(letter: Letter): string[] {
  return letter.blocks.map((block) => block.text).filter((text) => text.trim() !== "");
}

/** The blocks as a Word document: legal blocks are tagged controls, locked or not. */
function wordDocument(
  specs: readonly BlockSpec[],
  spacers: boolean
): { paragraphs: ParagraphSpec[]; controls: ControlSpec[] } {
  const paragraphs: ParagraphSpec[] = [];
  const controls: ControlSpec[] = [];
  specs.forEach((spec, index) => {
    if (spacers && index > 0) paragraphs.push({ text: "" });
    if (spec.type === "text") {
      if (spec.inline) {
        controls.push({
          tag: spec.inline === "legal" ? "klarbrev:legal:klagevejledning@1" : "esdh:journal",
          cannotEdit: spec.inline === "locked",
          cannotDelete: true,
          from: paragraphs.length,
          to: paragraphs.length,
          inline: { start: 0, end: Math.min(2, spec.line.length) },
        });
      }
      paragraphs.push({ text: spec.line });
      return;
    }
    const { legal } = spec;
    controls.push({
      tag: `klarbrev:legal:${legal.id}@${legal.version}`,
      title: "Klagevejledning - godkendt tekst, låst",
      cannotEdit: legal.locked,
      cannotDelete: legal.locked,
      from: paragraphs.length,
      to: paragraphs.length + legal.lines.length - 1,
    });
    for (const line of legal.lines) paragraphs.push({ text: line });
  });
  return { paragraphs, controls };
}
