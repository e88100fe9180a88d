import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readDocx } from "../../src/docx/index.js";
import { runCli } from "../cli/helpers.js";

const scratch = mkdtempSync(join(tmpdir(), "klarbrev-fix-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const input = join(scratch, "brev.docx");
copyFileSync("test/fixtures/docx/indkaldelse-foer.docx", input);

describe("klarbrev fix (CLI)", () => {
  test("writes the reviewed copy and prints before/after figures; the input is untouched", async () => {
    const before = readFileSync(input);
    const output = join(scratch, "gennemset.docx");
    const { code, stdout, stderr } = await runCli(["fix", "--all", input, "-o", output]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(
      /^.*brev\.docx → .*gennemset\.docx\n {2}\d+ tracked changes by Klarbrev, \d+ comments/u
    );
    expect(stdout).toContain("essentials first: lead paragraph and new order as tracked changes");
    expect(stdout).toMatch(
      /LIX \d+ → \d+ · body LIX \d+ → \d+ \(target 35\) · threat 96 → \d+\/100 · findings \d+ → \d+/u
    );
    const [, findingsBefore, findingsAfter] = /findings (\d+) → (\d+)/u.exec(stdout)!;
    expect(Number(findingsAfter)).toBeLessThan(Number(findingsBefore));
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readDocx(readFileSync(output)).report.pendingParagraphs).toBeGreaterThan(0);
  });

  test("--messages en: the comments explain the Danish letter in English; the edits stay Danish", async () => {
    const output = join(scratch, "reviewed-en.docx");
    const { code } = await runCli(["fix", "--messages", "en", input, "-o", output]);
    expect(code).toBe(0);
    const entries = unzipSync(readFileSync(output));
    const comments = strFromU8(entries["word/comments.xml"]!);
    expect(comments).toContain(
      "“i medfør af” is officialese (stiff official Danish). Write “efter”. Suggestion: “efter”. [plain/officialese]"
    );
    expect(comments).toContain("lacks the required guidance “Your rights and duties”");
    expect(comments).not.toMatch(/Forslag|kancellisprog/u);
    // The tracked changes are edits to a Danish letter: Danish words.
    expect(strFromU8(entries["word/document.xml"]!)).toMatch(/<w:ins [^>]*w:author="Klarbrev"/u);
  });

  test.each([
    [["fix", "brev.docx"], "say where to write the reviewed copy: -o REVIEWED.docx"],
    [["fix", "-o", "x.docx"], "give exactly one Word document to fix"],
    [
      ["fix", "brev.txt", "-o", "x.docx"],
      "fix works on Word documents (.docx, .docm, .dotx, .dotm), not 'brev.txt'",
    ],
    [
      ["fix", "brev.docx", "-o", "./brev.docx"],
      "the reviewed copy must be a new file, not the input",
    ],
  ])("usage error: %j", async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toBe(`klarbrev: fix: ${message} (see klarbrev fix --help)\n`);
  });

  test("a broken document gets one line and nothing is written", async () => {
    const output = join(scratch, "intet.docx");
    const broken = join(scratch, "halv.docx");
    writeFileSync(broken, readFileSync(input).subarray(0, 400));
    const { code, stderr } = await runCli(["fix", broken, "-o", output]);
    expect(code).toBe(2);
    expect(stderr.startsWith(`klarbrev: ${broken}: corrupt zip (`)).toBe(true);
    expect(stderr.endsWith("); the file is damaged or not a Word document\n")).toBe(true);
    expect(existsSync(output)).toBe(false);
  });
});
