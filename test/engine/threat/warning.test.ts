import { applyEdits } from "../../../src/engine/edits/apply.js";
import type { Edit } from "../../../src/engine/edits/edit.js";
import { detectWarnings } from "../../../src/engine/rules/threat/warning.js";
import { analyse, flagged, threatFindings } from "./helpers.js";

/** The body paragraph after applying every threat/warning edit of the letter. */
function calmed(sentence: string): string {
  const analysis = analyse([sentence]);
  const edits = threatFindings(analysis, "threat/warning").map(
    (finding) => finding.edit!
  ) as Edit[];
  const { letter, refused } = applyEdits(analysis.letter, edits);
  expect(refused).toEqual([]);
  return letter.blocks.find((block) => block.kind === "paragraph")!.text;
}

describe("threat/warning: warning phrases are removed with capitalisation and word order fixed", () => {
  test.each([
    ["VIGTIGT: Husk at tage dit sygesikringskort med.", "Husk at tage dit sygesikringskort med."],
    ["Det bemærkes, at mødet holdes i lokale 2.14.", "Mødet holdes i lokale 2.14."],
    ["Vi gør opmærksom på, at du kan klage over afgørelsen.", "Du kan klage over afgørelsen."],
    [
      "Vi skal gøre dig opmærksom på, at du selv skal melde dig ledig.",
      "Du skal selv melde dig ledig.",
    ],
    ["Bemærk, at der ikke sker fradrag, hvis du er syg.", "Der sker ikke fradrag, hvis du er syg."],
    ["Vær opmærksom på, at din hjælp ikke kan udbetales før.", "Din hjælp kan ikke udbetales før."],
    [
      "Det bemærkes endvidere, at jobcentret altid kan kontaktes.",
      "Jobcentret kan altid kontaktes.",
    ],
    ["OBS! Mødet er flyttet til kl. 10.00.", "Mødet er flyttet til kl. 10.00."],
    ["Bemærk: Du skal have dit CV med.", "Du skal have dit CV med."],
    ["Der gøres opmærksom på, at afbud skal ske telefonisk.", "Afbud skal ske telefonisk."],
    [
      "VIGTIGT: Det bemærkes, at udeblivelse fra samtalen uden rimelig grund vil medføre fradrag.",
      "Udeblivelse fra samtalen uden rimelig grund vil medføre fradrag.",
    ],
    [
      "Det skal understreges, at du ikke kan afslå tilbuddet, og at du skal møde kl. 8.00.",
      "Du kan ikke afslå tilbuddet, og du skal møde kl. 8.00.",
    ],
    [
      "Du kan ringe, og vi gør opmærksom på, at du ikke skal møde før.",
      "Du kan ringe, og du skal ikke møde før.",
    ],
  ])("%s", (sentence, expected) => {
    expect(calmed(sentence)).toBe(expected);
  });

  test("a warning at the start of a list item is removed after the list marker", () => {
    const analysis = analyse([
      "Til samtalen skal du have følgende med:\n- Bemærk, at du skal have dit CV med.\n- Dit sygesikringskort.",
    ]);
    const edits = threatFindings(analysis, "threat/warning").map((finding) => finding.edit!);
    const { letter } = applyEdits(analysis.letter, edits);
    expect(letter.text).toContain("- Du skal have dit CV med.");
  });

  test("'Vær opmærksom på' before an object becomes 'Husk', offered but not as a safe edit", () => {
    const analysis = analyse(["Vær opmærksom på fristen den 3. december 2026."]);
    const finding = threatFindings(analysis, "threat/warning")[0]!;
    expect(finding.suggestion?.text).toBe("Husk fristen den 3. december 2026.");
    expect(finding.safe).toBe(false);
  });

  test("findings carry severity warning, a Danish message and a safe edit with the rule id", () => {
    const analysis = analyse(["Det bemærkes, at mødet holdes i lokale 2.14."]);
    const finding = threatFindings(analysis, "threat/warning")[0]!;
    expect(flagged(analysis, finding)).toBe("Det bemærkes");
    expect(finding.details).toMatchObject({ severity: "warning" });
    expect(finding.message).toContain("»Det bemærkes« lyder som en advarsel");
    expect(finding.safe).toBe(true);
    expect(finding.edit).toMatchObject({ kind: "replace", ruleId: "threat/warning" });
    expect(finding.suggestion?.text).toBe("Mødet holdes i lokale 2.14.");
  });

  test("a warning with nothing to keep after it is reported without an edit", () => {
    const analysis = analyse(["Du skal have dit CV med til samtalen i morgen.", "VIGTIGT!"]);
    const findings = threatFindings(analysis, "threat/warning");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.edit).toBeUndefined();
  });
});

describe("threat/warning: not warnings", () => {
  test.each([
    "Det er VIGTIGT, at du kommer.", // capitals mid-sentence: shouting, not a warning phrase
    "Du har bemærket, at mødet er flyttet.",
    "Tak for dine bemærkninger til sagen.",
    "Husk at tage dit CV med.",
    "Det er vigtigt for os at høre, hvordan det går.",
    "Vi er opmærksomme på, at det kan være svært at finde tid.",
  ])("%s", (sentence) => {
    expect(detectWarnings(sentence)).toEqual([]);
  });
});
