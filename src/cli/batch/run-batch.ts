import type { Io } from "../io.js";
import { severityRank, type CheckFileOptions, type FileOutcome } from "./check-file.js";
import { expandInputs, type InputSources } from "./inputs.js";
import { runPool } from "./pool.js";
import { Progress } from "./progress.js";

/**
 * A whole `klarbrev check` run: inputs expanded lazily, files checked by the pool, each result
 * written the moment it may be (text, a JSON array item, or a JSON line), stderr lines beside
 * it, a progress line on a terminal. Nothing is kept per file but the highest severity seen.
 */

export interface BatchConfig {
  sources: InputSources;
  jobs: number;
  ordered: boolean;
  check: CheckFileOptions;
}

export interface BatchSummary {
  files: number;
  /** A file could not be read or analysed, or an input did not exist. */
  inputError: boolean;
  /** Rank (info 0, warning 1, error 2) of the most severe finding in the run; -1 when none. */
  worstRank: number;
}

export async function runBatch(config: BatchConfig, io: Io): Promise<BatchSummary> {
  const summary: BatchSummary = { files: 0, inputError: false, worstRank: -1 };
  const progress = io.stderr.isTTY ? new Progress(io.stderr) : undefined;
  if (progress && config.sources.filesFrom !== "-") void countInputs(config.sources, progress);

  const out = new OutputWriter(io, config.check.format);
  const emit = (_path: string, outcome: FileOutcome) => {
    progress?.clear();
    for (const message of outcome.messages) io.stderr.write(message);
    if (outcome.output !== undefined) out.item(outcome.output);
    if (outcome.failed) summary.inputError = true;
    if (outcome.worst) summary.worstRank = Math.max(summary.worstRank, severityRank(outcome.worst));
    summary.files++;
    progress?.tick();
  };
  try {
    await runPool(
      expandInputs(config.sources),
      {
        jobs: config.jobs,
        ordered: config.ordered,
        check: config.check,
        ...(workerUrl() ? { workerUrl: workerUrl()! } : {}),
        ready: () => out.ready(),
      },
      emit
    );
  } catch (error) {
    progress?.finish();
    out.dispose();
    throw error;
  }
  progress?.finish();
  out.end();
  return summary;
}

/**
 * The compiled worker beside this module. Under ts-jest this module is TypeScript, which a
 * worker thread cannot load: the run then checks its files in this thread (same output).
 */
function workerUrl(): URL | undefined {
  return import.meta.url.endsWith(".js") ? new URL("./worker.js", import.meta.url) : undefined;
}

async function countInputs(sources: InputSources, progress: Progress): Promise<void> {
  let total = 0;
  try {
    const items = expandInputs(sources);
    while (!(await items.next()).done) total++;
    progress.setTotal(total);
  } catch {
    // Only the ETA is lost; the check itself reports unreadable inputs.
  }
}

/**
 * stdout for one run: `--format json` as one valid array written item by item. Off a terminal,
 * output is gathered into chunks of up to 128 KB, written at the latest 200 ms after a file is
 * done: one write per letter made the system calls cost a tenth of a large run.
 */
class OutputWriter {
  private count = 0;
  private drain: Promise<void> | undefined;
  private buffer: string[] = [];
  private buffered = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A write that failed in the timer; thrown at the next item or at the end. */
  private failure: { error: unknown } | undefined;
  private readonly direct: boolean;

  constructor(
    private readonly io: Io,
    private readonly format: CheckFileOptions["format"]
  ) {
    this.direct = io.stdout.isTTY === true;
  }

  item(output: string): void {
    if (this.failure) throw this.failure.error;
    let chunk = output;
    if (this.format === "json") chunk = `${this.count === 0 ? "[\n" : ",\n"}${output}`;
    else if (this.format === "text" && this.count > 0) chunk = `\n${output}`;
    this.count++;
    if (this.direct) {
      this.write(chunk);
      return;
    }
    this.buffer.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered >= FLUSH_CHARS) this.flush();
    else
      this.timer ??= setTimeout(() => {
        try {
          this.flush();
        } catch (error) {
          this.failure ??= { error };
        }
      }, FLUSH_MS);
  }

  end(): void {
    if (this.failure) throw this.failure.error;
    if (this.format === "json") {
      this.buffer.push(this.count === 0 ? "[]\n" : "\n]\n");
    }
    this.flush();
  }

  /** Resolves when stdout has room again (a slow pipe), so results do not pile up in memory. */
  ready(): Promise<void> | undefined {
    return this.drain;
  }

  /** After a failed run: nothing more is written, no timer keeps the process alive. */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.buffer = [];
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.buffered = 0;
    this.write(chunk);
  }

  private write(chunk: string): void {
    const stream = this.io.stdout as {
      write(chunk: string): unknown;
      once?: (event: "drain", listener: () => void) => unknown;
    };
    if (stream.write(chunk) === false && typeof stream.once === "function" && !this.drain) {
      this.drain = new Promise<void>((resolve) =>
        stream.once!("drain", () => {
          this.drain = undefined;
          resolve();
        })
      );
    }
  }
}

const FLUSH_CHARS = 128 * 1024;
const FLUSH_MS = 200;
