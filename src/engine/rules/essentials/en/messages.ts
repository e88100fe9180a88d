import type { FactKind, LetterType } from "../../../types.js";
import { render } from "../generate.js";
import { leadData, missingData, notInLeadData } from "../wording.js";

/** English caseworker messages of the essentials family (wording in the English rule files). */
function joinEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const NOT_IN_LEAD = notInLeadData("en");
const MISSING = missingData("en");

const labels = (kinds: readonly FactKind[]) =>
  joinEnglish(kinds.map((kind) => NOT_IN_LEAD.labels[kind]));

export function englishMissingMessage(type: LetterType, kinds: readonly FactKind[]): string {
  return render(MISSING.message, { typeName: MISSING.typeNames[type], labels: labels(kinds) });
}

export function englishNotInLeadMessage(kinds: readonly FactKind[]): string {
  return render(NOT_IN_LEAD.message, { labels: labels(kinds) });
}

export function englishLeadExplanation(): string {
  return leadData("en").explanation;
}
