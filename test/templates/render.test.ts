import { classifyText } from "../../src/engine/letter/classify.js";
import { assertLetter, isProtected } from "../../src/engine/letter/model.js";
import { parseLegalBlock } from "../../src/templates/legal-blocks.js";
import { parseLetterTemplate, type LetterTemplate } from "../../src/templates/letter-templates.js";
import { loadLibrary, resolverFor, type Library } from "../../src/templates/library.js";
import { formatProblem, TemplateError } from "../../src/templates/problems.js";
import { renderTemplate } from "../../src/templates/render.js";
import { validateTemplate } from "../../src/templates/validate.js";

const KLAGE = parseLegalBlock(
  "legal/klagevejledning.v1.md",
  `---
id: klagevejledning
version: 1
title: Klagevejledning
legalBasis: [forvaltningsloven § 25]
requiredFor: [afgørelse]
fields:
  brevdato: date
---
Hvis du vil klage
Vi skal have din klage senest {{dato (fireUgerEfter brevdato)}}.
`
).block;
const resolve = resolverFor([KLAGE]);

function template(body: string, front = ""): LetterTemplate {
  const source = `---
id: test-brev
title: Testbrev
letterType: afgørelse
fields:
  - name: navn
    type: text
  - name: brevdato
    type: date
  - name: beløb
    type: money
  - name: lokale
    type: text
    required: false
${front}legal: [klagevejledning]
sample:
  navn: Jens
  brevdato: "2026-12-07"
  beløb: 1234.5
---
${body}`;
  return parseLetterTemplate("letters/test-brev.md", source).template;
}

const BODY = `# Vi trækker {{beløb beløb}} fra din hjælp

Kære {{navn}}

Vi har besluttet at trække {{beløb beløb}} fra din hjælp.{{#if lokale}} Mød op i {{lokale}}.{{/if}}

Med venlig hilsen
Birgitte Holm

{{> klagevejledning}}
`;

const DATA = { navn: "Jens", brevdato: "2026-12-07", beløb: 1234.5 };

function renderError(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return formatProblem((error as TemplateError).problem);
  }
  throw new Error("expected a TemplateError");
}

describe("rendering a template into a Letter", () => {
  test("blocks by convention: subject, greeting, paragraph, closing, signature, protected legal block last", () => {
    const { letter, problems } = renderTemplate(template(BODY), DATA, resolve);
    assertLetter(letter);
    expect(problems).toEqual([]);
    expect(letter.blocks.map((block) => block.kind)).toEqual([
      "subject",
      "greeting",
      "paragraph",
      "closing",
      "signature",
      "legal",
    ]);
    expect(letter.blocks[0]!.text).toBe("Vi trækker 1.234,50 kr. fra din hjælp");
    const legal = letter.blocks[5]!;
    expect(isProtected(legal)).toBe(true);
    expect(legal.legal).toEqual({
      id: "klagevejledning",
      version: "1",
      title: "Klagevejledning",
      fieldValues: ["mandag den 4. januar 2027"],
    });
    expect(legal.text).toBe(
      "Hvis du vil klage\nVi skal have din klage senest mandag den 4. januar 2027."
    );
  });

  test("plain text, not HTML: Danish text and symbols are never escaped", () => {
    const { letter } = renderTemplate(
      template(BODY),
      { ...DATA, navn: "Jørgen & Søn <ApS> \"Ø\" 'å'" },
      resolve
    );
    expect(letter.blocks[1]!.text).toBe("Kære Jørgen & Søn <ApS> \"Ø\" 'å'");
  });

  test("an optional field may be left out; #if then skips its sentence", () => {
    const without = renderTemplate(template(BODY), DATA, resolve).letter.blocks[2]!.text;
    expect(without).toBe("Vi har besluttet at trække 1.234,50 kr. fra din hjælp.");
    const withRoom = renderTemplate(template(BODY), { ...DATA, lokale: "lokale 2.14" }, resolve)
      .letter.blocks[2]!.text;
    expect(withRoom).toBe(
      "Vi har besluttet at trække 1.234,50 kr. fra din hjælp. Mød op i lokale 2.14."
    );
  });

  test("markdown output reads back through classifyText with the same protected block", () => {
    const { letter, markdown } = renderTemplate(template(BODY), DATA, resolve);
    const back = classifyText(markdown, { format: "md" });
    const legal = back.blocks.filter((block) => block.kind === "legal");
    expect(legal).toHaveLength(1);
    expect(legal[0]!.legal).toEqual(letter.blocks[5]!.legal);
    expect(legal[0]!.text).toBe(letter.blocks[5]!.text);
    expect(back.blocks.find((block) => block.kind === "subject")?.text).toBe(
      `# ${letter.blocks[0]!.text}`
    );
  });
});

