import { EARLY_WORKER_GLOBAL, startEarlyWorker } from "./early-worker.js";

// prestart.js: the first script of taskpane.html and preview.html (see early-worker.ts).
const early = startEarlyWorker();
if (early) (globalThis as Record<string, unknown>)[EARLY_WORKER_GLOBAL] = early;
