import { createIncrementalAnalyzer } from "../../engine/incremental.js";
import { proposedLetter, wholeLetterProposal } from "../../engine/rewrite/whole-letter.js";
import { ENGINE_GLOBAL } from "./worker-url.js";

/**
 * analysis-engine.js: the engine for the page's main thread, loaded only when no worker can run
 * (see inline-engine.browser.ts) and for the whole-letter rewrite panel. It publishes one global, read once by the loader.
 */
(globalThis as Record<string, unknown>)[ENGINE_GLOBAL] = {
  createIncrementalAnalyzer,
  wholeLetterProposal,
  proposedLetter,
};
