import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { readEnglishConsequence } from "../../consequence/english.js";
import { report } from "../../report.js";
import { SANCTION_MESSAGES_EN as wording, fill } from "./messages.js";
import { SANCTION_RULE } from "./sanction.js";
import { threatSentences } from "./scan.js";

/** In a hearing or a decision a consequence without a condition is what the letter is about. */
const CONTENT_TYPES = new Set(["partshøring", "afgørelse"]);

/**
 * unified plugin: the English branch of threat/sanction. The same rule id, severity and score
 * weight as the Danish rule; the reading comes from the English consequence model.
 */
export function retextThreatSanctionEnglish() {
  return (tree: Root, file: VFile): void => {
    const letter = file.data.letter;
    if (file.data.language !== "en" || !letter) return;
    for (const sentence of threatSentences(tree, letter)) {
      if (sentence.protected) continue;
      const reading = readEnglishConsequence(sentence.text);
      if (!reading.threat || !reading.consequence) continue;
      if (reading.framing === "risk" && CONTENT_TYPES.has(file.data.letterType ?? "orientering"))
        continue;
      const threat = reading.consequence.text.replace(/\s+/gu, " ");
      report(file, {
        ruleId: SANCTION_RULE,
        severity: "warning",
        message: fill(wording.message, "threat", threat),
        start: sentence.start,
        end: sentence.end,
        suggestion: { text: wording.rewrite, explanation: wording.explanation },
        details: {
          severity: "threat",
          kind: reading.framing === "risk" ? "sanction-risk" : "sanction",
          sanction: threat,
          framing: reading.framing ?? "conditional",
        },
      });
    }
  };
}
