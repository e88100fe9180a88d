import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckResult } from "../../src/cli/format-json.js";
import { firstInvalidUtf8, MAX_BYTES, readLetterFile } from "../../src/cli/read-input.js";
import { BAD, expectCheckContract, LETTERS, letterText, pointAt, runCli } from "./helpers.js";

let scratch = "";
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "klarbrev-cli-"));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function checkJson(path: string): Promise<CheckResult> {
  const { code, stdout, stderr } = await runCli([
    "check",
    "-f",
    "json",
    "--fail-on",
    "never",
    path,
  ]);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  const output = JSON.parse(stdout) as CheckResult[];
  expectCheckContract(output, { [path]: letterText(path) });
  return output[0]!;
}

describe("unreadable input: one line naming the file, exit 2, no stack trace", () => {
  test.each([
    [`${LETTERS}/no-such-letter.txt`, "no such file"],
    [
      `${LETTERS}/indkaldelse-foer.txt/child.txt`,
      "no such file (a part of the path is not a directory)",
    ],
    [`${BAD}/empty.txt`, "file is empty"],
    [`${BAD}/bom-only.txt`, "file is empty"],
    [`${BAD}/whitespace-only.txt`, "file contains only white space"],
    [`${BAD}/binary.txt`, "binary file (contains NUL bytes), not a text letter"],
    [`${BAD}/utf16.txt`, "file is UTF-16 text; save it as UTF-8"],
    [
      `${BAD}/invalid-utf8-latin1.txt`,
      "not valid UTF-8 (line 1, byte 1); save it as UTF-8 (Windows-1252 and Latin-1 are not supported)",
    ],
  ])("%s: %s", async (path, reason) => {
    const { code, stdout, stderr } = await runCli(["check", path]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`klarbrev: ${path}: ${reason}\n`);
  });

  test("a .docx that is not a zip gets one line naming it (Word documents are read by src/docx)", async () => {
    const path = join(scratch, "brev.docx");
    writeFileSync(path, Buffer.from("PK\u0003\u0004 not really a zip"));
    const { code, stderr } = await runCli(["check", path]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(
        `^klarbrev: ${path}: corrupt zip \\(.*\\); the file is damaged or not a Word document\\n$`,
        "u"
      )
    );
  });

  test("a file over the 10 MB limit is refused quickly without being analysed", async () => {
    const path = join(scratch, "stor.txt");
    const paragraph = Buffer.from("Du skal møde til samtale i jobcentret. Tag dit CV med.\n\n");
    writeFileSync(
      path,
      Buffer.concat(
        Array.from({ length: Math.ceil((11 * 1024 * 1024) / paragraph.length) }, () => paragraph)
      )
    );
    const started = Date.now();
    const { code, stdout, stderr } = await runCli(["check", path]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`klarbrev: ${path}: file is too large (11.1 MB; the limit is 10 MB)\n`);
  });

  test("one byte over the limit is already too large, and never reads as '10 MB; the limit is 10 MB'", async () => {
    const path = join(scratch, "graense.txt");
    writeFileSync(path, Buffer.alloc(MAX_BYTES + 1, "a"));
    const result = await readLetterFile(path);
    expect(result).toEqual({
      ok: false,
      reason: "file is too large (10.1 MB; the limit is 10 MB)",
    });
  });
});

