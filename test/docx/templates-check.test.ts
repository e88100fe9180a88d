import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../cli/helpers.js";
import { buildDocx, letterToBlocks, type BlockSpec } from "../support/docx-builder.js";

/** Issue 9 §3: `klarbrev templates check DIR` finds Word templates recursively and checks them like Markdown ones. */
const scratch = mkdtempSync(join(tmpdir(), "klarbrev-word-templates-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const letter = readFileSync("test/fixtures/letters/indkaldelse-sygeopfoelgning-efter.md", "utf8");
const outdated = readFileSync("templates/legal/sanktioner-ved-udeblivelse.v1.md", "utf8")
  .split("---\n")[2]!
  .split("\n")
  .filter((line) => line.trim() !== "");

function template(): BlockSpec[] {
  const blocks = letterToBlocks(letter);
  const greeting = blocks.findIndex((block) => block === "Kære Jens Peter");
  blocks[greeting] = {
    p: ["Kære ", { field: "MERGEFIELD navn \\* MERGEFORMAT", result: "«navn»" }],
  };
  blocks.splice(greeting + 1, 0, {
    p: [
      "Mødet er den {{ moededato }} hos ",
      {
        control: { tag: "sted", alias: "Mødested", placeholder: true },
        text: "Klik her for at skrive stedet.",
      },
    ],
  });
  return blocks;
}

function library(): string {
  const dir = join(scratch, "bibliotek");
  cpSync("templates", dir, { recursive: true });
  mkdirSync(join(dir, "word", "sygedagpenge"), { recursive: true });
  writeFileSync(join(dir, "word", "sygedagpenge", "sygeopfoelgning.dotx"), buildDocx(template()));
  const old = [
    ...template().slice(0, -1),
    {
      control: { tag: "klarbrev:legal:sanktioner-ved-udeblivelse@1", locked: true },
      blocks: outdated,
    },
  ];
  writeFileSync(join(dir, "word", "gammel-sanktion.docx"), buildDocx(old));
  writeFileSync(join(dir, "word", "gammelt-format.doc"), "\u00d0\u00cf\u0011\u00e0 legacy");
  return dir;
}

describe("templates check with Word templates", () => {
  const dir = library();

  test("lists Word templates beside the Markdown ones, with legal blocks, versions and placeholders", async () => {
    const { code, stdout, stderr } = await runCli(["templates", "check", dir, "--format", "json"]);
    expect(code).toBe(2); // the legacy .doc is an input error, and does not stop the run
    expect(stderr).toContain(
      "gammelt-format.doc: legacy Word 97-2003 document; convert it first: soffice --headless --convert-to docx FILE"
    );
    const report = JSON.parse(stdout) as {
      templates: {
        id: string;
        format?: string;
        ok: boolean;
        failures: string[];
        legal: { id: string; version: string; status: string }[];
        placeholders?: { name: string; kind: string; declared: boolean }[];
        scores: { proseLix: number } | null;
      }[];
    };
    const byId = new Map(report.templates.map((entry) => [entry.id, entry]));
    expect(byId.has("afgoerelse-fradrag")).toBe(true); // Markdown templates are still there
    const word = byId.get("sygeopfoelgning")!;
    expect(word.format).toBe("docx");
    expect(word.legal).toEqual([
      expect.objectContaining({ id: "pligter-sygedagpenge", version: "1", status: "intact" }),
    ]);
    expect(word.placeholders).toEqual([
      { name: "navn", kind: "mergefield", paragraph: expect.any(Number), declared: true },
      { name: "moededato", kind: "handlebars", paragraph: expect.any(Number), declared: false },
      { name: "Mødested", kind: "control", paragraph: expect.any(Number), declared: false },
    ]);
    const old = byId.get("gammel-sanktion")!;
    expect(old.ok).toBe(false);
    expect(old.legal).toEqual([
      expect.objectContaining({
        id: "sanktioner-ved-udeblivelse",
        version: "1",
        status: "outdated",
      }),
    ]);
    expect(old.failures).toContain("legal block sanktioner-ved-udeblivelse v1 is outdated");
    expect(byId.get("gammelt-format")!.scores).toBeNull();
  });

  test("a folder of Word templates only is checked against the shipped library", async () => {
    const { stdout } = await runCli(["templates", "check", join(dir, "word", "sygedagpenge")]);
    expect(stdout).toMatch(/^sygeopfoelgning\s/mu);
    expect(stdout).not.toMatch(/afgoerelse-fradrag/u);
    expect(stdout).toContain(
      'placeholder "moededato" is not a field declared by any template in the library'
    );
  });
});
