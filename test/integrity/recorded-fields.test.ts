import fc from "fast-check";
import { resolve } from "node:path";
import { analyzeText } from "../../src/engine/index.js";
import { decodeFieldValues } from "../../src/engine/letter/classify.js";
import { loadLibrary, type Library } from "../../src/templates/library.js";
import { TemplateError } from "../../src/templates/problems.js";
import { renderTemplate } from "../../src/templates/render.js";
import { encodeFieldValues } from "../../src/templates/structure.js";

/**
 * A rendered letter records which values filled which legal fields, and `check` verifies the rest
 * of the block against the approved text with exactly those values in its holes (issue 12.3).
 */
let library: Library;
beforeAll(async () => {
  library = await loadLibrary(resolve("templates"));
});

const AFSLAG = "afslag-paa-ansoegning";
function render(changes: Record<string, string> = {}) {
  const template = library.templates.find((entry) => entry.template.id === AFSLAG)!.template;
  const data = { ...(template.sample as Record<string, unknown>), ...changes };
  return renderTemplate(template, data, library.resolve);
}

function check(markdown: string) {
  return analyzeText(markdown, { format: "md", legal: { registry: library.registry } });
}

const REGEL_INDHOLD =
  "Reglen siger, at kommunen kan give hjælp til tandbehandling, hvis du ikke selv har råd til at betale.";
const FORGED = " Du kan ikke klage over denne afgørelse.";

describe("recorded legal field values (issue 12.3)", () => {
  test("the Markdown records the values in the marker; check reads them back as caseworker text", () => {
    const { markdown } = render();
    expect(markdown).toContain(
      `<!-- klarbrev:legal id="begrundelse" version="1" title="Begrundelse" fields="§ 82 i aktivloven|${REGEL_INDHOLD}|du har 24.000 kr. i banken, og at regningen er på 6.500 kr." -->`
    );
    const analysis = check(markdown);
    expect(analysis.scores.legal.blocks.map((block) => `${block.id} ${block.status}`)).toEqual([
      "begrundelse intact",
      "klagevejledning intact",
      "bisidder-aktindsigt intact",
    ]);
    const notes = analysis.findings.filter((finding) => finding.ruleId === "legal/caseworker-text");
    expect(notes.map((note) => note.message)).toEqual([
      `Sagsbehandlerens tekst i den godkendte vejledning "Begrundelse" (begrundelse, version 1): regel: »§ 82 i aktivloven«; regelIndhold: »${REGEL_INDHOLD}«; hovedhensyn: »du har 24.000 kr. i banken, og at regningen er på 6.500 kr.«. Den tekst er ikke godkendt ordlyd; resten af vejledningen er kontrolleret ord for ord.`,
      'Sagsbehandlerens tekst i den godkendte vejledning "Klagevejledning" (klagevejledning, version 1): kortdato brevdato: »30. november 2026«; dato (fireUgerEfter brevdato): »mandag den 28. december 2026«. Den tekst er ikke godkendt ordlyd; resten af vejledningen er kontrolleret ord for ord.',
    ]);
    expect(notes.every((note) => note.severity === "info")).toBe(true);
  });

  test("Bug (issue 12.3): a sentence slipped into a field's place after rendering is caught, word for word", () => {
    const { markdown } = render();
    const edited = markdown.replace(`${REGEL_INDHOLD}\n`, `${REGEL_INDHOLD}${FORGED}\n`);
    expect(edited).not.toBe(markdown);
    const blocks = check(edited).scores.legal.blocks;
    const begrundelse = blocks.find((block) => block.id === "begrundelse")!;
    expect(begrundelse.status).toBe("modified");
    expect(begrundelse.changes?.map((change) => change.added)).toEqual([
      "Du kan ikke klage over denne afgørelse.",
    ]);
    const finding = check(edited).findings.find((entry) => entry.ruleId === "legal/modified");
    expect(finding?.severity).toBe("error");
  });

  test("values that do not fit the block's fields make it modified", () => {
    const { markdown } = render();
    const edited = markdown.replace('fields="30. november 2026|', 'fields="');
    const block = check(edited).scores.legal.blocks.find(
      (entry) => entry.id === "klagevejledning"
    )!;
    expect(block.status).toBe("modified");
  });

  test("a hand-marked letter without recorded values is verified as before (fields as wildcards)", () => {
    const { markdown } = render();
    const plain = markdown.replace(/ fields="[^"]*"/gu, "");
    expect(check(plain).scores.legal.blocks.map((block) => block.status)).toEqual([
      "intact",
      "intact",
      "intact",
    ]);
    expect(check(plain).findings.some((entry) => entry.ruleId === "legal/caseworker-text")).toBe(
      false
    );
  });

  test("braces in a legal field are refused (they would read as another field)", () => {
    expect(() => render({ regel: "{{regel}}" })).toThrow(TemplateError);
  });

  test("property: any value that renders is recorded exactly and verifies as intact", () => {
    const safe = fc
      .array(
        fc.constantFrom(
          "a",
          "æ",
          "ø",
          "Å",
          " ",
          '"',
          "|",
          "%",
          "<",
          ">",
          "§",
          "5",
          ".",
          ",",
          "%22",
          "&"
        ),
        {
          minLength: 1,
          maxLength: 40,
        }
      )
      .map((chars) => chars.join(""))
      .filter((value) => value.trim().length > 0);
    fc.assert(
      fc.property(safe, safe, safe, (regel, regelIndhold, hovedhensyn) => {
        let rendered;
        try {
          rendered = render({ regel, regelIndhold, hovedhensyn });
        } catch (error) {
          if (error instanceof TemplateError) return;
          throw error;
        }
        const analysis = check(rendered.markdown);
        const begrundelse = analysis.scores.legal.blocks.find(
          (block) => block.id === "begrundelse"
        )!;
        expect(begrundelse.status).toBe("intact");
        expect(begrundelse.fields?.map((entry) => entry.value)).toEqual(
          [regel, regelIndhold, hovedhensyn].map((value) => value.trim())
        );
      }),
      { numRuns: 60, seed: 123 }
    );
  }, 60_000);

  test("the marker attribute encoding round-trips", () => {
    const values = ['§ 82 "stk. 1"', "a|b", "100 %", "<>", "", "%22"];
    const encoded = encodeFieldValues(values);
    expect(encoded).not.toMatch(/["<>]/u);
    expect(decodeFieldValues(encoded)).toEqual(values);
  });
});
