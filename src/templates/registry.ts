import {
  checkSanctionGuidance,
  compareVersions,
  SANCTION_ELEMENT_NAMES,
} from "../engine/rules/legal/index.js";
import type { LegalRegistryEntry } from "../engine/rules/legal/index.js";
import type { Approval } from "./approvals.js";
import { legalTextHash } from "./hash.js";
import type { LegalBlockSource } from "./legal-blocks.js";
import { problem, type Problem } from "./problems.js";
import { describeHunks, diffTexts, type TextHunk } from "./text-diff.js";

/**
 * - approved: the file's text is the approved text
 * - changed: approved once, but the file's text has changed since (see `changes`)
 * - never: no approval for this id and version
 */
export type ApprovalState = "approved" | "changed" | "never";

/** A legal block with everything legal staff need to see: its entry, approval and problems. */
export interface LegalLibraryBlock {
  source: LegalBlockSource;
  entry: LegalRegistryEntry;
  approval?: Approval;
  state: ApprovalState;
  /** Words changed since approval (state "changed"). */
  changes: TextHunk[];
  problems: Problem[];
}

/**
 * Build the registry the engine checks letters against: one entry per block file, with the
 * hash of its text, whether that hash is approved, and which version is current (the highest
 * version number of each id). Duplicate id+version files are problems; the first file counts.
 */
export function buildLegalRegistry(
  sources: readonly LegalBlockSource[],
  approvals: readonly Approval[]
): { blocks: LegalLibraryBlock[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const unique: LegalBlockSource[] = [];
  for (const source of sources) {
    const twin = unique.find((other) => other.id === source.id && other.version === source.version);
    if (twin)
      problems.push(
        problem(
          source.file,
          `legal block "${source.id}" version ${source.version} is also in ${twin.file}; this file is ignored`
        )
      );
    else unique.push(source);
  }
  const newest = new Map<string, string>();
  for (const source of unique) {
    const best = newest.get(source.id);
    if (best === undefined || compareVersions(source.version, best) > 0)
      newest.set(source.id, source.version);
  }

  const blocks = unique.map((source): LegalLibraryBlock => {
    const hash = legalTextHash(source.text);
    const approval = approvals.find(
      (entry) => entry.id === source.id && entry.version === source.version
    );
    const state: ApprovalState = !approval
      ? "never"
      : approval.sha256 === hash
        ? "approved"
        : "changed";
    const entry: LegalRegistryEntry = {
      id: source.id,
      version: source.version,
      title: source.title,
      ...(source.titleEn ? { titleEn: source.titleEn } : {}),
      legalBasis: source.legalBasis,
      requiredFor: source.requiredFor,
      sanction: source.sanction,
      text: source.text,
      hash,
      approved: state === "approved",
      current: newest.get(source.id) === source.version,
    };
    if (source.group) entry.group = source.group;
    if (approval) entry.approvedText = approval.text;
    const changes = state === "changed" ? diffTexts(approval!.text, source.text).hunks : [];
    const blockProblems: Problem[] = [];
    if (state === "changed") {
      blockProblems.push({
        ...problem(
          source.file,
          `"${source.id}" version ${source.version} has changed since ${approval!.approvedBy} approved it: ${describeHunks(changes)}`
        ),
        severity: "warning",
      });
    } else if (state === "never") {
      blockProblems.push({
        ...problem(source.file, `"${source.id}" version ${source.version} is not approved yet`),
        severity: "warning",
      });
    }
    if (source.sanction) {
      const check = checkSanctionGuidance(source.text);
      if (check.missing.length > 0) {
        const names = check.missing.map((element) => SANCTION_ELEMENT_NAMES[element]).join(", ");
        blockProblems.push(
          problem(
            source.file,
            `sanction guidance "${source.id}" does not say ${names} (Ankestyrelsen requires all three)`
          )
        );
      }
    }
    return {
      source,
      entry,
      state,
      changes,
      problems: blockProblems,
      ...(approval ? { approval } : {}),
    };
  });
  return { blocks, problems };
}
