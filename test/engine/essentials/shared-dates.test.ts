import { analyzeText } from "../../../src/engine/analyze.js";
import type { Finding } from "../../../src/engine/types.js";

/**
 * Year inference and the weekday check are one implementation for Danish and English letters
 * (date-context.ts with a DateReader per language; rule-weekday.ts): the same letter in both
 * languages gets the same years and the same correction.
 */
const WEEKDAY = "essentials/weekday-mismatch";
const weekdays = (findings: readonly Finding[]) =>
  findings.filter((finding) => finding.ruleId === WEEKDAY);

const DANISH = (body: string) =>
  `Jobcenter Randers\nLaksetorvet 1\n8900 Randers C\n\nRanders, den 20. november 2026\n\nIndkaldelse til samtale\n\nKære Jens Hansen\n\n${body}\n\nMed venlig hilsen\n\nBirgitte Holm`;
const ENGLISH = (body: string) =>
  `Jobcenter Randers\nLaksetorvet 1\n8900 Randers C\n\n20 November 2026\n\nInvitation to a meeting\n\nDear Jens Hansen\n\n${body}\n\nKind regards\n\nBirgitte Holm`;

describe("one year inference for both languages", () => {
  test("a year-less date after the letter's date takes the letter's year (da)", () => {
    const analysis = analyzeText(
      DANISH("Du skal til samtale torsdag den 3. december kl. 10.00 i Jobcenter Randers.")
    );
    const dates = analysis.scores.essentials.facts.filter((fact) => fact.kind === "date");
    expect(dates.map((fact) => fact.value)).toEqual(["2026-12-03"]);
    expect(weekdays(analysis.findings)).toEqual([]);
  });

  test("a year-less date after the letter's date takes the letter's year (en)", () => {
    const analysis = analyzeText(
      ENGLISH(
        "You have a meeting with us on Thursday 3 December at 10.00 at Jobcenter Randers. Please bring your CV."
      )
    );
    expect(analysis.language).toBe("en");
    const dates = analysis.scores.essentials.facts.filter((fact) => fact.kind === "date");
    expect(dates.map((fact) => fact.value)).toEqual(["2026-12-03"]);
    expect(weekdays(analysis.findings)).toEqual([]);
  });

  test("a January date in a November letter is next year's, in both languages", () => {
    const da = analyzeText(DANISH("Du skal til samtale den 8. januar kl. 10.00."));
    const en = analyzeText(
      ENGLISH("You have a meeting with us on 8 January at 10.00. Please bring your CV.")
    );
    const value = (analysis: ReturnType<typeof analyzeText>) =>
      analysis.scores.essentials.facts.find((fact) => fact.kind === "date")?.value;
    expect(value(da)).toBe("2027-01-08");
    expect(value(en)).toBe("2027-01-08");
  });
});

describe("one weekday check for both languages", () => {
  test("a year-less date with a wrong weekday: the weekday is corrected (da)", () => {
    const analysis = analyzeText(DANISH("Du skal til samtale onsdag den 3. december kl. 10.00."));
    const [finding, ...rest] = weekdays(analysis.findings);
    expect(rest).toEqual([]);
    expect(finding?.message).toBe(
      "»onsdag den 3. december« — den 3. december 2026 er en torsdag. Tjek datoen og ugedagen."
    );
    expect(finding?.suggestion?.text).toBe("torsdag den 3. december");
  });

  test("a year-less date with a wrong weekday: the weekday is corrected (en)", () => {
    const analysis = analyzeText(
      ENGLISH("You have a meeting with us on Wednesday 3 December at 10.00. Please bring your CV.")
    );
    const [finding, ...rest] = weekdays(analysis.findings);
    expect(rest).toEqual([]);
    expect(finding?.message).toBe(
      '"Wednesday 3 December": 3 December 2026 is a Thursday. Check the date and the weekday.'
    );
    expect(finding?.suggestion?.text).toBe("Thursday 3 December");
  });
});
