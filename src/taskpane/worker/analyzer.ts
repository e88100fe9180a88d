import type { Letter } from "../../engine/letter/model.js";
import type { Analysis, AnalyzeOptions } from "../../engine/types.js";
import type { AnalysisRequest } from "./analysis-worker.js";
import { createInlineAnalyzer, type InlineAnalyze } from "./inline-engine.js";
import { takePrestartedWorker } from "./prestart.js";
import { WORKER_URL } from "./worker-url.js";

export type AsyncAnalyze = (letter: Letter) => Promise<Analysis> | Analysis;

export { WORKER_URL };

/**
 * Analyse in a Web Worker where the browser has one; on the main thread otherwise (jsdom, a
 * worker that fails to start). The worker starts at once, so loading its copy of the engine runs
 * in parallel with the pane's first render, and it takes the first analysis too: the main thread
 * only renders. Both paths keep an incremental analyser (per-block cache). Only the newest
 * request matters: older answers are dropped by the caller's sequence check.
 */
export function createAnalyzer(options: AnalyzeOptions, url = WORKER_URL): AsyncAnalyze {
  let local: InlineAnalyze | undefined;
  const inline: AsyncAnalyze = (letter) => (local ??= createInlineAnalyzer(options))(letter);
  if (typeof Worker === "undefined") return inline;
  let worker: Worker;
  try {
    worker = (url === WORKER_URL ? takePrestartedWorker() : undefined) ?? new Worker(url);
  } catch {
    return inline;
  }
  let broken = false;
  let next = 0;
  const pending = new Map<
    number,
    { letter: Letter; resolve(a: Analysis): void; reject(e: Error): void }
  >();
  const post = (request: AnalysisRequest) => worker.postMessage(request);
  worker.onmessage = (
    event: MessageEvent<{ id: number; analysis?: Omit<Analysis, "letter">; error?: string }>
  ) => {
    const waiting = pending.get(event.data.id);
    if (!waiting) return;
    pending.delete(event.data.id);
    // The worker leaves out the letter it was sent: analyzeLetter returns its input letter.
    if (event.data.analysis) waiting.resolve({ ...event.data.analysis, letter: waiting.letter });
    else waiting.reject(new Error(event.data.error ?? "analysis failed"));
  };
  worker.onerror = (event) => {
    // The worker could not load (blocked, missing): the main thread takes over, nothing is lost.
    event.preventDefault();
    broken = true;
    for (const waiting of pending.values()) waiting.reject(new Error("worker failed"));
    pending.clear();
  };
  post({ options });
  return (letter) => {
    if (broken) return inline(letter);
    const id = ++next;
    return new Promise<Analysis>((resolve, reject) => {
      pending.set(id, { letter, resolve, reject });
      post({ id, letter });
    }).catch(() => inline(letter));
  };
}

/**
 * Start analysing the document's first letter now, before the pane has rendered, and answer the
 * pane's first request from that run when it asks for the same letter: the worker analyses while
 * the main thread renders, instead of after it (the first score card comes sooner). Any other
 * letter, or any later request, goes to `analyze` as usual.
 */
export function primeAnalyzer(analyze: AsyncAnalyze, letter: Promise<Letter>): AsyncAnalyze {
  let first: Promise<{ key: string; analysis: Promise<Analysis> } | undefined> | undefined = letter
    .then((read) => {
      const analysis = Promise.resolve(analyze(read));
      performance.mark?.("klarbrev:first-request");
      // A failed first run is retried by the pane's own request, never reported twice.
      analysis.catch(() => undefined);
      return { key: JSON.stringify(read), analysis };
    })
    .catch(() => undefined);
  return async (letter) => {
    const primed = first;
    first = undefined;
    const started = primed && (await primed);
    if (started && started.key === JSON.stringify(letter)) {
      const analysis = await started.analysis.catch(() => undefined);
      // The pane's own copy of the letter, as every analysis carries.
      if (analysis) return { ...analysis, letter };
    }
    return analyze(letter);
  };
}
