/// <reference types="office-js" />
import { buildLetter, type BlockInput } from "../../src/engine/letter/model.js";
import { restoreGuidance } from "../../src/word/guidance.js";
import { insertLetter } from "../../src/word/insert-letter.js";
import { readLetter } from "../../src/word/read.js";
import { WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter } from "./support.js";

/**
 * Documented Word behaviours (test/support/word-fake/README.md, "Documented behaviours"), one
 * describe per behaviour: the fake reproduces it, and the adapter survives it. Each adapter test
 * here failed against the adapter as it was before issue 10.
 */

let fake: WordFake;
let restore: (() => void) | undefined;

function use(make: () => WordFake): WordFake {
  restore?.();
  fake = make();
  restore = fake.install();
  return fake;
}

afterEach(() => {
  restore?.();
  restore = undefined;
});

const KLAGE = [
  "Du kan klage over afgørelsen. Klagen skal være modtaget senest 4 uger efter, at du har fået dette brev.",
  "Jobcentret vurderer sagen igen. Hvis jobcentret fastholder afgørelsen, sender vi klagen videre til Ankestyrelsen.",
].join("\n");

const LETTER = buildLetter(
  [
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
    { kind: "closing", text: "Med venlig hilsen" },
  ] satisfies BlockInput[],
  "\n"
);

describe("1. tracked changes inside a locked control can never be reviewed (office-js #2886)", () => {
  test("the fake: accepting or rejecting is refused while a cannotEdit control holds a revision", () => {
    use(() => new WordFake({ paragraphs: [{ text: "Du kan klage." }] }));
    const control = fake.model.addControl({
      tag: "klarbrev:legal:x@1",
      title: "",
      appearance: "BoundingBox",
      cannotEdit: false,
      cannotDelete: false,
      paragraphs: [fake.model.paragraphs[0]!.id],
    });
    fake.model.trackingMode = "TrackAll";
    fake.model.insertChars(fake.model.paragraphs[0]!.id, 0, "Bemærk: ");
    control.cannotEdit = true;
    expect(fake.model.lockedRevisions()).toEqual(["klarbrev:legal:x@1"]);
    expect(() => fake.model.acceptAll()).toThrow("locked for editing");
    expect(() => fake.model.rejectAll()).toThrow("locked for editing");
  });

  test("the fake, web: a cannotEdit control cannot be deleted even when cannotDelete is off (#3601)", async () => {
    use(
      () =>
        new WordFake({
          platform: "web",
          paragraphs: [{ text: "Du kan klage." }],
          controls: [{ tag: "x", from: 0, to: 0, cannotEdit: true, cannotDelete: false }],
        })
    );
    const context = fake.context();
    const controls = context.document.body.contentControls;
    controls.load("items/tag");
    await context.sync();
    controls.items[0]!.delete(true);
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  test("restoring guidance while the user tracks changes leaves no revision in the locked control", async () => {
    use(() => fakeFromLetter("afgoerelse-med-klagevejledning", { trackingMode: "TrackAll" }));
    const control = fake.model.controls[0]!;
    control.cannotEdit = false;
    const middle = fake.model.paragraph(control.paragraphs[1]!);
    fake.model.trackingMode = "Off";
    fake.model.replaceChars(middle.id, 0, middle.chars.length, "Du kan klage.");
    fake.model.trackingMode = "TrackAll";
    const word = await readLetter(fake.context());
    const block = word.letter.blocks.findIndex((candidate) => candidate.kind === "legal");
    const approved = ["Klagevejledning", ...KLAGE.split("\n")].join("\n");
    const result = await restoreGuidance(fake.context(), word, block, approved);
    expect(fake.model.lockedRevisions()).toEqual([]);
    expect(fake.model.trackingMode).toBe("TrackAll");
    expect(result.restored.previousText).toContain("Du kan klage.");
    expect(() => fake.model.acceptAll()).not.toThrow();
    expect(fake.controls()[0]!.text).toBe(approved);
  });

  test("a standard letter inserted while the user tracks: ordinary text tracked, legal text not", async () => {
    use(() => new WordFake({ paragraphs: [{ text: "" }], cursorAt: 0, trackingMode: "TrackAll" }));
    await insertLetter(fake.context(), LETTER, { at: "cursor" });
    expect(fake.model.lockedRevisions()).toEqual([]);
    expect(fake.model.trackingMode).toBe("TrackAll");
    expect(fake.trackedChanges().some((change) => change.text.includes("Kære Jens"))).toBe(true);
    expect(fake.controls()[0]).toMatchObject({ cannotEdit: true, text: KLAGE });
    fake.model.rejectAll();
    expect(fake.controls()[0]).toMatchObject({ cannotEdit: true, text: KLAGE });
  });
});
