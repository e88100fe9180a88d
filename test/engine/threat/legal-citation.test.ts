import { applyEdits } from "../../../src/engine/edits/apply.js";
import { detectLegalCitations } from "../../../src/engine/rules/threat/legal-citation.js";
import { analyse, flagged, threatFindings } from "./helpers.js";

describe("threat/legal-citation", () => {
  test.each([
    ["Du får hjælp efter § 11 i lov om aktiv socialpolitik.", ["§ 11", "lov om"]],
    ["Vi henviser til § 13, stk. 7, i loven.", ["§ 13", "stk. 7"]],
    ["Samtalen holdes i medfør af gældende lovgivning.", ["i medfør af gældende lovgivning"]],
    ["Det sker jf. aktivlovens regler.", ["jf. aktivlovens"]],
    ["Se lovbekendtgørelse nr. 1234 af 2. oktober 2026.", ["lovbekendtgørelse nr. 1234"]],
    ["Reglerne står i LBK nr. 701 af 2024.", ["LBK nr. 701"]],
    ["Fradraget sker i henhold til aktivlovens bestemmelser herom.", ["i henhold til aktivlovens"]],
  ])("%s", (sentence, expected) => {
    expect(detectLegalCitations(sentence)?.citations.map((citation) => citation.text)).toEqual(
      expected
    );
  });

  test("one low-weight finding per sentence; a trailing 'jf.' can be cut, never as a safe edit", () => {
    const sentence =
      "Jobcentret holder samtaler med personer, der modtager kontanthjælp, jf. lov om en aktiv beskæftigelsesindsats.";
    const analysis = analyse([sentence]);
    const findings = threatFindings(analysis, "threat/legal-citation");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.details).toMatchObject({ severity: "obligation", kind: "legal-citation" });
    expect(findings[0]!.safe).toBe(false);
    expect(findings[0]!.suggestion?.explanation).toContain("forvaltningslovens § 24");
    const { letter } = applyEdits(analysis.letter, [findings[0]!.edit!]);
    expect(letter.text).toContain(
      "Jobcentret holder samtaler med personer, der modtager kontanthjælp."
    );
  });

  // Bug: citations in the reasons after the closing ("Regler" in partshoering-efter.txt) were
  // flagged with advice to move them to the end of the letter, where they already were.
  test("citations after the closing are where they belong: no finding", () => {
    const rules =
      "Regler\nVi spørger dig efter forvaltningslovens § 19, før vi træffer en afgørelse.";
    const body = "Vi holder samtalen efter § 13, stk. 7, i lov om aktiv socialpolitik.";
    const analysis = analyse([body], [rules]);
    const findings = threatFindings(analysis, "threat/legal-citation");
    expect(findings.map((finding) => flagged(analysis, finding))).toEqual(["§ 13"]);
  });

  test.each([
    "Mødet er i lokale 2.14 på 3. sal.",
    "Du kan ringe på tlf. 89 15 10 00.",
    "Vi har brug for dit CPR-nr. og din adresse.",
    "Du har lov til at tage en bisidder med.",
  ])("no citation: %s", (sentence) => {
    expect(detectLegalCitations(sentence)).toBeUndefined();
  });
});
