import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exitCode } from "../../src/cli/commands/check.js";
import type { CheckFinding, CheckResult } from "../../src/cli/format-json.js";
import { formatText } from "../../src/cli/format-text.js";
import { BAD, expectCheckContract, LETTERS, letterText, runCli } from "./helpers.js";

const GOOD = `${LETTERS}/indkaldelse-efter.txt`;
const BAD_LETTER = `${LETTERS}/indkaldelse-foer.txt`;
const ENGLISH = `${LETTERS}/indkaldelse-moede-en.txt`;

function finding(
  severity: CheckFinding["severity"],
  line = 1,
  ruleId = "plain/officialese"
): CheckFinding {
  return {
    ruleId,
    severity,
    message: `En ${severity}-besked`,
    start: { offset: 0, line, column: 1 },
    end: { offset: 4, line, column: 5 },
  };
}

function result(findings: CheckFinding[], language: "da" | "en" = "da"): CheckResult {
  return {
    file: "brev.txt",
    language,
    letterType: "indkaldelse",
    scores: {
      readability: {
        lix: 41.6,
        lixBand: "middel",
        prose: { lix: 38.2, words: 120, sentences: 9, longWords: 30 },
        words: 150,
        sentences: 14,
        longWords: 36,
      },
      threat: { score: 42, count: 2 },
      essentials: { inLead: true, facts: [] },
      legal: { blocks: [] },
    },
    findings,
  };
}

describe("exit codes", () => {
  test.each([
    ["error", [], 0],
    ["error", ["info", "warning"], 0],
    ["error", ["warning", "error"], 1],
    ["warning", ["info"], 0],
    ["warning", ["warning"], 1],
    ["warning", ["error"], 1],
    ["never", ["error", "warning"], 0],
  ] as const)("--fail-on %s with findings %j -> %i", (failOn, severities, expected) => {
    const results = [result([]), result(severities.map((severity) => finding(severity)))];
    expect(exitCode(results, failOn, false)).toBe(expected);
  });

  test("an input error (2) wins over findings (1)", () => {
    expect(exitCode([result([finding("error")])], "error", true)).toBe(2);
    expect(exitCode([], "never", true)).toBe(2);
  });

  test.each(["error", "warning", "never"])(
    "the real CLI's exit code follows --fail-on %s and the findings it reports",
    async (failOn) => {
      const paths = [GOOD, BAD_LETTER, ENGLISH];
      const json = await runCli(["check", "-f", "json", "--fail-on", failOn, ...paths]);
      const results = JSON.parse(json.stdout) as CheckResult[];
      expect(json.code).toBe(exitCode(results, failOn as "error", false));
      const text = await runCli(["check", "--fail-on", failOn, ...paths]);
      expect(text.code).toBe(json.code);
    }
  );
});

