/// <reference types="office-js" />
import { analyzeLetter } from "../../src/engine/analyze.js";
import { loadRecord } from "../../src/word/record-store.js";
import { createWordHost } from "../../src/taskpane/word-host.js";
import type { WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter } from "../word/support.js";

/** The task pane's Word binding, on the Word adapter's strict fake of the object model. */
let fake: WordFake;
let restore: () => void;

beforeEach(() => {
  fake = fakeFromLetter("indkaldelse-foer");
  restore = fake.install();
});
afterEach(() => restore?.());

describe("WordHost: the task pane in Word", () => {
  test("reads the document as a Letter the engine analyses", async () => {
    const host = await createWordHost("da-DK", fake.run);
    const letter = await host.read();
    expect(letter.text).toContain("Du indkaldes til samtale torsdag den 3. december 2026 kl. 9.15");
    expect(analyzeLetter(letter).findings.length).toBeGreaterThan(0);
  });

  test("applies a finding's edit as a tracked change", async () => {
    const host = await createWordHost("da-DK", fake.run);
    const analysis = analyzeLetter(await host.read());
    const finding = analysis.findings.find((f) => f.ruleId === "threat/warning" && f.edit)!;
    const outcome = await host.apply([finding.edit!]);
    expect(outcome.applied).toEqual([finding.edit]);
    expect(outcome.refused).toEqual([]);
    expect(outcome.tracked).toBe(true);
    expect(fake.trackedChanges().length).toBeGreaterThan(0);
    expect((await host.read()).text).not.toBe(analysis.letter.text);
  });

  // Bug: the adapter's notices are Danish and reached the English UI verbatim.
  test("Word notices (no tracked changes in WordApi 1.3) come in the UI's language", async () => {
    restore();
    fake = fakeFromLetter("indkaldelse-foer", { wordApi: "1.3" });
    restore = fake.install();
    const host = await createWordHost("en-US", fake.run);
    const analysis = analyzeLetter(await host.read());
    const finding = analysis.findings.find((f) => f.ruleId === "threat/warning" && f.edit)!;
    const outcome = await host.apply([finding.edit!]);
    expect(outcome.tracked).toBe(false);
    expect(outcome.notice).toMatch(/^This version of Word does not let Klarbrev/u);
  });

  test("select() shows the finding's text in the document", async () => {
    const host = await createWordHost("da-DK", fake.run);
    const letter = await host.read();
    const at = letter.text.indexOf("kl. 9.15");
    await host.select(at, at + 8);
    expect(fake.model.rangeText(fake.model.selection!)).toBe("kl. 9.15");
  });

  test("ignored findings and the analysis are recorded in the document (custom XML part)", async () => {
    const host = await createWordHost("da-DK", fake.run);
    const analysis = analyzeLetter(await host.read());
    await host.recordAnalysis(analysis);
    await host.setIgnored(["plain/officialese|i medfør af|0"]);
    const record = (await loadRecord())!;
    expect(record.ignoredFindings.map((i) => [i.ruleId, i.text])).toEqual([
      ["plain/officialese", "i medfør af"],
    ]);
    expect(record.scores.threat).toBe(analysis.scores.threat.score);
    const again = await createWordHost("da-DK", fake.run);
    expect(await again.getIgnored()).toEqual(["plain/officialese|i medfør af|0"]);
  });

  // Issue 10: the restore is untracked (Word cannot review a change in a locked control), so
  // the analysis record is where a reviewer sees that approved text was put back, and over what.
  test("restoring approved guidance is recorded with the text it replaced", async () => {
    restore();
    fake = fakeFromLetter("afgoerelse-med-klagevejledning");
    restore = fake.install();
    const control = fake.model.controls[0]!;
    control.cannotEdit = false;
    const middle = fake.model.paragraph(control.paragraphs[1]!);
    fake.model.replaceChars(middle.id, 0, middle.chars.length, "Du kan klage.");
    const host = await createWordHost("da-DK", fake.run);
    const letter = await host.read();
    await host.recordAnalysis(analyzeLetter(letter));
    const block = letter.blocks.findIndex((candidate) => candidate.kind === "legal");
    await host.restoreLegalBlock(block, "Klagevejledning\nDu kan klage over afgørelsen.");
    await host.recordAnalysis(analyzeLetter(await host.read()));
    const record = (await loadRecord())!;
    expect(record.restoredLegal).toEqual([
      expect.objectContaining({
        id: "klagevejledning",
        version: "3",
        previousText: expect.stringContaining("Du kan klage."),
      }),
    ]);
    expect(fake.model.lockedRevisions()).toEqual([]);
  });
});
