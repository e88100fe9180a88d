import { basename } from "node:path";
import { analyzeLetter } from "../engine/analyze.js";
import type { Letter } from "../engine/letter/model.js";
import { checkLegal, type LegalBlockScore, type LegalIssue } from "../engine/rules/legal/index.js";
import type { Finding, LetterType } from "../engine/types.js";
import type { Library } from "./library.js";
import { asProblem } from "./library.js";
import { problem, type Problem } from "./problems.js";
import type { LegalLibraryBlock } from "./registry.js";
import { renderTemplate } from "./render.js";
import { validateTemplate } from "./validate.js";

/** What a standard letter must meet: the product's own advice. */
export interface CheckThresholds {
  /** Body prose LIX at most this (35: "let" to "middel"). */
  lixTarget: number;
  /** Threat score (0-100) at most this. */
  maxThreat: number;
}

export const DEFAULT_THRESHOLDS: CheckThresholds = { lixTarget: 35, maxThreat: 20 };

export interface TemplateScores {
  /** LIX of the caseworker's prose (body paragraphs and list items). */
  proseLix: number;
  lix: number;
  threat: number;
  essentialsInLead: boolean;
  /** The letter type the engine reads from the rendered letter. */
  detectedType: LetterType;
}

export interface TemplateCheckResult {
  id: string;
  title: string;
  file: string;
  letterType?: LetterType;
  ok: boolean;
  /** Why it fails, one short line each (English, for the JSON report). */
  failures: string[];
  /** The same reasons in Danish, one for one (the HTML report and the Danish summary). */
  failuresDa: string[];
  /** Problems in the template file (errors and warnings), with positions. */
  problems: Problem[];
  scores?: TemplateScores;
  legal: LegalBlockScore[];
  legalIssues: LegalIssue[];
  /** The engine's findings outside the legal family. */
  findings: Finding[];
  letter?: Letter;
  markdown?: string;
}

export interface LibraryCheckResult {
  dir: string;
  ok: boolean;
  thresholds: CheckThresholds;
  templates: TemplateCheckResult[];
  legal: LegalLibraryBlock[];
  /** Library-wide problems: unreadable files, a corrupt approvals file, legal block problems. */
  problems: Problem[];
}

/**
 * Check a whole library: render every template with its sample data, analyse it with the engine,
 * verify its legal blocks (present, approved, current) and fields. One bad file never stops the
 * others: it becomes a failing entry (or a library problem) and the check goes on.
 */
export function checkLibrary(
  library: Library,
  thresholds: CheckThresholds = DEFAULT_THRESHOLDS
): LibraryCheckResult {
  const templates: TemplateCheckResult[] = library.templates.map(({ template, problems }) => {
    const result: TemplateCheckResult = {
      id: template.id,
      title: template.title,
      file: template.file,
      letterType: template.letterType,
      ok: false,
      failures: [],
      failuresDa: [],
      problems: [...problems, ...validateTemplate(template, library.resolve)],
      legal: [],
      legalIssues: [],
      findings: [],
    };
    const fail = (english: string, danish = english) => {
      result.failures.push(english);
      result.failuresDa.push(danish);
    };
    const errors = result.problems.filter((entry) => entry.severity === "error");
    for (const error of errors) fail(placedMessage(error));
    if (errors.length > 0) return result;

    let letter: Letter;
    try {
      const rendered = renderTemplate(template, template.sample, library.resolve);
      letter = rendered.letter;
      result.letter = letter;
      result.markdown = rendered.markdown;
      for (const message of rendered.problems) {
        result.problems.push(problem(template.file, message));
        fail(message);
      }
    } catch (error) {
      const failure = asProblem(error, template.file);
      result.problems.push(failure);
      fail(
        `the sample data does not render: ${placedMessage(failure)}`,
        `eksempeldata kan ikke flettes ind: ${placedMessage(failure)}`
      );
      return result;
    }

    const registry = library.registry;
    const analysis = analyzeLetter(letter, { legal: { registry } });
    const legal = checkLegal(letter, {
      registry,
      letterType: template.letterType,
      facts: analysis.scores.essentials?.facts ?? [],
    });
    result.legal = legal.scores.blocks;
    result.legalIssues = legal.issues;
    result.findings = analysis.findings.filter((finding) => !finding.ruleId.startsWith("legal/"));
    const readability = analysis.scores.readability;
    result.scores = {
      proseLix: readability?.prose?.lix ?? 0,
      lix: readability?.lix ?? 0,
      threat: analysis.scores.threat?.score ?? 0,
      essentialsInLead: analysis.scores.essentials?.inLead ?? false,
      detectedType: analysis.letterType,
    };

    for (const failure of templateFailures(legal, result.scores, thresholds)) {
      fail(failure.en, failure.da);
    }
    const scores = result.scores;
    if (scores.detectedType !== template.letterType) {
      result.problems.push({
        ...problem(
          template.file,
          `declared as ${template.letterType}, but the engine reads the letter as ${scores.detectedType}`
        ),
        severity: "warning",
      });
    }
    result.ok = result.failures.length === 0;
    return result;
  });

  for (const broken of library.brokenTemplates) {
    templates.push({
      id: basename(broken.file, ".md"),
      title: "",
      file: broken.file,
      ok: false,
      failures: [placedMessage(broken)],
      failuresDa: [placedMessage(broken)],
      problems: [broken],
      legal: [],
      legalIssues: [],
      findings: [],
    });
  }
  templates.sort((a, b) => a.file.localeCompare(b.file));
  const problems = [...library.problems, ...library.legal.flatMap((block) => block.problems)];
  const ok =
    templates.every((template) => template.ok) &&
    problems.every((entry) => entry.severity !== "error");
  return { dir: library.dir, ok, thresholds, templates, legal: library.legal, problems };
}

