import type { Letter } from "../../letter/model.js";
import type { Severity } from "../../report.js";
import type { Fact, Language, LetterType } from "../../types.js";
import { hasHearingDeadline } from "./hearing-deadline.js";
import { recogniseLegalBlocks } from "./integrity.js";
import { DANISH_LEGAL_MESSAGES, type LegalMessages } from "./messages.js";
import { englishLegalMessages } from "./messages.en.js";
import { byOwnWordingOrder, recogniseOwnWording, type OwnWording } from "./own-wording.js";
import { findMissingGuidance, hasAppealWords, type MissingGuidance } from "./required.js";
import { checkLetterSanctionGuidance, sanctionMentionsIn } from "./sanction.js";
import type { LegalBlockScore, LegalRegistryEntry, LegalScores, LegalStatus } from "./types.js";
import { maxOf, minOf, pushAll } from "../../util/arrays.js";

export interface LegalCheckOptions {
  registry?: readonly LegalRegistryEntry[];
  letterType: LetterType;
  /** The essentials family's facts (deadline facts satisfy the partshøring deadline). */
  facts?: readonly Fact[];
  /** The language of the messages (the UI's); Danish by default. */
  language?: Language;
}

/** The legal family's messages in the UI's language. */
export function legalMessages(
  language: Language | undefined,
  registry: readonly LegalRegistryEntry[] | undefined
): LegalMessages {
  return language === "en" ? englishLegalMessages(registry) : DANISH_LEGAL_MESSAGES;
}

/** A finding of the legal family, in the shape `report()` takes (absolute offsets). */
export interface LegalIssue {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  suggestion?: { text: string; explanation: string };
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
 * How serious incomplete sanction guidance is, by letter type. A summons and a decision (about a
 * tilbud, or a deduction that warns of the next one) are where the guidance a later sanction rests
 * on is given: Ankestyrelsen sets such a sanction aside when one of the three parts is missing, so
 * it is an error. A letter that informs, asks for documents or hears the citizen is not that
 * guidance; a consequence named there without the rest still frightens without guiding, so it is
 * a warning.
 */
const SANCTION_SEVERITY: Record<LetterType, Severity> = {
  indkaldelse: "error",
  afgørelse: "error",
  partshøring: "warning",
  anmodning: "warning",
  orientering: "warning",
};

/**
 * The whole legal check as one pure function: the unified plugins (index.ts) and the template
 * library check (src/templates) both call it, so they can never disagree.
 */
export function checkLegal(letter: Letter, options: LegalCheckOptions): LegalCheckResult {
  const { registry, letterType } = options;
  const say = legalMessages(options.language, registry);
  const blocks = recogniseLegalBlocks(letter, registry);
  const issues: LegalIssue[] = [];

  pushAll(issues, legalBlockIssues(blocks, say));

  // Without a registry, a klagevejledning is recognised by its words only: say so.
  if (!registry && letterType === "afgørelse" && hasAppealWords(letter.text)) {
    if (!blocks.some((block) => block.id === "klagevejledning")) {
      blocks.push({ id: "klagevejledning", version: "", status: "unverified", marked: false });
    }
  }

  const mentions = sanctionMentionsIn(letter);
  const taken = blocks.map((block) => ({ start: block.start ?? 0, end: block.end ?? 0 }));
  const missingGuidance = findMissingGuidance(blocks, letterType, registry, letter);
  // Guidance in the caseworker's own words is looked for in a fixed order (a run of text meets
  // one requirement at most); findings keep the registry's order.
  const ownWording = new Map<MissingGuidance, OwnWording>();
  for (const missing of [...missingGuidance].sort(byOwnWordingOrder)) {
    const own = registry && recogniseOwnWording(letter, missing, registry, taken, mentions);
    if (!own) continue;
    ownWording.set(missing, own);
    taken.push({ start: own.start, end: own.end });
  }
  for (const missing of missingGuidance) {
    const own = ownWording.get(missing);
    if (own) {
      blocks.push({
        id: own.id,
        version: own.version,
        status: "own-wording",
        title: own.title,
        blockIndex: own.blockIndex,
        start: own.start,
        end: own.end,
        marked: false,
      });
      issues.push({
        ruleId: "legal/own-wording",
        severity: "warning",
        message: say.ownWording(own),
        start: own.start,
        end: own.end,
        suggestion: say.ownWordingSuggestion(own),
        details: {
          id: own.id,
          version: own.version,
          alternatives: own.suggested.map((entry) => entry.id),
        },
      });
      continue;
    }
    blocks.push({
      id: missing.id,
      version: missing.version,
      status: "missing",
      title: missing.title,
      ...(missing.titleEn ? { titleEn: missing.titleEn } : {}),
    });
    issues.push({
      ruleId: "legal/missing",
      severity: "error",
      message: say.missing(missing, letterType),
      start: letter.text.length,
      end: letter.text.length,
      details: { id: missing.id, version: missing.version, alternatives: missing.alternatives },
    });
  }

  if (letterType === "partshøring" && !hasHearingDeadline(letter, options.facts)) {
    issues.push({
      ruleId: "legal/hearing-deadline",
      severity: "error",
      message: say.hearingDeadline,
      start: 0,
      end: 0,
    });
  }

  // Only a mention that warns of a sanction is guidance; a deduction decided or considered is
  // what a decision or a hearing is about, and has rules of its own.
  const warning = mentions.find((mention) => mention.role === "guidance");
  const sanction = checkLetterSanctionGuidance(letter);
  if (warning && sanction.missing.length > 0) {
    const severity = SANCTION_SEVERITY[letterType];
    issues.push({
      ruleId: "legal/sanction-incomplete",
      severity,
      message:
        severity === "error"
          ? say.sanction(sanction.missing)
          : say.sanctionWarning(sanction.missing),
      start: warning.start,
      end: warning.end,
      details: { missing: sanction.missing },
    });
  }

  blocks.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
  return { scores: { blocks }, issues };
}

/** One finding per guidance block that is not intact and approved, or intact but not marked. */
export function legalBlockIssues(
  blocks: readonly LegalBlockScore[],
  say: LegalMessages = DANISH_LEGAL_MESSAGES
): LegalIssue[] {
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
        message: say.block(block),
        ...range,
        details,
      });
    } else if (block.marked === false && block.status === "intact") {
      issues.push({
        ruleId: "legal/unmarked",
        severity: "info",
        message: say.unmarked(block),
        ...range,
        details,
      });
    }
    // The caseworker's words inside approved guidance, shown apart from the approved wording.
    if (block.fields?.length) {
      issues.push({
        ruleId: "legal/caseworker-text",
        severity: "info",
        message: say.caseworkerText(block),
        start: block.start ?? 0,
        end: block.end ?? 0,
        details: { ...details, fields: block.fields },
      });
    }
  }

  return issues;
}

/** Point a finding at the changed words when there are any, else at the whole block. */
function changedRange(block: LegalBlockScore): { start: number; end: number } {
  const changes = block.changes ?? [];
  const start = minOf(changes.map((change) => change.start))!;
  const end = maxOf(changes.map((change) => change.end))!;
  if (changes.length > 0 && end > start) return { start, end };
  return { start: block.start ?? 0, end: block.end ?? block.start ?? 0 };
}
