import { readFileSync } from "node:fs";
import type { Io } from "../../src/cli/io.js";
import { commandNames, main } from "../../src/cli/main.js";
import { runCli } from "./helpers.js";

const VERSION = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

/** One line on stderr, in the `klarbrev: ...` form, and no stack trace. */
function expectOneLineError(stderr: string, pattern: RegExp): void {
  expect(stderr).toMatch(/^klarbrev: [^\n]+\n$/u);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\bat .+:\d+:\d+/u);
}

describe("klarbrev (main)", () => {
  test.each([["--version"], ["-v"]])("%s prints the package version", async (flag) => {
    expect(await runCli([flag])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  test.each([["--help"], ["-h"], ["help"]])("%s lists every command", async (flag) => {
    const { code, stdout, stderr } = await runCli([flag]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^Usage: klarbrev <command>/u);
    for (const name of commandNames())
      expect(stdout).toMatch(new RegExp(`^  ${name}\\s+\\S`, "mu"));
  });

  test("no arguments: the usage goes to stderr, exit 2", async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^Usage: klarbrev <command>/u);
  });

  test.each([[["check", "--help"]], [["check", "-h"]], [["help", "check"]], [["--help", "check"]]])(
    "%j shows the help of check",
    async (argv) => {
      const { code, stdout, stderr } = await runCli(argv);
      expect(code).toBe(0);
      expect(stderr).toBe("");
      expect(stdout).toMatch(/^Usage: klarbrev check \[options\] FILE\.\.\./u);
      for (const option of ["--format", "--lang", "--fail-on", "--lix-target"]) {
        expect(stdout).toContain(option);
      }
    }
  );

  test.each([
    [["chekc", "x.txt"], /^klarbrev: unknown command 'chekc'; the commands are check/u],
    [["help", "nope"], /unknown command 'nope'/u],
    [["constructor"], /unknown command 'constructor'/u],
    [["--bogus"], /^klarbrev: unknown option '--bogus' \(see klarbrev --help\)$/mu],
    [["--version=2"], /^klarbrev: option '-v, --version' does not take an argument/u],
    [
      ["check", "--bogus", "a.txt"],
      /^klarbrev: check: unknown option '--bogus' \(see klarbrev check --help\)$/mu,
    ],
    [["check", "-x", "a.txt"], /^klarbrev: check: unknown option '-x'/u],
    [["check", "--format"], /^klarbrev: check: option '-f, --format <value>' argument missing/u],
    [
      ["check", "--format", "xml", "a.txt"],
      /--format must be one of text, json, jsonl, not 'xml'/u,
    ],
    [["check", "--lang", "de", "a.txt"], /--lang must be one of da, en, auto, not 'de'/u],
    [
      ["check", "--fail-on", "info", "a.txt"],
      /--fail-on must be one of error, warning, never, not 'info'/u,
    ],
    [
      ["check", "--lix-target", "abc", "a.txt"],
      /--lix-target must be a number above 0 and at most 100, not 'abc'/u,
    ],
    [["check", "--lix-target", "0", "a.txt"], /--lix-target must be a number/u],
    [["check", "--lix-target", "101", "a.txt"], /--lix-target must be a number/u],
    [["check", "--lix-target=", "a.txt"], /--lix-target must be a number/u],
    [["check"], /^klarbrev: check: no files given \(see klarbrev check --help\)$/mu],
  ])("usage error %j: one line, exit 2, nothing on stdout", async (argv, pattern) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expectOneLineError(stderr, pattern);
  });

  test("a usage error is reported before any file is read", async () => {
    const { stderr } = await runCli(["check", "--format", "xml", "does-not-exist.txt"]);
    expect(stderr).not.toContain("does-not-exist.txt");
  });

  test("an unexpected failure prints one line asking for a report, never a stack trace", async () => {
    let stderr = "";
    const io: Io = {
      stdout: {
        write: () => {
          throw new TypeError("the terminal went away");
        },
      },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      env: {},
    };
    const code = await main(["check", "test/fixtures/letters/indkaldelse-efter.txt"], io);
    expect(code).toBe(2);
    expectOneLineError(
      stderr,
      /unexpected error: TypeError: the terminal went away; please report this/u
    );
  });
});
