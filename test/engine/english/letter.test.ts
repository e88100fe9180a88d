import { readFileSync } from "node:fs";
import { analyzeText } from "../../../src/engine/index.js";

/**
 * English letters get the same score card as Danish ones: letter type, facts (dates, times,
 * places, actions, deadlines, decisions), essentials-first and threat framing. The summons is
 * the fixture test/fixtures/letters/indkaldelse-moede-en.txt; the other letters are written for
 * this test in the phrasing of English-language letters from Danish job centres and GOV.UK
 * benefits guidance.
 */
const FIXTURE = readFileSync("test/fixtures/letters/indkaldelse-moede-en.txt", "utf8");

const facts = (text: string, referenceDate = "2026-11-20") =>
  analyzeText(text, { referenceDate }).scores.essentials.facts.map((fact) => [
    fact.kind,
    fact.value,
  ]);

describe("the English summons fixture", () => {
  const analysis = analyzeText(FIXTURE, { referenceDate: "2026-11-20" });

  test("is an English summons with its date, time and place in the lead", () => {
    expect(analysis.language).toBe("en");
    expect(analysis.letterType).toBe("indkaldelse");
    expect(analysis.scores.essentials.inLead).toBe(true);
    const values = analysis.scores.essentials.facts.map((fact) => [fact.kind, fact.value]);
    expect(values).toEqual(
      expect.arrayContaining([
        ["date", "2026-12-03"],
        ["time", "10:00"],
        ["place", "Laksetorvet 1, 8900 Randers C"],
        ["action", "bring a list of the jobs"],
        ["action", "call us"],
        ["time", "08:30"],
      ])
    );
  });

  test("its guidance sentence is a sanction threat, weighed low after the closing", () => {
    const threats = analysis.findings.filter((finding) => finding.ruleId === "threat/sanction");
    expect(threats.map((finding) => finding.message)).toEqual([
      'Sanction threat: "will not receive cash benefits". Say what the reader can do instead.',
    ]);
    expect(analysis.scores.threat.count).toBe(1);
    expect(analysis.scores.threat.score).toBeGreaterThan(0);
    expect(analysis.scores.threat.score).toBeLessThan(30);
  });
});

describe("English dates and times", () => {
  test.each([
    ["You have a meeting with us on Wednesday 9 December 2026 at 11.00.", "2026-12-09", "11:00"],
    ["Your meeting is on 9 December at 11:00.", "2026-12-09", "11:00"],
    ["Your meeting is on December 9, 2026 at 11am.", "2026-12-09", "11:00"],
    ["Your meeting is on the 9th of December from 10.00 to 11.30.", "2026-12-09", "10:00-11:30"],
    ["Your meeting is on 9/12/2026 at 2.30 pm.", "2026-12-09", "14:30"],
  ])("%s", (sentence, date, time) => {
    const found = facts(
      `Dear Anna,\n\n${sentence} Please bring your ID card.\n\nKind regards\n\nJobcenter Randers`
    );
    expect(found).toEqual(
      expect.arrayContaining([
        ["date", date],
        ["time", time],
      ])
    );
  });

  test("a year-less date takes the letter's year from its date line", () => {
    const letter =
      "Randers, 20 December 2027\n\nDear Anna,\n\nYou are invited to a meeting on 5 January at 10.00.\n\nKind regards\n\nJobcenter Randers";
    expect(facts(letter, "2026-01-01")).toEqual(expect.arrayContaining([["date", "2028-01-05"]]));
  });

  test("house numbers and phone numbers are no times", () => {
    const found = facts(
      "Dear Anna,\n\nThe address is Laksetorvet 1, 8900 Randers C. Call us on 89 15 10 00.\n\nKind regards\n\nJobcenter Randers"
    );
    expect(found.filter(([kind]) => kind === "time")).toEqual([]);
  });
});

