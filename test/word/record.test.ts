/// <reference types="office-js" />
import { analyzeLetter } from "../../src/engine/analyze.js";
import { readLetter } from "../../src/word/read.js";
import {
  buildAnalysisRecord,
  ignoredFinding,
  loadAnalysisRecord,
  RECORD_KEY,
  saveAnalysisRecord,
  sameRecord,
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

  // Bug: the task pane saved the record on every re-analysis, so merely opening it marked the
  // document as changed. An unchanged record (apart from its time) is not saved again.
  test("a record that says the same apart from its time counts as unchanged", async () => {
    fake = new WordFake({
      paragraphs: [{ text: "Du skal til samtale mandag den 7. december 2026 kl. 10.00." }],
    });
    restore = fake.install();
    const analysis = analyzeLetter((await readLetter(fake.context())).letter);
    const first = buildAnalysisRecord(analysis, { now: new Date("2026-11-24T10:15:00Z") });
    const later = buildAnalysisRecord(analysis, { now: new Date("2026-11-25T08:00:00Z") });
    expect(sameRecord(first, later)).toBe(true);
    expect(sameRecord(undefined, later)).toBe(false);
    const ignored = buildAnalysisRecord(analysis, {
      ignored: [{ ruleId: "plain/passive", text: "indkaldes", at: "2026-11-25T08:00:00Z" }],
    });
    expect(sameRecord(first, ignored)).toBe(false);
    expect(first.legal).toEqual(
      analysis.scores.legal.blocks.map(({ id, version, status }) => ({ id, version, status }))
    );
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
