import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expectCheckContract, LETTERS, letterText, runCli } from "./helpers.js";

/**
 * Golden files: the exact output of `klarbrev check` on every corpus letter. The rule families
 * change what is found, so goldens are regenerated on purpose and reviewed in the diff:
 *   UPDATE_GOLDEN=1 npm test -- test/cli
 * The contract checks next to them hold whatever the rules find.
 */
const GOLDEN = "test/golden";
const UPDATE = Boolean(process.env.UPDATE_GOLDEN);

function expectGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`${path} is missing; create it with UPDATE_GOLDEN=1 npm test -- test/cli`);
  }
  expect(actual).toBe(readFileSync(path, "utf8"));
}

const letters = readdirSync(LETTERS)
  .filter((name) => /\.(txt|md)$/u.test(name))
  .sort();

describe("klarbrev check on the corpus", () => {
  test("the corpus has at least 16 letters, Danish and English, .txt and .md", () => {
    expect(letters.length).toBeGreaterThanOrEqual(16);
    expect(letters.some((name) => name.endsWith(".md"))).toBe(true);
    expect(letters.some((name) => name.endsWith("-en.txt"))).toBe(true);
  });

  test.each(letters)("%s: JSON matches the contract and its golden file", async (name) => {
    const path = `${LETTERS}/${name}`;
    const { code, stdout, stderr } = await runCli([
      "check",
      "--format",
      "json",
      "--fail-on",
      "never",
      path,
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const output: unknown = JSON.parse(stdout);
    expectCheckContract(output, { [path]: letterText(path) });
    expect(output).toHaveLength(1);
    expectGolden(`check-${name}.json`, stdout);
  });

  test("text report of the whole corpus matches its golden file", async () => {
    const paths = letters.map((name) => `${LETTERS}/${name}`);
    const { code, stdout, stderr } = await runCli(["check", "--fail-on", "never", ...paths]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    for (const path of paths) expect(stdout).toContain(`${path}  (`);
    expectGolden("check-corpus.txt", stdout);
  });

  test("the English letter is detected as English and summarised with English labels", async () => {
    const path = `${LETTERS}/indkaldelse-moede-en.txt`;
    const json = JSON.parse(
      (await runCli(["check", "-f", "json", "--fail-on", "never", path])).stdout
    );
    expect(json[0].language).toBe("en");
    const { stdout } = await runCli(["check", "--fail-on", "never", path]);
    expect(stdout).toContain("body text LIX");
    expect(stdout).not.toContain("brødtekst");
  });
});
