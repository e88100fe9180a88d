/// <reference types="office-js" />
import { WordAdapterError } from "../../src/word/errors.js";
import { lockGuidance, relockGuidance, restoreGuidance } from "../../src/word/guidance.js";
import { readLetter } from "../../src/word/read.js";
import type { WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter } from "./support.js";

let fake: WordFake;
let restore: () => void;

function use(make: () => WordFake): void {
  fake = make();
  restore = fake.install();
}

afterEach(() => restore?.());

const APPROVED = [
  "Klagevejledning",
  "Du kan klage over afgørelsen. Klagen skal være modtaget senest 4 uger efter, at du har fået dette brev. Du kan klage skriftligt eller mundtligt til Jobcenter Viborg, Prinsens Allé 5, 8800 Viborg.",
  "Jobcentret vurderer sagen igen. Hvis jobcentret fastholder afgørelsen, sender vi klagen videre til Ankestyrelsen.",
].join("\n");

describe("lock and restore approved guidance", () => {
  test("recognised guidance that is not locked yet is wrapped in one locked, tagged control", async () => {
    // The guidance typed in by hand: three ordinary paragraphs after the signature.
    use(() => fakeFromLetter("indkaldelse-efter"));
    const word = await readLetter(fake.context());
    const first = word.letter.blocks.findIndex(
      (block) => block.text === "Det skal du vide om dine pligter"
    );
    const last = word.letter.blocks.length - 1;
    fake.syncCount = 0;
    await lockGuidance(fake.context(), word, [first, last], {
      id: "raadighed",
      version: "2",
      title: "Dine pligter",
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.controls()).toEqual([
      expect.objectContaining({
        tag: "klarbrev:legal:raadighed@2",
        title: "Dine pligter - godkendt tekst, låst",
        cannotEdit: true,
        cannotDelete: true,
      }),
    ]);
    const after = await readLetter(fake.context());
    const legal = after.letter.blocks.filter((block) => block.kind === "legal");
    expect(legal).toHaveLength(1);
    expect(legal[0]!.text).toBe(
      `${word.letter.blocks[first]!.text}\n${word.letter.blocks[last]!.text}`
    );
  });

  test("only consecutive ordinary blocks can be locked", async () => {
    use(() => fakeFromLetter("indkaldelse-efter"));
    const word = await readLetter(fake.context());
    await expect(
      lockGuidance(fake.context(), word, [2, 4], { id: "x", version: "1" })
    ).rejects.toThrow("consecutive");
  });

  test("a changed legal block gets its approved text back: unlocked, replaced (untracked, recorded), locked again", async () => {
    use(() => fakeFromLetter("afgoerelse-med-klagevejledning"));
    // Somebody unlocked the control and shortened the guidance.
    const control = fake.model.controls[0]!;
    control.cannotEdit = false;
    const middle = fake.model.paragraph(control.paragraphs[1]!);
    fake.model.replaceChars(middle.id, 0, middle.chars.length, "Du kan klage.");
    const word = await readLetter(fake.context());
    const block = word.letter.blocks.findIndex((candidate) => candidate.kind === "legal");
    expect(word.notices.map((notice) => notice.code)).toContain("legal-unlocked");
    fake.syncCount = 0;

    const now = new Date("2026-11-24T10:15:00Z");
    const result = await restoreGuidance(fake.context(), word, block, APPROVED, now);
    // Untracked (a tracked change inside a locked control can never be reviewed: #2886); what
    // was replaced goes to the analysis record instead.
    expect(result).toEqual({
      tracked: false,
      notices: [],
      restored: {
        id: "klagevejledning",
        version: "3",
        previousText: expect.stringContaining("Du kan klage.\nJobcentret"),
        at: "2026-11-24T10:15:00.000Z",
      },
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.controls()[0]).toMatchObject({
      cannotEdit: true,
      cannotDelete: true,
      text: APPROVED,
    });
    expect(fake.model.lockedRevisions()).toEqual([]);
    expect(fake.model.trackingMode).toBe("Off");
    const after = await readLetter(fake.context());
    expect(after.letter.blocks.find((candidate) => candidate.kind === "legal")!.text).toBe(
      APPROVED
    );
    expect(after.notices.map((notice) => notice.code)).not.toContain("legal-unlocked");
  });

  test("relock puts the lock back without touching the text", async () => {
    use(() => fakeFromLetter("afgoerelse-med-klagevejledning"));
    fake.model.controls[0]!.cannotDelete = false;
    const word = await readLetter(fake.context());
    const block = word.letter.blocks.findIndex((candidate) => candidate.kind === "legal");
    const text = fake.controls()[0]!.text;
    await relockGuidance(fake.context(), word, block);
    expect(fake.controls()[0]).toMatchObject({ cannotEdit: true, cannotDelete: true, text });
  });

  test("restoring something that is not a legal block is refused", async () => {
    use(() => fakeFromLetter("afgoerelse-med-klagevejledning"));
    const word = await readLetter(fake.context());
    await expect(restoreGuidance(fake.context(), word, 0, APPROVED)).rejects.toThrow(
      WordAdapterError
    );
  });
});
