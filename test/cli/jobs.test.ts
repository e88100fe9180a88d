import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jobsFor } from "../../src/cli/batch/jobs.js";

/**
 * Regression: `klarbrev check --jobs 2 FOLDER` ran in one thread, because any single
 * command-line path counted as "one file", so two jobs were no faster than one.
 */
describe("worker threads for a run", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "klarbrev-jobs-"));
    writeFileSync(join(dir, "brev.txt"), "Kære Jens\n\nDu skal komme til samtale.\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("one folder is a batch: it gets the jobs asked for", async () => {
    expect(await jobsFor([dir], undefined, 2)).toBe(2);
  });

  test("one glob pattern is a batch too", async () => {
    expect(await jobsFor([join(dir, "*.txt")], undefined, 2)).toBe(2);
  });

  test("one file, or one missing file, is checked in this thread", async () => {
    expect(await jobsFor([join(dir, "brev.txt")], undefined, 2)).toBe(1);
    expect(await jobsFor([join(dir, "findes-ikke.txt")], undefined, 2)).toBe(1);
  });

  test("several paths, or a list of files, get the jobs asked for", async () => {
    const file = join(dir, "brev.txt");
    expect(await jobsFor([file, file], undefined, 2)).toBe(2);
    expect(await jobsFor([file], "-", 3)).toBe(3);
    expect(await jobsFor([dir], undefined, 1)).toBe(1);
  });
});