describe("several files in one run", () => {
  test("JSON: one object per file, in the order given, matching the contract", async () => {
    const paths = [GOOD, `${LETTERS}/afgoerelse-praktik-efter.md`, ENGLISH];
    const { stdout, stderr } = await runCli([
      "check",
      "--format",
      "json",
      "--fail-on",
      "never",
      ...paths,
    ]);
    expect(stderr).toBe("");
    const output = JSON.parse(stdout) as CheckResult[];
    expect(output.map((entry) => entry.file)).toEqual(paths);
    expectCheckContract(output, Object.fromEntries(paths.map((path) => [path, letterText(path)])));
    expect(stdout).toBe(`${JSON.stringify(output, null, 2)}\n`);
  });

  test("each file's report is the same as when it is checked alone (no state leaks between letters)", async () => {
    const paths = [BAD_LETTER, ENGLISH, `${LETTERS}/afgoerelse-praktik-efter.md`, BAD_LETTER];
    const together = await runCli(["check", "-f", "json", "--fail-on", "never", ...paths]);
    const alone = await Promise.all(
      paths.map(async (path) => {
        const run = await runCli(["check", "-f", "json", "--fail-on", "never", path]);
        return (JSON.parse(run.stdout) as CheckResult[])[0];
      })
    );
    expect(JSON.parse(together.stdout)).toEqual(alone);
  });

  test("bad files get one line each on stderr; the good ones are still reported; exit 2", async () => {
    const empty = mkdtempSync(join(tmpdir(), "klarbrev-empty-"));
    const paths = [GOOD, `${LETTERS}/missing.txt`, `${BAD}/empty.txt`, empty, ENGLISH];
    const { code, stdout, stderr } = await runCli(["check", "-f", "json", ...paths]);
    rmSync(empty, { recursive: true });
    expect(code).toBe(2);
    expect(stderr).toBe(
      [
        `klarbrev: ${LETTERS}/missing.txt: no such file`,
        `klarbrev: ${BAD}/empty.txt: file is empty`,
        `klarbrev: ${empty}: no letter files in this folder (.txt, .md, .docx)`,
        "",
      ].join("\n")
    );
    expect((JSON.parse(stdout) as CheckResult[]).map((entry) => entry.file)).toEqual([
      GOOD,
      ENGLISH,
    ]);
  });

  test("text: a report per readable file, separated by a blank line", async () => {
    const { code, stdout, stderr } = await runCli(["check", GOOD, `${BAD}/binary.txt`, ENGLISH]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `klarbrev: ${BAD}/binary.txt: binary file (contains NUL bytes), not a text letter\n`
    );
    const reports = stdout.split("\n\n");
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatch(new RegExp(`^${GOOD}  \\(\\S+, da\\)\\n`, "u"));
    expect(reports[1]).toMatch(new RegExp(`^${ENGLISH}  \\(\\S+, en\\)\\n`, "u"));
  });

  test("JSON with no readable file is still a valid (empty) array", async () => {
    const { code, stdout } = await runCli(["check", "-f", "json", `${BAD}/empty.txt`]);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual([]);
  });
});

describe("options reach the engine", () => {
  test("--lang en on a Danish letter analyses it as English", async () => {
    const { stdout } = await runCli([
      "check",
      "-f",
      "json",
      "--fail-on",
      "never",
      "--lang",
      "en",
      GOOD,
    ]);
    expect((JSON.parse(stdout) as CheckResult[])[0]!.language).toBe("en");
  });

  test("--lang da on the English letter analyses it as Danish", async () => {
    const { stdout } = await runCli([
      "check",
      "-f",
      "json",
      "--fail-on",
      "never",
      "--lang",
      "da",
      ENGLISH,
    ]);
    expect((JSON.parse(stdout) as CheckResult[])[0]!.language).toBe("da");
  });

  test("--lix-target shows up as the target in the text summary", async () => {
    const { stdout } = await runCli(["check", "--fail-on", "never", "--lix-target", "28", GOOD]);
    expect(stdout).toContain("(mål 28)");
  });

  test("--format=json and -f json are the same", async () => {
    const long = await runCli(["check", "--format=json", "--fail-on=never", GOOD]);
    const short = await runCli(["check", "-f", "json", "--fail-on", "never", GOOD]);
    expect(long.stdout).toBe(short.stdout);
  });
});

