import type { Preset } from "unified";
import { retextLegal } from "./plugin.js";

/**
 * Legal guidance: integrity of protected blocks against the approved registry (intact, modified,
 * outdated, unapproved, unknown), required guidance per letter type (missing, or own-wording when
 * the letter says it in the caseworker's own words), the partshøring deadline, and sanction
 * guidance completeness. Must run after the essentials preset.
 */
export const legalPreset: Preset = { plugins: [retextLegal] };

export {
  checkLegal,
  legalBlockIssues,
  legalMessages,
  type LegalCheckOptions,
  type LegalCheckResult,
  type LegalIssue,
} from "./check.js";
export { compareVersions, recogniseLegalBlocks } from "./integrity.js";
export {
  canonicalLegalText,
  compileLegalText,
  fieldShape,
  matchesLegalText,
  type CompiledText,
} from "./matcher.js";
export { describeChanges, type LegalMessages } from "./messages.js";
export { describeChangesEnglish, englishLegalTitle } from "./messages.en.js";
export { normaliseLegalText } from "./normalise.js";
export { recogniseOwnWording, type OwnWording } from "./own-wording.js";
export { findMissingGuidance, type MissingGuidance } from "./required.js";
export {
  checkSanctionGuidance,
  SANCTION_ELEMENT_NAMES,
  SANCTION_ELEMENTS,
  sanctionMentionsIn,
  sanctionRole,
  type SanctionCheck,
  type SanctionElement,
  type SanctionMention,
  type SanctionRole,
} from "./sanction.js";
export { diffLegalText, type WordDiff } from "./word-diff.js";
export { tokenise } from "./tokens.js";
export { retextLegal };
export type * from "./types.js";
