import { extractEnglishFacts } from "./en/extract.js";
import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { assertIsoDate } from "./dates.js";
import { extractFacts } from "./extract.js";

/** The referenceDate analysis option (ISO), when the caller gave one. */
export function referenceDateOption(file: VFile): string | undefined {
  const value = (file.data.options as { referenceDate?: unknown } | undefined)?.referenceDate;
  if (value === undefined) return undefined;
  assertIsoDate(value);
  return value;
}

/** unified plugin: extracts the letter's facts into `file.data.essentials.facts`. */
export function retextEssentialsFacts() {
  return (_tree: Root, file: VFile): void => {
    const letter = file.data.letter;
    const extract = file.data.language === "en" ? extractEnglishFacts : extractFacts;
    const facts = letter ? extract(letter, { referenceDate: referenceDateOption(file) }) : [];
    file.data.essentials = { inLead: false, facts };
  };
}
