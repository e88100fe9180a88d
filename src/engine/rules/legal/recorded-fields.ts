import type { LegalRegistryEntry, LegalBlockScore } from "./types.js";
import { canonicalLegalText, compileLegalText } from "./matcher.js";
import { normaliseLegalText } from "./normalise.js";
import { diffLegalText } from "./word-diff.js";

/**
 * A rendered standard letter records, in its legal marker, the values that filled the block's
 * fields (`fields="..."`, src/templates/structure.ts). The block is then verified strictly: the
 * approved text with exactly those values in its holes, so nothing can hide in a field's
 * wildcard; and the values are reported as the caseworker's text, apart from the approved words.
 */
const FIELD = /\{\{\{?[^}]*\}?\}\}/gu;

/** Statuses that mean "the text is a registry version's, fields matched as wildcards". */
const MATCHED = new Set(["intact", "outdated", "unapproved"]);

export function verifyRecordedFields(
  score: LegalBlockScore,
  blockText: string,
  start: number,
  values: readonly string[],
  registry: readonly LegalRegistryEntry[]
): LegalBlockScore {
  if (!MATCHED.has(score.status)) return score;
  const entry = registry.find((item) => item.id === score.id && item.version === score.version);
  if (!entry) return score;
  const actual = normaliseLegalText(blockText);
  const candidates = [entry.approvedText, entry.text].filter(
    (text): text is string => text !== undefined
  );
  for (const text of candidates) {
    const holes = canonicalLegalText(text).match(FIELD) ?? [];
    if (holes.length !== values.length) continue;
    if (normaliseLegalText(fill(text, values)) === actual) {
      return { ...score, fields: holes.map((field, index) => ({ field, value: values[index]! })) };
    }
  }
  // The letter's text is not the approved text with its recorded values: show the words that
  // differ from what the values say it should be.
  const expected = fill(candidates[0]!, values);
  const changes = diffLegalText(compileLegalText(expected), blockText, start).changes;
  return { ...score, status: "modified", changes };
}

/** The text with its holes filled in order; a value without a hole is dropped, a hole without a value stays empty. */
function fill(text: string, values: readonly string[]): string {
  let index = 0;
  // Braces in a value would read as a field when compiled: never in a value (fields.ts refuses them).
  return canonicalLegalText(text).replace(FIELD, () => values[index++] ?? "");
}

/** `{{regel}}` → `regel`; `{{dato (fireUgerEfter brevdato)}}` → `dato (fireUgerEfter brevdato)`. */
export function fieldLabel(field: string): string {
  return field.replace(/^\{\{\{?~?\s*|\s*~?\}?\}\}$/gu, "");
}
