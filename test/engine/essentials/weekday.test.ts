import { readdirSync } from "node:fs";
import { analyzeLetter, analyzeText } from "../../../src/engine/analyze.js";
import { applyEdits } from "../../../src/engine/edits/apply.js";
import type { Finding } from "../../../src/engine/types.js";
import { letterWithBody, readFixture } from "./helpers.js";

const RULE = "essentials/weekday-mismatch";

const weekdayFindings = (findings: readonly Finding[]) =>
  findings.filter((finding) => finding.ruleId === RULE);

/** The weekday findings of a letter dated "Randers, den 20. november 2026" with this body. */
function check(body: string) {
  const analysis = analyzeLetter(letterWithBody(body));
  return { analysis, findings: weekdayFindings(analysis.findings) };
}

describe("essentials/weekday-mismatch", () => {
  test("a wrong weekday is flagged on the weekday and date, and the edit corrects the weekday", () => {
    const { analysis, findings } = check(
      "Du skal til samtale onsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers."
    );
    expect(findings).toHaveLength(1);
    const finding = findings[0]!;
    const { letter } = analysis;
    expect(letter.text.slice(finding.start.offset, finding.end.offset)).toBe(
      "onsdag den 3. december 2026"
    );
    expect(finding.severity).toBe("warning");
    expect(finding.message).toBe(
      "»onsdag den 3. december 2026« — den 3. december 2026 er en torsdag. Tjek datoen og ugedagen."
    );
    expect(finding.suggestion?.text).toBe("torsdag den 3. december 2026");
    expect(finding.suggestion?.explanation).toContain("datoen oftest er den rigtige");
    expect(finding.safe).toBe(false);
    expect(finding.details).toEqual({ date: "2026-12-03", written: "onsdag", weekday: "torsdag" });

    const edit = finding.edit!;
    expect(edit).toMatchObject({ kind: "replace", text: "torsdag", ruleId: RULE });
    if (edit.kind !== "replace") throw new Error("expected a replace edit");
    expect(letter.text.slice(edit.start, edit.end)).toBe("onsdag"); // the weekday only
    const result = applyEdits(letter, [edit]);
    expect(result.refused).toEqual([]);
    expect(result.letter.text).toContain(
      "Du skal til samtale torsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers."
    );
    expect(weekdayFindings(analyzeLetter(result.letter).findings)).toEqual([]);
  });

  test("a wrong weekday in a numeric date and in a deadline is flagged too", () => {
    const { findings } = check(
      "Vi ses tirsdag d. 7/12-2026 kl. 10.00. Send os lægeerklæringen senest lørdag den 11.12.2026."
    );
    expect(findings.map((finding) => finding.suggestion?.text)).toEqual([
      "mandag d. 7/12-2026",
      "fredag den 11.12.2026",
    ]);
  });

  test.each([
    "Du skal til samtale mandag den 7. december 2026 kl. 10.00.",
    "Du skal til samtale mandag d. 7/12-2026 kl. 10.00.",
    "Du skal til samtale mandag den 07.12.2026 kl. 10.00.",
    "Du skal til samtale mandag, den 7. december 2026 kl. 10.00.",
    "Du skal til samtale mandag 7/12 kl. 10.00.",
    // No year: the year comes from the date line (Randers, den 20. november 2026).
    "Du skal til samtale mandag den 7. december kl. 10.00.",
    "Praktikken varer fra mandag den 7. december 2026 til og med fredag den 29. januar 2027.",
  ])("a correct weekday is silent: %s", (body) => {
    expect(check(body).findings).toEqual([]);
  });

  test("a weekday at the start of a sentence keeps its capital in the edit", () => {
    const { analysis, findings } = check(
      "Vi har flyttet din samtale. Onsdag den 3. december 2026 kl. 9.15 er din nye tid."
    );
    expect(findings).toHaveLength(1);
    const edit = findings[0]!.edit!;
    expect(edit).toMatchObject({ kind: "replace", text: "Torsdag" });
    expect(findings[0]!.suggestion?.text).toBe("Torsdag den 3. december 2026");
    const result = applyEdits(analysis.letter, [edit]);
    expect(result.letter.text).toContain(
      "Vi har flyttet din samtale. Torsdag den 3. december 2026 kl. 9.15 er din nye tid."
    );
  });

  test("without a year, the date line's year is used for the check", () => {
    // 3 December is a Wednesday in 2025, a Thursday in 2026 and a Friday in 2027: never a Monday.
    const { findings } = check("Du skal til samtale mandag den 3. december kl. 10.00.");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe(
      "»mandag den 3. december« — den 3. december 2026 er en torsdag. Tjek datoen og ugedagen."
    );
    expect(findings[0]!.suggestion?.text).toBe("torsdag den 3. december");
  });

  // Bug: the written weekday moved the meeting a year back (3 December 2025 was a Wednesday),
  // so a wrong weekday in a summons from November 2026 went unnoticed.
  test("without a year, a wrong weekday does not move the date a year back", () => {
    const { analysis, findings } = check("Du skal til samtale onsdag den 3. december kl. 10.00.");
    const date = analysis.scores.essentials.facts.find((fact) => fact.kind === "date");
    expect(date?.value).toBe("2026-12-03");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.suggestion?.text).toBe("torsdag den 3. december");
  });

  test("when no year can be inferred, nothing is said", () => {
    // 29 February exists in none of 2025, 2026 and 2027.
    expect(check("Du skal til samtale fredag den 29. februar kl. 10.00.").findings).toEqual([]);
  });

  test("nothing inside a protected legal block, though the same text outside is flagged", () => {
    const sentence = "Klagen skal være modtaget senest onsdag den 3. december 2026.";
    const text = [
      "Randers, den 20. november 2026",
      "",
      "Afgørelse om din ydelse",
      "",
      "Kære Jens Hansen",
      "",
      "Du får ikke ekstra hjælp til tandlæge.",
      "",
      '<!-- klarbrev:legal id="klagevejledning" version="2" -->',
      sentence,
      "<!-- /klarbrev:legal -->",
      "",
      "Med venlig hilsen",
      "",
      "Birgitte Holm",
    ].join("\n");
    const analysis = analyzeText(text);
    expect(analysis.letter.blocks.some((block) => block.kind === "legal")).toBe(true);
    expect(weekdayFindings(analysis.findings)).toEqual([]);
    expect(check(sentence).findings).toHaveLength(1);
  });

  test("the date line, address and signature are not checked", () => {
    const text = [
      "Jobcenter Randers",
      "Laksetorvet 1",
      "8900 Randers C",
      "",
      "Randers, onsdag den 20. november 2026",
      "",
      "Indkaldelse til samtale",
      "",
      "Kære Jens Hansen",
      "",
      "Du skal til samtale mandag den 7. december 2026 kl. 10.00.",
      "",
      "Med venlig hilsen",
      "",
      "Birgitte Holm",
      "Jobkonsulent, tirsdag den 2. november 2026",
    ].join("\n");
    // 20 November 2026 is a Friday and 2 November 2026 a Monday: both weekdays are wrong.
    const analysis = analyzeText(text);
    const kindOf = (needle: string) =>
      analysis.letter.blocks.find((block) => block.text.includes(needle))?.kind;
    expect(kindOf("onsdag den 20.")).toBe("date");
    expect(kindOf("tirsdag den 2.")).toBe("signature");
    expect(weekdayFindings(analysis.findings)).toEqual([]);
  });

  test("an English letter gets no findings", () => {
    const analysis = analyzeText(
      "Dear Jens Hansen\n\nYou are invited to a meeting at the job centre on onsdag den 3. december 2026 at 9.15. Please bring your CV and your passport. If you cannot come, please call us before the meeting.\n\nKind regards\n\nBirgitte Holm"
    );
    expect(analysis.language).toBe("en");
    expect(weekdayFindings(analysis.findings)).toEqual([]);
  });

  describe("the corpus's letters, whose weekdays were checked by hand, get no findings", () => {
    const files = readdirSync("test/fixtures/letters").sort();
    test.each(files)("%s", (name) => {
      const text = readFixture(`test/fixtures/letters/${name}`);
      const analysis = analyzeText(text, { format: name.endsWith(".md") ? "md" : "txt" });
      expect(weekdayFindings(analysis.findings)).toEqual([]);
    });

    test("the corpus does name weekdays next to dates (so the check above means something)", () => {
      const named = files.filter((name) =>
        /(?:mandag|tirsdag|onsdag|torsdag|fredag) den \d/u.test(
          readFixture(`test/fixtures/letters/${name}`)
        )
      );
      expect(named.length).toBeGreaterThanOrEqual(10);
    });
  });
});
