/// <reference types="office-js" />
import type { Edit } from "../../src/engine/edits/edit.js";
import { essentialsFirstEdits } from "../../src/engine/rules/essentials/combine.js";
import { analyzeLetter } from "../../src/engine/analyze.js";
import { applyEdits } from "../../src/word/apply.js";
import { applyEssentials } from "../../src/word/essentials.js";
import { lockGuidance } from "../../src/word/guidance.js";
import { insertLetter } from "../../src/word/insert-letter.js";
import { readLetter } from "../../src/word/read.js";
import { WordAdapterError } from "../../src/word/errors.js";
import { buildLetter } from "../../src/engine/letter/model.js";
import { documentFromText, WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter, letterText, LETTERS } from "./support.js";

/** Regression tests from the pre-release review of the Word adapter. */
let fake: WordFake;
let restore: (() => void) | undefined;

function use(make: () => WordFake): WordFake {
  fake = make();
  restore = fake.install();
  return fake;
}

afterEach(() => restore?.());

/** A letter whose second paragraph sits in a locked content control someone else added. */
function withForeignLock(): WordFake {
  return new WordFake({
    paragraphs: [
      { text: "Kære Jens Hansen" },
      { text: "" },
      { text: "Journalnummer 2026-114 (må ikke ændres). Det bemærkes, at sagen er oprettet." },
      { text: "" },
      { text: "Du indkaldes til samtale den 3. december 2026 kl. 9.15." },
      { text: "" },
      { text: "Med venlig hilsen" },
    ],
    controls: [{ tag: "esdh:journal", from: 2, to: 2, cannotEdit: true, cannotDelete: true }],
    wordApi: "1.4",
  });
}

describe("locked content controls Klarbrev did not add", () => {
  // Bug: a paragraph in a locked control without Klarbrev's tag was read as an ordinary block,
  // so the guard let edits through and Word refused the whole batch halfway (a partial apply).
  test("are left out of the letter and reported, so no edit can reach them", async () => {
    use(withForeignLock);
    const word = await readLetter(fake.context());
    expect(word.letter.text).not.toContain("Journalnummer");
    expect(word.paragraphs[2]!.role).toBe("locked");
    expect(word.notices.map((notice) => notice.code)).toContain("locked-skipped");
  });

  // Bug: the same paragraph could be moved by a reorder (copied out of its lock, then deleted).
  test("a reorder and replacements around them apply cleanly and leave them byte-identical", async () => {
    use(withForeignLock);
    const word = await readLetter(fake.context());
    const meeting = word.letter.blocks.findIndex((block) => block.text.startsWith("Du indkaldes"));
    const order = word.letter.blocks.map((_, index) => index);
    order.splice(meeting, 1);
    order.unshift(meeting);
    const at = word.letter.text.indexOf("Du indkaldes");
    const edits: Edit[] = [
      { kind: "reorder", order },
      { kind: "replace", start: at, end: at + "Du indkaldes".length, text: "Du skal komme" },
    ];
    fake.syncCount = 0;
    const result = await applyEdits(fake.context(), word, edits);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(result.refused).toEqual([]);
    expect(fake.controls()).toEqual([
      expect.objectContaining({
        tag: "esdh:journal",
        text: "Journalnummer 2026-114 (må ikke ændres). Det bemærkes, at sagen er oprettet.",
        cannotEdit: true,
      }),
    ]);
    expect(fake.trackedChanges().every((change) => !change.text.includes("Journalnummer"))).toBe(
      true
    );
  });
});

describe("insertLetter at the cursor", () => {
  const letter = buildLetter(
    [
      { kind: "greeting", text: "Kære Jens Hansen" },
      { kind: "paragraph", text: "Du skal til samtale den 3. december 2026 kl. 9.15." },
    ],
    "\n"
  );

  // Bug: with the cursor in guidance whose lock was removed, Word put the whole standard letter
  // INSIDE the legal control (a paragraph inserted beside one in a control joins it).
  test("never lands inside a legal control, even one whose lock was removed", async () => {
    const spec = documentFromText(letterText("afgoerelse-med-klagevejledning"));
    for (const control of spec.controls) {
      control.cannotEdit = false;
      control.cannotDelete = false;
    }
    const inside = spec.controls[0]!.from;
    use(() => new WordFake({ ...spec, cursorAt: inside }));
    const before = fake.controls().map((control) => control.text);
    await expect(insertLetter(fake.context(), letter, { at: "cursor" })).rejects.toThrow(
      WordAdapterError
    );
    expect(fake.controls().map((control) => control.text)).toEqual(before);
  });
});

describe("lockGuidance", () => {
  // Bug: only the first and last paragraph were checked against the read, so a change in a
  // paragraph between them (or a table there) was wrapped and locked as "approved" text.
  test("verifies every paragraph it wraps, not only the first and the last", async () => {
    use(() => fakeFromLetter("indkaldelse-efter"));
    const word = await readLetter(fake.context());
    const first = word.letter.blocks.findIndex(
      (block) => block.text === "Det skal du vide om dine pligter"
    );
    const blocks = [first - 1, first, first + 1];
    expect(first + 1).toBeLessThan(word.letter.blocks.length);
    const middle = word.sources[blocks[1]!]!.paragraphs[0]!;
    await fake.userTypes(middle, " (tilføjet af sagsbehandleren)");
    await expect(
      lockGuidance(fake.context(), word, blocks, { id: "raadighed", version: "2" })
    ).rejects.toThrow(/changed since it was read/u);
    expect(fake.controls()).toEqual([]);
  });
});

describe("sync budget on long letters", () => {
  /** A long letter: the corpus letter with its body repeated to about 200 paragraphs. */
  function longLetter(name: string): string {
    const lines = letterText(name).replace(/\r\n?/gu, "\n").split("\n");
    const body = lines.filter((line) => line.trim() && !line.includes("klarbrev:legal"));
    const extra: string[] = [];
    while (lines.length + extra.length < 210) extra.push(...body.slice(5, 12), "");
    return [...extra, ...lines].join("\n");
  }

  test.each(LETTERS)(
    "%s at 200+ paragraphs: read in 1 sync, apply and essentials in at most 2",
    async (name) => {
      use(() => new WordFake({ ...documentFromText(longLetter(name)), wordApi: "1.4" }));
      expect(fake.model.paragraphs.length).toBeGreaterThanOrEqual(200);
      fake.syncCount = 0;
      const word = await readLetter(fake.context());
      expect(fake.syncCount).toBe(1);

      const analysis = analyzeLetter(word.letter);
      const safe = analysis.findings
        .filter((finding) => finding.safe && finding.edit)
        .map((finding) => finding.edit!);
      fake.syncCount = 0;
      await applyEdits(fake.context(), word, safe);
      expect(fake.syncCount).toBeLessThanOrEqual(2);

      const again = await readLetter(fake.context());
      const fresh = analyzeLetter(again.letter);
      fake.syncCount = 0;
      if (essentialsFirstEdits(fresh.proposals).length > 0) {
        await applyEssentials(fake.context(), again, fresh);
        expect(fake.syncCount).toBeLessThanOrEqual(2);
      } else {
        expect(fake.syncCount).toBe(0);
      }
    },
    60_000
  );
});
