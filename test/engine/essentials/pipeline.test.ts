import { VFile } from "vfile";
import { analyzeText } from "../../../src/engine/analyze.js";
import { processor } from "../../../src/engine/processor.js";
import { essentialsPreset } from "../../../src/engine/rules/essentials/index.js";
import { buildLetter, type Letter } from "../../../src/engine/letter/model.js";

function run(letter: Letter, options: Record<string, unknown>): VFile {
  const file = new VFile({ value: letter.text });
  file.data.letter = letter;
  const withTarget = { lixTarget: 35, ...options };
  file.data.options = withTarget;
  const proc = processor();
  proc.runSync(proc.parse(file), file);
  return file;
}

const yearless = buildLetter([
  { kind: "subject", text: "Indkaldelse til samtale" },
  { kind: "paragraph", text: "Du skal til samtale den 5. januar kl. 10.00 i Jobcenter Randers." },
]);

describe("the essentials preset in the processor", () => {
  test("one plugin per job: facts, weekday check, letter type, lead check, proposals", () => {
    expect(essentialsPreset.plugins).toHaveLength(5);
  });

  test("the referenceDate option reaches year inference", () => {
    const file = run(yearless, { referenceDate: "2026-11-20" });
    expect(file.data.letterType).toBe("indkaldelse");
    expect(file.data.essentials?.inLead).toBe(true);
    expect(file.data.essentials?.facts.find((fact) => fact.kind === "date")?.value).toBe(
      "2027-01-05"
    );
  });

  test("a bad referenceDate option is a clear one-line error", () => {
    expect(() => run(yearless, { referenceDate: "5. januar" })).toThrow(
      'referenceDate must be an ISO date (YYYY-MM-DD), got "5. januar"'
    );
  });

  test("an English letter gets no Danish essentials findings", () => {
    const analysis = analyzeText(
      "Dear Mr Smith\n\nThank you for your letter about your benefits. We will look at it and write to you again soon.\n\nKind regards\n\nJane Doe"
    );
    expect(analysis.findings.filter((finding) => finding.ruleId.startsWith("essentials/"))).toEqual(
      []
    );
    expect(analysis.letterType).toBe("orientering");
  });
});
