import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { expandBraces, segmentMatcher } from "../../src/cli/batch/glob.js";
import { expandInputs } from "../../src/cli/batch/inputs.js";
import { clock, Progress } from "../../src/cli/batch/progress.js";
import type { CheckResult } from "../../src/cli/format-json.js";
import type { Io } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { LETTERS, runCli } from "./helpers.js";

/**
 * Archive-scale `klarbrev check`: folders, globs, --files-from, jsonl, worker threads, order,
 * progress. A scratch archive of real corpus letters in nested folders.
 */

const FOER = `${LETTERS}/indkaldelse-foer.txt`;
const EFTER = `${LETTERS}/indkaldelse-efter.txt`;
const MD = `${LETTERS}/afgoerelse-praktik-efter.md`;
let archive = "";

beforeAll(() => {
  archive = mkdtempSync(join(tmpdir(), "klarbrev-archive-"));
  mkdirSync(join(archive, "2025", "marts"), { recursive: true });
  mkdirSync(join(archive, "2026"), { recursive: true });
  mkdirSync(join(archive, ".git"), { recursive: true });
  copyFileSync(FOER, join(archive, "2026", "b-indkaldelse.txt"));
  copyFileSync(EFTER, join(archive, "2026", "a-indkaldelse.txt"));
  copyFileSync(MD, join(archive, "2025", "marts", "praktik.md"));
  copyFileSync(FOER, join(archive, "2025", "c.txt"));
  copyFileSync(FOER, join(archive, ".git", "hidden.txt"));
  writeFileSync(join(archive, "2026", "data.json"), "{}");
  writeFileSync(join(archive, "2026", ".~lock.txt"), "x");
});
afterAll(() => rmSync(archive, { recursive: true, force: true }));

async function paths(sources: Parameters<typeof expandInputs>[0]): Promise<string[]> {
  const out: string[] = [];
  for await (const item of expandInputs(sources))
    out.push("error" in item ? `${item.path} ! ${item.error}` : item.path);
  return out;
}

describe("inputs: folders, globs, --files-from", () => {
  test("a folder is walked recursively, names sorted, letter files only, dot files skipped", async () => {
    expect(await paths({ paths: [archive] })).toEqual(
      [
        "2025/c.txt",
        "2025/marts/praktik.md",
        "2026/a-indkaldelse.txt",
        "2026/b-indkaldelse.txt",
      ].map((path) => join(archive, path))
    );
  });

  test("globs: ** for any depth, * within a folder, {a,b} alternatives, [ab] classes", async () => {
    expect(await paths({ paths: [`${archive}/**/*.txt`] })).toEqual(
      ["2025/c.txt", "2026/a-indkaldelse.txt", "2026/b-indkaldelse.txt"].map((path) =>
        join(archive, path)
      )
    );
    expect(await paths({ paths: [`${archive}/*/[ab]-*.{txt,md}`] })).toEqual(
      ["2026/a-indkaldelse.txt", "2026/b-indkaldelse.txt"].map((path) => join(archive, path))
    );
    expect(await paths({ paths: [`${archive}/202?/marts/*`] })).toEqual([
      join(archive, "2025/marts/praktik.md"),
    ]);
    expect(await paths({ paths: [`${archive}/*/nothing-*.txt`] })).toEqual([
      `${archive}/*/nothing-*.txt ! no files match this pattern`,
    ]);
  });

  test("glob pieces: wildcards do not match a leading dot; braces expand left to right", () => {
    expect(segmentMatcher("*.txt").test(".hidden.txt")).toBe(false);
    expect(segmentMatcher(".*").test(".hidden")).toBe(true);
    expect(segmentMatcher("brev[!0-9].txt").test("breva.txt")).toBe(true);
    expect(segmentMatcher("brev[!0-9].txt").test("brev1.txt")).toBe(false);
    expect(segmentMatcher("a+b(1).txt").test("a+b(1).txt")).toBe(true);
    expect(expandBraces("{a,b}/x.{txt,md}")).toEqual(["a/x.txt", "a/x.md", "b/x.txt", "b/x.md"]);
  });

  test("--files-from: one path a line (CRLF too, blank lines skipped), from a file or stdin", async () => {
    const list = join(archive, "list.lst");
    writeFileSync(list, `${EFTER}\r\n\r\n${join(archive, "2025")}\n${MD}`);
    const expected = [
      EFTER,
      join(archive, "2025/c.txt"),
      join(archive, "2025/marts/praktik.md"),
      MD,
    ];
    expect(await paths({ paths: [], filesFrom: list })).toEqual(expected);
    const stdin = Readable.from([`${EFTER}\n${join(archive, "2025")}\n`, `${MD}\n`]);
    expect(await paths({ paths: [], filesFrom: "-", stdin })).toEqual(expected);
    expect(await paths({ paths: [], filesFrom: join(archive, "nope.lst") })).toEqual([
      `${join(archive, "nope.lst")} ! cannot read the list of files (no such file)`,
    ]);
  });
});

