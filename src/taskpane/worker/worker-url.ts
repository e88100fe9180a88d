/** The worker script, next to taskpane.js (the CSP allows workers from 'self' only). */
export const WORKER_URL = "analysis-worker.js";
