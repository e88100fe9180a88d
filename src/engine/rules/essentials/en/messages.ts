import wording from "../../../lexicons/essentials.en.json" with { type: "json" };
import type { FactKind, LetterType } from "../../../types.js";

/** English caseworker messages of the essentials family (wording in essentials.en.json). */
function joinEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const labels = (kinds: readonly FactKind[]) =>
  joinEnglish(kinds.map((kind) => wording.labels[kind]));

export function englishMissingMessage(type: LetterType, kinds: readonly FactKind[]): string {
  return wording.messages.missing
    .replace("{typeName}", wording.typeNames[type])
    .replace("{labels}", labels(kinds));
}

export function englishNotInLeadMessage(kinds: readonly FactKind[]): string {
  return wording.messages.notInLead.replace("{labels}", labels(kinds));
}

export function englishLeadExplanation(): string {
  return wording.messages.leadExplanation;
}