describe("English letter types and essentials first", () => {
  const letter = (subject: string, ...paragraphs: string[]) =>
    [
      "Jobcenter Randers",
      "Randers, 20 November 2026",
      subject,
      "Dear Anna,",
      ...paragraphs,
      "Kind regards",
      "Birgitte Holm",
    ].join("\n\n");

  test("a decision", () => {
    const analysis = analyzeText(
      letter(
        "Decision about your cash benefits",
        "We have decided that you will receive cash benefits from 1 December 2026.",
        "If you disagree, you can appeal the decision within four weeks."
      )
    );
    expect(analysis.letterType).toBe("afgørelse");
    expect(analysis.scores.essentials.facts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "decision",
          value: "you will receive cash benefits from 1 December 2026",
        }),
      ])
    );
    expect(analysis.scores.essentials.inLead).toBe(true);
  });

  test("a hearing", () => {
    const analysis = analyzeText(
      letter(
        "Your cash benefits",
        "Before we make a decision, we would like to hear from you. We intend to stop your cash benefits from 1 January 2027, because you did not attend two meetings.",
        "Please send us your comments by 15 December 2026."
      )
    );
    expect(analysis.letterType).toBe("partshøring");
    const kinds = analysis.scores.essentials.facts.map((fact) => [fact.kind, fact.value]);
    expect(kinds).toEqual(expect.arrayContaining([["deadline", "2026-12-15"]]));
  });

  test("a request whose action and deadline stand late gets an English not-in-lead finding", () => {
    const analysis = analyzeText(
      letter(
        "Your payslips",
        "We are reviewing your case, and we have looked at the information you gave us in October about your work and your income.",
        "We need your payslips for September and October. Please send us your payslips by 4 December 2026."
      )
    );
    expect(analysis.letterType).toBe("anmodning");
    const notInLead = analysis.findings.find(
      (finding) => finding.ruleId === "essentials/not-in-lead"
    );
    expect(notInLead?.message).toBe(
      "The essentials are not first: what the reader must do and the deadline. Put them in the letter's first paragraph, so the reader sees them at once."
    );
    // An English lead from the English templates, never a Danish one.
    expect(notInLead?.suggestion?.text).toBe("Send us your payslips by Friday 4 December 2026.");
    expect(analysis.proposals.lead).toMatchObject({
      kind: "insertBlock",
      ruleId: "essentials/lead",
    });
    expect(analysis.proposals.reorder).toBeDefined();
  });

  test("information", () => {
    const analysis = analyzeText(
      letter(
        "Opening hours at Christmas",
        "Jobcenter Randers is closed from 24 to 26 December 2026."
      )
    );
    expect(analysis.letterType).toBe("orientering");
  });
});

describe("English weekday check", () => {
  test("a weekday that does not fit its date is corrected, in English", () => {
    const analysis = analyzeText(
      "Randers, 20 November 2026\n\nDear Anna,\n\nYou have a meeting with us on Wednesday 3 December at 10.00.\n\nKind regards\n\nJobcenter Randers"
    );
    const finding = analysis.findings.find((item) => item.ruleId === "essentials/weekday-mismatch");
    expect(finding?.message).toBe(
      '"Wednesday 3 December": 3 December 2026 is a Thursday. Check the date and the weekday.'
    );
    expect(finding?.suggestion?.text).toBe("Thursday 3 December");
    expect(finding?.edit).toMatchObject({ kind: "replace", text: "Thursday" });
  });
});

describe("English generated lead", () => {
  test("a summons whose lead is boilerplate gets an English lead with date, time and place", () => {
    const analysis = analyzeText(
      [
        "Invitation to a meeting",
        "Dear Anna,",
        "Under the Active Employment Act, the job centre must hold regular meetings with you about your options.",
        "You are invited to a meeting on Wednesday 9 December 2026 at 11.00 at Jobcenter Randers.",
        "Kind regards",
        "Birgitte Holm",
      ].join("\n\n")
    );
    expect(analysis.letterType).toBe("indkaldelse");
    expect(analysis.proposals.lead?.text).toBe(
      "You have a meeting with us on Wednesday 9 December 2026 at 11.00 at Jobcenter Randers."
    );
  });
});
