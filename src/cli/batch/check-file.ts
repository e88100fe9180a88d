import type { LegalRegistryEntry, Severity } from "../../engine/index.js";
import { readCheckInput, type CheckInputResult } from "../check-input.js";
import { toCheckResult } from "../format-json.js";
import { formatText } from "../format-text.js";
import { oneLine } from "../io.js";

/**
 * One file of a `klarbrev check` run, from path to finished output: read (text or Word), analyse,
 * format. It runs in a worker thread (./worker.ts) or in the main thread, and returns plain
 * data, so the main thread only writes strings in order.
 */

export type BatchFormat = "text" | "json" | "jsonl";

/** Everything a worker needs, sent once (structured-cloneable). */
export interface CheckFileOptions {
  format: BatchFormat;
  language: "da" | "en" | "auto";
  /** The language of the messages (--messages); the letter's by default. */
  messages?: "da" | "en";
  lixTarget: number;
  registry: readonly LegalRegistryEntry[];
  colour: boolean;
  /** Rule ids or families to switch off or on (--disable, --enable), phrases to ignore. */
  disable?: string[];
  enable?: string[];
  ignore?: string[];
}

export interface FileOutcome {
  /** The file's output, ready to write: text block, compact JSON line or indented array item. */
  output?: string;
  /** Lines for stderr, each `klarbrev: <file>: ...\n`. */
  messages: string[];
  /** The highest severity among its findings, when it has any. */
  worst?: Severity;
  /** The file could not be read or analysed (the run exits 2). */
  failed: boolean;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export async function checkFile(path: string, options: CheckFileOptions): Promise<FileOutcome> {
  return analyseFile(path, await readFileSafely(path), options);
}

/** The file's input, or one line saying why not; a reader bug becomes that line too. */
export async function readFileSafely(path: string): Promise<CheckInputResult> {
  try {
    return await readCheckInput(path);
  } catch (error) {
    return {
      ok: false,
      reason: `internal error while reading (${describe(error)}); please report this`,
    };
  }
}

/** The second half of checkFile: a worker reads the next file while it analyses this one. */
export function analyseFile(
  path: string,
  read: CheckInputResult,
  options: CheckFileOptions
): FileOutcome {
  const messages: string[] = [];
  const line = (reason: string) => `klarbrev: ${path}: ${oneLine(reason)}\n`;
  if (!read.ok) return { messages: [line(read.reason)], failed: true };
  for (const note of read.input.notes) messages.push(line(`note: ${note}`));

  try {
    const analysis = read.input.analyze({
      language: options.language,
      ...(options.messages ? { messageLanguage: options.messages } : {}),
      lixTarget: options.lixTarget,
      legal: { registry: options.registry },
      ...(options.disable ? { disable: options.disable } : {}),
      ...(options.enable ? { enable: options.enable } : {}),
      ...(options.ignore ? { ignore: options.ignore } : {}),
    });
    const result = toCheckResult(path, analysis, read.input.locate);
    let worst: Severity | undefined;
    for (const finding of result.findings)
      if (worst === undefined || RANK[finding.severity] > RANK[worst]) worst = finding.severity;
    const target = analysis.scores.readability.target ?? options.lixTarget;
    const output =
      options.format === "text"
        ? formatText(result, {
            colour: options.colour,
            lixTarget: target,
            ...(options.messages ? { messages: options.messages } : {}),
          })
        : options.format === "jsonl"
          ? `${JSON.stringify(result)}\n`
          : // An item of the pretty-printed array: indented one level, as JSON.stringify does.
            `  ${JSON.stringify(result, null, 2).replaceAll("\n", "\n  ")}`;
    return { output, messages, ...(worst ? { worst } : {}), failed: false };
  } catch (error) {
    // An engine bug must not hide the other letters' reports, nor print a stack trace.
    messages.push(line(`internal error while analysing (${describe(error)}); please report this`));
    return { messages, failed: true };
  }
}

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
