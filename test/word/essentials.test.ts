/// <reference types="office-js" />
import type { InsertBlockEdit, ReorderEdit } from "../../src/engine/edits/edit.js";
import { applyEdits } from "../../src/word/apply.js";
import { applyEssentials } from "../../src/word/essentials.js";
import { readLetter } from "../../src/word/read.js";
import type { WordLetter } from "../../src/word/word-letter.js";
import { WordFake } from "../support/word-fake/index.js";

/**
 * A decision letter with the klagevejledning in the middle: essentials first means the meeting
 * paragraph moves up, the lead goes before it, and the guidance ends up last. The locked control
 * stays where it is; everything else moves around it.
 */
const KLAGEVEJLEDNING = [
  "Klagevejledning",
  "Du kan klage over afgørelsen. Klagen skal være modtaget senest 4 uger efter, at du har fået dette brev.",
  "Jobcentret vurderer sagen igen. Hvis jobcentret fastholder afgørelsen, sender vi klagen videre til Ankestyrelsen.",
];

function decisionLetter(options: { wordApi?: string } = {}): WordFake {
  const lines = [
    "Jobcenter Viborg",
    "Prinsens Allé 5",
    "8800 Viborg",
    "",
    "Afgørelse om virksomhedspraktik",
    "",
    "Der henvises til samtale den 10. november 2026, hvor dine muligheder på arbejdsmarkedet blev drøftet.",
    "",
    "Det skal understreges, at udeblivelse uden rimelig grund vil medføre fradrag i hjælpen.",
    "",
    ...KLAGEVEJLEDNING,
    "",
    "Du skal være i praktik hos Viborg Genbrug, Industrivej 12, fra mandag den 7. december 2026 kl. 8.00.",
    "",
    "Med venlig hilsen",
    "",
    "Anders Mikkelsen",
    "Sagsbehandler",
  ];
  return new WordFake({
    paragraphs: lines.map((text) => ({ text })),
    controls: [
      {
        tag: "klarbrev:legal:klagevejledning@3",
        title: "Klagevejledning - godkendt tekst, låst",
        cannotEdit: true,
        cannotDelete: true,
        from: 10,
        to: 12,
      },
    ],
    ...(options.wordApi ? { wordApi: options.wordApi } : {}),
  });
}

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

/** What the engine's essentials family proposes for this letter: lead + essentials first, guidance last. */
function proposals(word: WordLetter): { lead: InsertBlockEdit; reorder: ReorderEdit } {
  const kinds = word.letter.blocks.map((block) => block.kind);
  expect(kinds).toEqual([
    "address",
    "address",
    "address",
    "subject",
    "paragraph",
    "paragraph",
    "legal",
    "paragraph",
    "closing",
    "signature",
    "signature",
  ]);
  return {
    lead: {
      kind: "insertBlock",
      // As the engine proposes it: before the block that was first in the body.
      before: 4,
      text: "Du skal i praktik hos Viborg Genbrug fra mandag den 7. december 2026.",
      blockKind: "paragraph",
      ruleId: "essentials/lead",
    },
    reorder: {
      kind: "reorder",
      order: [0, 1, 2, 3, 7, 4, 5, 8, 9, 10, 6],
      ruleId: "essentials/order",
    },
  };
}

describe("applyEssentials: lead and reorder as tracked changes, legal blocks intact", () => {
  test("the document reads in the new order; the locked guidance is byte-identical and still locked", async () => {
    const word = await open(decisionLetter);
    const before = fake.controls();
    const result = await applyEssentials(fake.context(), word, {
      letter: word.letter,
      proposals: proposals(word),
    });
    expect(result.refused).toEqual([]);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(fake.model.trackingMode).toBe("Off");

    // The legal control: same text (current and original), same lock, same tag, never touched.
    expect(fake.controls()).toEqual(before);
    expect(fake.controls("original")).toEqual(before);
    expect(fake.controls()[0]!.text).toBe(KLAGEVEJLEDNING.join("\n"));

    const after = await readLetter(fake.context());
    expect(after.letter.text).toBe(result.expected.text);
    expect(after.letter.blocks.map((block) => block.kind).at(-1)).toBe("legal");
    expect(after.letter.blocks.find((block) => block.kind === "legal")!.text).toBe(
      word.letter.blocks.find((block) => block.kind === "legal")!.text
    );
    // The lead is the first body paragraph, the meeting paragraph right after it.
    const body = after.letter.blocks.filter((block) => block.kind === "paragraph");
    expect(body[0]!.text).toBe(proposals(word).lead.text);
    expect(body[1]!.text).toMatch(/^Du skal være i praktik/);
    // Layout: one empty paragraph between blocks, none inside the signature.
    expect(fake.currentParagraphs().slice(-8)).toEqual([
      "Med venlig hilsen",
      "",
      "Anders Mikkelsen",
      "Sagsbehandler",
      "",
      ...KLAGEVEJLEDNING,
    ]);
  });

  test("the changes are reviewable: rejecting them all gives the original letter back", async () => {
    const word = await open(decisionLetter);
    const original = fake.currentParagraphs();
    await applyEssentials(fake.context(), word, {
      letter: word.letter,
      proposals: proposals(word),
    });
    const changes = fake.trackedChanges();
    expect(changes.filter((change) => change.type === "Added").length).toBeGreaterThan(0);
    expect(changes.filter((change) => change.type === "Deleted").length).toBeGreaterThan(0);
    expect(fake.originalParagraphs()).toEqual(original);
    fake.model.rejectAll();
    expect(fake.currentParagraphs()).toEqual(original);
  });

  test("without WordApi 1.4 the reorder still never moves or deletes the locked control", async () => {
    const word = await open(() => decisionLetter({ wordApi: "1.3" }));
    const before = fake.controls();
    const result = await applyEssentials(fake.context(), word, {
      letter: word.letter,
      proposals: proposals(word),
    });
    expect(result.tracked).toBe(false);
    expect(result.notices.map((notice) => notice.code)).toEqual(["tracking-unavailable"]);
    expect(fake.controls()).toEqual(before);
    const after = await readLetter(fake.context());
    expect(after.letter.text).toBe(result.expected.text);
  });

  test("an order that would put one locked block past another is refused", async () => {
    const fakeTwo = (): WordFake =>
      new WordFake({
        paragraphs: [
          { text: "Du kan klage over afgørelsen." },
          { text: "Du har ret til aktindsigt i din sag." },
          { text: "Ring til os, hvis du har spørgsmål til brevet." },
        ],
        controls: [
          {
            tag: "klarbrev:legal:klagevejledning@3",
            from: 0,
            to: 0,
            cannotEdit: true,
            cannotDelete: true,
          },
          {
            tag: "klarbrev:legal:aktindsigt@1",
            from: 1,
            to: 1,
            cannotEdit: true,
            cannotDelete: true,
          },
        ],
      });
    const word = await open(fakeTwo);
    const reorder: ReorderEdit = { kind: "reorder", order: [2, 1, 0] };
    const result = await applyEdits(fake.context(), word, [reorder]);
    expect(result.refused).toEqual([
      { edit: reorder, reason: "the new order would move a locked legal block past another one" },
    ]);
    expect(fake.syncCount).toBe(0);
  });

  test("an analysis of another version of the letter is rejected", async () => {
    const word = await open(decisionLetter);
    const stale = { ...word.letter, text: `${word.letter.text} ` };
    await expect(
      applyEssentials(fake.context(), word, { letter: stale, proposals: proposals(word) })
    ).rejects.toThrow("another version of the letter");
  });
});
