/// <reference types="office-js" />
import { essentialsFirstEdits } from "../engine/rules/essentials/combine.js";
import type { Analysis } from "../engine/types.js";
import { applyEdits, type WordApplyResult } from "./apply.js";
import { WordAdapterError } from "./errors.js";
import type { WordLetter } from "./word-letter.js";

/**
 * Essentials first: the engine's lead paragraph and new block order, applied to the document as
 * tracked changes in one batch. Legal blocks stay where they are, byte for byte; the other
 * paragraphs move around them.
 */
export async function applyEssentials(
  context: Word.RequestContext,
  source: WordLetter,
  analysis: Pick<Analysis, "proposals" | "letter">
): Promise<WordApplyResult> {
  if (analysis.letter.text !== source.letter.text) {
    throw new WordAdapterError(
      "The analysis was made for another version of the letter; analyse again",
      "invalid"
    );
  }
  // The lead must attach to the block that is first in the body after the reorder.
  return applyEdits(context, source, essentialsFirstEdits(analysis.proposals));
}
