/// <reference types="office-js" />
import type { Edit } from "../engine/edits/edit.js";
import type { Letter } from "../engine/letter/model.js";
import type { Analysis } from "../engine/types.js";
import {
  applyEdits,
  buildAnalysisRecord,
  insertLetter,
  loadRecord,
  onDocumentChanged,
  readLetter,
  restoreGuidance,
  saveRecord,
  sameRecord,
  selectText,
  tracksChanges,
  type IgnoredFinding,
  type LegalRestoreEntry,
  type WordLetter,
  type WordRunner,
  type WordRunnerWith,
} from "../word/index.js";
import { insertGuidance } from "../word/insert-guidance.js";
import type { ApplyOutcome, DocumentHost, GuidanceBlock, InsertMode } from "./host.js";
import { stringsFor } from "./strings/index.js";

/** A DocumentHost in Word, plus recording the analysis in the document (issue 4, §2). */
export interface WordHost extends DocumentHost {
  recordAnalysis(analysis: Analysis): Promise<void>;
}

/** Ignored keys are `ruleId|text|occurrence`; the document records `{ ruleId, text }`. */
export function keysToIgnored(keys: readonly string[], now = new Date()): IgnoredFinding[] {
  return keys.flatMap((key) => {
    const first = key.indexOf("|");
    const last = key.lastIndexOf("|");
    if (first < 0 || last <= first) return [];
    return [
      { ruleId: key.slice(0, first), text: key.slice(first + 1, last), at: now.toISOString() },
    ];
  });
}

export function ignoredToKeys(ignored: readonly IgnoredFinding[]): string[] {
  const seen = new Map<string, number>();
  return ignored.map((item) => {
    const base = `${item.ruleId}|${item.text}`;
    const occurrence = seen.get(base) ?? 0;
    seen.set(base, occurrence + 1);
    return `${base}|${occurrence}`;
  });
}

/**
 * The Word face of the task pane: a thin binding to the adapter in src/word/. Offsets refer to
 * the letter read last; the pane reads again (and compares) before every change.
 */
export async function createWordHost(
  displayLanguage: string,
  run: WordRunner = (batch) => Word.run(batch),
  /** Word.run(context, batch), for removing event handlers (tests pass the fake's). */
  runWith?: WordRunnerWith
): Promise<WordHost> {
  let source: WordLetter | undefined;
  let lastAnalysis: Analysis | undefined;
  // The record lives in a custom XML part (an old settings record is moved there once).
  let ignored: string[] = ignoredToKeys((await loadRecord())?.ignoredFindings ?? []);
  /** Restores done before the first record exists; they go into it. */
  const pendingRestores: LegalRestoreEntry[] = [];

  const read = async (): Promise<Letter> => {
    source = await run((context) => readLetter(context));
    return source.letter;
  };
  const current = async (): Promise<WordLetter> => {
    if (!source) await read();
    return source!;
  };
  const save = async () => {
    const previous = await loadRecord();
    const ignoredFindings = keysToIgnored(ignored);
    if (lastAnalysis) {
      const record = buildAnalysisRecord(lastAnalysis, {
        ignored: ignoredFindings,
        ...(previous?.template ? { template: previous.template } : {}),
        restoredLegal: [...(previous?.restoredLegal ?? []), ...pendingRestores.splice(0)],
      });
      if (!sameRecord(previous, record)) await saveRecord(record);
    } else if (previous) {
      await saveRecord({ ...previous, ignoredFindings });
    }
  };

  return {
    kind: "word",
    displayLanguage,
    read,
    notices() {
      // The adapter's notices are Danish with counts; other languages get the UI's own text.
      const t = stringsFor(displayLanguage);
      return (source?.notices ?? []).map((n) => t.readNotices[n.code] ?? n.message);
    },
    async select(start, end) {
      const letter = await current();
      await run((context) => selectText(context, letter, start, end));
    },
    async tracksChanges() {
      return run((context) => tracksChanges(context));
    },
    async apply(edits: readonly Edit[], options = {}): Promise<ApplyOutcome> {
      const letter = await current();
      const result = await run((context) => applyEdits(context, letter, edits, options));
      source = undefined; // the document changed: read again before the next operation
      const outcome: ApplyOutcome = {
        applied: result.applied,
        refused: result.refused.map(({ edit, reason, protectsLegal, heldBack }) => ({
          edit,
          reason,
          ...(protectsLegal ? { protectsLegal } : {}),
          ...(heldBack ? { heldBack } : {}),
        })),
        tracked: result.tracked,
      };
      // The adapter's notices are Danish; the pane speaks the user's language.
      const t = stringsFor(displayLanguage);
      const notice = result.notices.map((n) => t.notices[n.code] ?? n.message).join(" ");
      if (notice) outcome.notice = notice;
      return outcome;
    },
    async insertLetter(letter: Letter, mode: InsertMode) {
      const spacer = source?.usesSpacerParagraphs ?? false;
      await run((context) =>
        insertLetter(context, letter, {
          at: mode === "replace" ? "replaceBody" : "cursor",
          spacerParagraphs: spacer,
        })
      );
      source = undefined;
    },
    async restoreLegalBlock(blockIndex: number, approvedText: string) {
      const letter = await current();
      const { restored } = await run((context) =>
        restoreGuidance(context, letter, blockIndex, approvedText)
      );
      source = undefined;
      // The restore is untracked (locked controls cannot hold reviewable changes): record it.
      const previous = await loadRecord();
      if (previous) {
        await saveRecord({
          ...previous,
          restoredLegal: [...(previous.restoredLegal ?? []), restored],
        });
      } else {
        pendingRestores.push(restored);
      }
    },
    async insertGuidance(before: number, guidance: GuidanceBlock) {
      const letter = await current();
      await run((context) => insertGuidance(context, letter, before, guidance));
      source = undefined;
    },
    onChange(callback) {
      const stop = onDocumentChanged(callback, {
        debounceMs: 300,
        run,
        ...(runWith ? { runWith } : {}),
      });
      return () => void stop.then((unsubscribe) => unsubscribe()).catch(() => undefined);
    },
    async getIgnored() {
      return [...ignored];
    },
    async setIgnored(keys) {
      ignored = [...keys];
      await save();
    },
    async recordAnalysis(analysis: Analysis) {
      lastAnalysis = analysis;
      await save();
    },
  };
}
