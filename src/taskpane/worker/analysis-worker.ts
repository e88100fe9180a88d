/// <reference lib="webworker" />
import { analyzeLetter } from "../../engine/analyze.js";
import type { Letter } from "../../engine/letter/model.js";
import type { AnalyzeOptions } from "../../engine/types.js";

/**
 * The engine in a Web Worker: typing in the letter never waits for an analysis on the main
 * thread. The pane posts { id, letter, options }; the worker answers { id, analysis } or
 * { id, error }. Nothing leaves the machine: the worker is a local script of the add-in.
 */
export interface AnalysisRequest {
  id: number;
  letter: Letter;
  options: AnalyzeOptions;
}

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, letter, options } = event.data;
  try {
    self.postMessage({ id, analysis: analyzeLetter(letter, options) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
