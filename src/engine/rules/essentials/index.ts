import type { Preset } from "unified";
import { retextEssentialsFacts } from "./rule-facts.js";
import { retextEssentialsLead } from "./rule-lead.js";
import { retextLetterType } from "./rule-letter-type.js";
import { retextEssentialsProposals } from "./rule-proposals.js";
import { retextEssentialsWeekday } from "./rule-weekday.js";

/**
 * Essentials ("say the essential thing first"): extract facts, classify the letter type, check
 * that the key facts stand in the lead, and propose a generated lead and a reorder when not.
 */
export const essentialsPreset: Preset = {
  plugins: [
    retextEssentialsFacts,
    retextEssentialsWeekday,
    retextLetterType,
    retextEssentialsLead,
    retextEssentialsProposals,
  ],
};

export { retextEssentialsFacts, retextEssentialsLead, retextLetterType, retextEssentialsProposals };
export { extractFacts, extractBlockFacts, type ExtractOptions } from "./extract.js";
export { dateContext, referenceDateOf, type DateContext } from "./date-context.js";
export {
  formatDanishDate,
  formatDanishTime,
  inferYear,
  parseDanishDate,
  parseDanishTime,
  weekdayIndex,
} from "./dates.js";
export { classifyLetterType } from "./letter-type.js";
export {
  checkLead,
  keyFactsFor,
  LEAD_WINDOW_WORDS,
  type KeyFacts,
  type LeadCheck,
} from "./lead.js";
export { frameDecision, generateLead, MAX_LEAD_WORDS } from "./generate.js";
export { essentialsParagraph, proposeOrder } from "./reorder.js";
export { dateLineIndex, firstBodyIndex, headerEnd, subjectIndex } from "./structure.js";
export { essentialsFirstEdits } from "./combine.js";
