import { diffWords } from "diff";
import { canonicalLegalText, normaliseLegalText } from "../engine/rules/legal/index.js";
import { renderedLegalText } from "./rendered-legal-text.js";

/** One piece of a word diff between two legal texts (jsdiff's parts, normalised text). */
export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface TextHunk {
  removed: string;
  added: string;
}

/** Word diff between two versions of a legal text (both as written, with their fields). */
export function diffTexts(from: string, to: string): { parts: DiffPart[]; hunks: TextHunk[] } {
  return diffNormalised(canonicalLegalText(from), canonicalLegalText(to));
}

/**
 * Word diff of what the citizen reads: both sources rendered (fields as placeholders, comments
 * gone, escaped mustaches as the text they print), then normalised.
 */
export function diffRendered(from: string, to: string): { parts: DiffPart[]; hunks: TextHunk[] } {
  return diffNormalised(
    normaliseLegalText(renderedLegalText(from)),
    normaliseLegalText(renderedLegalText(to))
  );
}

function diffNormalised(from: string, to: string): { parts: DiffPart[]; hunks: TextHunk[] } {
  const parts = diffWords(from, to).map((part) => ({
    value: part.value,
    added: part.added === true,
    removed: part.removed === true,
  }));
  const hunks: TextHunk[] = [];
  let current: TextHunk | undefined;
  for (const part of parts) {
    if (!part.added && !part.removed) {
      if (part.value.trim()) current = undefined;
      continue;
    }
    current ??= hunks[hunks.push({ removed: "", added: "" }) - 1]!;
    if (part.removed) current.removed = `${current.removed} ${part.value}`.trim();
    else current.added = `${current.added} ${part.value}`.trim();
  }
  return { parts, hunks };
}

/** `[-old-]{+new+}` inline, like `git diff --word-diff`. */
export function inlineDiff(parts: readonly DiffPart[]): string {
  return parts
    .map((part) =>
      part.removed ? `[-${part.value}-]` : part.added ? `{+${part.value}+}` : part.value
    )
    .join("");
}

/** `"jobcentret" → "kommunen"; "ikke" removed` */
export function describeHunks(hunks: readonly TextHunk[]): string {
  return hunks
    .map((hunk) =>
      hunk.removed && hunk.added
        ? `"${hunk.removed}" → "${hunk.added}"`
        : hunk.removed
          ? `"${hunk.removed}" removed`
          : `"${hunk.added}" added`
    )
    .join("; ");
}
