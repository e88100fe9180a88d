import { analyzeText } from "../../../src/engine/analyze.js";
import { readFixture, wordCount } from "./helpers.js";

const fixture = (name: string) => readFixture(`test/engine/essentials/fixtures/${name}.txt`);

describe("more real letters", () => {
  test("anmodning: the request and its deadline stand in the 2nd paragraph", () => {
    const analysis = analyzeText(fixture("anmodning-tandlaege"));
    expect(analysis.letterType).toBe("anmodning");
    expect(analysis.scores.essentials.missingFromLead).toEqual(["action", "deadline"]);
    const values = analysis.scores.essentials.facts.map((fact) => [fact.kind, fact.value]);
    expect(values).toEqual([
      ["action", "send et skriftligt overslag"],
      ["deadline", "2026-12-18"],
    ]);
    expect(analysis.proposals.lead?.text).toBe(
      "Send et skriftligt overslag senest fredag den 18. december 2026."
    );
    expect(analysis.findings.find((f) => f.ruleId === "essentials/not-in-lead")?.message).toContain(
      "Borgerens opgave og fristen står i 2. afsnit"
    );
  });

  test("indkaldelse by phone: the meeting noun from the first paragraph, 'Vi ringer til dig'", () => {
    const analysis = analyzeText(fixture("indkaldelse-telefon"));
    expect(analysis.letterType).toBe("indkaldelse");
    const lead = analysis.proposals.lead!.text;
    expect(lead).toBe(
      "Du skal til opfølgningssamtale mandag den 14. december 2026 kl. 11.00. Vi ringer til dig."
    );
    expect(wordCount(lead)).toBeLessThanOrEqual(25);
    expect(analysis.proposals.reorder?.order).toEqual([0, 2, 1, 3, 4, 5]);
  });

  test("afgørelse with afslag: the decision as a du-form sentence", () => {
    const analysis = analyzeText(fixture("afgoerelse-afslag"));
    expect(analysis.letterType).toBe("afgørelse");
    expect(analysis.proposals.lead?.text).toBe(
      "Du får afslag på din ansøgning om hjælp til depositum."
    );
    // The complaint guidance ("Du kan klage ...") stays last.
    expect(analysis.proposals.reorder?.order).toEqual([0, 1, 3, 2, 4, 5, 6]);
  });
});
