/// <reference types="office-js" />
import type { Letter } from "../engine/letter/model.js";
import type { Analysis, Finding } from "../engine/types.js";

/**
 * The analysis recorded in the document, so a legal reviewer who opens it later sees what was
 * checked and what was dismissed. Stored in the add-in's document settings (Office common API,
 * Settings 1.1: available wherever WordApi 1.3 is; WordApi's own settings and custom XML parts
 * need 1.4). The settings travel with the .docx and belong to this add-in.
 */

export const RECORD_KEY = "klarbrev.analysis";
const FORMAT = 1;

export interface IgnoredFinding {
  ruleId: string;
  /** The flagged text when it was dismissed (offsets change, text identifies it). */
  text: string;
  reason?: string;
  /** ISO date-time of the dismissal. */
  at: string;
}

export interface AnalysisRecord {
  format: typeof FORMAT;
  analyzedAt: string;
  language: string;
  letterType: string;
  scores: {
    lix: number | null;
    proseLix: number | null;
    lixTarget: number | null;
    meetsTarget: boolean | null;
    threat: number | null;
    threatCount: number | null;
    essentialsInLead: boolean | null;
    missingFromLead: string[];
  };
  findings: { total: number; byRule: Record<string, number> };
  /** Each legal guidance block and its status (intact, modified, missing...), for the reviewer. */
  legal?: { id: string; version: string; status: string }[];
  template?: { id: string; version: string };
  ignoredFindings: IgnoredFinding[];
  /**
   * Approved guidance Klarbrev put back. The restore is not a tracked change (Word cannot review
   * a change inside a locked control, office-js #2886), so the reviewer sees it here, with the
   * text it replaced.
   */
  restoredLegal?: LegalRestoreEntry[];
}

export interface LegalRestoreEntry {
  id: string;
  version: string;
  previousText: string;
  at: string;
}

/** The settings object Klarbrev needs (Office.Settings in Word). */
export type SettingsStore = Pick<Office.Settings, "get" | "set" | "saveAsync">;

export function buildAnalysisRecord(
  analysis: Pick<Analysis, "language" | "letterType" | "scores" | "findings">,
  extras: {
    template?: { id: string; version: string };
    ignored?: IgnoredFinding[];
    restoredLegal?: LegalRestoreEntry[];
    now?: Date;
  } = {}
): AnalysisRecord {
  const { readability, threat, essentials } = analysis.scores;
  const byRule: Record<string, number> = {};
  for (const finding of analysis.findings)
    byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  const record: AnalysisRecord = {
    format: FORMAT,
    analyzedAt: (extras.now ?? new Date()).toISOString(),
    language: analysis.language,
    letterType: analysis.letterType,
    scores: {
      lix: readability?.lix ?? null,
      proseLix: readability?.prose?.lix ?? null,
      lixTarget: readability?.target ?? null,
      meetsTarget: readability?.meetsTarget ?? null,
      threat: threat?.score ?? null,
      threatCount: threat?.count ?? null,
      essentialsInLead: essentials?.inLead ?? null,
      missingFromLead: [...(essentials?.missingFromLead ?? [])],
    },
    findings: { total: analysis.findings.length, byRule },
    legal: (analysis.scores.legal?.blocks ?? []).map(({ id, version, status }) => ({
      id,
      version,
      status,
    })),
    ignoredFindings: [...(extras.ignored ?? [])],
  };
  if (extras.template) record.template = { ...extras.template };
  if (extras.restoredLegal?.length) record.restoredLegal = [...extras.restoredLegal];
  return record;
}

/** A dismissed finding as recorded: its rule and the text it flagged. */
export function ignoredFinding(
  finding: Finding,
  letter: Letter,
  reason?: string,
  now = new Date()
): IgnoredFinding {
  const ignored: IgnoredFinding = {
    ruleId: finding.ruleId,
    text: letter.text.slice(finding.start.offset, finding.end.offset),
    at: now.toISOString(),
  };
  if (reason) ignored.reason = reason;
  return ignored;
}

export function saveAnalysisRecord(
  record: AnalysisRecord,
  settings: SettingsStore = Office.context.document.settings
): Promise<void> {
  settings.set(RECORD_KEY, record);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === Office.AsyncResultStatus.Failed) {
        reject(
          new Error(
            `Word could not save the analysis record: ${result.error?.message ?? "unknown error"}`
          )
        );
      } else {
        resolve();
      }
    });
  });
}

/** The recorded analysis, or undefined when there is none or it is not Klarbrev's format. */
export function loadAnalysisRecord(
  settings: SettingsStore = Office.context.document.settings
): AnalysisRecord | undefined {
  return asAnalysisRecord(settings.get(RECORD_KEY));
}

/** The value as Klarbrev's record, or undefined when it is not one (another format, garbage). */
export function asAnalysisRecord(value: unknown): AnalysisRecord | undefined {
  if (!value || typeof value !== "object") return undefined;
  const record = value as Partial<AnalysisRecord>;
  if (
    record.format !== FORMAT ||
    typeof record.analyzedAt !== "string" ||
    !Array.isArray(record.ignoredFindings)
  ) {
    return undefined;
  }
  return record as AnalysisRecord;
}

/**
 * Whether two records say the same, apart from when the analysis ran. Saving an unchanged record
 * would mark the document as changed just because the task pane was opened.
 */
export function sameRecord(a: AnalysisRecord | undefined, b: AnalysisRecord): boolean {
  if (!a) return false;
  const strip = (record: AnalysisRecord) => JSON.stringify({ ...record, analyzedAt: "" });
  return strip(a) === strip(b);
}
