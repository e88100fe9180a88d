import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { isProtected } from "../../letter/model.js";
import { report } from "../../report.js";
import type { Language } from "../../types.js";
import { statsOf, type Segment } from "./counts.js";
import { findSplit, type Split } from "./split.js";

export const LONG_SENTENCE_WORDS = 25;

/**
 * `readability/long-sentence`: a (LIX) sentence over 25 words. A warning in the caseworker's
 * text, with a split proposal when the sentence has a natural split point; only info inside a
 * protected legal block (approved wording, not counted against the caseworker).
 */
export function retextLongSentence() {
  return (tree: Root, file: VFile): void => {
    const language: Language = file.data.language === "en" ? "en" : "da";
    const text = String(file.value);
    for (const segment of statsOf(tree, file).segments) {
      if (segment.words <= LONG_SENTENCE_WORDS) continue;
      const legal = isProtected(segment.block);
      const place = { start: segment.start, end: segment.end };
      if (legal) {
        report(file, {
          ruleId: "readability/long-sentence",
          severity: "info",
          message: MESSAGES[language].legal(segment.words),
          ...place,
          details: { words: segment.words, counted: false },
        });
        continue;
      }
      const split = findSplit(segment, language);
      const details = { words: segment.words, counted: true };
      if (!split) {
        report(file, {
          ruleId: "readability/long-sentence",
          severity: "warning",
          message: MESSAGES[language].long(segment.words),
          ...place,
          details: { ...details, explanation: MESSAGES[language].noSplit },
        });
        continue;
      }
      report(file, {
        ruleId: "readability/long-sentence",
        severity: "warning",
        message: MESSAGES[language].long(segment.words),
        ...place,
        suggestion: {
          text: applySplit(text, segment, split),
          explanation: MESSAGES[language].split(split.at),
        },
        edit: {
          kind: "replace",
          start: split.start,
          end: split.end,
          text: split.text,
          ruleId: "readability/long-sentence",
        },
        safe: false,
        details,
      });
    }
  };
}

/** The sentence as it reads after the split. */
function applySplit(text: string, segment: Segment, split: Split): string {
  return text.slice(segment.start, split.start) + split.text + text.slice(split.end, segment.end);
}

const MESSAGES: Record<
  Language,
  {
    long(words: number): string;
    legal(words: number): string;
    split(at: string): string;
    noSplit: string;
  }
> = {
  da: {
    long: (words) =>
      `Lang sætning: ${words} ord. Sætninger over ${LONG_SENTENCE_WORDS} ord er svære at læse.`,
    legal: (words) =>
      `Lang sætning i den faste vejledningstekst: ${words} ord. Teksten er godkendt og tæller ikke med.`,
    split: (at) =>
      `Del sætningen i to ved "${at}". Så får hver sætning én pointe, og den er lettere at læse.`,
    noSplit:
      "Del sætningen i to eller flere, med én pointe i hver. Sigt efter højst 15 ord pr. sætning.",
  },
  en: {
    long: (words) =>
      `Long sentence: ${words} words. Sentences over ${LONG_SENTENCE_WORDS} words are hard to read.`,
    legal: (words) =>
      `Long sentence in the approved guidance text: ${words} words. It is approved wording and does not count.`,
    split: (at) => `Split the sentence in two at "${at}", so that each sentence makes one point.`,
    noSplit:
      "Split the sentence into two or more, with one point in each. Aim for at most 15 words.",
  },
};
