import { missingData } from "../essentials/wording.js";
import type { LetterType } from "../../types.js";
import type { LegalMessages } from "./messages.js";
import type { OwnWording } from "./own-wording.js";
import type { MissingGuidance } from "./required.js";
import type { SanctionElement } from "./sanction.js";
import { fieldLabel } from "./recorded-fields.js";
import type { LegalBlockScore, LegalRegistryEntry, WordChange } from "./types.js";

/**
 * English finding messages of the legal family, for an English UI (the task pane in en-US, the
 * CLI with --lang en). The findings are about Danish guidance: Danish law names stay as they are,
 * and the guidance is named by its English title where the registry has one (front matter
 * `titleEn`), by its Danish title otherwise.
 */

const quote = (text: string) => `“${text}”`;

const SANCTION_ELEMENT_NAMES_EN: Readonly<Record<SanctionElement, string>> = {
  sanctioned: "what triggers the deduction",
  consequence: "what the consequence is",
  restore: "how the citizen gets the help back",
};

function joinEnglish(items: readonly string[], last = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

/** The English title of a block id: its newest registry entry's that has one. */
export function englishLegalTitle(
  id: string,
  registry: readonly LegalRegistryEntry[] | undefined
): string | undefined {
  const entries = (registry ?? []).filter((entry) => entry.id === id && entry.titleEn);
  return (entries.find((entry) => entry.current) ?? entries[entries.length - 1])?.titleEn;
}

/** "“senest” was changed to “inden”; “ikke” was added". */
export function describeChangesEnglish(changes: readonly WordChange[]): string {
  return changes
    .map((change) => {
      if (change.removed && change.added)
        return `${quote(change.removed)} was changed to ${quote(change.added)}`;
      if (change.removed) return `${quote(change.removed)} was removed`;
      return `${quote(change.added)} was added`;
    })
    .join("; ");
}

export function englishLegalMessages(
  registry: readonly LegalRegistryEntry[] | undefined
): LegalMessages {
  const titleOf = (block: LegalBlockScore) =>
    englishLegalTitle(block.id, registry) ?? block.titleEn ?? block.title;
  const nameOf = (block: LegalBlockScore) => {
    const title = titleOf(block);
    return title
      ? `${quote(title)} (${block.id}, version ${block.version})`
      : `${quote(block.id)} (version ${block.version})`;
  };
  const entryTitle = (entry: LegalRegistryEntry) => entry.titleEn ?? entry.title;
  const elements = (missing: readonly SanctionElement[]) =>
    joinEnglish(missing.map((element) => SANCTION_ELEMENT_NAMES_EN[element]));

  return {
    block(block) {
      switch (block.status) {
        case "modified":
          return `The legal text ${nameOf(block)} differs from the approved text: ${describeChangesEnglish(block.changes ?? [])}. Use the approved text unchanged.`;
        case "unapproved":
          return `The legal text ${nameOf(block)} has not been approved by the legal staff${
            block.changes?.length ? `: ${describeChangesEnglish(block.changes)}` : ""
          }.`;
        case "outdated": {
          const claim = block.markedVersion
            ? ` The text is marked as version ${block.markedVersion}, but its wording is version ${block.version}.`
            : "";
          return `The legal text ${nameOf(block)} is an old version; the current one is version ${block.currentVersion ?? "?"}. Insert the new version.${claim}`;
        }
        case "unknown":
          return `The legal text ${quote(block.id)} version ${block.version} is not in the register of approved texts.`;
        default:
          return "";
      }
    },
    caseworkerText(block) {
      const fields = (block.fields ?? [])
        .map((entry) => `${fieldLabel(entry.field)}: ${quote(entry.value)}`)
        .join("; ");
      return `The caseworker's text in the approved guidance ${nameOf(block)}: ${fields}. That text is not approved wording; the rest of the guidance was checked word for word.`;
    },
    unmarked(block) {
      return `The guidance ${nameOf(block)} was recognised in the letter, but it is not marked as protected text. Insert it as a protected block, so that it is not changed by mistake.`;
    },
    missing(missing: MissingGuidance, letterType: LetterType) {
      const basis = missing.legalBasis.length > 0 ? ` (${missing.legalBasis.join("; ")})` : "";
      const title = missing.titleEn ?? missing.title;
      return `The letter is ${missingData("en").typeNames[letterType]} and lacks the required guidance ${quote(title)}${basis}.`;
    },
    ownWording(own: OwnWording) {
      const only = own.suggested.length === 1 ? own.suggested[0] : undefined;
      if (only) {
        return `The guidance ${quote(entryTitle(only))} is written in the caseworker's own words. Use the approved text (${only.id}, version ${only.version}) as a protected block: then the citizen gets the wording the legal staff approved, and it is not changed by mistake.`;
      }
      const names = own.suggested.map((entry) => `${entry.id}, version ${entry.version}`);
      return `The guidance is written in the caseworker's own words. Use one of the approved texts (${names.join(" or ")}) as a protected block, if one of them fits the citizen's benefit. If none of them fits, ask the legal staff for an approved text.`;
    },
    ownWordingSuggestion(own: OwnWording) {
      const ids = own.suggested.map((entry) => entry.id);
      const only = own.suggested.length === 1 ? own.suggested[0] : undefined;
      return {
        text: ids.join(", "),
        explanation: only
          ? `Insert the approved text ${quote(entryTitle(only))} (${only.id}, version ${only.version}) instead of the guidance in the caseworker's own words.`
          : `Insert the approved text that fits the citizen's benefit (${ids.join(" or ")}) instead of the guidance in the caseworker's own words.`,
      };
    },
    hearingDeadline:
      "The hearing has no deadline: write by when the citizen must reply at the latest (forvaltningsloven § 19, the Public Administration Act).",
    sanction(missing) {
      return `The letter mentions a sanction, but does not say ${elements(missing)}. Ankestyrelsen (the National Social Appeals Board) requires that the citizen is told what triggers the deduction, what the consequence is, and how the help comes back.`;
    },
    sanctionWarning(missing) {
      return `The letter mentions a consequence, but does not say ${elements(missing)}. A consequence named on its own frightens without guiding: write the whole guidance (what triggers the deduction, what the consequence is, and how the help comes back), or refer to the guidance the citizen has been given.`;
    },
  };
}
