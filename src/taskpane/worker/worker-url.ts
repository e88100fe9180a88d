/** The worker script, next to taskpane.js (the CSP allows workers from 'self' only). */
export const WORKER_URL = "analysis-worker.js";

/** The engine as a page script, next to taskpane.js: only where no worker can run. */
export const ENGINE_URL = "analysis-engine.js";
/** The global analysis-engine.js sets. */
export const ENGINE_GLOBAL = "klarbrevEngine";
