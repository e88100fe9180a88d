import { generateEnglishLead } from "./en/lead.js";
import { englishLeadExplanation, englishNotInLeadMessage } from "./en/messages.js";
import type { Root } from "nlcst";
import type { VFile } from "vfile";
import type { InsertBlockEdit, ReorderEdit } from "../../edits/edit.js";
import { checkEdit } from "../../edits/guard.js";
import { report } from "../../report.js";
import type { EssentialsProposals } from "../../types.js";
import { generateLead } from "./generate.js";
import { checkLead } from "./lead.js";
import { leadExplanation, notInLeadMessage } from "./messages.js";
import { proposeOrder } from "./reorder.js";
import { bodyEndIndex, subjectIndex } from "./structure.js";

/**
 * unified plugin: when the essentials are not in the lead, proposes a generated lead and a
 * reorder (two alternative remedies: apply one, then analyse again) and reports
 * `essentials/not-in-lead` on the lead.
 */
export function retextEssentialsProposals() {
  return (_tree: Root, file: VFile): void => {
    const proposals: EssentialsProposals = {};
    file.data.proposals = proposals;
    const letter = file.data.letter;
    const essentials = file.data.essentials;
    const type = file.data.letterType ?? "orientering";
    if (!letter || !essentials || essentials.inLead) return;
    const facts = essentials.facts;
    const check = checkLead(letter, facts, type);
    const found = check.missingFromLead.filter((kind) => !check.absent.includes(kind));
    if (found.length === 0) return; // nothing to bring forward; essentials/missing says why

    const english = file.data.language === "en";
    const text = english
      ? generateEnglishLead(letter, facts, type)
      : generateLead(letter, facts, type);
    if (text) {
      const lead: InsertBlockEdit = {
        kind: "insertBlock",
        before: check.firstBody >= 0 ? check.firstBody : bodyEndIndex(letter, 0),
        text,
        blockKind: "paragraph",
        ruleId: "essentials/lead",
      };
      if (checkEdit(letter, lead).ok && !file.data.disabled?.has(lead.ruleId!))
        proposals.lead = lead;
    }
    const order = proposeOrder(letter, facts, type);
    if (order) {
      const reorder: ReorderEdit = { kind: "reorder", order, ruleId: "essentials/reorder" };
      if (checkEdit(letter, reorder).ok && !file.data.disabled?.has(reorder.ruleId!))
        proposals.reorder = reorder;
    }

    const subject = letter.blocks[subjectIndex(letter)];
    const onLead = check.firstBody >= 0;
    report(file, {
      ruleId: "essentials/not-in-lead",
      severity: "warning",
      message: english
        ? englishNotInLeadMessage(found)
        : notInLeadMessage(letter, facts, type, found, check.firstBody),
      start: onLead ? check.windowStart : (subject?.start ?? 0),
      end: onLead ? check.windowEnd : (subject?.end ?? 0),
      ...(proposals.lead
        ? {
            suggestion: {
              text: proposals.lead.text,
              explanation: english ? englishLeadExplanation() : leadExplanation(),
            },
            edit: proposals.lead,
          }
        : {}),
      safe: false,
      details: {
        letterType: type,
        missingFromLead: found,
        ...(proposals.reorder ? { reorder: proposals.reorder } : {}),
      },
    });
  };
}
