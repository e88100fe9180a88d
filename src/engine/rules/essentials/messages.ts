import { blockAt, PROSE_KINDS, type Letter } from "../../letter/model.js";
import type { Fact, FactKind, LetterType } from "../../types.js";
import { capitalise, render } from "./generate.js";
import { paragraphNumber, subjectIndex, wordNumberAt } from "./structure.js";
import { leadData, missingData, notInLeadData } from "./wording.js";

/** Danish finding messages for the caseworker (wording in the rule files' data). */

const policy = notInLeadData();
const locations = policy.locations!;
const missing = missingData();

export function label(kind: FactKind, type: LetterType): string {
  const byType = policy.labelsByType?.[type];
  return byType?.[kind] ?? policy.labels[kind];
}

/** "a", "a og b", "a, b og c". */
export function joinDanish(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

export function missingMessage(type: LetterType, kinds: readonly FactKind[]): string {
  return render(missing.message, {
    typeName: missing.typeNames[type],
    labels: joinDanish(kinds.map((kind) => label(kind, type))),
  });
}

/** Where a fact stands, said for the caseworker: "i 3. afsnit", "kun i emnelinjen" ... */
function locationOf(letter: Letter, fact: Fact, firstBody: number): string {
  const index = blockAt(letter, fact.start);
  const block = letter.blocks[index];
  if (!block) return locations.other;
  if (index === firstBody) {
    return render(locations.laterInFirst, {
      word: wordNumberAt(block.text, fact.start - block.start),
    });
  }
  if (index === subjectIndex(letter)) return locations.subject;
  if (block.kind === "heading") return locations.heading;
  if (PROSE_KINDS.has(block.kind) && firstBody >= 0 && index > firstBody) {
    return render(locations.paragraph, { n: paragraphNumber(letter, firstBody, index) });
  }
  return locations.other;
}

export function notInLeadMessage(
  letter: Letter,
  facts: readonly Fact[],
  type: LetterType,
  kinds: readonly FactKind[],
  firstBody: number
): string {
  // Group the kinds by where their first occurrence in prose (else anywhere) stands.
  const groups = new Map<string, string[]>();
  for (const kind of kinds) {
    const ofKind = facts.filter((fact) => fact.kind === kind);
    const inBody = ofKind.find((fact) =>
      PROSE_KINDS.has(letter.blocks[blockAt(letter, fact.start)]?.kind ?? "legal")
    );
    const where = locationOf(letter, (inBody ?? ofKind[0])!, firstBody);
    groups.set(where, [...(groups.get(where) ?? []), label(kind, type)]);
  }
  const found = [...groups].map(([location, labels]) =>
    render(policy.found!, { labels: joinDanish(labels), location })
  );
  return render(policy.message, { found: capitalise(found.join("; ")) });
}

export function leadExplanation(): string {
  return leadData().explanation;
}
