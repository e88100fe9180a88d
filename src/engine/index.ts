/** Klarbrev's analysis engine: pure TypeScript, no Node or Office APIs. */
export { analyzeLetter, analyzeText, DEFAULT_LIX_TARGET } from "./analyze.js";
export { forgetTextMemos } from "./util/text-memo.js";
export {
  createIncrementalAnalyzer,
  type IncrementalAnalyzer,
  type IncrementalOptions,
} from "./incremental.js";
export { classifyText } from "./letter/classify.js";
export { assertLetter, blockAt, buildLetter, isProtected, PROSE_KINDS } from "./letter/model.js";
export type { Block, BlockInput, BlockKind, Letter, LegalRef } from "./letter/model.js";
export type { Edit, InsertBlockEdit, ReorderEdit, ReplaceEdit } from "./edits/edit.js";
export { checkEdit, checkRange, type GuardVerdict } from "./edits/guard.js";
export { applyEdits, type ApplyOptions, type ApplyResult } from "./edits/apply.js";
export {
  BATCH_REFUSED,
  refuseWholeBatch,
  replaceTarget,
  type ReplaceTarget,
} from "./edits/target.js";
export type { Refusal } from "./edits/guard.js";
export { detectLanguage } from "./rules/language/detect.js";
export { createProcessor } from "./processor.js";
export {
  RULES,
  RULE_FAMILIES,
  DOCS_PAGE,
  ruleInfo,
  ruleUrl,
  selectRules,
  disabledRules,
  UnknownRuleError,
} from "./rules/registry.js";
export type { RuleInfo, RuleDetails, RuleExample, RuleText } from "./rules/registry.js";
export type * from "./types.js";
export type { Severity, Suggestion } from "./report.js";
export { essentialsFirstEdits } from "./rules/essentials/combine.js";
export {
  legalPreset,
  checkLegal,
  canonicalLegalText,
  normaliseLegalText,
  matchesLegalText,
  checkSanctionGuidance,
} from "./rules/legal/index.js";
export type {
  LegalRegistryEntry,
  LegalOptions,
  LegalScores,
  LegalBlockScore,
  LegalStatus,
  WordChange,
} from "./rules/legal/index.js";
