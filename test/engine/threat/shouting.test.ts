import { applyEdits } from "../../../src/engine/edits/apply.js";
import { detectShouting } from "../../../src/engine/rules/threat/shouting.js";
import { analyse, threatFindings } from "./helpers.js";

describe("threat/shouting", () => {
  test("capitals become ordinary words, spelled as the letter spells them", () => {
    const analysis = analyse([
      "Du skal møde i Jobcenter Randers torsdag kl. 9.15, og du skal HUSKE dit CV.",
      "DU SKAL MØDE I JOBCENTER RANDERS.",
    ]);
    const findings = threatFindings(analysis, "threat/shouting");
    expect(findings.map((finding) => finding.suggestion?.text)).toEqual([
      "huske",
      "Du skal møde i Jobcenter Randers",
    ]);
    expect(findings.every((finding) => finding.details?.severity === "warning")).toBe(true);
    // "huske" is never written in ordinary case in this letter: lower-casing it is a guess.
    expect(findings.map((finding) => finding.safe)).toEqual([false, true]);
    const { letter } = applyEdits(
      analysis.letter,
      findings.map((finding) => finding.edit!)
    );
    expect(letter.text).toContain("du skal huske dit CV.");
    expect(letter.text).toContain("Du skal møde i Jobcenter Randers.");
  });

  test("a word the letter never spells otherwise is lower-cased, but not as a safe edit", () => {
    const finding = threatFindings(
      analyse(["Mødet er OBLIGATORISK for alle."]),
      "threat/shouting"
    )[0]!;
    expect(finding.suggestion?.text).toBe("obligatorisk");
    expect(finding.safe).toBe(false);
  });

  test("an exclamation mark becomes a full stop", () => {
    const analysis = analyse([
      "Du skal have dit sygesikringskort med til samtalen, og du skal huske dit CV!",
    ]);
    const finding = threatFindings(analysis, "threat/shouting")[0]!;
    expect(finding.details).toMatchObject({ severity: "warning", kind: "exclamation" });
    const { letter } = applyEdits(analysis.letter, [finding.edit!]);
    expect(letter.text).toContain("til samtalen, og du skal huske dit CV.");
  });

  test("in a subject line the exclamation mark is removed, not turned into a full stop", () => {
    const analysis = analyse(
      ["Du skal til samtale torsdag den 3. december 2026 kl. 9.15."],
      [],
      "Husk din samtale!"
    );
    const finding = threatFindings(analysis, "threat/shouting")[0]!;
    const { letter } = applyEdits(analysis.letter, [finding.edit!]);
    expect(letter.blocks.find((block) => block.kind === "subject")!.text).toBe("Husk din samtale");
  });

  test.each([
    "Tag dit CV og dit NemID med.",
    "Log på med MitID og dit CPR-nr.",
    "Husk at tage din A-KASSE-bog med.",
    "Mødet er i SKAT's lokaler.",
    "Send dit CV som PDF til os.",
    "Velkommen til dit nye forløb!",
    "Vi glæder os til at se dig!",
    "Du har ret til hjælp efter kapitel IV.",
  ])("not shouting: %s", (sentence) => {
    expect(detectShouting(sentence)).toEqual([]);
  });
});
