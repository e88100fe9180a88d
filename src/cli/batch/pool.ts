import { Worker } from "node:worker_threads";
import { checkFile, type CheckFileOptions, type FileOutcome } from "./check-file.js";
import type { InputItem } from "./inputs.js";
import type { WorkerTask } from "./worker.js";

/**
 * Runs the files of a batch on N worker threads (or in this thread when N is 1) and hands each
 * outcome to `emit`: in input order (a bounded reorder buffer) or, `unordered`, as each file
 * finishes. At most `window` files are between "read from the input list" and "emitted", so
 * memory stays flat however long the list is.
 */

export interface PoolOptions {
  jobs: number;
  ordered: boolean;
  check: CheckFileOptions;
  /** The compiled worker module; without it the files are checked in this thread. */
  workerUrl?: URL;
  /** Awaited before each new file is started: the output's back-pressure. */
  ready?: () => Promise<void> | undefined;
}

export type Emit = (path: string, outcome: FileOutcome) => void;

/** Each worker gets this many files ahead, so it never waits for the main thread. */
const PER_WORKER = 2;
const MAX_DEATHS = 8;

function lostOutcome(path: string, reason: string): FileOutcome {
  return {
    messages: [
      `klarbrev: ${path}: internal error while analysing (the worker stopped: ${reason}); please report this\n`,
    ],
    failed: true,
  };
}

export async function runPool(
  items: AsyncIterable<InputItem>,
  options: PoolOptions,
  emit: Emit
): Promise<void> {
  const executor =
    options.jobs > 1 && options.workerUrl
      ? new WorkerExecutor(options.workerUrl, options.jobs, options.check)
      : new InlineExecutor(options.check);
  const window = Math.max(64, executor.capacity * 16);
  const buffered = new Map<number, { path: string; outcome: FileOutcome }>();
  let nextToEmit = 0;
  let started = 0;
  let running = 0;
  let wake: (() => void) | undefined;
  const state: { failure?: { error: unknown } } = {};
  // A function, not an inline test: TypeScript would narrow `state.failure` across awaits.
  const throwIfFailed = () => {
    if (state.failure) throw state.failure.error;
  };

  const finish = (index: number, path: string, outcome: FileOutcome) => {
    if (!options.ordered) emit(path, outcome);
    else {
      buffered.set(index, { path, outcome });
      for (let entry = buffered.get(nextToEmit); entry; entry = buffered.get(nextToEmit)) {
        buffered.delete(nextToEmit);
        nextToEmit++;
        emit(entry.path, entry.outcome);
      }
    }
    const waiting = wake;
    wake = undefined;
    waiting?.();
  };
  const full = () =>
    running >= executor.capacity || (options.ordered && started - nextToEmit >= window);

  try {
    for await (const item of items) {
      const index = started++;
      if ("error" in item) {
        finish(index, item.path, {
          messages: [`klarbrev: ${item.path}: ${item.error}\n`],
          failed: true,
        });
        continue;
      }
      while (full() && !state.failure) await new Promise<void>((resolve) => (wake = resolve));
      throwIfFailed();
      await options.ready?.();
      running++;
      executor.run(index, item.path).then(
        (outcome) => {
          running--;
          try {
            finish(index, item.path, outcome);
          } catch (error) {
            // A failing output (a closed terminal) ends the run with that error, not a hang.
            state.failure ??= { error };
            wake?.();
          }
        },
        (error: unknown) => {
          running--;
          state.failure ??= { error };
          wake?.();
        }
      );
      throwIfFailed();
    }
    while (running > 0 && !state.failure) await new Promise<void>((resolve) => (wake = resolve));
    throwIfFailed();
  } finally {
    await executor.close();
  }
}

interface Executor {
  readonly capacity: number;
  run(index: number, path: string): Promise<FileOutcome>;
  close(): Promise<void>;
}

/** In this thread: two files at a time, so the next file is read while one is analysed. */
class InlineExecutor implements Executor {
  readonly capacity = 2;
  constructor(private readonly check: CheckFileOptions) {}
  run(_index: number, path: string): Promise<FileOutcome> {
    return checkFile(path, this.check);
  }
  async close(): Promise<void> {}
}

interface Slot {
  worker: Worker;
  pending: Map<number, { path: string; resolve: (outcome: FileOutcome) => void }>;
}

class WorkerExecutor implements Executor {
  readonly capacity: number;
  private readonly slots: Slot[] = [];
  private closing = false;
  /** Workers that died; past a few, something is broken for every file and we stop respawning. */
  private deaths = 0;

  constructor(
    private readonly url: URL,
    jobs: number,
    private readonly check: CheckFileOptions
  ) {
    this.capacity = jobs * PER_WORKER;
    for (let i = 0; i < jobs; i++) this.slots.push(this.spawn());
  }

  run(index: number, path: string): Promise<FileOutcome> {
    if (this.slots.length === 0) return Promise.resolve(lostOutcome(path, "no worker could start"));
    // The least busy worker; ties go to the first.
    const slot = this.slots.reduce((best, slot) =>
      slot.pending.size < best.pending.size ? slot : best
    );
    return new Promise((resolve) => {
      slot.pending.set(index, { path, resolve });
      slot.worker.postMessage({ index, path } satisfies WorkerTask);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.url, { workerData: this.check });
    const slot: Slot = { worker, pending: new Map() };
    worker.on("message", ({ index, outcome }: { index: number; outcome: FileOutcome }) => {
      const task = slot.pending.get(index);
      slot.pending.delete(index);
      task?.resolve(outcome);
    });
    // A worker that dies (out of memory on one monstrous file, an engine crash) costs only the
    // files it held: each gets one line, and a fresh worker takes its place.
    const lost = (reason: string) => {
      if (this.closing) return;
      const at = this.slots.indexOf(slot);
      if (at === -1) return;
      if (++this.deaths > MAX_DEATHS) this.slots.splice(at, 1);
      else this.slots[at] = this.spawn();
      for (const [, task] of slot.pending) task.resolve(lostOutcome(task.path, reason));
      slot.pending.clear();
    };
    worker.on("error", (error) => lost(error instanceof Error ? error.message : String(error)));
    worker.on("exit", (code) => lost(`exit code ${code}`));
    return slot;
  }
}
