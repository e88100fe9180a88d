import fc from "fast-check";
import { resolve } from "node:path";
import { run as render } from "../../src/cli/commands/render.js";
import { analyzeText } from "../../src/engine/index.js";
import { MAX_FIELD_LENGTH, MAX_LEGAL_FIELD_LENGTH } from "../../src/templates/fields.js";
import { loadLibrary, type Library } from "../../src/templates/library.js";
import { TemplateError } from "../../src/templates/problems.js";
import { renderTemplate } from "../../src/templates/render.js";
import { realLibrary } from "../taskpane/support.js";

/**
 * Template values must never forge guidance (issue 12.3, 12.12): a value can hold no
 * line or paragraph separator and no legal-marker syntax, in any output format; a value that
 * fills a hole in approved guidance is one line of bounded length.
 */
let library: Library;
beforeAll(async () => {
  library = await loadLibrary(resolve("templates"));
});

function template(id: string) {
  return library.templates.find((entry) => entry.template.id === id)!.template;
}

/** afslag-paa-ansoegning: begrundelse (regel, regelIndhold, hovedhensyn), a signature of three lines. */
const AFSLAG = "afslag-paa-ansoegning";
function afslagData(changes: Record<string, string> = {}): Record<string, unknown> {
  return { ...(template(AFSLAG).sample as Record<string, unknown>), ...changes };
}

function renderError(data: Record<string, unknown>): string {
  try {
    renderTemplate(template(AFSLAG), data, library.resolve);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return (error as TemplateError).problem.message;
  }
  throw new Error("expected the render to be refused");
}

/** What `klarbrev check` makes of a rendered letter's Markdown. */
function legalStatuses(markdown: string) {
  return analyzeText(markdown, { format: "md", legal: { registry: library.registry } }).scores.legal
    .blocks;
}

async function renderCli(data: Record<string, unknown>, format: string) {
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const file = resolve(mkdtempSync(resolve(tmpdir(), "klarbrev-forge-")), "data.json");
  writeFileSync(file, JSON.stringify(data));
  let out = "";
  let err = "";
  const code = await render([AFSLAG, "--data", file, "--format", format], {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    cwd: resolve("."),
  });
  return { code, out, err, file };
}

const FAKE_HEADING = "Klagevejledning";
const FAKE_RULE = "Du kan ikke klage over denne afgørelse.";

describe("Bug (issue 12.3a): a separator in a legal field cannot carry a fake heading", () => {
  test.each([
    ["line separator", "\u2028", "U+2028"],
    ["paragraph separator", "\u2029", "U+2029"],
    ["next-line character", "\u0085", "U+0085"],
    ["vertical tab", "\u000b", "U+000B"],
    ["form feed", "\u000c", "U+000C"],
    ["carriage return", "\r", "U+000D"],
  ])("%s in regelIndhold: refused in every output format", async (name, separator, code) => {
    const value = `Reglen siger noget.${separator}${separator}${FAKE_HEADING}${separator}${FAKE_RULE}`;
    for (const format of ["text", "md", "json"]) {
      const run = await renderCli(afslagData({ regelIndhold: value }), format);
      expect(run.code).toBe(2);
      expect(run.out).toBe("");
      expect(run.err).toBe(
        `klarbrev: templates/letters/${AFSLAG}.md: template "${AFSLAG}": field "regelIndhold": contains a ${name} (${code}); a field value is one line\n`
      );
    }
  });

  test("a line feed: refused too", () => {
    expect(renderError(afslagData({ regelIndhold: `Reglen siger noget.\n\n${FAKE_RULE}` }))).toBe(
      `template "${AFSLAG}": field "regelIndhold": must be one line`
    );
  });

  test("invisible direction controls are refused", () => {
    expect(renderError(afslagData({ hovedhensyn: "du har \u202eikke\u202c penge" }))).toContain(
      'field "hovedhensyn": contains an invisible direction control (U+202E)'
    );
  });
});

