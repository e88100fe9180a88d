import type {
  Analysis,
  Fact,
  FactKind,
  Finding,
  Language,
  LetterType,
  LixBand,
  Point,
} from "../engine/index.js";
import type { Severity } from "../engine/index.js";

/**
 * The JSON contract of `klarbrev check --format json`: an array with one CheckResult per file.
 * Other tools depend on it, so keys are picked one by one; internal fields (edit, details,
 * letter, proposals) never leak into it. Offsets are UTF-16 indices into the file's text with
 * the BOM removed.
 */
export interface CheckResult {
  file: string;
  language: Language;
  letterType: LetterType;
  scores: {
    readability: {
      lix: number;
      lixBand: LixBand;
      prose: { lix: number; words: number; sentences: number; longWords: number };
      words: number;
      sentences: number;
      longWords: number;
    };
    threat: { score: number; count: number };
    essentials: { inLead: boolean; facts: CheckFact[] };
    legal: { blocks: { id: string; version: string; status: string }[] };
  };
  findings: CheckFinding[];
}

export interface CheckFact {
  kind: FactKind;
  text: string;
  value: string;
  start: number;
  end: number;
}

export interface CheckPoint extends Point {
  docx?: DocxPoint;
}

export interface CheckFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: CheckPoint;
  end: CheckPoint;
  suggestion?: { text: string; explanation: string };
  /** The rule's section in Klarbrev's local documentation (docs/rules.md#<rule>). */
  url?: string;
}

/** Where a finding is in a Word document: 1-based paragraph and character. */
export interface DocxPoint {
  paragraph: number;
  char: number;
}

export type Locate = (offset: number) => DocxPoint;

/** `locate` (Word documents) adds `docx: { paragraph, char }` to each finding's start and end. */
export function toCheckResult(file: string, analysis: Analysis, locate?: Locate): CheckResult {
  const { readability, threat, essentials, legal } = analysis.scores;
  return {
    file,
    language: analysis.language,
    letterType: analysis.letterType,
    scores: {
      readability: {
        lix: readability.lix,
        lixBand: readability.lixBand,
        prose: {
          lix: readability.prose.lix,
          words: readability.prose.words,
          sentences: readability.prose.sentences,
          longWords: readability.prose.longWords,
        },
        words: readability.words,
        sentences: readability.sentences,
        longWords: readability.longWords,
      },
      threat: { score: threat.score, count: threat.count },
      essentials: { inLead: essentials.inLead, facts: essentials.facts.map(toCheckFact) },
      legal: {
        blocks: legal.blocks.map(({ id, version, status }) => ({ id, version, status })),
      },
    },
    findings: analysis.findings.map((finding) => toCheckFinding(finding, locate)),
  };
}

function toCheckFact(fact: Fact): CheckFact {
  return { kind: fact.kind, text: fact.text, value: fact.value, start: fact.start, end: fact.end };
}

function toCheckFinding(finding: Finding, locate?: Locate): CheckFinding {
  const result: CheckFinding = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    start: toPoint(finding.start, locate),
    end: toPoint(finding.end, locate),
  };
  if (finding.suggestion) {
    result.suggestion = {
      text: finding.suggestion.text,
      explanation: finding.suggestion.explanation,
    };
  }
  if (finding.url) result.url = finding.url;
  return result;
}

function toPoint(point: Point, locate?: Locate): CheckPoint {
  const result: CheckPoint = { offset: point.offset, line: point.line, column: point.column };
  if (locate) result.docx = locate(point.offset);
  return result;
}

/** Pretty-printed, two spaces, one trailing newline. */
export function formatJson(results: readonly CheckResult[]): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
