/// <reference types="office-js" />
import type { Edit, ReplaceEdit } from "../../src/engine/edits/edit.js";
import type { Letter } from "../../src/engine/letter/model.js";
import { BATCH_REFUSED } from "../../src/engine/edits/target.js";
import { applyEdits } from "../../src/word/apply.js";
import { readLetter } from "../../src/word/read.js";
import type { WordLetter } from "../../src/word/word-letter.js";
import { WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter } from "./support.js";

let fake: WordFake;
let restore: () => void;

async function open(make: () => WordFake): Promise<WordLetter> {
  fake = make();
  restore = fake.install();
  const word = await readLetter(fake.context());
  fake.syncCount = 0;
  return word;
}

afterEach(() => restore?.());

/** Replace the nth occurrence (0-based) of `find` in the letter text. */
function replace(letter: Letter, find: string, text: string, nth = 0): ReplaceEdit {
  let start = letter.text.indexOf(find);
  for (let index = 0; index < nth; index++) start = letter.text.indexOf(find, start + 1);
  if (start < 0) throw new Error(`"${find}" not in the letter`);
  return { kind: "replace", start, end: start + find.length, text };
}

async function reread(): Promise<WordLetter> {
  return readLetter(fake.context());
}

describe("applyEdits: tracked changes in at most two syncs", () => {
  test("replacements go in as tracked changes and the document reads as the engine expects", async () => {
    const word = await open(() => fakeFromLetter("indkaldelse-foer", { wordApi: "1.4" }));
    const edits: Edit[] = [
      replace(word.letter, "Du indkaldes til samtale", "Du skal til samtale"),
      replace(word.letter, "Såfremt", "Hvis"),
      replace(word.letter, "VIGTIGT: ", ""),
      replace(word.letter, "Du bedes medbringe", "Tag"),
    ];
    const result = await applyEdits(fake.context(), word, edits);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(result.refused).toEqual([]);
    expect(result.applied).toEqual(edits);
    expect(result.tracked).toBe(true);
    expect(fake.model.trackingMode).toBe("Off");

    const changes = fake.trackedChanges();
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "Deleted", text: "Du indkaldes til samtale" }),
        expect.objectContaining({ type: "Added", text: "Du skal til samtale" }),
        expect.objectContaining({ type: "Deleted", text: "Såfremt" }),
        expect.objectContaining({ type: "Added", text: "Hvis" }),
        expect.objectContaining({ type: "Deleted", text: "VIGTIGT: " }),
      ])
    );
    // Rejecting everything gives the letter back; the current view is the engine's result.
    expect(fake.originalParagraphs().filter(Boolean).join("\n")).toBe(word.letter.text);
    const after = await reread();
    expect(after.letter.text).toBe(result.expected.text);
    expect(after.pendingRevisions).toBe(true);
  });

  test("after tracked edits, paragraphs with unreviewed changes are left alone; others can be edited", async () => {
    const word = await open(() => fakeFromLetter("indkaldelse-foer", { wordApi: "1.4" }));
    await applyEdits(fake.context(), word, [replace(word.letter, "Såfremt", "Hvis")]);
    const after = await reread();
    expect(after.notices.map((notice) => notice.code)).toContain("pending-revisions");
    const inChanged = replace(after.letter, "afbud meddeles telefonisk", "ringe");
    const elsewhere = replace(after.letter, "Indkaldelse til jobsamtale", "Du skal til jobsamtale");
    // All or nothing (issue 12.1): together, neither goes in; the other one alone does.
    const together = await applyEdits(fake.context(), after, [inChanged, elsewhere]);
    expect(together.refused).toEqual([
      { edit: inChanged, reason: "the paragraph has tracked changes that are not yet reviewed" },
      { edit: elsewhere, reason: BATCH_REFUSED, protectsLegal: false, heldBack: true },
    ]);
    expect(together.applied).toEqual([]);
    expect((await reread()).letter.text).toBe(after.letter.text);
    const result = await applyEdits(fake.context(), after, [elsewhere]);
    expect(result.applied).toEqual([elsewhere]);
    expect((await reread()).letter.text).toBe(result.expected.text);
  });

  test("the right occurrence is replaced when the text repeats in the paragraph", async () => {
    const word = await open(() => fakeFromLetter("indkaldelse-foer"));
    const paragraph = word.letter.blocks.find((block) => block.text.startsWith("Du indkaldes"))!;
    const second = paragraph.text.indexOf("Randers", paragraph.text.indexOf("Randers") + 1);
    const edit: ReplaceEdit = {
      kind: "replace",
      start: paragraph.start + second,
      end: paragraph.start + second + "Randers".length,
      text: "RANDERS",
    };
    const result = await applyEdits(fake.context(), word, [edit]);
    expect(result.refused).toEqual([]);
    expect(fake.currentParagraphs()).toContain(
      "Du indkaldes til samtale torsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers, Laksetorvet 1, 8900 RANDERS C, lokale 2.14."
    );
  });

  test("a replacement longer than Word's 255-character search limit is found as head and tail", async () => {
    const word = await open(() => fakeFromLetter("afgoerelse-praktik-foer"));
    const long = word.letter.blocks.find((block) => block.text.startsWith("Der henvises"))!;
    expect(long.text.length).toBeGreaterThan(255);
    const edit: ReplaceEdit = {
      kind: "replace",
      start: long.start,
      end: long.end,
      text: "Vi har talt om dit helbred og dine tidligere job. Vi mener, at en praktik kan hjælpe dig videre.",
    };
    const result = await applyEdits(fake.context(), word, [edit]);
    expect(result.refused).toEqual([]);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    const after = await reread();
    expect(after.letter.text).toBe(result.expected.text);
  });

  // All or nothing (issue 12.1): the rest of the batch used to apply; now nothing is written.
  test("an edit touching the locked legal block is refused and reported; nothing of the batch applies", async () => {
    const word = await open(() => fakeFromLetter("afgoerelse-med-klagevejledning"));
    const before = fake.controls();
    const legal = word.letter.blocks.find((block) => block.kind === "legal")!;
    const intoLegal = replace(word.letter, "Ankestyrelsen", "Ankestyrelsen (klageinstansen)");
    const acrossEdge: ReplaceEdit = {
      kind: "replace",
      start: legal.start - 3,
      end: legal.start + 5,
      text: "",
    };
    const fine = replace(word.letter, "Det skal understreges, at udeblivelse", "Hvis du udebliver");
    const paragraphs = fake.currentParagraphs();
    const result = await applyEdits(fake.context(), word, [intoLegal, acrossEdge, fine]);
    expect(result.refused.map((refusal) => refusal.edit)).toEqual([intoLegal, acrossEdge, fine]);
    expect(result.refused[0]!.reason).toContain('protected legal block "klagevejledning@3"');
    expect(result.refused[2]!.reason).toBe(BATCH_REFUSED);
    expect(result.applied).toEqual([]);
    expect(fake.syncCount).toBe(0);
    expect(fake.currentParagraphs()).toEqual(paragraphs);
    expect(fake.controls()).toEqual(before);
    expect(fake.controls()[0]).toMatchObject({ cannotEdit: true, cannotDelete: true });
  });

  test("text Word matches differently (curly and straight quotes) is refused, not guessed", async () => {
    const word = await open(
      () =>
        new WordFake({
          paragraphs: [
            { text: 'Skriv \u201cja\u201d eller "ja" på blanketten, og send den til os.' },
          ],
        })
    );
    const result = await applyEdits(fake.context(), word, [replace(word.letter, '"ja"', "ja")]);
    expect(result.applied).toEqual([]);
    expect(result.refused[0]!.reason).toContain("not found in Word as analysed");
    expect(fake.currentParagraphs()[0]).toContain('"ja"');
  });

  test("a document changed since it was read refuses the whole batch and changes nothing", async () => {
    const word = await open(() => fakeFromLetter("partshoering-foer"));
    const edit = replace(word.letter, "Jobcentret påtænker", "Vi overvejer");
    await fake.userTypes(6, " Ring gerne til os.");
    const snapshot = fake.currentParagraphs();
    const result = await applyEdits(fake.context(), word, [edit]);
    expect(result.applied).toEqual([]);
    expect(result.refused[0]!.reason).toContain("changed since it was read");
    expect(fake.currentParagraphs()).toEqual(snapshot);
  });

  test("a user already tracking changes keeps the mode; the edits are tracked", async () => {
    const word = await open(() =>
      fakeFromLetter("partshoering-foer", { trackingMode: "TrackMineOnly" })
    );
    const result = await applyEdits(fake.context(), word, [
      replace(word.letter, "Jobcentret påtænker", "Vi overvejer"),
    ]);
    expect(result.tracked).toBe(true);
    expect(fake.model.trackingMode).toBe("TrackMineOnly");
    expect(fake.trackedChanges().map((change) => change.type)).toEqual(["Deleted", "Added"]);
  });

  test("without WordApi 1.4: plain edits and a Danish notice saying so", async () => {
    const word = await open(() => fakeFromLetter("partshoering-foer", { wordApi: "1.3" }));
    const result = await applyEdits(fake.context(), word, [
      replace(word.letter, "Jobcentret påtænker", "Vi overvejer"),
    ]);
    expect(result.tracked).toBe(false);
    expect(result.notices.map((notice) => notice.code)).toEqual(["tracking-unavailable"]);
    expect(result.notices[0]!.message).toContain("Spor ændringer");
    expect(fake.trackedChanges()).toEqual([]);
    expect(fake.currentParagraphs().join("\n")).toContain("Vi overvejer på denne baggrund");
    expect(fake.syncCount).toBeLessThanOrEqual(2);
  });

  test("an inserted block becomes a tracked paragraph (with a spacer) before its block", async () => {
    const word = await open(() => fakeFromLetter("partshoering-foer"));
    const body = word.letter.blocks.findIndex((block) => block.kind === "paragraph");
    const lead = "Du kan sende os dine bemærkninger senest den 2. december 2026.";
    const result = await applyEdits(fake.context(), word, [
      { kind: "insertBlock", before: body, text: lead, blockKind: "paragraph" },
    ]);
    expect(result.refused).toEqual([]);
    const current = fake.currentParagraphs();
    const at = current.indexOf(lead);
    expect(current[at + 1]).toBe("");
    expect(current[at + 2]).toBe(word.letter.blocks[body]!.text);
    expect(fake.trackedChanges()).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: "Added", text: lead })])
    );
    const after = await reread();
    expect(after.letter.text).toBe(result.expected.text);
  });

  test("refused edits never reach Word: no write sync at all", async () => {
    const word = await open(() => fakeFromLetter("afgoerelse-med-klagevejledning"));
    const result = await applyEdits(fake.context(), word, [
      replace(word.letter, "Ankestyrelsen", ""),
    ]);
    expect(result.applied).toEqual([]);
    expect(fake.syncCount).toBe(0);
  });
});
