import { analyzeLetter } from "../../engine/analyze.js";
import type { Letter } from "../../engine/letter/model.js";
import type { Analysis, AnalyzeOptions } from "../../engine/types.js";

export type AsyncAnalyze = (letter: Letter) => Promise<Analysis> | Analysis;

/** The worker script, next to taskpane.js (the CSP allows workers from 'self' only). */
export const WORKER_URL = "analysis-worker.js";

/**
 * Analyse in a Web Worker where the browser has one; on the main thread otherwise (jsdom, a
 * worker that fails to start). Only the newest request matters: older answers are dropped by
 * the caller's sequence check, so nothing queues up while the caseworker types.
 */
export function createAnalyzer(options: AnalyzeOptions, url = WORKER_URL): AsyncAnalyze {
  const inline: AsyncAnalyze = (letter) => analyzeLetter(letter, options);
  if (typeof Worker === "undefined") return inline;
  let worker: Worker | undefined;
  let broken = false;
  let started = false;
  // The first analysis runs right here: the first score card does not wait for a second copy of
  // the engine to load in the worker. The worker starts then, for every analysis after it.
  const start = () => {
    started = true;
    try {
      worker = new Worker(url);
    } catch {
      broken = true;
      return;
    }
    listen(worker);
  };
  let next = 0;
  const pending = new Map<number, { resolve(a: Analysis): void; reject(e: Error): void }>();
  const listen = (worker: Worker) => {
    worker.onmessage = (
      event: MessageEvent<{ id: number; analysis?: Analysis; error?: string }>
    ) => {
      const waiting = pending.get(event.data.id);
      if (!waiting) return;
      pending.delete(event.data.id);
      if (event.data.analysis) waiting.resolve(event.data.analysis);
      else waiting.reject(new Error(event.data.error ?? "analysis failed"));
    };
    worker.onerror = (event) => {
      // The worker could not load (blocked, missing): the main thread takes over, nothing is lost.
      event.preventDefault();
      broken = true;
      for (const waiting of pending.values()) waiting.reject(new Error("worker failed"));
      pending.clear();
    };
  };
  return (letter) => {
    if (!started) {
      const analysis = inline(letter);
      start();
      return analysis;
    }
    if (broken || !worker) return inline(letter);
    const id = ++next;
    return new Promise<Analysis>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker!.postMessage({ id, letter, options });
    }).catch(() => inline(letter));
  };
}
