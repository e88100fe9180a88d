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
 * While the pane is still starting, analyse the sample letter once with a throwaway analyser:
 * V8 compiles the rules' code and regular expressions now, not during the first real analysis.
 */
function warmUp(options: AnalyzeOptions): void {
  if (asked) return;
  try {
    createIncrementalAnalyzer(options).analyze(sample.text);
  } catch {
    // Only a warm-up: the real analysis reports its own errors.
  }
}

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  if ("options" in request) {
    analyzer = createIncrementalAnalyzer(request.options);
    setTimeout(() => warmUp(request.options), 0);
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
