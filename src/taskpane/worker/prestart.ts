import { WORKER_URL } from "./worker-url.js";

/**
 * The analysis worker, started while the rest of taskpane.js is still being evaluated (main.tsx
 * imports this module first): the worker fetches and evaluates its copy of the engine in parallel
 * with the pane's own start-up, instead of after it. createAnalyzer takes it over; undefined where
 * there are no workers (jsdom) or the worker could not be created.
 */
let prestarted: Worker | undefined;
let failed = false;
try {
  if (typeof Worker !== "undefined" && typeof document !== "undefined") {
    prestarted = new Worker(WORKER_URL);
    // A worker that fails to load before the pane takes it over: remembered, not lost.
    prestarted.addEventListener("error", (event) => {
      event.preventDefault();
      failed = true;
    });
  }
} catch {
  prestarted = undefined;
}

/** The prestarted worker, once (a second analyser starts its own); none if it failed to load. */
export function takePrestartedWorker(): Worker | undefined {
  const worker = prestarted;
  prestarted = undefined;
  if (worker && failed) {
    worker.terminate();
    return undefined;
  }
  return worker;
}