describe("strict mode: errors name the field and the template", () => {
  test("a missing required field", () => {
    const rest: Partial<typeof DATA> = { ...DATA };
    delete rest.navn;
    expect(renderError(() => renderTemplate(template(BODY), rest, resolve))).toBe(
      'letters/test-brev.md: template "test-brev": missing required field "navn"'
    );
  });

  test("several problems in the data: all on one line", () => {
    const message = renderError(() =>
      renderTemplate(
        template(BODY),
        { navn: "Jens", brevdato: "7/12/2026", beløb: "mange", ekstra: 1 },
        resolve
      )
    );
    expect(message).toBe(
      'letters/test-brev.md: template "test-brev": unknown field "ekstra" (the fields are: navn, brevdato, beløb, lokale); field "brevdato": "7/12/2026" is not a date (write YYYY-MM-DD); field "beløb": "mange" is not an amount (write 1234.50 or 1.234,50)'
    );
    expect(message).not.toContain("\n");
  });

  test("a value with a line break, where one line is wanted", () => {
    expect(
      renderError(() =>
        renderTemplate(template(BODY), { ...DATA, navn: "Jens\n\nMed venlig hilsen" }, resolve)
      )
    ).toContain('field "navn": must be one line');
  });

  test("a field the front matter does not declare, at its line and column", () => {
    const bad = template(BODY.replace("Kære {{navn}}", "Kære {{fornavn}}"));
    const problems = validateTemplate(bad, resolve).map(formatProblem);
    expect(problems).toContain(
      "letters/test-brev.md:23:6: field \"fornavn\" is not declared under 'fields' in the front matter"
    );
    expect(renderError(() => renderTemplate(bad, DATA, resolve))).toContain(
      'field "fornavn" is not declared'
    );
  });

  test("a date or amount written without its helper", () => {
    const bad = template(
      BODY.replace("{{beløb beløb}} fra din hjælp.", "{{beløb}} fra din hjælp.")
    );
    expect(validateTemplate(bad, resolve).map((problem) => problem.message)).toContain(
      'field "beløb" is a money: write {{beløb beløb}}'
    );
  });

  test("a helper given the wrong type of field", () => {
    const bad = template(BODY.replace("Kære {{navn}}", "Kære {{dato navn}}"));
    expect(validateTemplate(bad, resolve).map((problem) => problem.message)).toContain(
      'helper "dato" needs a date or datetime field, but "navn" is a text'
    );
  });
});

describe("injection: field values are data, never templates", () => {
  test.each(["{{> klagevejledning}}", "{{constructor}}", "{{#each this}}x{{/each}}", "{{{navn}}}"])(
    "%s is printed as it is and creates no legal block",
    (value) => {
      const { letter } = renderTemplate(template(BODY), { ...DATA, navn: value }, resolve);
      expect(letter.blocks[1]!.text).toBe(`Kære ${value}`);
      expect(letter.blocks.filter(isProtected)).toHaveLength(1);
    }
  );

  // Legal-marker syntax in a value is refused outright: test/integrity/field-forgery.test.ts.
  test("control characters (the renderer's block markers) are refused", () => {
    expect(
      renderError(() =>
        renderTemplate(
          template(BODY),
          { ...DATA, navn: "Jens\u0002klarbrev-legal:0\u0003" },
          resolve
        )
      )
    ).toContain('field "navn": contains a control character (U+0002)');
  });

  test("a template cannot reach object internals: {{constructor}} is an undeclared field", () => {
    const bad = template(BODY.replace("Kære {{navn}}", "Kære {{constructor}}"));
    expect(validateTemplate(bad, resolve).map((problem) => problem.message)).toContain(
      "field \"constructor\" is not declared under 'fields' in the front matter"
    );
  });

  test("a field named like an object internal cannot be declared", () => {
    const bad = template(BODY, "");
    const parsed = parseLetterTemplate(
      "letters/x.md",
      `---\nid: x\ntitle: X\nletterType: orientering\nfields:\n  - name: __proto__\n    type: text\nsample: {}\n---\nHej\n`
    );
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      'field name "__proto__" must be one word of letters, digits and _ (and not a reserved word)',
    ]);
    expect(bad.fields).toHaveLength(4);
  });
});

