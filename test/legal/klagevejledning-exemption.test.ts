import { analyzeText } from "../../src/engine/analyze.js";
import type { LegalRegistryEntry } from "../../src/engine/rules/legal/index.js";
import { klagevejledningExemption } from "../../src/engine/rules/legal/required.js";
import { loadLegalRegistry } from "../../src/templates/library.js";

let registry: LegalRegistryEntry[];
beforeAll(async () => {
  ({ registry } = await loadLegalRegistry("templates"));
  expect(registry.some((entry) => entry.id === "klagevejledning")).toBe(true);
});

/**
 * Whether the engine asks the decision for a klagevejledning: without a registry (recognised by
 * its words) and with the approved library. Both paths ask the one decision in required.ts.
 */
function asksForKlagevejledning(text: string): { withoutRegistry: boolean; withRegistry: boolean } {
  const asks = (withRegistry: boolean) => {
    const analysis = analyzeText(text, withRegistry ? { legal: { registry } } : {});
    expect(analysis.letterType).toBe("afgørelse");
    return analysis.findings.some(
      (finding) => finding.ruleId === "legal/missing" && /klage/iu.test(finding.message)
    );
  };
  return { withoutRegistry: asks(false), withRegistry: asks(true) };
}
const NEITHER = { withoutRegistry: false, withRegistry: false };
const BOTH = { withoutRegistry: true, withRegistry: true };

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
    expect(klagevejledningExemption(text)).toBe("finalInstance");
    expect(asksForKlagevejledning(text)).toEqual(NEITHER);
  });

  test("a supervisory authority's decision (@finalInstances in the sender lines)", () => {
    const text = [
      "Statsforvaltningen Syddanmark",
      "",
      "Afgørelse",
      "",
      "Statsforvaltningen har besluttet ikke at tage sagen op, fordi kommunen ikke har handlet i strid med reglerne.",
      "",
    ].join("\n");
    expect(klagevejledningExemption(text)).toBe("finalInstance");
    expect(asksForKlagevejledning(text)).toEqual(NEITHER);
  });

  test("a decision that says it is final (no other administrative authority can hear it)", () => {
    const text = [
      "Afgørelse om din klage",
      "",
      "Nævnet har besluttet at stadfæste kommunens afgørelse om at standse din kontanthjælp.",
      "",
      "Nævnets afgørelse er endelig og kan ikke indbringes for anden administrativ myndighed.",
      "",
    ].join("\n");
    expect(klagevejledningExemption(text)).toBe("finalInstance");
    expect(asksForKlagevejledning(text)).toEqual(NEITHER);
  });

  test("a decision that grants the request in full", () => {
    const text = [
      "Du har den 24. november 2026 søgt om hjælp til tandbehandling.",
      "",
      "Vi bevilger dig hjælp til tandbehandling. Du får 3.200 kr. til tandlægen.",
      "",
    ].join("\n");
    expect(klagevejledningExemption(text)).toBe("fullGrant");
    // Bug: with a registry only a final instance was exempt, so a full grant was asked for one.
    expect(asksForKlagevejledning(text)).toEqual(NEITHER);
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
    expect(asksForKlagevejledning(text + "\n")).toEqual(BOTH);
  });
});
