import type { Preset } from "unified";
import { retextThreatLegalCitation } from "./legal-citation.js";
import { retextThreatObligation } from "./obligation.js";
import { retextThreatRequiredGuidance } from "./required-guidance.js";
import { retextThreatSanction } from "./sanction.js";
import { retextThreatSanctionEnglish } from "./sanction-en.js";
import { retextThreatScore } from "./score.js";
import { retextThreatShouting } from "./shouting.js";
import { retextThreatWarning } from "./warning.js";

/**
 * Threat framing: sanction threats, warnings, obligation language, shouting and legal citations
 * in running text, each with calmer wording; threat wording in protected legal blocks reported
 * as required guidance. The score runs last: it reads the findings the rules reported.
 */
export const threatPreset: Preset = {
  plugins: [
    retextThreatSanction,
    retextThreatSanctionEnglish,
    retextThreatWarning,
    retextThreatObligation,
    retextThreatShouting,
    retextThreatLegalCitation,
    retextThreatRequiredGuidance,
    retextThreatScore,
  ],
};

export { detectSanction } from "./sanction.js";
export { detectWarnings } from "./warning.js";
export { detectObligations } from "./obligation.js";
export { detectShouting } from "./shouting.js";
export { detectLegalCitations } from "./legal-citation.js";
