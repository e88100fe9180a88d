import { readFileSync } from "node:fs";
import { findingsOf } from "./helpers.js";
import { analyzeText } from "../../../src/engine/index.js";

const RULE = "plain/nominalisation";

describe("plain/nominalisation", () => {
  test("a sentence with three or more nominalisations is reported with the words and a verb tip", () => {
    const text =
      "Jobcentret har foretaget en vurdering af din situation, og det er vurderingen, at en afklaring af din arbejdsevne er nødvendig.";
    const [finding] = findingsOf(text, RULE);
    expect(finding).toMatchObject({ severity: "info", text });
    expect(finding?.details).toMatchObject({
      nominalisations: ["vurdering", "vurderingen", "afklaring"],
      count: 3,
    });
    expect(finding?.message).toMatch(/^Sætningen har 3 navneord dannet af verber/u);
    expect(finding?.suggestion?.explanation).toMatch(/Verber/u);
    expect(finding?.edit).toBeUndefined();
  });

  test("a short sentence dense with nominalisations is reported too", () => {
    expect(findingsOf("Udbetalingen kræver dokumentation.", RULE)).toHaveLength(1);
  });

  test("everyday words, names and plain sentences are not counted", () => {
    for (const text of [
      "Du skal betale din regning og dine ting, før du går på pension.",
      "Vi ringer til dig omkring kl. 10, og ingen behøver at vente.",
      "Du bor i en lejlighed i Kolding og arbejder i en virksomhed i Helsingør.",
      "Vi vurderer, om du kan arbejde, og vi taler med dig om det.",
    ]) {
      expect(findingsOf(text, RULE)).toEqual([]);
    }
  });

  test("headings and subject lines are nominal by nature and not counted", () => {
    const text = "Afgørelse om udbetaling af godtgørelse\n\nVi har besluttet, at du får pengene.";
    expect(findingsOf(text, RULE)).toEqual([]);
  });

  test("every finding carries the letter-level density", () => {
    const text = readFileSync("test/fixtures/letters/afgoerelse-praktik-foer.txt", "utf8");
    const findings = findingsOf(text, RULE);
    expect(findings.length).toBeGreaterThanOrEqual(1);
    const density = findings[0]?.details?.letter as {
      nominalisations: number;
      words: number;
      per100Words: number;
    };
    expect(density.words).toBeGreaterThan(80);
    expect(density.nominalisations).toBeGreaterThanOrEqual(findings.length * 2);
    expect(density.per100Words).toBeCloseTo((density.nominalisations / density.words) * 100, 0);
    for (const finding of findings) expect(finding.details?.letter).toEqual(density);
  });

  test("the rewritten sample letter has no heavy sentences", () => {
    expect(
      findingsOf(readFileSync("test/fixtures/letters/indkaldelse-efter.txt", "utf8"), RULE)
    ).toEqual([]);
  });
});

describe("plain/nominalisation: institution names are names (issue 8, 2)", () => {
  test("'Ankestyrelsen' opening a sentence is not counted; 'Afgørelsen' is", () => {
    const count = (sentence: string) =>
      analyzeText(sentence)
        .findings.filter((finding) => finding.ruleId === "plain/nominalisation")
        .flatMap((finding) => (finding.details?.nominalisations as string[]) ?? []);
    const words = count(
      "Ankestyrelsen har ved behandlingen af klagen foretaget en vurdering af afgørelsen og berettigelsen."
    );
    expect(words).not.toContain("Ankestyrelsen");
    expect(words).toEqual(expect.arrayContaining(["behandlingen", "vurdering"]));
  });
});

describe("plain/nominalisation: names and established terms", () => {
  test("proper names and terms of the field do not count", () => {
    for (const text of [
      "Ankestyrelsen behandler klager over Udbetaling Danmarks afgørelser om tilbagebetaling af boligstøtte.",
      "Statsforvaltningen har fra Odder Kommune indhentet nærmere oplysninger om sagen.",
      "Hvis myndigheden ændrer afgørelsen, skriver den til dig.",
      "Afgørelsen indeholder en klagevejledning og en begrundelse for ansøgningen.",
    ]) {
      expect([text, findingsOf(text, "plain/nominalisation")]).toEqual([text, []]);
    }
  });

  test("the suggestion names the nominalisations it found", () => {
    const [finding] = findingsOf(
      "Efter modtagelsen af dokumentationen sker en vurdering af berettigelsen til udbetaling.",
      "plain/nominalisation"
    );
    expect(finding?.suggestion?.text).toMatch(/»vurdering«/u);
  });
});
