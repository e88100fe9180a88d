import type { Node } from "unist";
import type { VFile } from "vfile";
import { VFileMessage } from "vfile-message";
import { partitionPoint } from "./util/sorted.js";
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
  const vmessage = addMessage(file, message, place, ruleId, "klarbrev");
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

interface MessagePoint {
  line: number;
  column: number;
  offset?: number;
}

/**
 * Append a message to the file as `file.message(reason, { place, ruleId, source })` does: the
 * same prototype and the same fields (test/engine/report-message.test.ts holds them to vfile's
 * own), without running Error's constructor. An analysis makes one message per finding, hundreds
 * per letter and per edit; the constructor (an Error, its stack, its name string) was most of
 * their cost, and after the task pane has been idle it runs unoptimised: about 1 ms for 600
 * findings at V8's lowest tier, against 0.1 ms this way.
 */
export function addMessage(
  file: VFile,
  reason: string,
  place: { start: MessagePoint; end: MessagePoint },
  ruleId: string | undefined,
  source: string | undefined
): VFileMessage {
  const message = Object.create(VFileMessage.prototype) as VFileMessage;
  const { start, end } = place;
  const path = file.path ?? "";
  message.ancestors = undefined;
  message.cause = undefined;
  message.column = start.column;
  message.fatal = false;
  message.file = path;
  message.message = reason;
  message.line = start.line;
  message.name = `${path ? `${path}:` : ""}${start.line}:${start.column}-${end.line}:${end.column}`;
  message.place = place;
  message.reason = reason;
  message.ruleId = ruleId || undefined;
  message.source = source || undefined;
  message.actual = undefined;
  message.expected = undefined;
  message.note = undefined;
  message.url = undefined;
  file.messages.push(message);
  return message;
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
  const line = Math.max(0, partitionPoint(starts.length, (index) => starts[index]! <= offset) - 1);
  return { line: line + 1, column: offset - starts[line]! + 1, offset };
}
