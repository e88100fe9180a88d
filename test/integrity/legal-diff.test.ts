import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run as legal } from "../../src/cli/commands/legal.js";
import { renderedLegalText } from "../../src/templates/rendered-legal-text.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "klarbrev-legal-diff-"));
  cpSync("templates", join(dir, "templates"), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function diff(id: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await legal(["diff", id], {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    cwd: dir,
  });
  return { code, out, err };
}

function edit(file: string, from: string, to: string): void {
  const path = join(dir, "templates", "legal", file);
  const text = readFileSync(path, "utf8");
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

const SENTENCE = "Har du brug for mere tid, så sig det.";

describe("legal diff shows what the citizen reads (issue 12.7)", () => {
  test("Bug (issue 12.7): an escaped mustache added to a block is a whole new sentence, not {+\\+}", async () => {
    edit("partshoering.v1.md", SENTENCE, `${SENTENCE} \\{{!-- Du kan ikke klage. --}}`);
    const run = await diff("partshoering");
    expect(run.code).toBe(0);
    const [citizen, source] = run.out.split(
      "The source (fields, comments and escapes as written):"
    );
    expect(citizen).toContain("What the citizen reads:");
    expect(citizen).toContain('Changed: "{{!-- Du kan ikke klage. --}}" added');
    expect(citizen).toMatch(/\{\+\{\{!-- Du kan ikke klage\. --\}\}\s*\+\}/u);
    // The source change beside it: after comments are dropped, only the backslash is left.
    expect(source).toContain('Changed: "\\" added');
  });

  test("a comment added to a block changes nothing the citizen reads: still approved", async () => {
    edit("partshoering.v1.md", SENTENCE, `${SENTENCE} {{!-- Note til juristerne --}}`);
    const run = await diff("partshoering");
    expect(run.out).toMatch(/^partshoering version 1: no changes since /u);
  });

  test("a changed word: the same change in both, said once", async () => {
    edit("partshoering.v1.md", "så sig det", "så ring til os");
    const run = await diff("partshoering");
    expect(run.out).toContain('Changed: "sig det" → "ring til os"');
    expect(run.out).toContain("[-sig det-]{+ring til os+}");
    expect(run.out).toContain('The same change: "sig det" → "ring til os"');
  });
});

describe("renderedLegalText", () => {
  test("comments go, escapes print, fields stay as placeholders", () => {
    expect(
      renderedLegalText(
        "Frist {{dato (fireUgerEfter brevdato)}}.{{!-- note --}} \\{{ikke et felt}} {{regel}}"
      )
    ).toBe("Frist {{dato (fireUgerEfter brevdato)}}. {{ikke et felt}} {{regel}}");
  });

  test("a standalone comment line is removed with its line, as Handlebars renders it", () => {
    expect(renderedLegalText("Linje et\n{{!-- note --}}\nLinje to")).toBe("Linje et\nLinje to");
  });
});