describe("output formats", () => {
  test("--format jsonl: one compact JSON object per line, the same objects as --format json", async () => {
    const jsonl = await runCli(["check", "-f", "jsonl", "--fail-on", "never", archive]);
    const json = await runCli(["check", "-f", "json", "--fail-on", "never", archive]);
    expect([jsonl.code, jsonl.stderr]).toEqual([0, ""]);
    const lines = jsonl.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines.map((line) => JSON.parse(line) as CheckResult)).toEqual(JSON.parse(json.stdout));
  });

  test("--format json is written item by item, yet byte for byte JSON.stringify(results, null, 2)", async () => {
    const json = await runCli(["check", "-f", "json", "--fail-on", "never", archive]);
    expect(json.stdout).toBe(`${JSON.stringify(JSON.parse(json.stdout), null, 2)}\n`);
    const none = await runCli(["check", "-f", "json", join(archive, "missing.txt")]);
    expect([none.code, none.stdout]).toEqual([2, "[]\n"]);
  });

  test("an empty folder or a missing file costs one line and exit 2, the rest is reported", async () => {
    const empty = join(archive, "tom");
    mkdirSync(empty, { recursive: true });
    const run = await runCli(["check", "-f", "jsonl", "--fail-on", "never", empty, EFTER, "x.txt"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `klarbrev: ${empty}: no letter files in this folder (.txt, .md, .docx)\nklarbrev: x.txt: no such file\n`
    );
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(1);
  });

  test("--files-from - reads the list from standard input", async () => {
    let stdout = "";
    const io: Io = {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: () => true },
      env: {},
      stdin: Readable.from([`${EFTER}\n${MD}\n`]),
    };
    expect(
      await main(["check", "-f", "jsonl", "--fail-on", "never", "--files-from", "-"], io)
    ).toBe(0);
    expect(
      stdout
        .trimEnd()
        .split("\n")
        .map((line) => (JSON.parse(line) as CheckResult).file)
    ).toEqual([EFTER, MD]);
  });

  test("jsonl streams: a file's line is out while the list of files is still open", async () => {
    let stdout = "";
    const stdin = new PassThrough();
    const io: Io = {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: () => true },
      env: {},
      stdin,
    };
    const run = main(["check", "-f", "jsonl", "--fail-on", "never", "--files-from", "-"], io);
    stdin.write(`${EFTER}\n`);
    for (let waited = 0; stdout === "" && waited < 10_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    // Written (within 200 ms of being done) before the list ends.
    expect((JSON.parse(stdout) as CheckResult).file).toBe(EFTER);
    stdin.end(`${MD}\n`);
    expect(await run).toBe(0);
    expect(stdout.trimEnd().split("\n")).toHaveLength(2);
  });

  test("usage: --jobs must be a whole number from 1", async () => {
    for (const bad of ["0", "two", "1.5", "300"]) {
      const run = await runCli(["check", "--jobs", bad, EFTER]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^klarbrev: check: --jobs must be a whole number from 1 to 256/u);
    }
    expect((await runCli(["check"])).stderr).toMatch(/no files given/u);
  });
});

describe("progress on stderr", () => {
  test("only when stderr is a terminal: files done, files/s and ETA once the count is known", async () => {
    let stderr = "";
    const io: Io = {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => (stderr += chunk), isTTY: true },
      env: {},
    };
    expect(await main(["check", "-f", "jsonl", "--fail-on", "never", "-j", "1", archive], io)).toBe(
      0
    );
    expect(stderr).toContain("\r\u001b[K");
    expect(stderr).toMatch(/klarbrev: \[[# ]{20}\] 1(\/4)? files · [\d.]+ files\/s/u);
    // The line is cleared at the end, so the shell prompt starts clean.
    expect(stderr.endsWith("\r\x1b[K")).toBe(true);
    const quiet = await runCli(["check", "-f", "jsonl", "--fail-on", "never", archive]);
    expect(quiet.stderr).toBe("");
  });

  test("the line's figures", () => {
    let now = 0;
    const writes: string[] = [];
    const progress = new Progress({ write: (chunk: string) => writes.push(chunk) }, () => now);
    progress.setTotal(1000);
    for (let i = 0; i < 250; i++) {
      now += 4; // 250 files/s
      progress.tick();
    }
    expect(progress.line()).toBe(
      "klarbrev: [#####               ] 250/1000 files · 250 files/s · ETA 0:03"
    );
    expect(clock(3725)).toBe("1:02:05");
    expect(writes.length).toBeLessThan(20);
  });
});

/** Worker threads need the compiled worker: these run bin/klarbrev.js on dist/. */
describe("worker threads (built CLI)", () => {
  beforeAll(() => {
    spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
      timeout: 170_000,
    });
    if (!existsSync("dist/cli/batch/worker.js"))
      throw new Error("the build did not produce the worker");
  }, 180_000);

  const klarbrev = (args: string[]) =>
    spawnSync(process.execPath, ["bin/klarbrev.js", "check", "--fail-on", "never", ...args], {
      encoding: "utf8",
      timeout: 60_000,
    });

  test("--jobs 2 gives the same output, in input order, as --jobs 1; --unordered the same set", () => {
    const inputs = [archive, FOER, `${archive}/missing.txt`, MD, EFTER];
    const one = klarbrev(["-f", "jsonl", "-j", "1", ...inputs]);
    const two = klarbrev(["-f", "jsonl", "-j", "2", ...inputs]);
    expect(one.status).toBe(2);
    expect([two.status, two.stdout, two.stderr]).toEqual([one.status, one.stdout, one.stderr]);
    expect(one.stdout.trimEnd().split("\n")).toHaveLength(7);
    const unordered = klarbrev(["-f", "jsonl", "-j", "2", "--unordered", ...inputs]);
    expect(unordered.stdout.split("\n").sort()).toEqual(one.stdout.split("\n").sort());
    const text = klarbrev(["-j", "2", FOER, EFTER]);
    expect(text.stdout).toBe(klarbrev(["-j", "1", FOER, EFTER]).stdout);
  }, 60_000);
});
