import { analyzeText } from "../../../src/engine/analyze.js";
import type { LetterType } from "../../../src/engine/types.js";
import { readFixture } from "./helpers.js";

/** The shared example letters: the "foer" versions bury the essentials, the "efter" versions do not. */
const CORPUS: [file: string, type: LetterType, inLead: boolean][] = [
  ["afgoerelse-afslag-efter.md", "afgørelse", true],
  ["afgoerelse-afslag-foer.txt", "afgørelse", false],
  ["afgoerelse-fradrag-efter.txt", "afgørelse", true],
  ["afgoerelse-fradrag-foer.txt", "afgørelse", true],
  ["afgoerelse-praktik-efter.md", "afgørelse", true],
  ["afgoerelse-praktik-foer.txt", "afgørelse", false],
  ["anmodning-dokumentation-efter.txt", "anmodning", true],
  ["anmodning-dokumentation-foer.txt", "anmodning", false],
  ["indkaldelse-efter.txt", "indkaldelse", true],
  ["indkaldelse-foer.txt", "indkaldelse", false],
  ["indkaldelse-sygeopfoelgning-efter.md", "indkaldelse", true],
  ["indkaldelse-sygeopfoelgning-foer.txt", "indkaldelse", false],
  ["indkaldelse-telefonsamtale-efter.txt", "indkaldelse", true],
  ["indkaldelse-telefonsamtale-foer.txt", "indkaldelse", false],
  ["orientering-ferie-efter.txt", "orientering", true],
  ["orientering-ferie-foer.txt", "orientering", true],
  ["partshoering-efter.txt", "partshøring", true],
  ["partshoering-foer.txt", "partshøring", false],
];

describe("the example letters", () => {
  test.each(CORPUS)("%s: %s, essentials in the lead: %s", (file, type, inLead) => {
    const analysis = analyzeText(readFixture(`test/fixtures/letters/${file}`), {
      format: file.endsWith(".md") ? "md" : "txt",
    });
    expect(analysis.letterType).toBe(type);
    expect(analysis.scores.essentials.inLead).toBe(inLead);
    const findings = analysis.findings.filter((finding) =>
      finding.ruleId.startsWith("essentials/")
    );
    if (file.includes("-efter")) expect(findings).toEqual([]);
    if (!inLead) {
      expect(findings.map((finding) => finding.ruleId)).toContain("essentials/not-in-lead");
      expect(analysis.proposals.lead).toBeDefined();
    }
  });

  test("the officialese deadline '14 dage fra dato for dette brev' is counted from the date line", () => {
    const analysis = analyzeText(
      readFixture("test/fixtures/letters/anmodning-dokumentation-foer.txt")
    );
    const deadline = analysis.scores.essentials.facts.find((fact) => fact.kind === "deadline")!;
    expect(deadline.text).toBe("senest 14 dage fra dato for dette brev");
    expect(deadline.value).toBe("2026-12-07"); // 23 November + 14 days, as the rewritten letter says
    expect(analysis.proposals.lead?.text).toBe(
      "Send dokumentation senest mandag den 7. december 2026."
    );
  });
});
