/// <reference types="office-js" />
import { normalizeParagraphText } from "./reviewed-text.js";
import { supportsTracking } from "./requirements.js";
import type { Notice } from "./word-letter.js";

/**
 * Read written paragraphs back and compare them with what the engine expects. Word on the web
 * does not reliably move ranges after an earlier edit in the same paragraph (office-js #1215),
 * puts text at the wrong place with tracking on (#3913), and can reject a sync although the text
 * was written (#6760): only reading the paragraphs shows what happened.
 */

export interface ExpectedParagraph {
  /** Paragraph index in the body, as read. */
  index: number;
  /** The block it belongs to (for the result). */
  block: number;
  /** Its text as it should read with every change accepted. */
  text: string;
}

/**
 * Queue, after the writes of a batch, the read of each paragraph's text as reviewed
 * (`getReviewedText("Current")`, WordApi 1.4; below it the edits are untracked and `text` is
 * exact). Returns a function to call after the sync: the blocks that do not read as expected.
 */
export function queueWriteCheck(
  paragraphs: ReadonlyMap<number, Word.Paragraph>,
  expected: readonly ExpectedParagraph[]
): () => number[] {
  const reads = expected.map((item) => {
    const paragraph = paragraphs.get(item.index)!;
    if (supportsTracking()) {
      const reviewed = paragraph.getReviewedText("Current");
      return () => reviewed.value;
    }
    paragraph.load("text");
    return () => paragraph.text;
  });
  return () =>
    expected
      .filter((item, at) => clean(reads[at]!()) !== item.text)
      .map((item) => item.block)
      .filter((block, at, all) => all.indexOf(block) === at);
}

function clean(text: string): string {
  return normalizeParagraphText(text).replace(/\n+$/u, "");
}

export const WRITE_UNVERIFIED: Notice = {
  code: "write-unverified",
  message:
    "Word har skrevet ændringerne, men et eller flere afsnit ser ikke ud som forventet bagefter. Læs de ændrede afsnit igennem, og opdater analysen.",
};
