import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BAD, LETTERS, runCli } from "./helpers.js";

/**
 * The real thing: `node bin/klarbrev.js` against dist/, built once here (tsc emits even when
 * another folder of the tree has type errors; `npm run typecheck` is where those are caught).
 */
const BIN = "bin/klarbrev.js";
const LETTER = `${LETTERS}/indkaldelse-foer.txt`;

function klarbrev(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "", ...env },
    timeout: 30_000,
  });
}

beforeAll(() => {
  const build = spawnSync(
    process.execPath,
    ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"],
    {
      encoding: "utf8",
      timeout: 170_000,
    }
  );
  if (!existsSync("dist/cli/main.js")) {
    throw new Error(`the build did not produce dist/cli/main.js:\n${build.stdout}${build.stderr}`);
  }
}, 180_000);

describe("bin/klarbrev.js (built)", () => {
  test("--version", () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const run = klarbrev(["--version"]);
    expect([run.status, run.stdout, run.stderr]).toEqual([0, `${version}\n`, ""]);
  });

  test("check prints the same report as the in-process CLI, and no colour into a pipe", async () => {
    const run = klarbrev(["check", "--fail-on", "never", LETTER]);
    const expected = await runCli(["check", "--fail-on", "never", LETTER]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expected.stdout);
    expect(run.stdout).not.toContain("\u001b[");
  });

  test("the exit code under the default --fail-on error matches the in-process CLI", async () => {
    const run = klarbrev(["check", "-f", "json", LETTER]);
    const expected = await runCli(["check", "-f", "json", LETTER]);
    expect(run.status).toBe(expected.code);
    expect(run.stdout).toBe(expected.stdout);
  });

  test("a bad file: one line on stderr, exit 2, the other file still reported", () => {
    const run = klarbrev([
      "check",
      "-f",
      "json",
      "--fail-on",
      "never",
      `${BAD}/binary.txt`,
      LETTER,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `klarbrev: ${BAD}/binary.txt: binary file (contains NUL bytes), not a text letter\n`
    );
    expect((JSON.parse(run.stdout) as { file: string }[]).map((result) => result.file)).toEqual([
      LETTER,
    ]);
  });

  test("an unknown option: one line, exit 2", () => {
    const run = klarbrev(["check", "--colour", LETTER]);
    expect([run.status, run.stdout, run.stderr]).toEqual([
      2,
      "",
      "klarbrev: check: unknown option '--colour' (see klarbrev check --help)\n",
    ]);
  });

  test("a reader that closes the pipe early gets no stack trace", () => {
    const many = Array.from({ length: 200 }, () => LETTER).join(" ");
    const run = spawnSync(
      "sh",
      ["-c", `"${process.execPath}" ${BIN} check -f json ${many} | head -c 10 > /dev/null`],
      {
        encoding: "utf8",
        timeout: 60_000,
      }
    );
    expect(run.stderr).toBe("");
  });

  test("without a build, the shim says so in one line", () => {
    const dir = mkdtempSync(join(tmpdir(), "klarbrev-bin-"));
    try {
      mkdirSync(join(dir, "bin"));
      copyFileSync(BIN, join(dir, "bin", "klarbrev.js"));
      const run = spawnSync(process.execPath, [join(dir, "bin", "klarbrev.js"), "--version"], {
        encoding: "utf8",
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe("klarbrev: cannot load the CLI (run `npm run build` first)\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
