import { cpSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { run as render } from "../../src/cli/commands/render.js";
import { run as templates } from "../../src/cli/commands/templates.js";
import { LETTERS, runCli } from "../cli/helpers.js";
import { fifoFolder } from "../support/fifos.js";

/**
 * Bug (issue 12.11): a FIFO (or any file that is not a regular file) hung `check` and
 * `render --data` for ever: nothing writes to the pipe, and readFile waits. Now it is refused
 * with one line naming it, exit 2, and the other files are still reported.
 */
const scratch = fifoFolder("klarbrev-fifo-");

const LETTER = `${LETTERS}/indkaldelse-efter.txt`;
const NOT_REGULAR =
  /is not a regular file \(a pipe, socket or device\); klarbrev reads only saved files/u;

async function commandIo(command: typeof render, argv: string[]) {
  let out = "";
  let err = "";
  const code = await command(argv, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    cwd: resolve("."),
  });
  return { code, out, err };
}

describe("non-regular files (issue 12.11)", () => {
  test("Bug (issue 12.11): check refuses a FIFO with one line, exit 2, and reports the other letter", async () => {
    const pipe = scratch.fifo("brev.txt");
    const run = await runCli(["check", "--fail-on", "never", pipe, LETTER]);
    expect(run.code).toBe(2);
    const lines = run.stderr.split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^klarbrev: ${pipe}: ${NOT_REGULAR.source}$`, "u"));
    expect(run.stdout).toContain(`${LETTER}  (indkaldelse, da)`);
  }, 10_000);

  test("check refuses a character device the same way", async () => {
    const run = await runCli(["check", "/dev/null", LETTER]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^klarbrev: /dev/null: ${NOT_REGULAR.source}\\n$`, "u"));
    expect(run.stdout).toContain(`${LETTER}  (indkaldelse, da)`);
  });

  test("Bug (issue 12.11): render --data refuses a FIFO with one line naming it, exit 2", async () => {
    const pipe = scratch.fifo("data.json");
    const run = await commandIo(render, ["afslag-paa-ansoegning", "--data", pipe]);
    expect(run).toEqual({
      code: 2,
      out: "",
      err: expect.stringMatching(
        new RegExp(`^klarbrev: ${pipe}: ${NOT_REGULAR.source}[^\\n]*\\n$`, "u")
      ),
    });
  }, 10_000);

  test("a FIFO in the template library is one broken file; the rest is checked", async () => {
    const library = join(scratch.dir, "templates");
    cpSync("templates", library, { recursive: true });
    scratch.fifo(join("templates", "letters", "zz-pipe.md"));
    const run = await commandIo(templates, ["check", library]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(new RegExp(`zz-pipe\\.md: ${NOT_REGULAR.source}`, "u"));
    expect(run.out).toContain("afslag-paa-ansoegning");
  }, 20_000);

  test("a data file over 10 MB is refused before it is parsed", async () => {
    const big = join(scratch.dir, "big.json");
    writeFileSync(big, `{"navn": "${"x".repeat(10 * 1024 * 1024)}"}`);
    const run = await commandIo(render, ["afslag-paa-ansoegning", "--data", big]);
    expect(run).toEqual({
      code: 2,
      out: "",
      err: `klarbrev: ${big}: file is too large (the limit is 10 MB)\n`,
    });
  });
});
