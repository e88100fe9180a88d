import type { Finding } from "../types.js";

/**
 * "Anvend alle sikre forslag" applies every safe edit at once, so safe edits must never overlap:
 * when two families propose safe edits on the same words (threat/warning rewrites a whole clause,
 * plain/officialese swaps a word inside it), the edit that starts first (the longer one at the
 * same start) stays safe and the other stays an offered suggestion, no longer safe.
 *
 * An empty edit (an insertion) only meets the same insertion at the same place. The kept
 * non-empty edits never overlap and come in start order, so a later one overlaps a kept edit
 * exactly when it starts before the furthest kept end: one comparison per edit, not a scan of
 * every kept edit (a long letter has a hundred safe edits).
 */
export function settleSafeEdits(findings: readonly Finding[]): void {
  const safe = findings
    .filter((finding) => finding.safe === true && finding.edit?.kind === "replace")
    .map((finding) => ({ finding, edit: finding.edit as { start: number; end: number } }))
    .sort((a, b) => a.edit.start - b.edit.start || b.edit.end - a.edit.end);
  let reach = -Infinity;
  const insertions = new Set<number>();
  for (const { finding, edit } of safe) {
    if (edit.start === edit.end) {
      if (insertions.has(edit.start)) finding.safe = false;
      else insertions.add(edit.start);
    } else if (edit.start < reach) {
      finding.safe = false;
    } else {
      reach = Math.max(reach, edit.end);
    }
  }
}
