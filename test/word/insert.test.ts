/// <reference types="office-js" />
import { buildLetter, type BlockInput } from "../../src/engine/letter/model.js";
import { WordAdapterError } from "../../src/word/errors.js";
import { insertLetter } from "../../src/word/insert-letter.js";
import { readLetter } from "../../src/word/read.js";
import { WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter } from "./support.js";

/** A rendered standard letter, as the template library hands it over: a Letter with legal blocks. */
const KLAGE = [
  "Du kan klage over afgørelsen. Klagen skal være modtaget senest 4 uger efter, at du har fået dette brev.",
  "Jobcentret vurderer sagen igen. Hvis jobcentret fastholder afgørelsen, sender vi klagen videre til Ankestyrelsen.",
].join("\n");
const PARTSHOERING =
  "Du har ret til at se de oplysninger, vi har brugt. Kontakt os, hvis du vil se dem.";

const inputs: BlockInput[] = [
  { kind: "address", text: "Jobcenter Randers" },
  { kind: "address", text: "Laksetorvet 1" },
  { kind: "address", text: "8900 Randers C" },
  { kind: "date", text: "Randers, den 24. november 2026" },
  { kind: "subject", text: "Du får fradrag i din kontanthjælp", level: 1 },
  { kind: "greeting", text: "Kære Jens Hansen" },
  {
    kind: "paragraph",
    text: "Du får fradrag i din kontanthjælp for den 3. december 2026, fordi du ikke kom til samtalen.",
  },
  {
    kind: "legal",
    text: KLAGE,
    legal: { id: "klagevejledning", version: "3", title: "Klagevejledning" },
  },
  { kind: "legal", text: PARTSHOERING, legal: { id: "aktindsigt", version: "1" } },
  { kind: "closing", text: "Med venlig hilsen" },
  { kind: "signature", text: "Birgitte Holm" },
];
const letter = buildLetter(inputs, "\n");

let fake: WordFake;
let restore: () => void;

function use(make: () => WordFake): void {
  fake = make();
  restore = fake.install();
}

afterEach(() => restore?.());

describe("insertLetter", () => {
  test("at the cursor of an empty document: legal blocks become locked, tagged, titled controls", async () => {
    use(() => new WordFake({ paragraphs: [{ text: "" }], cursorAt: 0 }));
    const result = await insertLetter(fake.context(), letter, { at: "cursor" });
    expect(result).toEqual({ blocks: inputs.length, legalControls: 2, tracked: false });
    expect(fake.syncCount).toBe(2);
    expect(fake.controls()).toEqual([
      {
        tag: "klarbrev:legal:klagevejledning@3",
        title: "Klagevejledning - godkendt tekst, låst",
        cannotEdit: true,
        cannotDelete: true,
        text: KLAGE,
      },
      {
        tag: "klarbrev:legal:aktindsigt@1",
        title: "Aktindsigt - godkendt tekst, låst",
        cannotEdit: true,
        cannotDelete: true,
        text: PARTSHOERING,
      },
    ]);
    // Read back: the same letter, the legal blocks protected with their references.
    const word = await readLetter(fake.context());
    expect(word.letter.text).toBe(letter.text);
    expect(word.letter.blocks.map((block) => block.kind)).toEqual(
      inputs.map((input) => input.kind)
    );
    expect(word.letter.blocks[7]!.legal).toEqual({
      id: "klagevejledning",
      version: "3",
      title: "Klagevejledning",
    });
    expect(word.letter.blocks[4]!.style).toBe("Titel");
  });

  test("after the paragraph holding the cursor, leaving the text around it alone", async () => {
    use(
      () =>
        new WordFake({
          paragraphs: [{ text: "Notat til sagen." }, { text: "Slut på notatet." }],
          cursorAt: 0,
        })
    );
    await insertLetter(fake.context(), letter, { at: "cursor" });
    const paragraphs = fake.currentParagraphs();
    expect(paragraphs[0]).toBe("Notat til sagen.");
    expect(paragraphs[1]).toBe("Jobcenter Randers");
    expect(paragraphs.at(-1)).toBe("Slut på notatet.");
  });

  test("with empty spacer paragraphs between blocks, when asked", async () => {
    use(() => new WordFake({ paragraphs: [{ text: "" }], cursorAt: 0 }));
    await insertLetter(fake.context(), letter, { at: "cursor", spacerParagraphs: true });
    expect(fake.currentParagraphs().slice(0, 4)).toEqual([
      "Jobcenter Randers",
      "",
      "Laksetorvet 1",
      "",
    ]);
    const word = await readLetter(fake.context());
    expect(word.letter.text).toBe(letter.text);
    expect(word.usesSpacerParagraphs).toBe(true);
  });

  test("never inside locked text", async () => {
    use(() => fakeFromLetter("afgoerelse-med-klagevejledning"));
    const inside = fake.model.paragraphs.findIndex(
      (node) => fake.model.rawText(node) === "Klagevejledning"
    );
    const id = fake.model.paragraphs[inside]!.id;
    fake.model.selection = fake.model.track({
      start: { paragraph: id, offset: 2 },
      end: { paragraph: id, offset: 2 },
      whole: false,
    });
    const before = fake.currentParagraphs();
    await expect(insertLetter(fake.context(), letter, { at: "cursor" })).rejects.toThrow(
      WordAdapterError
    );
    expect(fake.currentParagraphs()).toEqual(before);
  });

  test("replacing a body with text: the old letter goes out as a tracked deletion, its locked blocks too; the new legal text is untracked", async () => {
    use(() => fakeFromLetter("afgoerelse-med-klagevejledning"));
    const old = fake.currentParagraphs();
    const result = await insertLetter(fake.context(), letter, { at: "replaceBody" });
    expect(result.tracked).toBe(true);
    expect(fake.syncCount).toBe(2);
    expect(fake.model.trackingMode).toBe("Off");
    // The old letter is a tracked deletion; the new legal blocks went in untracked (a tracked
    // change inside a locked control could never be reviewed: office-js #2886).
    expect(fake.model.lockedRevisions()).toEqual([]);
    expect(fake.originalParagraphs()).toEqual([...KLAGE.split("\n"), PARTSHOERING, ...old]);
    fake.model.acceptAll();
    const word = await readLetter(fake.context());
    expect(word.letter.text).toBe(letter.text);
    expect(fake.controls().map((control) => control.tag)).toEqual([
      "klarbrev:legal:klagevejledning@3",
      "klarbrev:legal:aktindsigt@1",
    ]);
  });

  test("replacing a body stops at locked content Klarbrev did not add", async () => {
    use(
      () =>
        new WordFake({
          paragraphs: [{ text: "Fortroligt: sagsnotat" }],
          controls: [{ tag: "esdh:journal", from: 0, to: 0, cannotEdit: true, cannotDelete: true }],
        })
    );
    await expect(insertLetter(fake.context(), letter, { at: "replaceBody" })).rejects.toThrow(
      "did not add"
    );
    expect(fake.currentParagraphs()).toEqual(["Fortroligt: sagsnotat"]);
  });

  test("the fake enforces the order: a control locked before its text is added refuses the text", async () => {
    use(() => new WordFake({ paragraphs: [{ text: "Du kan klage." }] }));
    const context = fake.context();
    const control = context.document.body.paragraphs.getFirst().insertContentControl();
    control.cannotEdit = true;
    control.insertParagraph("Klagen skal være modtaget senest 4 uger efter.", "End");
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
});