describe("awkward but readable input", () => {
  test("an unknown extension is read as plain text, with a note on stderr that does not change the exit code", async () => {
    const path = `${BAD}/unknown-extension.brev`;
    const { code, stdout, stderr } = await runCli([
      "check",
      "-f",
      "json",
      "--fail-on",
      "never",
      path,
    ]);
    expect(stderr).toBe(`klarbrev: ${path}: note: unknown extension '.brev', read as plain text\n`);
    expect(code).toBe(0);
    const [result] = JSON.parse(stdout) as CheckResult[];
    const plain = await checkJson(`${BAD}/lf.txt`);
    expect({ ...result, file: "" }).toEqual({ ...plain, file: "" });
  });

  test("a file without extension gets the same note", async () => {
    const path = join(scratch, "brev");
    writeFileSync(path, letterText(`${BAD}/lf.txt`));
    const { code, stderr } = await runCli(["check", "--fail-on", "never", path]);
    expect(code).toBe(0);
    expect(stderr).toBe(`klarbrev: ${path}: note: no file extension, read as plain text\n`);
  });

  test.each([
    ["brev.md", "md"],
    ["brev.MARKDOWN", "md"],
    ["brev.txt", "txt"],
    ["brev.text", "txt"],
  ])("%s is read as %s", async (name, format) => {
    const path = join(scratch, name);
    writeFileSync(
      path,
      "# Samtale om dit job\n\nDu skal til samtale mandag den 7. december 2026 kl. 10.00.\n"
    );
    const read = await readLetterFile(path);
    expect(read).toEqual({ ok: true, input: expect.objectContaining({ format, notes: [] }) });
  });

  test("BOM: the report is the same as without it, offsets index the text with the BOM removed", async () => {
    const withBom = await checkJson(`${BAD}/bom.txt`);
    const without = await checkJson(`${BAD}/lf.txt`);
    expect({ ...withBom, file: "" }).toEqual({ ...without, file: "" });
    const read = await readLetterFile(`${BAD}/bom.txt`);
    expect(read.ok && read.input.text.charCodeAt(0)).toBe("J".charCodeAt(0));
  });

  test("CRLF: same findings as LF, offsets point into the original CRLF text", async () => {
    const crlfPath = `${BAD}/crlf.txt`;
    const lfPath = `${BAD}/lf.txt`;
    const crlfText = letterText(crlfPath);
    const lfText = letterText(lfPath);
    expect(crlfText).toContain("\r\n");
    expect(crlfText.replace(/\r\n/gu, "\n")).toBe(lfText);

    const crlf = await checkJson(crlfPath);
    const lf = await checkJson(lfPath);
    expect(crlf.scores).toEqual({
      ...lf.scores,
      essentials: { ...lf.scores.essentials, facts: crlf.scores.essentials.facts },
    });
    const same = (text: string, start: number, end: number) =>
      text.slice(start, end).replace(/\r\n/gu, "\n");
    expect(crlf.findings.map((f) => [f.ruleId, f.severity, f.message])).toEqual(
      lf.findings.map((f) => [f.ruleId, f.severity, f.message])
    );
    crlf.findings.forEach((finding, index) => {
      const other = lf.findings[index]!;
      expect(same(crlfText, finding.start.offset, finding.end.offset)).toBe(
        same(lfText, other.start.offset, other.end.offset)
      );
      // Same place in the letter, so the same line and column.
      expect([finding.start.line, finding.start.column]).toEqual([
        other.start.line,
        other.start.column,
      ]);
      expect(finding.start).toEqual(pointAt(crlfText, finding.start.offset));
    });
    expect(crlf.scores.essentials.facts.map((fact) => [fact.kind, fact.text, fact.value])).toEqual(
      lf.scores.essentials.facts.map((fact) => [fact.kind, fact.text, fact.value])
    );
  });
});

describe("firstInvalidUtf8", () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);
  test.each([
    ["valid ASCII and Danish", Buffer.from("Kære Søren, på gensyn"), -1],
    ["a Latin-1 æ", bytes(0x4b, 0xe6, 0x72, 0x65), 1],
    ["a lone continuation byte", bytes(0x61, 0x80), 1],
    ["an overlong slash", bytes(0xc0, 0xaf), 0],
    ["a UTF-16 surrogate", bytes(0x61, 0xed, 0xa0, 0x80), 1],
    ["a code point over U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ["a truncated sequence at the end", bytes(0x61, 0x62, 0xe2, 0x82), 2],
    ["a valid 4-byte emoji", Buffer.from("ok 🙂"), -1],
  ])("%s", (_name, input, expected) => {
    expect(firstInvalidUtf8(input)).toBe(expected);
  });
});
