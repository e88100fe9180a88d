/// <reference types="office-js" />
import { analyzeLetter } from "../../src/engine/analyze.js";
import { readLetter } from "../../src/word/read.js";
import {
  buildAnalysisRecord,
  ignoredFinding,
  loadAnalysisRecord,
  RECORD_KEY,
  saveAnalysisRecord,
} from "../../src/word/record.js";
import { WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter } from "./support.js";

let fake: WordFake;
let restore: () => void;

afterEach(() => restore?.());

describe("the analysis recorded in the document", () => {
  test("scores, date, template and dismissed findings are saved in the document and read back", async () => {
    fake = fakeFromLetter("indkaldelse-foer", { wordApi: "1.3" });
    restore = fake.install();
    const word = await readLetter(fake.context());
    const analysis = analyzeLetter(word.letter);
    const now = new Date("2026-11-24T10:15:00Z");
    const dismissed = {
      ruleId: "threat/sanction",
      severity: "warning" as const,
      message: "Trussel",
      start: { offset: word.letter.text.indexOf("fradrag"), line: 1, column: 1 },
      end: { offset: word.letter.text.indexOf("fradrag") + "fradrag".length, line: 1, column: 1 },
    };
    const record = buildAnalysisRecord(analysis, {
      template: { id: "indkaldelse-jobsamtale", version: "2" },
      ignored: [ignoredFinding(dismissed, word.letter, "Lovpligtig oplysning", now)],
      now,
    });
    await saveAnalysisRecord(record);
    expect(fake.settings.saved.get(RECORD_KEY)).toEqual(record);
    const loaded = loadAnalysisRecord();
    expect(loaded).toEqual(record);
    expect(loaded).toMatchObject({
      analyzedAt: "2026-11-24T10:15:00.000Z",
      template: { id: "indkaldelse-jobsamtale", version: "2" },
      ignoredFindings: [
        { ruleId: "threat/sanction", text: "fradrag", reason: "Lovpligtig oplysning" },
      ],
    });
    expect(loaded!.scores.lix).toBe(analysis.scores.readability.lix);
    expect(loaded!.findings.total).toBe(analysis.findings.length);
  });

  test("nothing recorded, or something that is not Klarbrev's format, reads as undefined", () => {
    fake = new WordFake({ paragraphs: [{ text: "" }] });
    restore = fake.install();
    expect(loadAnalysisRecord()).toBeUndefined();
    fake.settings.set(RECORD_KEY, { format: 99 });
    expect(loadAnalysisRecord()).toBeUndefined();
  });

  test("a failed save is an error, not silence", async () => {
    fake = new WordFake({ paragraphs: [{ text: "" }] });
    restore = fake.install();
    fake.settings.failNextSave = true;
    const record = buildAnalysisRecord(
      analyzeLetter(await readLetter(fake.context()).then((word) => word.letter))
    );
    await expect(saveAnalysisRecord(record)).rejects.toThrow("could not save the analysis record");
  });
});
