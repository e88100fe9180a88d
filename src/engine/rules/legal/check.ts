import type { Letter } from "../../letter/model.js";
import type { Severity } from "../../report.js";
import type { Fact, LetterType } from "../../types.js";
import { hasHearingDeadline } from "./hearing-deadline.js";
import { recogniseLegalBlocks } from "./integrity.js";
import {
  blockMessage,
  HEARING_DEADLINE_MESSAGE,
  missingMessage,
  sanctionMessage,
  unmarkedMessage,
} from "./messages.js";
import { normaliseWithOffsets, sourceRange } from "./normalise.js";
import { findMissingGuidance, hasAppealWords } from "./required.js";
import { checkSanctionGuidance, firstSanctionMention } from "./sanction.js";
import type { LegalBlockScore, LegalRegistryEntry, LegalScores, LegalStatus } from "./types.js";

export interface LegalCheckOptions {
  registry?: readonly LegalRegistryEntry[];
  letterType: LetterType;
  /** The essentials family's facts (deadline facts satisfy the partshøring deadline). */
  facts?: readonly Fact[];
}

/** A finding of the legal family, in the shape `report()` takes (absolute offsets). */
export interface LegalIssue {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  details?: Record<string, unknown>;
}

export interface LegalCheckResult {
  scores: LegalScores;
  issues: LegalIssue[];
}

const SEVERITY: Partial<Record<LegalStatus, Severity>> = {
  modified: "error",
  unapproved: "error",
  outdated: "warning",
  unknown: "warning",
};

/**
 * The whole legal check as one pure function: the unified plugins (index.ts) and the template
 * library check (src/templates) both call it, so they can never disagree.
 */
export function checkLegal(letter: Letter, options: LegalCheckOptions): LegalCheckResult {
  const { registry, letterType } = options;
  const blocks = recogniseLegalBlocks(letter, registry);
  const issues: LegalIssue[] = [];

  for (const block of blocks) {
    const details = {
      id: block.id,
      version: block.version,
      status: block.status,
      changes: block.changes ?? [],
    };
    const severity = SEVERITY[block.status];
    const range = changedRange(block);
    if (severity) {
      issues.push({
        ruleId: `legal/${block.status}`,
        severity,
        message: blockMessage(block),
        ...range,
        details,
      });
    } else if (block.marked === false && block.status === "intact") {
      issues.push({
        ruleId: "legal/unmarked",
        severity: "info",
        message: unmarkedMessage(block),
        ...range,
        details,
      });
    }
  }

  // Without a registry, a klagevejledning is recognised by its words only: say so.
  if (!registry && letterType === "afgørelse" && hasAppealWords(letter.text)) {
    if (!blocks.some((block) => block.id === "klagevejledning")) {
      blocks.push({ id: "klagevejledning", version: "", status: "unverified", marked: false });
    }
  }

  for (const missing of findMissingGuidance(blocks, letterType, registry, letter.text)) {
    blocks.push({
      id: missing.id,
      version: missing.version,
      status: "missing",
      title: missing.title,
    });
    issues.push({
      ruleId: "legal/missing",
      severity: "error",
      message: missingMessage(missing, letterType),
      start: letter.text.length,
      end: letter.text.length,
      details: { id: missing.id, version: missing.version, alternatives: missing.alternatives },
    });
  }

  if (letterType === "partshøring" && !hasHearingDeadline(letter.text, options.facts)) {
    issues.push({
      ruleId: "legal/hearing-deadline",
      severity: "error",
      message: HEARING_DEADLINE_MESSAGE,
      start: 0,
      end: 0,
    });
  }

  const sanction = checkSanctionGuidance(letter.text);
  if (sanction.mentionsSanction && sanction.missing.length > 0) {
    const mapped = normaliseWithOffsets(letter.text);
    const mention = firstSanctionMention(mapped.text);
    const range = mention ? sourceRange(mapped, mention.from, mention.to) : { start: 0, end: 0 };
    issues.push({
      ruleId: "legal/sanction-incomplete",
      severity: "error",
      message: sanctionMessage(sanction.missing),
      ...range,
      details: { missing: sanction.missing },
    });
  }

  return { scores: { blocks }, issues };
}

/** Point a finding at the changed words when there are any, else at the whole block. */
function changedRange(block: LegalBlockScore): { start: number; end: number } {
  const changes = block.changes ?? [];
  const start = Math.min(...changes.map((change) => change.start));
  const end = Math.max(...changes.map((change) => change.end));
  if (changes.length > 0 && end > start) return { start, end };
  return { start: block.start ?? 0, end: block.end ?? block.start ?? 0 };
}