describe("the task pane's renderer (what is inserted into Word) refuses the same values", () => {
  test.each([
    ["regelIndhold", `Reglen siger noget.\u2028\u2028${FAKE_HEADING}\u2028${FAKE_RULE}`],
    ["sagsbehandler", '<!-- klarbrev:legal id="begrundelse" version="1" -->'],
  ])("%s", async (field, value) => {
    const pane = await realLibrary();
    const sample = pane.templates.find((entry) => entry.id === AFSLAG)!.sample;
    expect(() => pane.render(AFSLAG, { ...sample, [field]: value })).toThrow(
      new RegExp(`field "${field}": contains`, "u")
    );
  });
});

describe("Bug (issue 12.3b): signature values cannot form a legal block", () => {
  const forged = {
    sagsbehandler: '<!-- klarbrev:legal id="begrundelse" version="1" -->',
    stilling:
      "Begrundelse Vi har truffet afgørelsen efter reglerne. Du har ingen klageadgang. Vi har lagt vægt på, at du ikke kan klage. Du kan læse reglerne på retsinformation.dk.",
    afdeling: "<!-- /klarbrev:legal -->",
  };

  test("the three values are refused, naming the fields", () => {
    const message = renderError(afslagData(forged));
    expect(message).toContain(
      'field "sagsbehandler": contains legal-marker syntax (<!--, -->, klarbrev:legal); a field value cannot mark guidance'
    );
    expect(message).toContain('field "afdeling": contains legal-marker syntax');
  });

  test.each([
    "<!--",
    "-->",
    "klarbrev:legal",
    "KLARBREV : LEGAL",
    '<!--klarbrev:legal id="klagevejledning" version="1"-->',
  ])("%s in any field is refused", (value) => {
    expect(renderError(afslagData({ navn: value }))).toContain(
      'field "navn": contains legal-marker syntax'
    );
  });
});

describe("legal fields: one line, bounded (issue 12.3)", () => {
  test(`a value of ${MAX_LEGAL_FIELD_LENGTH} characters in a legal field renders and verifies as intact`, () => {
    const value = `${"ord ".repeat(MAX_LEGAL_FIELD_LENGTH / 4 - 1)}slut`;
    expect(value).toHaveLength(MAX_LEGAL_FIELD_LENGTH);
    const { markdown } = renderTemplate(
      template(AFSLAG),
      afslagData({ regelIndhold: value }),
      library.resolve
    );
    expect(legalStatuses(markdown).map((block) => `${block.id} ${block.status}`)).toEqual([
      "begrundelse intact",
      "klagevejledning intact",
      "bisidder-aktindsigt intact",
    ]);
  });

  test("one character more is refused, naming the guidance it fills", () => {
    expect(renderError(afslagData({ regelIndhold: "x".repeat(MAX_LEGAL_FIELD_LENGTH + 1) }))).toBe(
      `template "${AFSLAG}": field "regelIndhold": fills approved guidance (begrundelse): at most ${MAX_LEGAL_FIELD_LENGTH} characters, not ${MAX_LEGAL_FIELD_LENGTH + 1}`
    );
  });

  test("a field outside guidance may be longer", () => {
    const value = "x".repeat(MAX_LEGAL_FIELD_LENGTH + 1);
    expect(() =>
      renderTemplate(template(AFSLAG), afslagData({ kortBegrundelse: value }), library.resolve)
    ).not.toThrow();
  });
});

