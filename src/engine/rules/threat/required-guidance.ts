import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { report } from "../../report.js";
import { REQUIRED_GUIDANCE_MESSAGE } from "./messages.js";
import { detectObligations } from "./obligation.js";
import { detectSanction } from "./sanction.js";
import { isDanishLetter, threatSentences } from "./scan.js";
import { detectShouting } from "./shouting.js";
import { detectWarnings } from "./warning.js";

export const REQUIRED_GUIDANCE_RULE = "threat/required-guidance";

/**
 * unified plugin: threat wording inside a protected legal block is approved, legally required
 * guidance. It is reported once per sentence as information and never counts in the score.
 * Legal citations are expected there and not reported at all.
 */
export function retextThreatRequiredGuidance() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    for (const sentence of threatSentences(tree, file.data.letter!)) {
      if (!sentence.protected) continue;
      const categories: string[] = [];
      if (detectSanction(sentence.text)) categories.push("threat");
      if (detectWarnings(sentence.text).length > 0 || detectShouting(sentence.text).length > 0)
        categories.push("warning");
      if (detectObligations(sentence.text).length > 0) categories.push("obligation");
      const severity = categories[0];
      if (!severity) continue;
      report(file, {
        ruleId: REQUIRED_GUIDANCE_RULE,
        severity: "info",
        message: REQUIRED_GUIDANCE_MESSAGE,
        start: sentence.start,
        end: sentence.end,
        details: {
          severity,
          kind: "required-guidance",
          categories,
          counted: false,
          legal: sentence.block.legal ? { ...sentence.block.legal } : undefined,
        },
      });
    }
  };
}
