import type { Finding } from "../types.js";

/**
 * "Anvend alle sikre forslag" applies every safe edit at once, so safe edits must never overlap:
 * when two families propose safe edits on the same words (threat/warning rewrites a whole clause,
 * plain/officialese swaps a word inside it), the edit that starts first (the longer one at the
 * same start) stays safe and the other stays an offered suggestion, no longer safe.
 */
export function settleSafeEdits(findings: readonly Finding[]): void {
  const safe = findings
    .filter((finding) => finding.safe === true && finding.edit?.kind === "replace")
    .map((finding) => ({ finding, edit: finding.edit as { start: number; end: number } }))
    .sort((a, b) => a.edit.start - b.edit.start || b.edit.end - a.edit.end);
  const kept: { start: number; end: number }[] = [];
  for (const { finding, edit } of safe) {
    const overlaps = kept.some((other) =>
      edit.start === edit.end || other.start === other.end
        ? edit.start === other.start && edit.end === other.end
        : edit.start < other.end && edit.end > other.start
    );
    if (overlaps) finding.safe = false;
    else kept.push(edit);
  }
}
