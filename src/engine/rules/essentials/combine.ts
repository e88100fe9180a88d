import type { Edit } from "../../edits/edit.js";
import type { EssentialsProposals } from "../../types.js";

/**
 * "Skriv det vigtigste først" applies the lead and the reorder together. The lead's `before` names
 * the block that was first in the body; after the reorder another block holds that position (the
 * header blocks keep theirs), so the lead must attach to that block to stay first.
 */
export function essentialsFirstEdits(proposals: EssentialsProposals): Edit[] {
  const { lead, reorder } = proposals;
  if (lead && reorder) {
    const before = reorder.order[lead.before] ?? lead.before;
    return [reorder, { ...lead, before }];
  }
  return [reorder, lead].filter((edit): edit is NonNullable<typeof edit> => Boolean(edit));
}
