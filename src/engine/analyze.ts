import { VFile } from "vfile";
import { settleSafeEdits } from "./edits/settle.js";
import { classifyText } from "./letter/classify.js";
import type { Letter } from "./letter/model.js";
import { processor } from "./processor.js";
import limit from "./analysis-limit.json" with { type: "json" };
import { findingData, normalisePhrase, report } from "./report.js";
import { demoteChangedGuidance } from "./rules/legal/demote.js";
import { legalBlockIssues, legalMessages, recogniseLegalBlocks } from "./rules/legal/index.js";
import { disabledRules, ruleUrl } from "./rules/registry.js";
import { pushAll } from "./util/arrays.js";
import { messageLanguage } from "./util/message-language.js";
import { englishFinding } from "./i18n/english-findings.js";
import type { Severity } from "./report.js";
import type { Analysis, AnalyzeOptions, Finding, Point } from "./types.js";

export const DEFAULT_LIX_TARGET = 35;

/** Analyse a plain-text or Markdown letter. */
export function analyzeText(text: string, options: AnalyzeOptions = {}): Analysis {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return analyzeLetter(classifyText(clean, { format: options.format ?? "txt" }), options);
}

/**
 * Analyse a Letter built by any face (text, Word, template). A letter longer than the analysis
 * limit (about 200 pages) is analysed in full up to the limit; after it only marked legal
 * guidance is verified, and a finding says so. The work per letter is bounded that way.
 */
export function analyzeLetter(letter: Letter, options: AnalyzeOptions = {}): Analysis {
  const { file, head } = startAnalysis(letter, options);
  const proc = processor();
  const tree = proc.parse(file);
  proc.runSync(tree, file);
  return finishAnalysis(file, letter, head);
}

/** A prepared analysis: the file the rules run on, and the head when the letter is over the limit. */
export interface AnalysisStart {
  file: VFile;
  head: Letter | undefined;
}

/**
 * The steps before the rules run, shared with the incremental analyser (incremental.ts), which
 * runs the same processor's plugins with a per-block cache in between.
 */
export function startAnalysis(letter: Letter, options: AnalyzeOptions = {}): AnalysisStart {
  const file = new VFile({ value: letter.text });
  const head = headWithinLimit(letter);
  const analysed = head ?? letter;
  // Changed guidance is not approved: the prose rules read it as the caseworker's paragraph;
  // the legal family still checks the letter as written.
  const prose = demoteChangedGuidance(analysed, options.legal?.registry);
  file.data.letter = prose.letter;
  file.data.guidanceLetter = analysed;
  file.data.options = { lixTarget: DEFAULT_LIX_TARGET, ...options };
  file.data.disabled = disabledRules(options.disable, options.enable);
  file.data.ignore = new Set((options.ignore ?? []).map(normalisePhrase).filter(Boolean));
  return { file, head };
}

/** The steps after the rules ran: findings in order, settled edits, the scores. */
export function finishAnalysis(file: VFile, letter: Letter, head: Letter | undefined): Analysis {
  if (head) reportBeyondLimit(file, letter, head);

  let findings = file.messages.map(toFinding).sort((a, b) => a.start.offset - b.start.offset);
  settleSafeEdits(findings);
  const language = file.data.language ?? "da";
  // A Danish letter in an English UI: English words around the letter's Danish ones.
  if (messageLanguage(file) === "en" && language === "da") {
    const type = file.data.letterType ?? "orientering";
    findings = findings.map((finding) => englishFinding(finding, letter.text, type));
  }
  return {
    language,
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
  const url = ruleUrl(finding.ruleId);
  if (url) finding.url = url;
  return finding;
}

function toPoint(point: { line: number; column: number; offset?: number } | undefined): Point {
  return { offset: point?.offset ?? 0, line: point?.line ?? 1, column: point?.column ?? 1 };
}

/** The letter's first blocks up to the analysis limit, or undefined when it is within it. */
function headWithinLimit(letter: Letter): Letter | undefined {
  if (letter.text.length <= limit.maxChars) return undefined;
  let count = 0;
  while (count < letter.blocks.length && letter.blocks[count]!.end <= limit.maxChars) count++;
  if (count > 0) {
    const blocks = letter.blocks.slice(0, count);
    return { text: letter.text.slice(0, blocks[count - 1]!.end), blocks };
  }
  // One block longer than the limit: its beginning.
  const first = letter.blocks[0]!;
  const end = Math.max(first.start, limit.maxChars);
  return {
    text: letter.text.slice(0, end),
    blocks: [{ ...first, text: first.text.slice(0, end - first.start), end }],
  };
}

/** After the limit: verify the marked legal blocks, and say that the rest was not analysed. */
function reportBeyondLimit(file: VFile, letter: Letter, head: Letter): void {
  const registry = file.data.options?.legal?.registry;
  const tail = recogniseLegalBlocks(letter, registry, { unmarked: false }).filter(
    (block) => (block.blockIndex ?? 0) >= head.blocks.length
  );
  const legal = (file.data.legal ??= { blocks: [] });
  pushAll(legal.blocks, tail);
  const english = messageLanguage(file) === "en";
  const say = legalMessages(english ? "en" : "da", registry);
  for (const issue of legalBlockIssues(tail, say)) report(file, issue);
  const message = (english ? limit.messages.en : limit.messages.da)
    .replace("{pages}", String(Math.round(letter.text.length / limit.charsPerPage)))
    .replace("{analysed}", String(Math.round(head.text.length / limit.charsPerPage)));
  const start = letter.blocks[head.blocks.length]?.start ?? head.text.length;
  report(file, {
    ruleId: "readability/partial-analysis",
    severity: "warning",
    message,
    start,
    end: start,
  });
}