describe("structure problems", () => {
  test("legal guidance that is not last", () => {
    const body = BODY.replace("{{> klagevejledning}}\n", "").replace(
      "Med venlig hilsen",
      "{{> klagevejledning}}\n\nEn sætning efter vejledningen.\n\nMed venlig hilsen"
    );
    const { problems } = renderTemplate(template(body), DATA, resolve);
    expect(problems).toEqual([
      'legal guidance must come last: paragraph "En sætning efter vejledningen." comes after legal block "klagevejledning"',
    ]);
  });

  test("a legal partial inside a sentence", () => {
    const body = BODY.replace("{{> klagevejledning}}", "Se her: {{> klagevejledning}}");
    expect(renderTemplate(template(body), DATA, resolve).problems).toContain(
      'legal block "klagevejledning" must stand on a line of its own'
    );
  });

  test("no subject, no greeting, no body, no closing", () => {
    // Without a subject line, text before it is taken as the letterhead.
    const { problems } = renderTemplate(
      template("Vi har besluttet noget.\n\n{{> klagevejledning}}\n"),
      DATA,
      resolve
    );
    expect(problems).toEqual([
      'no subject line (start the letter with "# ")',
      'no greeting ("Kære ..." on a line of its own)',
      "no body text",
      'no closing ("Med venlig hilsen")',
    ]);
  });
});

describe("the standard-letter library", () => {
  let library: Library;
  beforeAll(async () => {
    library = await loadLibrary("templates");
  });

  test("has at least the eight standard letters of the issue, and loads without problems", () => {
    expect(library.templates.map(({ template: entry }) => entry.id).sort()).toEqual([
      "afgoerelse-fradrag",
      "afgoerelse-virksomhedspraktik",
      "afslag-paa-ansoegning",
      "anmodning-dokumentation",
      "indkaldelse-samtale",
      "indkaldelse-sygeopfoelgning",
      "indkaldelse-telefonsamtale",
      "partshoering-foer-fradrag",
    ]);
    expect(library.problems).toEqual([]);
    expect(library.brokenTemplates).toEqual([]);
    for (const { problems } of library.templates) expect(problems).toEqual([]);
  });

  test("every template renders its sample into a Letter whose legal blocks are protected, current and last", () => {
    for (const { template: entry } of library.templates) {
      const { letter, problems } = renderTemplate(entry, entry.sample, library.resolve);
      assertLetter(letter);
      expect(problems).toEqual([]);
      const kinds = letter.blocks.map((block) => block.kind);
      expect(kinds.slice(0, 3)).toEqual(["subject", "greeting", "paragraph"]);
      const legal = letter.blocks.filter(isProtected);
      expect(legal.map((block) => block.legal!.id)).toEqual(
        entry.legal.map((include) => include.id)
      );
      for (const block of legal) {
        const current = library.legal.find(
          (item) => item.entry.id === block.legal!.id && item.entry.current
        )!;
        // The values that filled the block's fields are recorded (issue 12.3), one per field.
        const { fieldValues, ...ref } = block.legal!;
        expect(ref).toEqual({
          id: current.entry.id,
          version: current.entry.version,
          title: current.entry.title,
        });
        expect(fieldValues ?? []).toHaveLength(
          (current.entry.text.match(/\{\{[^}]*\}\}/gu) ?? []).length
        );
      }
      const firstLegal = kinds.indexOf("legal");
      expect(kinds.slice(firstLegal).every((kind) => kind === "legal")).toBe(true);
      expect(
        validateTemplate(entry, library.resolve).filter((problem) => problem.severity === "error")
      ).toEqual([]);
    }
  });

  test("the rendered klagevejledning carries the deadline four weeks after the letter's date", () => {
    const entry = library.templates.find(
      ({ template: item }) => item.id === "afslag-paa-ansoegning"
    )!.template;
    const { letter } = renderTemplate(entry, entry.sample, library.resolve);
    const klage = letter.blocks.find((block) => block.legal?.id === "klagevejledning")!;
    expect(klage.text).toContain(
      "Har du fået brevet den 30. november 2026, skal vi have din klage senest mandag den 28. december 2026."
    );
  });
});
