/**
 * Klarbrev's Word adapter: Office.js <-> the engine's Letter. Every function takes the
 * Word.RequestContext of a `Word.run` batch (so tests can hand in the strict fake). Minimum:
 * WordApi 1.3; tracked changes and reviewed text need 1.4, paragraph events 1.6 (all guarded).
 */
export { readLetter, buildWordLetter, type ParagraphRow } from "./read.js";
export {
  applyEdits,
  toWordText,
  UNTRACKED_NOT_ALLOWED,
  type ApplyOptions,
  type WordApplyResult,
  type Refusal,
} from "./apply.js";
export { tracksChanges } from "./tracking.js";
export { planEdits, keptBlocks, type EditPlan } from "./plan.js";
export { applyEssentials } from "./essentials.js";
export {
  insertLetter,
  insertLegalControl,
  type InsertLetterOptions,
  type InsertLetterResult,
} from "./insert-letter.js";
export { lockGuidance, relockGuidance, restoreGuidance, type LegalRestore } from "./guidance.js";
export { selectText } from "./select.js";
export {
  onDocumentChanged,
  checksum,
  type WordRunner,
  type WordRunnerWith,
  type Unsubscribe,
} from "./changes.js";
export {
  buildAnalysisRecord,
  ignoredFinding,
  loadAnalysisRecord,
  saveAnalysisRecord,
  sameRecord,
  RECORD_KEY,
  type AnalysisRecord,
  type IgnoredFinding,
  type LegalRestoreEntry,
} from "./record.js";
export {
  loadRecord,
  saveRecord,
  recordToXml,
  recordFromXml,
  RECORD_NAMESPACE,
  type RecordDocument,
} from "./record-store.js";
export { legalTag, legalTitle, parseLegalTag, LOCKED_TITLE_SUFFIX } from "./legal-tag.js";
export { supportsTracking, supportsParagraphEvents } from "./requirements.js";
export { WordAdapterError } from "./errors.js";
export type * from "./word-letter.js";