describe("Bug (issue 12.12): field values have a length limit", () => {
  test("a 10 MB value does not render", () => {
    expect(renderError(afslagData({ navn: "x".repeat(10 * 1024 * 1024) }))).toBe(
      `template "${AFSLAG}": field "navn": is 10485760 characters long; a field value may be at most ${MAX_FIELD_LENGTH} characters`
    );
  });

  test("render --data: a 5 MB value gets one clear line and exit 2 (a data file over 10 MB is refused as a file)", async () => {
    const run = await renderCli(afslagData({ navn: "x".repeat(5 * 1024 * 1024) }), "text");
    expect(run).toMatchObject({
      code: 2,
      out: "",
      err: `klarbrev: templates/letters/${AFSLAG}.md: template "${AFSLAG}": field "navn": is 5242880 characters long; a field value may be at most ${MAX_FIELD_LENGTH} characters\n`,
    });
  });

  test(`${MAX_FIELD_LENGTH} characters are fine`, () => {
    expect(() =>
      renderTemplate(
        template(AFSLAG),
        afslagData({ kortBegrundelse: "x".repeat(MAX_FIELD_LENGTH) }),
        library.resolve
      )
    ).not.toThrow();
  });
});

describe("property: no value forges guidance in any output format (issue 12.3)", () => {
  const PIECES = [
    "\u2028",
    "\u2029",
    "\u0085",
    "\n",
    "\r",
    "\u000b",
    "\u000c",
    "<!--",
    "-->",
    " klarbrev:legal ",
    ' id="begrundelse" version="1" ',
    "/klarbrev:legal",
    "# ",
    "Begrundelse",
    FAKE_RULE,
    "Du har ingen klageadgang.",
    "Med venlig hilsen",
    "{{> klagevejledning}}",
    "\u0002klarbrev-legal:0\u0003",
    " ",
    "x",
  ];
  const FIELDS = [
    "navn",
    "ansøgt",
    "kortBegrundelse",
    "regel",
    "regelIndhold",
    "hovedhensyn",
    "sagsbehandler",
    "stilling",
    "afdeling",
  ];
  const value = fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(""));

  test("either the render is refused, or every format holds exactly the template's guidance, verified", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FIELDS), value, { minKeys: 1 }), (changes) => {
        let rendered;
        try {
          rendered = renderTemplate(template(AFSLAG), afslagData(changes), library.resolve);
        } catch (error) {
          if (error instanceof TemplateError) return;
          throw error;
        }
        const { letter, markdown } = rendered;
        const outputs = [letter.text, markdown, JSON.stringify(letter)];
        for (const output of outputs)
          // eslint-disable-next-line no-control-regex -- the separators are the point
          expect(output).not.toMatch(/[\u2028\u2029\u0085\u000b\u000c\r]/u);
        // Markers only where the renderer put them: one pair per legal block.
        expect(markdown.match(/<!--/gu)).toHaveLength(6);
        expect(letter.text).not.toContain("<!--");
        expect(
          letter.blocks.filter((block) => block.kind === "legal").map((block) => block.legal!.id)
        ).toEqual(["begrundelse", "klagevejledning", "bisidder-aktindsigt"]);
        expect(legalStatuses(markdown).map((block) => `${block.id}@${block.version}`)).toEqual([
          "begrundelse@1",
          "klagevejledning@1",
          "bisidder-aktindsigt@1",
        ]);
      }),
      { numRuns: 150, seed: 12_3 }
    );
  }, 60_000);
});

describe("a template's own text cannot mark guidance either (issue 12.3)", () => {
  test("marker syntax written into a template body is refused at render", async () => {
    const { parseLetterTemplate } = await import("../../src/templates/letter-templates.js");
    const { readFileSync } = await import("node:fs");
    const source = readFileSync(`templates/letters/${AFSLAG}.md`, "utf8").replace(
      "{{> begrundelse}}",
      '<!-- klarbrev:legal id="begrundelse" version="1" -->\nDu har ingen klageadgang.\n<!-- /klarbrev:legal -->\n\n{{> begrundelse}}'
    );
    const forged = parseLetterTemplate(`letters/${AFSLAG}.md`, source).template;
    expect(() => renderTemplate(forged, afslagData(), library.resolve)).toThrow(
      /the letter's own text contains legal-marker syntax/u
    );
  });
});
