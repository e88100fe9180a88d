import { EARLY_WORKER_GLOBAL, startEarlyWorker, type EarlyWorker } from "./early-worker.js";

/**
 * The analysis worker the page started before this bundle ran (prestart.js), or, in a page
 * without that script, one started now: main.tsx imports this module first. createAnalyzer
 * takes it over.
 */
const global = globalThis as Record<string, unknown>;
let early = (global[EARLY_WORKER_GLOBAL] as EarlyWorker | undefined) ?? startEarlyWorker();
// Taken: a prestart.js that arrives after this bundle starts no second worker.
global[EARLY_WORKER_GLOBAL] = null;

/** The prestarted worker, once (a second analyser starts its own); none if it failed to load. */
export function takePrestartedWorker(): Worker | undefined {
  const taken = early;
  early = undefined;
  if (taken?.failed) {
    taken.worker.terminate();
    return undefined;
  }
  return taken?.worker;
}
