import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LETTERS, runCli } from "../cli/helpers.js";
import { buildDocx, letterToBlocks } from "../support/docx-builder.js";

const scratch = mkdtempSync(join(tmpdir(), "klarbrev-docx-check-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("klarbrev check brev.docx", () => {
  const path = join(scratch, "indkaldelse-foer.docx");
  writeFileSync(
    path,
    buildDocx(letterToBlocks(readFileSync(`${LETTERS}/indkaldelse-foer.txt`, "utf8")), {
      header: "Jobcenter Holstebro",
    })
  );

  test("text output points at paragraph and character", async () => {
    const { code, stdout, stderr } = await runCli(["check", path]);
    expect(code).toBe(1);
    expect(stderr).toBe(`klarbrev: ${path}: note: not analysed: 1 header\n`);
    // »i medfør af« is the 17th character of the letter's 6th paragraph (one paragraph per line).
    expect(stdout).toContain(`${path}:¶6:17 `);
    expect(stdout).toMatch(/»i medfør af« er kancellisprog/u);
  });

  test("JSON keeps the contract and adds docx: { paragraph, char } to start and end", async () => {
    const { stdout } = await runCli(["check", "--format", "json", path]);
    const [result] = JSON.parse(stdout) as {
      findings: {
        ruleId: string;
        start: { offset: number; docx: { paragraph: number; char: number } };
        end: { docx: unknown };
      }[];
      scores: { legal: { blocks: unknown[] } };
    }[];
    const officialese = result!.findings.find((finding) => finding.ruleId === "plain/officialese")!;
    expect(officialese.start).toEqual(
      expect.objectContaining({ docx: { paragraph: 6, char: 17 } })
    );
    expect(officialese.end.docx).toEqual({ paragraph: 6, char: 28 });
    expect(result!.findings.every((finding) => finding.start.docx && finding.end.docx)).toBe(true);
  });

  test("a .docm is read and its macros are left alone", async () => {
    const docm = join(scratch, "makro.docm");
    writeFileSync(
      docm,
      buildDocx(
        // An orientering without errors, so the exit code says only that the file was read (a
        // summons such as "Du skal komme til samtale ..." needs legal guidance: an error, exit 1).
        [
          "Kære Jens",
          "Vi har modtaget din ansøgning om boligstøtte den 8. december 2026. Du hører fra os inden for fire uger.",
        ],
        { macros: true }
      )
    );
    const before = readFileSync(docm);
    const { code, stderr } = await runCli(["check", docm]);
    expect(code).toBe(0);
    expect(stderr).toBe(
      `klarbrev: ${docm}: note: the document contains macros; they are never run or changed\n`
    );
    expect(readFileSync(docm).equals(before)).toBe(true);
  });
});
