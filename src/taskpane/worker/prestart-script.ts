import { EARLY_WORKER_GLOBAL, startEarlyWorker } from "./early-worker.js";

// prestart.js: the first script of taskpane.html and preview.html (see early-worker.ts). It is
// async, so it may run after taskpane.js when it arrives late: the pane then has its own worker
// and has left the global set (to null), and a second worker would only cost CPU.
const global = globalThis as Record<string, unknown>;
if (!(EARLY_WORKER_GLOBAL in global)) {
  const early = startEarlyWorker();
  if (early) global[EARLY_WORKER_GLOBAL] = early;
}
