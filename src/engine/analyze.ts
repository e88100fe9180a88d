import { VFile } from "vfile";
import { classifyText } from "./letter/classify.js";
import type { Letter } from "./letter/model.js";
import { processor } from "./processor.js";
import { demoteChangedGuidance } from "./rules/legal/demote.js";
import { findingData } from "./report.js";
import type { Severity } from "./report.js";
import type { Analysis, AnalyzeOptions, Finding, Point } from "./types.js";

export const DEFAULT_LIX_TARGET = 35;

/** Analyse a plain-text or Markdown letter. */
export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return analyzeLetter(classifyText(clean, { format: options.format ?? "txt" }), options);
}

/** Analyse a Letter built by any face (text, Word, template). */
export function analyzeLetter(letter: Letter, options: AnalyzeOptions = {}): Analysis {
  const file = new VFile({ value: letter.text });
  // Changed guidance is not approved: the prose rules read it as the caseworker's paragraph;
  // the legal family still checks the letter as written.
  const prose = demoteChangedGuidance(letter, options.legal?.registry);
  file.data.letter = prose.letter;
  file.data.guidanceLetter = letter;
  file.data.options = { lixTarget: DEFAULT_LIX_TARGET, ...options };
  const proc = processor();
  const tree = proc.parse(file);
  proc.runSync(tree, file);

  const findings = file.messages.map(toFinding).sort((a, b) => a.start.offset - b.start.offset);
  return {
    language: file.data.language ?? "da",
    letterType: file.data.letterType ?? "orientering",
    scores: {
      readability: file.data.readability!,
      threat: file.data.threat!,
      essentials: file.data.essentials!,
      legal: file.data.legal ?? { blocks: [] },
    },
    findings,
    proposals: file.data.proposals ?? {},
    letter,
  };
}

function toFinding(message: VFile["messages"][number]): Finding {
  const severity: Severity =
    message.fatal === true ? "error" : message.fatal === false ? "warning" : "info";
  const place = message.place;
  const start = place && "start" in place ? place.start : place;
  const end = place && "end" in place ? place.end : place;
  const data = findingData(message);
  const finding: Finding = {
    ruleId: message.ruleId ?? "klarbrev/unknown",
    severity,
    message: message.reason,
    start: toPoint(start),
    end: toPoint(end ?? start),
  };
  if (data.suggestion) finding.suggestion = data.suggestion;
  if (data.edit) finding.edit = data.edit;
  if (data.safe !== undefined) finding.safe = data.safe;
  if (data.details) finding.details = data.details;
  return finding;
}

function toPoint(point: { line: number; column: number; offset?: number } | undefined): Point {
  return { offset: point?.offset ?? 0, line: point?.line ?? 1, column: point?.column ?? 1 };
}
