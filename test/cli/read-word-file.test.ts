import { copyFileSync, linkSync, renameSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { readWordFile } from "../../src/cli/check-input.js";
import { NOT_REGULAR } from "../../src/files/read-regular.js";
import { fifoFolder } from "../support/fifos.js";

/**
 * readWordFile reads through readRegularFile (src/files/), like the other readers: the check
 * that a path is a regular file and the read use one open handle, so nothing can slip in between.
 */
const DOCX = "test/fixtures/docx/indkaldelse-efter.docx";
const scratch = fifoFolder("klarbrev-word-");

/** The read, or "hung" when it does not answer within `ms` (a FIFO opened for reading). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | "hung"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"hung">((resolve) => (timer = setTimeout(() => resolve("hung"), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe("readWordFile reads only regular files, in one step", () => {
  test("a real .docx is read", async () => {
    const read = await readWordFile(DOCX);
    expect(read.ok).toBe(true);
  });

  test("a FIFO named .docx is refused with the one line every reader gives", async () => {
    const read = await within(readWordFile(scratch.fifo("brev.docx")), 2000);
    expect(read).toEqual({ ok: false, reason: NOT_REGULAR });
  });

  test("a directory named .docx is refused with one line", async () => {
    const read = await readWordFile(scratch.dir);
    expect(read).toEqual({ ok: false, reason: "is a directory, not a letter file" });
  });

  test("a document over the size limit is refused before it is parsed", async () => {
    const big = join(scratch.dir, "big.docx");
    copyFileSync(DOCX, big);
    truncateSync(big, 60 * 1024 * 1024);
    const read = await readWordFile(big);
    expect(read.ok).toBe(false);
    expect(read.ok === false && read.reason).toMatch(
      /^file is too large \(\d+ MB; the limit for Word documents is \d+ MB\)$/u
    );
  });

  test("Bug: a .docx swapped for a FIFO between the check and the read never hangs the run", async () => {
    // stat + readFile had a gap: stat saw the document, readFile then opened the FIFO put in its
    // place and waited for a writer for ever. Swap the path on every turn of the event loop while
    // reading: each read must give the document or the one-line refusal, never hang.
    const path = join(scratch.dir, "brev.docx");
    const document = join(scratch.dir, "document.docx");
    const pipe = scratch.fifo("pipe.docx");
    const next = join(scratch.dir, "next.docx");
    copyFileSync(DOCX, path);
    copyFileSync(DOCX, document);
    let isPipe = false;
    let swapping = true;
    const swap = () => {
      if (!swapping) return;
      // A fresh link to the other file replaces the path in one atomic rename.
      linkSync(isPipe ? document : pipe, next);
      renameSync(next, path);
      isPipe = !isPipe;
      setImmediate(swap);
    };
    setImmediate(swap);
    const outcomes = new Set<string>();
    try {
      for (let attempt = 0; attempt < 60; attempt++) {
        const read = await within(readWordFile(path), 2000);
        outcomes.add(read === "hung" ? "hung" : read.ok ? "read" : read.reason);
      }
    } finally {
      swapping = false;
    }
    expect(outcomes.has("hung")).toBe(false);
    for (const outcome of outcomes) expect(["read", NOT_REGULAR]).toContain(outcome);
  }, 30_000);
});
