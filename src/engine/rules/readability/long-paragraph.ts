import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { isProtected } from "../../letter/model.js";
import { report } from "../../report.js";
import type { Language } from "../../types.js";
import { statsOf } from "./counts.js";

/** About ten words fill a line in a letter, so 60 words is about six lines. */
export const LONG_PARAGRAPH_WORDS = 60;
const WORDS_PER_LINE = 10;

/**
 * `readability/long-paragraph`: a body paragraph over 60 words. Info only inside a protected
 * legal block (approved wording, not counted against the caseworker).
 */
export function retextLongParagraph() {
  return (tree: Root, file: VFile): void => {
    const letter = file.data.letter;
    if (!letter) return;
    const language: Language = file.data.language === "en" ? "en" : "da";
    const messages = MESSAGES[language];
    const { blocks } = statsOf(tree, file);
    letter.blocks.forEach((block, index) => {
      const words = blocks[index]?.words ?? 0;
      if (words <= LONG_PARAGRAPH_WORDS) return;
      const legal = isProtected(block);
      if (!legal && block.kind !== "paragraph") return;
      const lines = Math.round(words / WORDS_PER_LINE);
      report(file, {
        ruleId: "readability/long-paragraph",
        severity: legal ? "info" : "warning",
        message: legal ? messages.legal(words, lines) : messages.long(words, lines),
        start: block.start,
        end: block.end,
        details: {
          words,
          lines,
          counted: !legal,
          ...(legal ? {} : { explanation: messages.explanation }),
        },
      });
    });
  };
}

const MESSAGES: Record<
  Language,
  {
    long(words: number, lines: number): string;
    legal(words: number, lines: number): string;
    explanation: string;
  }
> = {
  da: {
    long: (words, lines) =>
      `Langt afsnit: ${words} ord (ca. ${lines} linjer). Afsnit over ${LONG_PARAGRAPH_WORDS} ord er svære at overskue.`,
    legal: (words, lines) =>
      `Langt afsnit i den faste vejledningstekst: ${words} ord (ca. ${lines} linjer). Teksten er godkendt og tæller ikke med.`,
    explanation:
      "Del afsnittet op, så hvert afsnit handler om én ting. Sæt gerne en kort overskrift over.",
  },
  en: {
    long: (words, lines) =>
      `Long paragraph: ${words} words (about ${lines} lines). Paragraphs over ${LONG_PARAGRAPH_WORDS} words are hard to take in.`,
    legal: (words, lines) =>
      `Long paragraph in the approved guidance text: ${words} words (about ${lines} lines). It is approved wording and does not count.`,
    explanation:
      "Split the paragraph so that each paragraph is about one thing. A short heading can help.",
  },
};
