import { applyEdits } from "../../../src/engine/edits/apply.js";
import { detectObligations } from "../../../src/engine/rules/threat/obligation.js";
import { analyse, threatFindings } from "./helpers.js";

describe("threat/obligation", () => {
  test.each([
    ["Du har pligt til at møde op til samtalen.", "Du skal møde op til samtalen."],
    ["Derfor har du også pligt til at søge job.", "Derfor skal du også søge job."],
    [
      "Du er forpligtet til at tage imod et rimeligt tilbud.",
      "Du skal tage imod et rimeligt tilbud.",
    ],
    ["Det er din pligt at melde dig syg inden kl. 8.30.", "Du skal melde dig syg inden kl. 8.30."],
    [
      "Det påhviler dig at oplyse om ændringer i din indtægt.",
      "Du skal oplyse om ændringer i din indtægt.",
    ],
    [
      "Du skal være opmærksom på, at mødet er flyttet til lokale 3.",
      "Mødet er flyttet til lokale 3.",
    ],
  ])("%s -> %s", (sentence, expected) => {
    const analysis = analyse([sentence]);
    const findings = threatFindings(analysis, "threat/obligation");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.details).toMatchObject({ severity: "obligation" });
    expect(findings[0]!.safe).toBe(true);
    const { letter } = applyEdits(analysis.letter, [findings[0]!.edit!]);
    expect(letter.blocks.find((block) => block.kind === "paragraph")!.text).toBe(expected);
  });

  test.each([
    "Det er et krav, at du søger mindst to job om ugen.",
    "Du har mødepligt til alle samtaler.",
    "Forsørgelsespligten påhviler dig som forælder.",
  ])("reported without a mechanical edit: %s", (sentence) => {
    const findings = threatFindings(analyse([sentence]), "threat/obligation");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.edit).toBeUndefined();
    expect(findings[0]!.message).toContain("pligtsprog");
  });

  test.each([
    "Du har ikke pligt til at svare på spørgsmålene.",
    "Det er ikke et krav, at du har et CV.",
    "Ansvaret for at finde en ny tid påhviler jobcentret.",
    "Du skal møde op torsdag kl. 9.15.",
    "Husk at tage dit CV med.",
  ])("not obligation framing: %s", (sentence) => {
    expect(detectObligations(sentence)).toEqual([]);
  });
});
