import type { Language, LixBand } from "../engine/index.js";
import type { CheckFinding, CheckResult } from "./format-json.js";
import { oneLine } from "./io.js";

/**
 * vfile-reporter style text: a header line per file, one aligned line per finding
 * (`file:line:column  severity  message  ruleId`), then a short score summary whose labels
 * follow the letter's language (the messages' language with --messages).
 */

export interface TextOptions {
  colour: boolean;
  /** The prose LIX target the letter was checked against. */
  lixTarget: number;
  /** The language of the summary labels; the letter's by default. */
  messages?: Language;
}

interface Labels {
  prose: string;
  target: string;
  threat: string;
  findingsCount: (count: number) => string;
  inLead: string;
  yes: string;
  no: string;
  none: string;
  severity: Record<CheckFinding["severity"], (count: number) => string>;
  band: (band: LixBand) => string;
}

const DANISH: Labels = {
  prose: "brødtekst",
  target: "mål",
  threat: "trusler",
  findingsCount: (n) => `${n} fund`,
  inLead: "det vigtigste først",
  yes: "ja",
  no: "nej",
  none: "ingen fund",
  severity: {
    error: (n) => `${n} fejl`,
    warning: (n) => `${n} ${n === 1 ? "advarsel" : "advarsler"}`,
    info: (n) => `${n} info`,
  },
  band: (band) => band,
};

const ENGLISH_BANDS: Record<LixBand, string> = {
  "meget let": "very easy",
  let: "easy",
  middel: "medium",
  svær: "hard",
  "meget svær": "very hard",
};

const ENGLISH: Labels = {
  prose: "body text",
  target: "target",
  threat: "threat",
  findingsCount: (n) => `${n} ${n === 1 ? "finding" : "findings"}`,
  inLead: "essentials in lead",
  yes: "yes",
  no: "no",
  none: "no findings",
  severity: {
    error: (n) => `${n} ${n === 1 ? "error" : "errors"}`,
    warning: (n) => `${n} ${n === 1 ? "warning" : "warnings"}`,
    info: (n) => `${n} info`,
  },
  band: (band) => ENGLISH_BANDS[band] ?? band,
};

export function labelsFor(language: Language): Labels {
  return language === "en" ? ENGLISH : DANISH;
}

export function formatText(result: CheckResult, options: TextOptions): string {
  const paint = painter(options.colour);
  const labels = labelsFor(options.messages ?? result.language);
  const lines: string[] = [];

  lines.push(
    `${paint.bold(paint.underline(result.file))}  ${paint.dim(`(${result.letterType}, ${result.language})`)}`
  );

  const rows = result.findings.map((finding) => ({
    // Word documents: paragraph and character (brev.docx:¶3:17); text files: line and column.
    place: finding.start.docx
      ? `${result.file}:¶${finding.start.docx.paragraph}:${finding.start.docx.char}`
      : `${result.file}:${finding.start.line}:${finding.start.column}`,
    severity: finding.severity,
    message: oneLine(finding.message),
    ruleId: finding.ruleId,
  }));
  // Pad before painting: escape codes must not count towards the column widths.
  const width = (pick: (row: (typeof rows)[number]) => string) =>
    Math.max(0, ...rows.map((row) => pick(row).length));
  const placeWidth = width((row) => row.place);
  const severityWidth = width((row) => row.severity);
  const messageWidth = width((row) => row.message);
  for (const row of rows) {
    const severity = paint.severity(row.severity, row.severity.padEnd(severityWidth));
    lines.push(
      `  ${row.place.padEnd(placeWidth)}  ${severity}  ${row.message.padEnd(messageWidth)}  ${paint.dim(row.ruleId)}`
    );
  }

  lines.push(`  ${summaryLine(result, labels, options.lixTarget)}`);
  lines.push(`  ${countLine(result.findings, labels, paint)}`);
  return `${lines.join("\n")}\n`;
}

function summaryLine(result: CheckResult, labels: Labels, lixTarget: number): string {
  const { readability, threat, essentials } = result.scores;
  const parts = [
    `LIX ${round(readability.lix)} (${labels.band(readability.lixBand)})`,
    `${labels.prose} LIX ${round(readability.prose.lix)} (${labels.target} ${round(lixTarget)})`,
    `${labels.threat} ${round(threat.score)}/100 (${labels.findingsCount(threat.count)})`,
    `${labels.inLead}: ${essentials.inLead ? labels.yes : labels.no}`,
  ];
  return parts.join(" · ");
}

function countLine(findings: readonly CheckFinding[], labels: Labels, paint: Painter): string {
  if (findings.length === 0) return paint.dim(labels.none);
  const order: CheckFinding["severity"][] = ["error", "warning", "info"];
  return order
    .map((severity) => ({
      severity,
      count: findings.filter((f) => f.severity === severity).length,
    }))
    .filter(({ count }) => count > 0)
    .map(({ severity, count }) => paint.severity(severity, labels.severity[severity](count)))
    .join(", ");
}

function round(value: number): number {
  return Math.round(value);
}

interface Painter {
  bold(text: string): string;
  underline(text: string): string;
  dim(text: string): string;
  severity(severity: CheckFinding["severity"], text: string): string;
}

function painter(enabled: boolean): Painter {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  const colours = { error: wrap(31, 39), warning: wrap(33, 39), info: wrap(36, 39) };
  return {
    bold: wrap(1, 22),
    underline: wrap(4, 24),
    dim: wrap(2, 22),
    severity: (severity, text) => colours[severity](text),
  };
}