describe("text format", () => {
  test("finding lines are aligned: file:line:column, severity, message, ruleId", () => {
    const text = formatText(
      result([
        finding("warning", 3, "readability/long-sentence"),
        { ...finding("error", 12, "threat/sanction"), message: "Trussel før det vigtigste" },
        finding("info", 7),
      ]),
      { colour: false, lixTarget: 35 }
    );
    const lines = text.split("\n");
    expect(lines[0]).toBe("brev.txt  (indkaldelse, da)");
    expect(lines.slice(1, 4)).toEqual([
      "  brev.txt:3:1   warning  En warning-besked          readability/long-sentence",
      "  brev.txt:12:1  error    Trussel før det vigtigste  threat/sanction",
      "  brev.txt:7:1   info     En info-besked             plain/officialese",
    ]);
    expect(lines[4]).toBe(
      "  LIX 42 (middel) · brødtekst LIX 38 (mål 35) · trusler 42/100 (2 fund) · det vigtigste først: ja"
    );
    expect(lines[5]).toBe("  1 fejl, 1 advarsel, 1 info");
    expect(text.endsWith("\n")).toBe(true);
  });

  test("English letters get English labels", () => {
    const text = formatText(result([finding("warning"), finding("warning")], "en"), {
      colour: false,
      lixTarget: 30,
    });
    expect(text).toContain(
      "LIX 42 (medium) · body text LIX 38 (target 30) · threat 42/100 (2 findings)"
    );
    expect(text).toContain("essentials in lead: yes");
    expect(text).toContain("  2 warnings\n");
  });

  test("no findings says so", () => {
    expect(formatText(result([]), { colour: false, lixTarget: 35 })).toMatch(
      /\n {2}ingen fund\n$/u
    );
    expect(formatText(result([], "en"), { colour: false, lixTarget: 35 })).toMatch(
      /\n {2}no findings\n$/u
    );
  });

  test("message line breaks are folded, so one finding is one line", () => {
    const text = formatText(result([{ ...finding("error"), message: "To\nlinjer" }]), {
      colour: false,
      lixTarget: 35,
    });
    expect(text).toContain("error  To linjer  plain/officialese");
  });

  test("colour only on a terminal, and not with NO_COLOR", async () => {
    const escape = "\u001b[";
    const argv = ["check", "--fail-on", "never", GOOD];
    expect((await runCli(argv, { isTTY: true })).stdout).toContain(escape);
    expect((await runCli(argv, { isTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(
      escape
    );
    // no-color.org: an empty NO_COLOR does not count.
    expect((await runCli(argv, { isTTY: true, env: { NO_COLOR: "" } })).stdout).toContain(escape);
    expect((await runCli(argv, { isTTY: false })).stdout).not.toContain(escape);
    expect((await runCli([...argv, "-f", "json"], { isTTY: true })).stdout).not.toContain(escape);
  });

  test("colour codes do not change the alignment", () => {
    const findings = [finding("warning", 3), finding("error", 12)];
    const plain = formatText(result(findings), { colour: false, lixTarget: 35 });
    const coloured = formatText(result(findings), { colour: true, lixTarget: 35 });
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/gu, "")).toBe(plain);
  });
});

describe("klarbrev check --disable / --enable / --ignore", () => {
  const ids = (stdout: string) =>
    new Set((JSON.parse(stdout) as CheckResult[])[0]!.findings.map((entry) => entry.ruleId));

  test("--disable plain/passive drops that rule only; --disable plain the family; --enable wins", async () => {
    const all = await runCli(["check", "-f", "json", "--fail-on", "never", BAD_LETTER]);
    expect(ids(all.stdout).has("plain/passive")).toBe(true);
    const run = (...flags: string[]) =>
      runCli(["check", "-f", "json", "--fail-on", "never", ...flags, BAD_LETTER]);
    const noPassive = ids((await run("--disable", "plain/passive")).stdout);
    expect(noPassive.has("plain/passive")).toBe(false);
    expect(noPassive.has("plain/officialese")).toBe(true);
    const noPlain = ids((await run("--disable", "plain,threat/warning")).stdout);
    expect([...noPlain].some((id) => id.startsWith("plain/") || id === "threat/warning")).toBe(
      false
    );
    const back = ids((await run("--disable", "plain", "--enable", "plain/passive")).stdout);
    expect(back.has("plain/passive") && !back.has("plain/officialese")).toBe(true);
  });

  test("every JSON finding carries the url of its rule's section in docs/rules.md", async () => {
    const { stdout } = await runCli(["check", "-f", "json", "--fail-on", "never", BAD_LETTER]);
    for (const entry of (JSON.parse(stdout) as CheckResult[])[0]!.findings) {
      expect(entry.url).toBe(`docs/rules.md#${entry.ruleId.replace("/", "-")}`);
    }
  });

  test("an unknown rule is a usage error (exit 2), one line, nothing checked", async () => {
    const { code, stdout, stderr } = await runCli(["check", "--disable", "plain/passiv", GOOD]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toContain("--disable: unknown rule or family 'plain/passiv'");
  });
});
