import type { Node } from "unist";
import type { VFile } from "vfile";
import type { Edit } from "./edits/edit.js";

export type Severity = "error" | "warning" | "info";

export interface Suggestion {
  /** The proposed wording (a replacement for the flagged text, or a rewritten sentence). */
  text: string;
  /** Why, in one line, in the letter's language. */
  explanation: string;
}

/** Extra data Klarbrev attaches to a vfile message. */
export interface FindingData {
  suggestion?: Suggestion;
  /** The concrete edit behind the suggestion, when it can be applied mechanically. */
  edit?: Edit;
  /** True when the edit is a safe, meaning-preserving word swap ("Anvend alle sikre forslag"). */
  safe?: boolean;
  /** Free-form details for the family (threat severity, LIX of a sentence...). */
  details?: Record<string, unknown>;
}

export interface ReportOptions extends FindingData {
  ruleId: string;
  message: string;
  severity: Severity;
  /** Either a node with an absolute position, or absolute offsets. */
  node?: Node;
  start?: number;
  end?: number;
}

/** V8's setting (browsers and Node); elsewhere a plain property nobody reads. */
const ERROR = Error as { stackTraceLimit?: number };

/**
 * Emit a finding as a vfile message (the unified way), carrying Klarbrev's extra data.
 * `ruleId` is the stable id in `family/name` form, for example `plain/officialese`.
 */
export function report(file: VFile, options: ReportOptions): void {
  const { ruleId, message, severity, node, suggestion, edit, safe, details } = options;
  const start = options.start ?? node?.position?.start.offset ?? 0;
  const end = options.end ?? node?.position?.end.offset ?? start;
  if (file.data.disabled?.has(ruleId)) return;
  const ignore = file.data.ignore;
  if (
    ignore &&
    ignore.size > 0 &&
    ignore.has(normalisePhrase(String(file.value).slice(start, end)))
  )
    return;
  const place = { start: pointAt(file, start), end: pointAt(file, end) };
  // A VFileMessage is an Error: without this, each finding would capture a stack trace that
  // nothing reads (a long letter has thousands of findings). Not every engine has the setting.
  const limit = ERROR.stackTraceLimit;
  ERROR.stackTraceLimit = 0;
  let vmessage: ReturnType<VFile["message"]>;
  try {
    vmessage = file.message(message, { place, ruleId, source: "klarbrev" });
  } finally {
    ERROR.stackTraceLimit = limit;
  }
  vmessage.fatal = severity === "error" ? true : severity === "warning" ? false : undefined;
  const data: FindingData = {};
  if (suggestion) {
    data.suggestion = suggestion;
    vmessage.expected = [suggestion.text];
    vmessage.note = suggestion.explanation;
  }
  if (edit) data.edit = edit;
  if (safe !== undefined) data.safe = safe;
  if (details) data.details = details;
  (vmessage as unknown as { klarbrev: FindingData }).klarbrev = data;
}

/** A phrase as the `ignore` option compares it: lower-case, single spaces, no edge punctuation. */
export function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "");
}

export function findingData(message: object): FindingData {
  return (message as { klarbrev?: FindingData }).klarbrev ?? {};
}

const lineCache = new WeakMap<VFile, number[]>();

function pointAt(file: VFile, offset: number) {
  let starts = lineCache.get(file);
  if (!starts) {
    // Line breaks as the classifier reads them: CRLF, LF and a lone CR (old Mac files).
    starts = lineStarts(String(file.value), /\r\n?|\n/gu);
    lineCache.set(file, starts);
  }
  return pointIn(starts, offset);
}

/** Offsets where each line starts (after `breaks`), for pointIn. */
export function lineStarts(text: string, breaks: RegExp): number[] {
  const starts = [0];
  for (const match of text.matchAll(breaks)) starts.push(match.index + match[0].length);
  return starts;
}

/** Line and column (1-based) of an offset, by binary search over the line starts. */
export function pointIn(starts: readonly number[], offset: number) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1, offset };
}
