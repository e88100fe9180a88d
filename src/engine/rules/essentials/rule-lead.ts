import { englishMissingMessage } from "./en/messages.js";
import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { report } from "../../report.js";
import { checkLead } from "./lead.js";
import { missingMessage } from "./messages.js";
import { subjectIndex } from "./structure.js";

/**
 * unified plugin: do the key facts stand in the lead? Sets inLead, required and missingFromLead,
 * and reports `essentials/missing` when a required fact is absent from the whole letter.
 */
export function retextEssentialsLead() {
  return (_tree: Root, file: VFile): void => {
    const letter = file.data.letter;
    const facts = file.data.essentials?.facts ?? [];
    const type = file.data.letterType ?? "orientering";
    if (!letter) return;
    const check = checkLead(letter, facts, type);
    file.data.essentials = {
      inLead: check.inLead,
      facts,
      required: check.required,
      missingFromLead: check.missingFromLead,
    };
    if (check.absent.length === 0) return;
    const subject = letter.blocks[subjectIndex(letter)];
    const anchor = subject ?? letter.blocks[check.firstBody];
    report(file, {
      ruleId: "essentials/missing",
      severity: "warning",
      message:
        file.data.language === "en"
          ? englishMissingMessage(type, check.absent)
          : missingMessage(type, check.absent),
      start: anchor?.start ?? 0,
      end: anchor?.end ?? 0,
      details: { letterType: type, missing: check.absent },
    });
  };
}
