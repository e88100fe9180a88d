import { WORKER_URL } from "./worker-url.js";

/**
 * The analysis worker, started before the pane's bundle is evaluated. A worker created from
 * inside taskpane.js only starts once that long script has run: Chromium starts the worker's
 * thread from a task of the page's main thread, which is busy evaluating the bundle (seen in a
 * Chromium trace: the worker's first task came after taskpane.js's 290 ms evaluation at 4x CPU
 * slowdown). prestart.js, a tiny classic script ahead of Office.js and taskpane.js in the page,
 * starts it instead; the worker then loads its engine while the main thread evaluates the pane.
 */
export interface EarlyWorker {
  worker: Worker;
  /** The worker failed to load before the pane took it over. */
  failed: boolean;
}

/** Where prestart.js leaves the worker for taskpane.js. */
export const EARLY_WORKER_GLOBAL = "klarbrevEarlyWorker";

/** Start the worker now; undefined where there are no workers (jsdom) or it cannot be created. */
export function startEarlyWorker(): EarlyWorker | undefined {
  try {
    if (typeof Worker === "undefined" || typeof document === "undefined") return undefined;
    const early: EarlyWorker = { worker: new Worker(WORKER_URL), failed: false };
    // A worker that fails to load before the pane takes it over: remembered, not lost.
    early.worker.addEventListener("error", (event) => {
      event.preventDefault();
      early.failed = true;
    });
    return early;
  } catch {
    return undefined;
  }
}
