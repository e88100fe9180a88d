import { applyEdits } from "../../../src/engine/edits/apply.js";
import { detectObligations } from "../../../src/engine/rules/threat/obligation.js";
import { analyse, threatFindings } from "./helpers.js";

describe("threat/obligation", () => {
  test.each([
    ["Du har pligt til at møde op til samtalen.", "Du skal møde op til samtalen."],
    ["Derfor har du også pligt til at søge job.", "Derfor skal du også søge job."],
    [
      "Man har således pligt til at tage imod tilbud om arbejde.",
      "Man skal således tage imod tilbud om arbejde.",
    ],
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

  test("reported without a mechanical edit: Forsørgelsespligten påhviler dig som forælder.", () => {
    const sentence = "Forsørgelsespligten påhviler dig som forælder.";
    const findings = threatFindings(analyse([sentence]), "threat/obligation");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.edit).toBeUndefined();
    expect(findings[0]!.message).toContain("pligtsprog");
  });

  // Issue 8, 3: each framing has its own severity. A duty or requirement named as a noun has no
  // mechanical rewording: info, weighing half of "du har pligt til" in the score.
  test.each([
    ["Det er et krav, at du søger mindst to job om ugen.", "krav"],
    ["Du har mødepligt til alle samtaler.", "mødepligt"],
    ["Har du mødepligt, skal du komme til alle samtaler.", "mødepligt"],
    ["Når du modtager offentlige ydelser har du oplysningspligt.", "oplysningspligt"],
    ["Du skal leve op til de krav, som Uddannelseshuset stiller til dig.", "krav"],
    ["Det er obligatorisk at deltage.", "obligatorisk"],
    ["Det er dit eget ansvar at holde øje med din post.", "ansvar"],
    ["For at beholde din SU er det et krav, at du er studieaktiv.", "krav"],
  ])("a duty or requirement as a noun is info: %s", (sentence, noun) => {
    const findings = threatFindings(analyse([sentence]), "threat/obligation");
    expect(findings.map((finding) => [finding.severity, finding.details?.kind])).toEqual([
      ["info", "requirement"],
    ]);
    expect(findings[0]!.edit).toBeUndefined();
    expect(findings[0]!.message).toContain(`»${noun}«`);
  });

  test.each([
    "Du har krav på hjælp til at finde et job.",
    "Det er et ufravigeligt krav, at kommunen skriftligt har vejledt borgeren.",
    "Når de offentlige myndigheder behandler oplysninger om dig, har de tavshedspligt.",
    "Din kommune har pligt til at hjælpe dig med at klage.",
    "Hvis du opfylder alle krav til fortsat at få dine ydelser, skriver vi til dig.",
    "Har du mødepligt?",
  ])("no requirement the reader holds: %s", (sentence) => {
    expect(threatFindings(analyse([sentence]), "threat/obligation")).toEqual([]);
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
