import { stat } from "node:fs/promises";
import { hasGlobSyntax } from "./glob.js";

/**
 * How many worker threads a run gets. One file needs none (starting them would cost more than the
 * file), but one folder or one glob pattern is a batch: it gets the `--jobs` asked for. (Counting
 * command-line arguments alone ran every single-folder batch in one thread, so `--jobs 2` was no
 * faster than `--jobs 1`.)
 */
export async function jobsFor(
  paths: readonly string[],
  filesFrom: string | undefined,
  jobs: number
): Promise<number> {
  if (jobs === 1 || paths.length !== 1 || filesFrom !== undefined) return jobs;
  try {
    return (await stat(paths[0]!)).isDirectory() ? jobs : 1;
  } catch {
    // Missing: a glob pattern (expanded later) may name many files; a missing file gets one line.
    return hasGlobSyntax(paths[0]!) ? jobs : 1;
  }
}
