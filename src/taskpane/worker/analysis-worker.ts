/// <reference lib="webworker" />
import { createIncrementalAnalyzer, type IncrementalAnalyzer } from "../../engine/incremental.js";
import type { Letter } from "../../engine/letter/model.js";
import sample from "../preview/sample-letter.da.json" with { type: "json" };
import type { Analysis, AnalyzeOptions } from "../../engine/types.js";

/**
 * The engine in a Web Worker: typing in the letter never waits for an analysis on the main
 * thread. The pane posts { options } once, as soon as it starts (this script loads and the engine
 * warms up while the pane renders), then { id, letter } per analysis; the worker answers
 * { id, analysis } or { id, error }. The worker keeps an incremental analyser: after a one-word
 * edit only the edited block and the letter-level totals are analysed again. Nothing leaves the
 * machine: the worker is a local script of the add-in.
 */
export type AnalysisRequest = { options: AnalyzeOptions } | { id: number; letter: Letter };

declare const self: DedicatedWorkerGlobalScope;

let analyzer: IncrementalAnalyzer | undefined;
let asked = false;

/**
 * When the pane has not asked for an analysis soon after the engine loaded (inside Word,
 * Office.js and the first read of the document take longer than that), analyse the sample letter
 * with a throwaway analyser: V8 compiles the rules' code and regular expressions in that idle
 * time, not during the first real analysis. A few paragraphs per task, so a request that comes in
 * meanwhile waits for one small piece, not a whole letter. Not at once: when the request is about
 * to come (the preview asks as it starts), a warm-up only takes CPU from the page's own start-up
 * and the first analysis pays the same compiling anyway (measured at 4x CPU slowdown on two
 * cores: first score card 60 ms later with an immediate warm-up). Throwaway, so the first real
 * analysis is measured as it is in Word (no cached blocks).
 */
const WARM_UP_AFTER_IDLE_MS = 500;
const WARM_UP_PIECES = 4;

function warmUpPieces(text: string): string[] {
  const paragraphs = text.split(/\n\s*\n/u);
  const size = Math.ceil(paragraphs.length / WARM_UP_PIECES);
  const pieces: string[] = [];
  for (let i = 0; i < paragraphs.length; i += size)
    pieces.push(paragraphs.slice(i, i + size).join("\n\n"));
  return pieces;
}

function warmUp(pieces: string[], throwaway = createIncrementalAnalyzer()): void {
  const piece = pieces.shift();
  if (asked || piece === undefined) return;
  try {
    throwaway.analyze(piece);
  } catch {
    // Only a warm-up: the real analysis reports its own errors.
  }
  setTimeout(() => warmUp(pieces, throwaway), 0);
}
setTimeout(() => warmUp(warmUpPieces(sample.text)), WARM_UP_AFTER_IDLE_MS);

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  if ("options" in request) {
    analyzer = createIncrementalAnalyzer(request.options);
    return;
  }
  asked = true;
  const { id, letter } = request;
  try {
    analyzer ??= createIncrementalAnalyzer();
    // The letter goes back as it came: the pane re-attaches its own copy (half the cloning).
    const analysis: Partial<Analysis> = analyzer.analyzeLetter(letter);
    delete analysis.letter;
    self.postMessage({ id, analysis });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
