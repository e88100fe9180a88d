import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readDocx } from "../../src/docx/index.js";
import { runCli } from "../cli/helpers.js";
import { buildDocx, letterToBlocks } from "../support/docx-builder.js";

/**
 * LibreOffice as a real .docx client for everything `klarbrev fix` writes (issue 9 §2):
 * 1. `soffice --headless --convert-to docx` opens every reviewed copy (comments included) and saves
 *    it again; our reader finds the same text, Klarbrev's tracked changes and the comments in it.
 * 2. A UNO script (test/support/libreoffice-review.py) accepts, then rejects, every tracked change
 *    and saves the text: accepted is the engine's expected text, rejected is the original.
 * One LibreOffice process per step, each with its own profile, so parallel runs never collide.
 */
const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
const uno = spawnSync("/usr/bin/python3", ["-c", "import uno"], { encoding: "utf8" });
const missing =
  soffice.status !== 0
    ? "soffice is not installed (apt-get install libreoffice-writer-nogui)"
    : uno.status !== 0
      ? "/usr/bin/python3 cannot import uno (apt-get install python3-uno)"
      : undefined;
if (missing) console.warn(`LibreOffice round-trip tests skipped: ${missing}`);
const maybe = missing ? describe.skip : describe;

const scratch = mkdtempSync(join(tmpdir(), "klarbrev-lo-"));
afterAll(() => {
  if (!process.env.KEEP) rmSync(scratch, { recursive: true, force: true });
});

/** The text's non-empty lines, trimmed: how paragraphs compare across LibreOffice's text export. */
function lines(text: string): string[] {
  return text
    .replace(/^\uFEFF/u, "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** LibreOffice's text export, without the bullet it writes before list items (numbering is not text in Word). */
function exported(path: string): string[] {
  return lines(readFileSync(path, "utf8")).map((line) =>
    line.replace(/^[\p{Zs}\u200b-\u200f\ufeff]*[•◦▪\uf0b7]\s*/u, "")
  );
}

function profile(name: string): string {
  return `-env:UserInstallation=file://${join(scratch, `profile-${name}-${process.pid}`)}`;
}

maybe(
  "LibreOffice opens every reviewed .docx; accepted gives the engine's text, rejected the original",
  () => {
    const inputs: string[] = [];
    for (const name of ["indkaldelse-foer", "afgoerelse-fradrag-foer", "partshoering-foer"]) {
      const path = join(scratch, `${name}.docx`);
      copyFileSync(`test/fixtures/docx/${name}.docx`, path);
      inputs.push(path);
    }
    // A Word-style letter: legal guidance in a locked content control, a table, bold officialese.
    const letter = readFileSync(
      "test/fixtures/letters/indkaldelse-sygeopfoelgning-efter.md",
      "utf8"
    );
    const blocks = letterToBlocks(letter);
    blocks.splice(9, 0, {
      p: [{ text: "Du bedes medbringe dit sundhedskort, såfremt du har det.", bold: true }],
    });
    blocks.splice(10, 0, {
      table: [
        ["Hvornår", "Onsdag den 2. december 2026 kl. 10.00"],
        ["Hvor", "Kirkestræde 11"],
      ],
    });
    const built = join(scratch, "sygeopfoelgning.docx");
    writeFileSync(built, buildDocx(blocks));
    inputs.push(built);

    const cases: {
      input: string;
      reviewed: string;
      plain: string;
      original: string[];
      expected: string[];
      expectedAll: string[];
    }[] = [];

    beforeAll(async () => {
      for (const input of inputs) {
        const reviewed = input.replace(/\.docx$/u, ".reviewed.docx");
        const plain = input.replace(/\.docx$/u, ".changes.docx");
        expect((await runCli(["fix", input, "-o", reviewed])).code).toBe(0);
        // --all: every suggestion with an edit, and the essentials first (moved paragraphs).
        expect((await runCli(["fix", "--all", "--no-comments", input, "-o", plain])).code).toBe(0);
        cases.push({
          input,
          reviewed,
          plain,
          original: lines(readDocx(readFileSync(input)).letter.text),
          expected: lines(readDocx(readFileSync(reviewed)).letter.text),
          expectedAll: lines(readDocx(readFileSync(plain)).letter.text),
        });
      }
    }, 120_000);

    test("every reviewed copy is opened and saved again by LibreOffice, changes and comments intact", () => {
      const out = join(scratch, "resaved");
      execFileSync(
        "soffice",
        [
          "--headless",
          "--norestore",
          profile("convert"),
          "--convert-to",
          "docx",
          "--outdir",
          out,
          ...cases.map((entry) => entry.reviewed),
        ],
        { stdio: "ignore", timeout: 120_000 }
      );
      for (const entry of cases) {
        const bytes = readFileSync(join(out, basename(entry.reviewed)));
        expect(entry.expected).not.toEqual(entry.original);
        expect(lines(readDocx(bytes).letter.text)).toEqual(entry.expected);
        expect(lines(readDocx(bytes, { view: "klarbrev-rejected" }).letter.text)).toEqual(
          entry.original
        );
        const xml = strFromU8(unzipSync(bytes)["word/document.xml"]!);
        expect(xml).toMatch(/<w:ins [^>]*w:author="Klarbrev"/u);
        expect(xml).toMatch(/<w:del [^>]*w:author="Klarbrev"/u);
        const ours = readDocx(readFileSync(entry.reviewed)).report.comments;
        expect(ours).toBeGreaterThan(0);
        expect(readDocx(bytes).report.comments).toBe(ours);
      }
    }, 180_000);

    test("LibreOffice itself accepts and rejects the tracked changes", () => {
      const out = join(scratch, "uno");
      execFileSync("mkdir", ["-p", out]);
      const report = JSON.parse(
        execFileSync(
          "/usr/bin/python3",
          [
            "test/support/libreoffice-review.py",
            join(scratch, `profile-uno-${process.pid}`),
            out,
            ...cases.map((entry) => entry.plain),
          ],
          { encoding: "utf8", timeout: 180_000 }
        )
      ) as Record<string, { redlines: number; accepted: string; rejected: string }>;
      for (const entry of cases) {
        const seen = report[entry.plain]!;
        expect(seen.redlines).toBeGreaterThan(0);
        expect(exported(seen.accepted)).toEqual(entry.expectedAll);
        expect(exported(seen.rejected)).toEqual(entry.original);
      }
    }, 240_000);
  }
);
