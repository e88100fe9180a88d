import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { open, readlink, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve as resolvePath } from "node:path";

/**
 * Write a file so that a reader sees either the old content or the new one, never half: a
 * temporary file in the same folder, fsync, rename over the target, fsync of the folder. A
 * symbolic link stays a link: the write goes to the file it points to, and that file keeps its
 * permissions. Every file the CLI writes goes through here.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {}
): Promise<void> {
  const target = await resolveTarget(path);
  const mode = options.mode ?? (await existingMode(target));
  const folder = dirname(target);
  const temp = join(
    folder,
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`
  );
  let renamed = false;
  try {
    const handle = await open(temp, "wx", mode ?? 0o666);
    try {
      await handle.writeFile(content, typeof content === "string" ? "utf8" : undefined);
      // The umask may have narrowed the mode at open; an existing file keeps exactly its own.
      if (mode !== undefined) await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    renamed = true;
    await syncFolder(folder);
  } finally {
    if (!renamed) await unlink(temp).catch(() => undefined);
  }
}

export interface AtomicWriteOptions {
  /** The file's mode (a private key: 0o600); default: an existing file's own, else 0o666 & ~umask. */
  mode?: number;
}

/** The same for synchronous callers (the dev server's certificates, the site export). */
export function writeFileAtomicSync(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {}
): void {
  const target = resolveTargetSync(path);
  const mode = options.mode ?? existingModeSync(target);
  const folder = dirname(target);
  const temp = tempName(target);
  let renamed = false;
  try {
    const fd = openSync(temp, "wx", mode ?? 0o666);
    try {
      writeFileSync(fd, content);
      if (mode !== undefined) fchmodSync(fd, mode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    renamed = true;
    try {
      const dirFd = openSync(folder, constants.O_RDONLY);
      try {
        fsyncSync(dirFd);
      } finally {
        closeSync(dirFd);
      }
    } catch {
      // As in writeFileAtomic: best effort.
    }
  } finally {
    if (!renamed) rmSync(temp, { force: true });
  }
}

function tempName(target: string): string {
  return join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`
  );
}

function resolveTargetSync(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    try {
      return realpathSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    let link: string;
    try {
      link = readlinkSync(current);
    } catch {
      break;
    }
    current = resolvePath(dirname(current), link);
  }
  try {
    return join(realpathSync(dirname(current)), basename(current));
  } catch {
    return current;
  }
}

function existingModeSync(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/**
 * The file a path finally names: a symlink (or a chain of them) resolved to its target, also when
 * the target does not exist yet (a dangling link is written through, not replaced).
 */
export async function resolveTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    try {
      return await realpath(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    const link = await readlink(current).catch(() => undefined);
    if (link === undefined) break;
    current = resolvePath(dirname(current), link);
  }
  // A new file: resolve the folder (it may be a link itself), keep the name.
  try {
    return join(await realpath(dirname(current)), basename(current));
  } catch {
    return current;
  }
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** Make the rename itself durable; not every platform can open a folder, so best effort. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Windows and some file systems refuse to fsync a directory; the rename is still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
