import type { Root } from "nlcst";
import type { VFile } from "vfile";
import type { Language } from "../../types.js";

const DANISH = new Set(
  "og at du det er til på med ikke en et af for den har vi kan som skal om dig din dit dine jeg hvis eller vil blive bliver også men når fra ved kommune jobcentret hjælp".split(
    " "
  )
);
const ENGLISH = new Set(
  "the and to of you is in for that we will your be with are this have not on at as can please if or by from our an it".split(
    " "
  )
);

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
