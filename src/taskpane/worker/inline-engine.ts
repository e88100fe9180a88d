import { createIncrementalAnalyzer } from "../../engine/incremental.js";
import type { Letter } from "../../engine/letter/model.js";
import { proposedLetter, wholeLetterProposal } from "../../engine/rewrite/whole-letter.js";
import type { Analysis, AnalyzeOptions } from "../../engine/types.js";

/**
 * The engine on the page's main thread, for where no worker runs (jsdom, a worker that failed to
 * load) and for the Word device check. Here (tests, Node) it is the engine itself; the production
 * bundle replaces this module with `inline-engine.browser.ts` (src/taskpane/build.ts), which
 * loads the engine's own script only when it is needed, so taskpane.js does not carry the rules.
 */
export type InlineAnalyze = (letter: Letter) => Analysis | Promise<Analysis>;

/** An incremental analyser (per-block cache): the same results as `analyzeLetter`. */
export function createInlineAnalyzer(options: AnalyzeOptions = {}): InlineAnalyze {
  const analyzer = createIncrementalAnalyzer(options);
  return (letter) => analyzer.analyzeLetter(letter);
}

/** The whole-letter rewrite: it analyses trial letters, so it needs the whole engine. */
export interface RewriteEngine {
  wholeLetterProposal: typeof wholeLetterProposal;
  proposedLetter: typeof proposedLetter;
}

/** Here at once; in the browser bundle a promise (the engine's script loads on first use). */
export function rewriteEngine(): RewriteEngine | Promise<RewriteEngine> {
  return { wholeLetterProposal, proposedLetter };
}
