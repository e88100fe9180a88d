import type { Approval } from "./approvals.js";
import { formatShortDate } from "./danish.js";
import type { LibraryCheckResult, TemplateCheckResult } from "./library-check.js";
import type { LegalLibraryBlock } from "./registry.js";
import { diffTexts, type DiffPart } from "./text-diff.js";
import { compareVersions } from "../engine/rules/legal/index.js";

/**
 * What the library dashboard shows, derived from one library check: the officialese most used
 * across the library, which templates use which legal block version, the word diffs between
 * versions, and approvals read the way legal staff must read them (a draft is never "godkendt").
 */

export interface OfficialeseRow {
  /** The words as the templates write them (the first form seen). */
  phrase: string;
  suggestion?: string;
  count: number;
  /** Template ids, each once. */
  templates: string[];
}

/** Officialese findings across the library, most frequent first (ties by phrase). */
export function officialeseCounts(result: LibraryCheckResult): OfficialeseRow[] {
  const rows = new Map<string, OfficialeseRow>();
  for (const template of result.templates) {
    for (const finding of template.findings) {
      if (finding.ruleId !== "plain/officialese") continue;
      const phrase = /»([^«]+)«/u.exec(finding.message)?.[1] ?? finding.message;
      const entry = finding.details?.["entry"];
      const key = typeof entry === "string" ? entry : phrase.toLowerCase();
      let row = rows.get(key);
      if (!row) {
        row = { phrase, count: 0, templates: [] };
        if (finding.suggestion?.text) row.suggestion = finding.suggestion.text;
        rows.set(key, row);
      }
      row.count++;
      if (!row.templates.includes(template.id)) row.templates.push(template.id);
    }
  }
  return [...rows.values()].sort(
    (a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase, "da")
  );
}

export interface BlockUse {
  template: TemplateCheckResult;
  status: string;
}

export interface LegalVersionView {
  block: LegalLibraryBlock;
  usedBy: BlockUse[];
  /** Word diff from this version to the next newer one (older versions only). */
  diffToNext?: { to: string; parts: DiffPart[] };
}

export interface LegalBlockView {
  id: string;
  title: string;
  /** Newest first. */
  versions: LegalVersionView[];
  /** Templates that carry a version older than the current one. */
  outdatedUsers: TemplateCheckResult[];
  currentUsers: TemplateCheckResult[];
}

/** Per legal block id: its versions (newest first), who uses each, and what changed. */
export function legalBlockViews(result: LibraryCheckResult): LegalBlockView[] {
  const byId = new Map<string, LegalLibraryBlock[]>();
  for (const block of result.legal) {
    const list = byId.get(block.entry.id) ?? [];
    list.push(block);
    byId.set(block.entry.id, list);
  }
  return [...byId.entries()]
    .map(([id, blocks]) => {
      const sorted = [...blocks].sort((a, b) => compareVersions(b.entry.version, a.entry.version));
      const versions = sorted.map((block, index): LegalVersionView => {
        const usedBy = result.templates.flatMap((template) =>
          template.legal
            .filter((score) => score.id === id && score.version === block.entry.version)
            .map((score) => ({ template, status: score.status }))
        );
        const newer = sorted[index - 1];
        return newer
          ? {
              block,
              usedBy,
              diffToNext: {
                to: newer.entry.version,
                parts: diffTexts(block.source.text, newer.source.text).parts,
              },
            }
          : { block, usedBy };
      });
      const current = sorted[0]!.entry.version;
      const users = (outdated: boolean) =>
        unique(
          versions
            .filter((view) => (view.block.entry.version !== current) === outdated)
            .flatMap((view) => view.usedBy.map((use) => use.template))
        );
      return {
        id,
        title: sorted[0]!.entry.title,
        versions,
        outdatedUsers: users(true),
        currentUsers: users(false),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title, "da"));
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export interface ApprovalView {
  /** The approval is a draft: it must be approved by legal staff before use. */
  draft: boolean;
  /** "udkast: skal godkendes af kommunens jurister" or "godkendt af Hanne Jurist 22. november 2026". */
  text: string;
}

/**
 * How an approval reads. The shipped approvals are drafts ("Klarbrev-projektet (udkast, skal
 * godkendes af kommunens jurister)"): those are never called "godkendt".
 */
export function approvalView(approval: Approval | undefined): ApprovalView | undefined {
  if (!approval) return undefined;
  const date = danishDate(approval.approvedAt);
  if (/\budkast\b|\bdraft\b/iu.test(approval.approvedBy)) {
    const by = /skal godkendes af ([^)]+)/iu.exec(approval.approvedBy)?.[1]?.trim();
    const author = approval.approvedBy.replace(/\s*\(.*$/u, "").trim();
    return {
      draft: true,
      text: `udkast: skal godkendes af ${by ?? "en jurist"} (udkastet er fra ${author || "ukendt"}, ${date})`,
    };
  }
  return { draft: false, text: `godkendt af ${approval.approvedBy} ${date}` };
}

/** "2026-11-22T08:38:23.463Z" -> "22. november 2026" (the date as written, no time zone shift). */
export function danishDate(iso: string): string {
  try {
    return formatShortDate(iso.slice(0, 10));
  } catch {
    return iso;
  }
}

/** "4. december 2026 kl. 23.10" */
export function danishTimestamp(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${danishDate(day)} kl. ${pad(date.getHours())}.${pad(date.getMinutes())}`;
}
