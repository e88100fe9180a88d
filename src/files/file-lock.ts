import { hostname } from "node:os";
import { link, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { randomBytes } from "node:crypto";

/**
 * An exclusive lock between processes on one file: `<file>.lock`, created with `wx` (it exists
 * or it does not: the file system decides, atomically). A lock left by a process that died is
 * taken over: when its process is gone (same host) or it is older than `staleMs`.
 */
export interface LockOptions {
  /** How long to wait for another holder before giving up (ms). */
  timeoutMs?: number;
  /** A lock older than this is stale, whoever holds it (ms). Work under the lock is short. */
  staleMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(readonly lockPath: string) {
    super(
      `another klarbrev is writing it (lock file ${lockPath}); try again, or delete the lock file if no klarbrev is running`
    );
    this.name = "LockTimeoutError";
  }
}

const DEFAULTS = { timeoutMs: 15_000, staleMs: 30_000 } as const;

/** Run `body` while holding the lock on `file`; the lock is released however `body` ends. */
export async function withFileLock<T>(
  file: string,
  body: () => Promise<T>,
  options: LockOptions = {}
): Promise<T> {
  const lockPath = `${file}.lock`;
  const release = await acquire(lockPath, { ...DEFAULTS, ...options });
  try {
    return await body();
  } finally {
    await release();
  }
}

async function acquire(
  lockPath: string,
  { timeoutMs, staleMs }: Required<LockOptions>
): Promise<() => Promise<void>> {
  const token = `${process.pid}@${hostname()} ${randomBytes(6).toString("hex")}`;
  const deadline = Date.now() + timeoutMs;
  let pause = 5;
  for (;;) {
    try {
      const handle = await open(lockPath, "wx", 0o644);
      try {
        await handle.writeFile(`${token}\n`, "utf8");
      } finally {
        await handle.close();
      }
      return async () => {
        // Only remove our own lock (a holder that overran staleMs may have been replaced).
        const now = await readFile(lockPath, "utf8").catch(() => "");
        if (now.trim() === token) await unlink(lockPath).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const stale = await staleContent(lockPath, staleMs);
    if (stale !== undefined) {
      await breakLock(lockPath, stale);
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeoutError(lockPath);
    await new Promise((done) => setTimeout(done, pause + Math.random() * pause));
    pause = Math.min(pause * 2, 200);
  }
}

/** The content of a stale lock (to recognise it when breaking it), or undefined. */
async function staleContent(lockPath: string, staleMs: number): Promise<string | undefined> {
  try {
    const [info, content] = await Promise.all([stat(lockPath), readFile(lockPath, "utf8")]);
    if (Date.now() - info.mtimeMs > staleMs) return content;
    const match = /^(\d+)@(\S+) /u.exec(content);
    // A lock still being written has no content yet: not stale.
    if (!match || match[2] !== hostname()) return undefined;
    return processAlive(Number(match[1])) ? undefined : content;
  } catch {
    return undefined; // gone already: the next attempt takes it
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Move the stale lock aside under a unique name (atomic: of several processes that found it
 * stale, one wins the rename). If what was moved is not the lock judged stale (another process
 * broke it first and took a fresh one), put it back (`link` never overwrites) before deleting.
 */
async function breakLock(lockPath: string, judged: string): Promise<void> {
  const aside = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return; // someone else broke it first
  }
  const moved = await readFile(aside, "utf8").catch(() => judged);
  if (moved !== judged) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}
