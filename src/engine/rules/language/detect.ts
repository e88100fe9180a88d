import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { formsOf } from "../../linguistics/vocabulary.js";
import type { Language } from "../../types.js";

/** Frequent words of each language: the shared vocabularies @functionWords (da, en). */
const DANISH = formsOf("functionWords", "da");
const ENGLISH = formsOf("functionWords", "en");

/** Guess Danish or English from function words and æ/ø/å; Danish wins ties (it is the default). */
export function detectLanguage(text: string): Language {
  let danish = /[æøåÆØÅ]/u.test(text) ? 3 : 0;
  let english = 0;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const word of words.slice(0, 2000)) {
    if (DANISH.has(word)) danish++;
    if (ENGLISH.has(word)) english++;
  }
  return english > danish * 1.5 ? "en" : "da";
}

/** unified plugin: sets `file.data.language` from the options or by detection. */
export function retextLanguage() {
  return (_tree: Root, file: VFile): void => {
    const wanted = file.data.options?.language;
    file.data.language = wanted && wanted !== "auto" ? wanted : detectLanguage(String(file.value));
  };
}