/** "ok", or the blocks that are not intact: "unapproved: klagevejledning". */
export function legalSummary(result: TemplateCheckResult): string {
  if (!result.letter) return "-";
  const bad = result.legal.filter((block) => block.status !== "intact");
  if (bad.length === 0) return result.legal.length > 0 ? "ok" : "none";
  return bad.map((block) => `${block.status}: ${block.id}`).join(", ");
}

/** Findings that ask for attention (warnings and errors; notes on approved legal text are info). */
export function findingCount(result: TemplateCheckResult): number {
  return [...result.findings, ...result.legalIssues].filter(
    (finding) => finding.severity !== "info"
  ).length;
}

/** "line 13:12: Handlebars syntax error ..." (the file is already named by the template). */
function placedMessage(entry: Problem): string {
  return entry.line
    ? `line ${entry.line}${entry.column ? `:${entry.column}` : ""}: ${entry.message}`
    : entry.message;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** 38.25 -> "38,3" */
export function danishNumber(value: number): string {
  return String(round(value)).replace(".", ",");
}

/** A legal block's status in Danish, as legal staff read it. */
export const LEGAL_STATUS_DA: Record<LegalBlockScore["status"], string> = {
  intact: "uændret",
  modified: "ændret",
  outdated: "forældet",
  unapproved: "ikke godkendt",
  missing: "mangler",
  "own-wording": "skrevet med egne ord, ikke den godkendte tekst",
  unknown: "ukendt",
  unverified: "ikke kontrolleret",
};

/** "i orden", or the blocks that are not intact, in Danish: "ikke godkendt: klagevejledning". */
export function legalSummaryDa(result: TemplateCheckResult): string {
  if (!result.letter) return "-";
  const bad = result.legal.filter((block) => block.status !== "intact");
  if (bad.length === 0) return result.legal.length > 0 ? "i orden" : "ingen";
  return bad.map((block) => `${LEGAL_STATUS_DA[block.status]}: ${block.id}`).join(", ");
}

/**
 * Why a rendered template (Markdown or Word) fails the library's bar, in English and Danish:
 * guidance not intact, legal errors beyond the block statuses, prose LIX, threat, essentials.
 */
export function templateFailures(
  legal: { scores: { blocks: readonly LegalBlockScore[] }; issues: readonly LegalIssue[] },
  scores: TemplateScores,
  thresholds: CheckThresholds
): { en: string; da: string }[] {
  const failures: { en: string; da: string }[] = [];
  const fail = (en: string, da = en) => failures.push({ en, da });
  for (const block of legal.scores.blocks) {
    if (block.status !== "intact")
      fail(
        `legal block ${block.id}${block.version ? ` v${block.version}` : ""} is ${block.status}`,
        `den juridiske tekst ${block.id}${block.version ? ` version ${block.version}` : ""} er ${LEGAL_STATUS_DA[block.status]}`
      );
  }
  for (const issue of legal.issues) {
    if (
      issue.severity === "error" &&
      !/^legal\/(modified|unapproved|missing)$/u.test(issue.ruleId)
    ) {
      fail(issue.message);
    }
  }
  if (scores.proseLix > thresholds.lixTarget)
    fail(
      `prose LIX ${round(scores.proseLix)} is above ${thresholds.lixTarget}`,
      `brødtekstens LIX er ${danishNumber(scores.proseLix)}, over målet ${thresholds.lixTarget}`
    );
  if (scores.threat > thresholds.maxThreat)
    fail(
      `threat score ${round(scores.threat)} is above ${thresholds.maxThreat}`,
      `trusselsscoren er ${danishNumber(scores.threat)}, over grænsen ${thresholds.maxThreat}`
    );
  if (!scores.essentialsInLead)
    fail("the essentials are not in the lead", "det vigtigste står ikke først i brevet");
  return failures;
}
