import { classifyEnglishLetterType } from "./en/letter-type.js";
import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { classifyLetterType } from "./letter-type.js";

/** unified plugin: sets `file.data.letterType` from the subject line and body cues. */
export function retextLetterType() {
  return (_tree: Root, file: VFile): void => {
    const classify = file.data.language === "en" ? classifyEnglishLetterType : classifyLetterType;
    file.data.letterType = file.data.letter ? classify(file.data.letter) : "orientering";
  };
}
