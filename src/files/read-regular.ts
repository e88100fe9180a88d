import { constants } from "node:fs";
import { open } from "node:fs/promises";

/**
 * Read a file that must be a regular file. A FIFO, socket or device would block a plain
 * readFile forever (nothing ever writes to the pipe), so the file is opened without blocking,
 * checked with fstat on the open handle (no gap between the check and the read for another
 * file to slip in) and refused unless it is a regular file. At most `maxBytes` are read.
 */
export class FileReadError extends Error {
  constructor(
    readonly code: "ENOTREG" | "EISDIR" | "EFBIG",
    message: string,
    /** The file's size, for EFBIG. */
    readonly size?: number
  ) {
    super(message);
    this.name = "FileReadError";
  }
}

/** The one-line reason for a file that is not a regular file. */
export const NOT_REGULAR =
  "is not a regular file (a pipe, socket or device); klarbrev reads only saved files";

export async function readRegularFile(
  path: string,
  options: { maxBytes?: number } = {}
): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? Number.MAX_SAFE_INTEGER;
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. (Windows has no
  // FIFOs of this kind and no such flag.)
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
  let handle;
  try {
    handle = await open(path, flags);
  } catch (error) {
    // A socket cannot be opened at all.
    if ((error as NodeJS.ErrnoException).code === "ENXIO")
      throw new FileReadError("ENOTREG", NOT_REGULAR);
    throw error;
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new FileReadError("EISDIR", "is a directory, not a file");
    if (!info.isFile()) throw new FileReadError("ENOTREG", NOT_REGULAR);
    if (info.size > maxBytes) throw new FileReadError("EFBIG", "file is too large", info.size);
    // Read at most one byte more than allowed: a file that grows meanwhile is still caught.
    const limit = Math.min(maxBytes, Number.MAX_SAFE_INTEGER - 1) + 1;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const size = Math.min(64 * 1024, limit - total);
      if (size <= 0) break;
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(size), 0, size, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxBytes) throw new FileReadError("EFBIG", "file is too large", total);
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** The same as text (UTF-8). */
export async function readRegularTextFile(
  path: string,
  options: { maxBytes?: number } = {}
): Promise<string> {
  return (await readRegularFile(path, options)).toString("utf8");
}
