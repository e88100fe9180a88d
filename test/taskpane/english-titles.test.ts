import { readFileSync } from "node:fs";
import { analyzeText } from "../../src/engine/analyze.js";
import type { LegalRegistryEntry } from "../../src/engine/rules/legal/types.js";
import { legalLabel, viewLegal } from "../../src/taskpane/model/legal.js";
import { loadLegalRegistry } from "../../src/templates/library.js";

/**
 * The legal panel's names in an English UI: the English titles of the registry (front matter
 * titleEn), while `title` stays the Danish one that a marker in the letter carries.
 */
let registry: LegalRegistryEntry[];
beforeAll(async () => {
  registry = (await loadLegalRegistry("templates")).registry;
});

const letter = (name: string) => readFileSync(`test/fixtures/letters/${name}`, "utf8");

describe("English guidance titles in the task pane's model", () => {
  test("missing guidance for the letter's benefit: English label, Danish title, English insert choice", () => {
    const analysis = analyzeText(letter("indkaldelse-foer.txt"), {
      legal: { registry },
      messageLanguage: "en",
    });
    const [view] = viewLegal(analysis, registry, "en");
    expect(view).toMatchObject({
      status: "missing",
      title: "Vejledning om rettigheder og pligter",
      label: "Your rights and duties",
      version: "2",
    });
    expect(view!.insertChoices).toEqual([
      expect.objectContaining({
        id: "sanktioner-ved-udeblivelse",
        title: "Vejledning om rettigheder og pligter",
        label: "Your rights and duties",
      }),
    ]);
  });

  test("a group the letter does not decide: both choices named in English", () => {
    const analysis = analyzeText(letter("indkaldelse-telefonsamtale-foer.txt"), {
      legal: { registry },
    });
    const missing = viewLegal(analysis, registry, "en").find((v) => v.status === "missing")!;
    expect(missing.label).toBe(
      "Your duties while you receive sickness benefit or your rights and duties"
    );
    expect(missing.insertChoices!.map((choice) => choice.label)).toEqual([
      "Your duties while you receive sickness benefit",
      "Your rights and duties",
    ]);
  });

  test("in Danish the label is the Danish title; without an English title the Danish one", () => {
    const analysis = analyzeText(letter("indkaldelse-foer.txt"), { legal: { registry } });
    expect(viewLegal(analysis, registry)[0]!.label).toBe("Vejledning om rettigheder og pligter");
    expect(legalLabel("en", "ukendt", "Ukendt vejledning", registry)).toBe("Ukendt vejledning");
    expect(legalLabel("en", "klagevejledning", "Klagevejledning", registry)).toBe(
      "How to complain"
    );
    expect(legalLabel("da", "klagevejledning", "Klagevejledning", registry)).toBe(
      "Klagevejledning"
    );
  });
});
