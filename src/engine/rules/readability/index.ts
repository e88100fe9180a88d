import type { Preset } from "unified";
import { retextEnglishReadability } from "./english.js";
import { retextLix } from "./lix.js";
import { retextLongParagraph } from "./long-paragraph.js";
import { retextLongSentence } from "./long-sentence.js";

/**
 * Readability rules: LIX scores (and the `readability/lix` finding), long sentences, long
 * paragraphs, and retext-readability's formulas for English letters. The rules share one pass
 * over the tree (counts.ts). The LIX plugin runs first: it sets `file.data.readability`.
 */
export const readabilityPreset: Preset = {
  plugins: [retextLix, retextLongSentence, retextLongParagraph, retextEnglishReadability],
};
