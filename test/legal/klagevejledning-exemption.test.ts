import { analyzeText } from "../../src/engine/analyze.js";
import { klagevejledningExemption } from "../../src/engine/rules/essentials/decision-cues.js";

/** Whether the engine (no registry) asks the decision for a klagevejledning. */
function asksForKlagevejledning(text: string): boolean {
  const analysis = analyzeText(text);
  expect(analysis.letterType).toBe("afgørelse");
  return analysis.findings.some(
    (finding) => finding.ruleId === "legal/missing" && /klage/iu.test(finding.message)
  );
}

describe("forvaltningsloven § 25, stk. 1: when a decision needs no klagevejledning", () => {
  test("an appeal body's final decision (its name heads the letter)", () => {
    const text = [
      "Planklagenævnet",
      "Toldboden 2 8800 Viborg",
      "",
      "AFGØRELSE",
      "i klagesag om Helsingør Kommunes dispensation fra lokalplan",
      "",
      "Planklagenævnet kan ikke give medhold i klagerne. Det betyder, at kommunens afgørelse gælder.",
      "",
    ].join("\n");
    expect(klagevejledningExemption(text)).toBe("finalAppealBody");
    expect(asksForKlagevejledning(text)).toBe(false);
  });

  test("a decision that grants the request in full", () => {
    const text = [
      "Varde Kommune har den 24. november 2010 søgt om dispensation fra reglerne om offentligt udbud ved delvist køb af 2 ejendomme.",
      "",
      "Statsforvaltningen kan imødekomme anmodningen.",
      "",
    ].join("\n");
    expect(klagevejledningExemption(text)).toBe("fullGrant");
    expect(asksForKlagevejledning(text)).toBe(false);
  });

  test.each<[string, string]>([
    [
      "a refusal",
      "Jobcentret afslår din ansøgning om hjælp til flytning, fordi du ikke har fået tilbudt arbejde et andet sted.",
    ],
    [
      "a grant in part",
      "Vi bevilger dig hjælp til tandbehandling, men ikke til briller. Du får 3.200 kr. til tandlægen.",
    ],
    [
      "a grant and a stated loss",
      "Vi har besluttet at bevilge dig kontanthjælp. Fra den 1. februar trækkes 516 kr. af kontanthjælpen hver måned.",
    ],
    [
      "a municipality that names an appeal body only in the body",
      "Vi har besluttet at standse din kontanthjælp fra den 1. februar 2027.\n\nAnkestyrelsen har tidligere behandlet lignende sager.",
    ],
  ])("still needs one: %s", (_, text) => {
    expect(klagevejledningExemption(text + "\n")).toBeUndefined();
    expect(asksForKlagevejledning(text + "\n")).toBe(true);
  });
});
