import { execFileSync } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A fresh folder for each test of the enclosing describe block (or file), and named pipes in it.
 * After each test a reader stuck in one of the pipes (the bug the tests guard against) is
 * released by opening and closing its write end, and the folder is removed.
 */
export function fifoFolder(prefix: string): { readonly dir: string; fifo(name: string): string } {
  let dir = "";
  const fifos: string[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    for (const path of fifos.splice(0)) {
      try {
        closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // No reader waiting: nothing to release.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    fifo(name: string): string {
      const path = join(dir, name);
      execFileSync("mkfifo", [path]);
      fifos.push(path);
      return path;
    },
  };
}
