import { readFileSync, writeFileSync } from "node:fs";
import { checkSanctionGuidance, sanctionRole } from "../../src/engine/rules/legal/sanction.js";

/**
 * The sanction guidance check of 300 generated texts (one to three sentences from templates of
 * sanction guidance: the way back as "får hjælpen igen" and as "fra den dag, du kontakter os",
 * negated or not, conditions, income deductions, unnamed sanctions, with random words of the same
 * word classes put in), as it read them before its speed-ups of 2026-12-05 (the way back looked
 * for only where a "fra den dag" phrase can start, the clause tests as helpers). Changes to the
 * results are changes to the rule: regenerate on purpose with UPDATE_GOLDEN=1 npm test --
 * test/legal/sanction-guidance-golden.
 */
const GOLDEN = new URL("../golden/sanction-guidance.json", import.meta.url);
const UPDATE = Boolean(process.env.UPDATE_GOLDEN);

interface Entry {
  text: string;
  check: unknown;
  role: string;
}

describe("sanction guidance on generated texts", () => {
  const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as Entry[];

  test("each text is checked as it was", () => {
    const now = golden.map(({ text }) => ({
      text,
      check: checkSanctionGuidance(text),
      role: sanctionRole(text),
    }));
    if (UPDATE) {
      writeFileSync(GOLDEN, `[${now.map((entry) => JSON.stringify(entry)).join(",\n")}]\n`);
      return;
    }
    expect(now).toEqual(golden);
  });

  test("the texts hold the way back, sanctions and complete guidance to compare", () => {
    const present = (entry: Entry) => (entry.check as { present: string[] }).present;
    expect(golden.filter((entry) => present(entry).includes("restore")).length).toBeGreaterThan(
      100
    );
    expect(golden.filter((entry) => present(entry).length === 3).length).toBeGreaterThan(20);
  });
});
