import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { report } from "../../report.js";
import type { Letter } from "../../letter/model.js";
import { messageLanguage } from "../../util/message-language.js";
import { checkLegal } from "./check.js";

declare module "vfile" {
  interface DataMap {
    /** The letter as written, when the prose rules read a copy with changed guidance demoted. */
    guidanceLetter: Letter;
  }
}

/**
 * unified plugin: verifies the letter's legal guidance against the registry in
 * `options.legal.registry`, sets `file.data.legal` and reports `legal/*` findings. Runs after
 * the essentials family, whose letter type and facts it uses.
 */
export function retextLegal() {
  return (_tree: Root, file: VFile): void => {
    const letter = file.data.guidanceLetter ?? file.data.letter;
    if (!letter) return;
    const result = checkLegal(letter, {
      registry: file.data.options?.legal?.registry,
      letterType: file.data.letterType ?? "orientering",
      facts: file.data.essentials?.facts,
      language: messageLanguage(file),
    });
    file.data.legal = result.scores;
    for (const issue of result.issues) report(file, issue);
  };
}
