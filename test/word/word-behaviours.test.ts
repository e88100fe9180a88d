/// <reference types="office-js" />
import { analyzeLetter } from "../../src/engine/analyze.js";
import { buildLetter, type BlockInput } from "../../src/engine/letter/model.js";
import { buildAnalysisRecord, RECORD_KEY, saveAnalysisRecord } from "../../src/word/record.js";
import { loadRecord, RECORD_NAMESPACE } from "../../src/word/record-store.js";
import { restoreGuidance } from "../../src/word/guidance.js";
import { applyEdits } from "../../src/word/apply.js";
import { insertGuidance } from "../../src/word/insert-guidance.js";
import { insertLetter } from "../../src/word/insert-letter.js";
import { readLetter } from "../../src/word/read.js";
import { selectText } from "../../src/word/select.js";
import { createWordHost } from "../../src/taskpane/word-host.js";
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

describe("2. a reorder copies paragraphs with their formatting (getOoxml / insertOoxml)", () => {
  const PROSE = [
    "Kære Jens Hansen",
    "Du får fradrag i din kontanthjælp, fordi du ikke kom til samtalen.",
    "Du kan læse mere om reglerne på vores hjemmeside.",
    "Du skal komme til en ny samtale torsdag den 3. december 2026 kl. 9.15.",
    "Med venlig hilsen",
  ];
  /** Block 3 (the meeting) moves to second place; the other blocks stay. */
  const ORDER = [0, 3, 1, 2, 4];

  function letterWith(details: Partial<Record<number, object>>): WordFake {
    return new WordFake({
      paragraphs: PROSE.map((text, index) => ({ text, ...(details[index] ?? {}) })),
    });
  }

  test("the fake: a paragraph re-typed as text loses its formatting; its OOXML keeps it", async () => {
    use(() => letterWith({ 1: { features: ["formatting", "hyperlink"] } }));
    const context = fake.context();
    const paragraph = context.document.body.paragraphs.getFirst().getNext();
    paragraph.load("text");
    const ooxml = paragraph.getOoxml();
    await context.sync();
    paragraph.insertParagraph(paragraph.text, "Before");
    // A ClientResult is filled by the sync, not by load (the lint rule cannot tell).
    // eslint-disable-next-line office-addins/load-object-before-read
    paragraph.getRange("Whole").insertOoxml(ooxml.value, "After");
    await context.sync();
    expect(
      fake
        .currentDetails()
        .slice(1, 4)
        .map((detail) => detail.features)
    ).toEqual([[], ["formatting", "hyperlink"], ["formatting", "hyperlink"]]);
  });

  test("a moved paragraph keeps its bold text, link and bookmark", async () => {
    use(() => letterWith({ 3: { features: ["bookmark", "formatting", "hyperlink"] } }));
    const word = await readLetter(fake.context());
    const result = await applyEdits(fake.context(), word, [{ kind: "reorder", order: ORDER }]);
    expect(result.refused).toEqual([]);
    fake.model.acceptAll();
    const moved = fake.currentDetails()[1]!;
    expect(moved.text).toBe(PROSE[3]);
    expect(moved.features).toEqual(["bookmark", "formatting", "hyperlink"]);
  });

  test("a moved list item stays in its list at its level (not a new, restarted list)", async () => {
    use(() =>
      letterWith({
        1: { list: { id: 7, level: 0 }, styleBuiltIn: "ListParagraph" },
        2: { list: { id: 7, level: 0 }, styleBuiltIn: "ListParagraph" },
        3: { list: { id: 7, level: 1 }, styleBuiltIn: "ListParagraph" },
      })
    );
    const word = await readLetter(fake.context());
    const result = await applyEdits(fake.context(), word, [{ kind: "reorder", order: ORDER }]);
    expect(result.refused).toEqual([]);
    fake.model.acceptAll();
    expect(fake.currentDetails().map((detail) => detail.list)).toEqual([
      undefined,
      { id: 7, level: 1 },
      { id: 7, level: 0 },
      { id: 7, level: 0 },
      undefined,
    ]);
  });

  test("a paragraph holding a footnote, field, picture or comment is not moved, and the pane is told why", async () => {
    for (const feature of ["footnote", "field", "picture", "comment"] as const) {
      use(() => letterWith({ 3: { features: [feature] } }));
      const word = await readLetter(fake.context());
      const before = fake.currentDetails();
      const reorder = { kind: "reorder" as const, order: ORDER };
      const result = await applyEdits(fake.context(), word, [reorder]);
      expect(result.applied).toEqual([]);
      expect(result.refused).toEqual([
        { edit: reorder, reason: expect.stringContaining("cannot move safely") },
      ]);
      expect(result.notices.map((notice) => notice.code)).toContain("paragraph-not-movable");
      expect(fake.currentDetails()).toEqual(before);
    }
  });

  test("a replacement inside the moved paragraph goes into the copy's runs, formatting kept", async () => {
    use(() => letterWith({ 3: { features: ["formatting"] } }));
    const word = await readLetter(fake.context());
    const at = word.letter.text.indexOf("torsdag");
    const replace = { kind: "replace" as const, start: at, end: at + 7, text: "fredag" };
    const result = await applyEdits(fake.context(), word, [
      { kind: "reorder", order: ORDER },
      replace,
    ]);
    expect(result.refused).toEqual([]);
    fake.model.acceptAll();
    expect(fake.currentDetails()[1]).toMatchObject({
      text: PROSE[3]!.replace("torsdag", "fredag"),
      features: ["formatting"],
    });
  });
});

describe("3. several replacements in one paragraph on Word on the web (#1215, #3913, #6760)", () => {
  const SENTENCE =
    "Såfremt du ikke møder op til samtalen, vil du blive trukket i din ydelse, og du bedes derfor kontakte os.";
  const open = async (options: Partial<ConstructorParameters<typeof WordFake>[0]> = {}) => {
    use(
      () =>
        new WordFake({
          paragraphs: [{ text: "Kære Jens Hansen" }, { text: SENTENCE }],
          platform: "web",
          ...options,
        })
    );
    const word = await readLetter(fake.context());
    const at = (find: string) => word.letter.text.indexOf(find);
    const edits = [
      { kind: "replace" as const, start: at("Såfremt"), end: at("Såfremt") + 7, text: "Hvis" },
      {
        kind: "replace" as const,
        start: at("vil du blive trukket i din ydelse"),
        end: at("vil du blive trukket i din ydelse") + "vil du blive trukket i din ydelse".length,
        text: "kan vi trække i din ydelse",
      },
      {
        kind: "replace" as const,
        start: at("du bedes derfor kontakte"),
        end: at("du bedes derfor kontakte") + "du bedes derfor kontakte".length,
        text: "ring til",
      },
    ];
    return { word, edits };
  };
  const EXPECTED =
    "Hvis du ikke møder op til samtalen, kan vi trække i din ydelse, og ring til os.";

  test("the fake, web: a search range keeps its old offsets after an earlier edit in the paragraph", async () => {
    use(() => new WordFake({ paragraphs: [{ text: "The house is green" }], platform: "web" }));
    const context = fake.context();
    const body = context.document.body;
    const the = body.search("The");
    const green = body.search("green");
    the.load("items/text");
    green.load("items/text");
    await context.sync();
    the.items[0]!.insertText("[The]", "Replace");
    green.items[0]!.insertText("[green]", "Replace");
    await context.sync();
    expect(fake.currentParagraphs()).toEqual(["[The] house i[green]en"]);
  });

  test("three replacements in one paragraph land where they belong, tracked", async () => {
    const { word, edits } = await open();
    const result = await applyEdits(fake.context(), word, edits);
    expect(result.refused).toEqual([]);
    expect(result.notices).toEqual([]);
    expect(fake.currentParagraphs()[1]).toBe(EXPECTED);
    expect(fake.originalParagraphs()[1]).toBe(SENTENCE);
  });

  test("the same with the user's tracking on (#3913)", async () => {
    const { word, edits } = await open({ trackingMode: "TrackAll" });
    await applyEdits(fake.context(), word, edits);
    expect(fake.currentParagraphs()[1]).toBe(EXPECTED);
    expect(fake.model.trackingMode).toBe("TrackAll");
  });

  test("when Word rejects the sync after writing (#6760), the report says what is in the document", async () => {
    const { word, edits } = await open({ faults: { insertTextThrowsAfterWriting: true } });
    const failure = applyEdits(fake.context(), word, edits);
    await expect(failure).rejects.toThrow(
      /Word reported an error \(GeneralException: .*\), but 0 of 1 changed paragraphs read as intended \(not block 2\)/u
    );
    // The user's tracking mode is given back although the batch was dropped.
    expect(fake.model.trackingMode).toBe("Off");
  });
});

describe("4. soft line breaks on Word on the web (#5403)", () => {
  test("the fake, web: U+000B cannot be inserted as text, and a search for a line break finds nothing", async () => {
    use(
      () =>
        new WordFake({
          paragraphs: [{ text: "Jobcenter Randers\u000bLaksetorvet 1" }],
          platform: "web",
        })
    );
    const context = fake.context();
    const paragraph = context.document.body.paragraphs.getFirst();
    const found = paragraph.search("Randers^lLaksetorvet");
    found.load("items/text");
    await context.sync();
    expect(found.items).toHaveLength(0);
    paragraph.insertText("\u000b8900 Randers C", "End");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a standard letter's address lines go in as line breaks on the web", async () => {
    use(() => new WordFake({ paragraphs: [{ text: "" }], cursorAt: 0, platform: "web" }));
    const letter = buildLetter(
      [
        { kind: "address", text: "Jobcenter Randers\nLaksetorvet 1\n8900 Randers C" },
        { kind: "greeting", text: "Kære Jens Hansen" },
      ],
      "\n"
    );
    await insertLetter(fake.context(), letter, { at: "cursor" });
    expect(fake.currentParagraphs()[0]).toBe(
      "Jobcenter Randers\u000bLaksetorvet 1\u000b8900 Randers C"
    );
    const word = await readLetter(fake.context());
    expect(word.letter.text).toBe(letter.text);
  });

  test("a replacement across a line break is found line by line on the web", async () => {
    use(
      () =>
        new WordFake({
          paragraphs: [
            { text: "Kære Jens Hansen" },
            { text: "VIGTIGT:\u000bDu skal komme til samtale den 3. december 2026." },
          ],
          platform: "web",
        })
    );
    const word = await readLetter(fake.context());
    const start = word.letter.text.indexOf("VIGTIGT:");
    const end = word.letter.text.indexOf("Du skal") + "Du skal".length;
    const result = await applyEdits(fake.context(), word, [
      { kind: "replace", start, end, text: "Du skal" },
    ]);
    expect(result.refused).toEqual([]);
    expect(fake.currentParagraphs()[1]).toBe("Du skal komme til samtale den 3. december 2026.");
  });

  test("a new block with several lines goes in with line breaks on the web", async () => {
    use(
      () =>
        new WordFake({
          paragraphs: [
            { text: "Kære Jens Hansen" },
            { text: "Du skal komme til samtale den 3. december 2026." },
          ],
          platform: "web",
        })
    );
    const word = await readLetter(fake.context());
    const result = await applyEdits(fake.context(), word, [
      {
        kind: "insertBlock",
        before: 1,
        text: "Tid: torsdag kl. 9.15\nSted: Laksetorvet 1",
        blockKind: "paragraph",
      },
    ]);
    expect(result.refused).toEqual([]);
    expect(fake.currentParagraphs()[1]).toBe("Tid: torsdag kl. 9.15\u000bSted: Laksetorvet 1");
  });
});

describe("6. block controls: their start and end sit in the first and last paragraph marks (#4975, #3176)", () => {
  /** A letter whose body is in an unlocked, untagged control (as a template's text region). */
  const BODY = [
    "Kære Jens Hansen",
    "Du får fradrag i din kontanthjælp, fordi du ikke kom til samtalen.",
    "Du kan læse mere om reglerne på vores hjemmeside.",
    "Du skal komme til en ny samtale torsdag den 3. december 2026 kl. 9.15.",
    "Med venlig hilsen",
  ];
  const region = (extra: { cannotDelete?: boolean; platform?: "desktop" | "web" } = {}) =>
    new WordFake({
      paragraphs: BODY.map((text) => ({ text })),
      controls: [
        {
          tag: "skabelon:broedtekst",
          from: 1,
          to: 3,
          cannotEdit: false,
          cannotDelete: extra.cannotDelete ?? false,
        },
      ],
      ...(extra.platform ? { platform: extra.platform } : {}),
    });

  const deletions = (["desktop", "web"] as const).flatMap((platform) =>
    (
      [
        [1, "first", false],
        [2, "middle", true],
        [3, "last", false],
      ] as const
    ).map(([at, which, survives]) => [platform, which, at, survives] as const)
  );
  test.each(deletions)(
    "the fake (%s): deleting the control's %s paragraph",
    async (platform, _which, at, survives) => {
      use(() => region({ platform }));
      const context = fake.context();
      const paragraphs = context.document.body.paragraphs;
      paragraphs.load("items/text");
      await context.sync();
      paragraphs.items[at]!.delete();
      await context.sync();
      expect(fake.currentParagraphs()).toEqual(BODY.filter((_, index) => index !== at));
      // The first or last paragraph takes the control with it (#4975); a middle one does not.
      expect(fake.controls()).toHaveLength(survives ? 1 : 0);
    }
  );

  test("the fake: with cannotDelete, deleting the control's first paragraph is refused", async () => {
    use(() => region({ cannotDelete: true }));
    const context = fake.context();
    context.document.body.paragraphs.getFirst().getNext().delete();
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.currentParagraphs()).toEqual(BODY);
  });

  test("the fake: a paragraph inserted before the first or after the last paragraph lands outside", async () => {
    use(() => region());
    const context = fake.context();
    const paragraphs = context.document.body.paragraphs;
    paragraphs.load("items/text");
    await context.sync();
    const [, first, , last] = paragraphs.items;
    first!.insertParagraph("Før", "Before");
    first!.insertParagraph("Inde 1", "After");
    last!.insertParagraph("Inde 2", "Before");
    last!.insertParagraph("Efter", "After");
    await context.sync();
    expect(fake.controls()[0]!.text).toBe(
      [BODY[1], "Inde 1", BODY[2], "Inde 2", BODY[3]].join("\n")
    );
    expect(fake.currentParagraphs()).toEqual([
      BODY[0],
      "Før",
      BODY[1],
      "Inde 1",
      BODY[2],
      "Inde 2",
      BODY[3],
      "Efter",
      BODY[4],
    ]);
  });

  test("moving the last paragraph of a control is refused, not done by deleting the control", async () => {
    use(() => region());
    const word = await readLetter(fake.context());
    const reorder = { kind: "reorder" as const, order: [0, 3, 1, 2, 4] };
    const result = await applyEdits(fake.context(), word, [reorder]);
    expect(result.refused).toEqual([
      {
        edit: reorder,
        reason: expect.stringContaining("first or last paragraph of a content control"),
      },
    ]);
    expect(result.notices.map((notice) => notice.code)).toEqual(["paragraph-at-control-edge"]);
    expect(fake.controls()).toMatchObject([
      { tag: "skabelon:broedtekst", text: BODY.slice(1, 4).join("\n") },
    ]);
    expect(fake.trackedChanges()).toEqual([]);
  });

  test("moving a paragraph from the middle of a control still works, the control kept", async () => {
    use(() => region());
    const word = await readLetter(fake.context());
    const result = await applyEdits(fake.context(), word, [
      { kind: "reorder", order: [2, 0, 1, 3, 4] },
    ]);
    expect(result.refused).toEqual([]);
    fake.model.acceptAll();
    expect(fake.currentParagraphs()).toEqual([BODY[2], BODY[0], BODY[1], BODY[3], BODY[4]]);
    expect(fake.controls()).toHaveLength(1);
  });

  test("guidance added at the end of a letter that ends with locked guidance goes in after it", async () => {
    use(
      () =>
        new WordFake({
          paragraphs: [
            { text: "Kære Jens Hansen" },
            { text: "Du skal komme til samtale den 3. december 2026." },
            { text: "Du kan klage over afgørelsen." },
          ],
          controls: [
            {
              tag: "klarbrev:legal:klagevejledning@3",
              from: 2,
              to: 2,
              cannotEdit: true,
              cannotDelete: true,
            },
          ],
        })
    );
    const word = await readLetter(fake.context());
    await insertGuidance(fake.context(), word, word.letter.blocks.length, {
      text: "Du kan se reglerne i lov om aktiv socialpolitik.",
      legal: { id: "regler", version: "1", title: "Regler" },
    });
    expect(fake.controls().map((control) => control.text)).toEqual([
      "Du kan klage over afgørelsen.",
      "Du kan se reglerne i lov om aktiv socialpolitik.",
    ]);
    expect(fake.model.lockedRevisions()).toEqual([]);
  });
});

describe("7. the text as reviewed, per paragraph (getReviewedText, WordApi 1.4)", () => {
  function withTableAndDeletion(): WordFake {
    const made = new WordFake({
      paragraphs: [
        { text: "Kære Jens Hansen" },
        { text: "Mødested", table: true },
        { text: "Jobcenter Randers, Laksetorvet 1", table: true },
        { text: "Du skal straks komme til samtale den 3. december 2026." },
      ],
    });
    made.model.trackingMode = "TrackAll";
    const node = made.model.paragraphs[3]!;
    const at = made.model.rawText(node).indexOf("straks ");
    made.model.deleteChars(node.id, at, at + "straks ".length);
    made.model.trackingMode = "Off";
    return made;
  }

  test("the fake: the document-wide reviewed text puts table cells on one line", async () => {
    use(withTableAndDeletion);
    const context = fake.context();
    const reviewed = context.document.body.getReviewedText("Current");
    await context.sync();
    expect(reviewed.value.split("\n")).toEqual([
      "Kære Jens Hansen",
      "Mødested\tJobcenter Randers, Laksetorvet 1",
      "Du skal komme til samtale den 3. december 2026.",
    ]);
  });

  test("a tracked deletion is not read as text, even with a table in the letter", async () => {
    use(withTableAndDeletion);
    const word = await readLetter(fake.context());
    expect(word.notices.map((notice) => notice.code)).not.toContain("reviewed-text-unavailable");
    expect(word.letter.text).toContain("Du skal komme til samtale");
    expect(word.letter.text).not.toContain("straks");
    expect(word.paragraphs[3]).toMatchObject({ pendingRevisions: true });
  });
});

describe("12. showing a finding verifies the paragraph before selecting", () => {
  test("after the user added a paragraph above, nothing wrong is selected", async () => {
    use(() => fakeFromLetter("indkaldelse-foer"));
    const word = await readLetter(fake.context());
    const at = word.letter.text.indexOf("udeblivelse");
    // The user types a new first line after the read: every index now points one paragraph up.
    fake.model.paragraphs.unshift(fake.model.addParagraph({ text: "Sagsnr. 2026-114" }));
    fake.model.paragraphs.pop();
    const before = fake.model.selection;
    await expect(selectText(fake.context(), word, at, at + 11)).rejects.toMatchObject({
      code: "document-changed",
    });
    expect(fake.model.selection).toBe(before);
  });
});

describe("8. tracking mode on older builds (#2797) and untracked edits on WordApi 1.3", () => {
  const open = async (options: Partial<ConstructorParameters<typeof WordFake>[0]>) => {
    use(() => fakeFromLetter("indkaldelse-foer", options));
    const word = await readLetter(fake.context());
    const at = word.letter.text.indexOf("Såfremt");
    return {
      word,
      edit: { kind: "replace" as const, start: at, end: at + "Såfremt".length, text: "Hvis" },
    };
  };

  test("the fake: loading changeTrackingMode fails the sync on such a build", async () => {
    use(
      () => new WordFake({ paragraphs: [{ text: "Hej" }], faults: { trackingModeLoadFails: true } })
    );
    const context = fake.context();
    context.document.load("changeTrackingMode");
    await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
  });

  test("where the mode cannot be read, the edits still apply, reported as untracked", async () => {
    const { word, edit } = await open({ faults: { trackingModeLoadFails: true } });
    const result = await applyEdits(fake.context(), word, [edit]);
    expect(result.applied).toEqual([edit]);
    expect(result.tracked).toBe(false);
    expect(result.notices.map((notice) => notice.code)).toContain("tracking-unavailable");
  });

  test("on WordApi 1.3 the host says edits are untracked, and nothing is written unless allowed", async () => {
    const { word, edit } = await open({ wordApi: "1.3" });
    const host = await createWordHost("da-DK", fake.run, fake.runWith);
    expect(await host.tracksChanges!()).toBe(false);
    const before = fake.currentParagraphs();
    const refused = await applyEdits(fake.context(), word, [edit], { allowUntracked: false });
    expect(refused.applied).toEqual([]);
    expect(refused.refused[0]!.reason).toContain("untracked");
    expect(fake.currentParagraphs()).toEqual(before);
    const allowed = await applyEdits(fake.context(), word, [edit], { allowUntracked: true });
    expect(allowed.applied).toEqual([edit]);
  });
});

describe("8. (cont.) inserting and restoring on a build that cannot load the tracking mode", () => {
  test("a standard letter still goes in, legal block locked", async () => {
    use(
      () =>
        new WordFake({
          paragraphs: [{ text: "" }],
          cursorAt: 0,
          faults: { trackingModeLoadFails: true },
        })
    );
    await insertLetter(fake.context(), LETTER, { at: "cursor" });
    expect(fake.controls()[0]).toMatchObject({ cannotEdit: true, text: KLAGE });
  });

  test("approved guidance is still restored", async () => {
    use(() =>
      fakeFromLetter("afgoerelse-med-klagevejledning", {
        faults: { trackingModeLoadFails: true },
      })
    );
    fake.model.controls[0]!.cannotEdit = false;
    const word = await readLetter(fake.context());
    const block = word.letter.blocks.findIndex((candidate) => candidate.kind === "legal");
    const result = await restoreGuidance(
      fake.context(),
      word,
      block,
      "Klagevejledning\nDu kan klage."
    );
    expect(result.notices.map((notice) => notice.code)).toEqual(["tracking-unavailable"]);
    expect(fake.controls()[0]).toMatchObject({
      cannotEdit: true,
      text: "Klagevejledning\nDu kan klage.",
    });
  });
});

describe("5. only rich-text content controls are listed (#2160, #6144, #1302)", () => {
  /** A locked PLAIN-TEXT control around a journal line the caseworker must not change. */
  const spec = (wordApi: string) => ({
    wordApi,
    paragraphs: [
      { text: "Kære Jens Hansen" },
      { text: "Journalnummer 2026-114. Sagen er oprettet i medfør af loven." },
      { text: "Du skal komme til samtale den 3. december 2026." },
    ],
    controls: [
      {
        tag: "esdh:journal",
        type: "PlainText" as const,
        from: 1,
        to: 1,
        cannotEdit: true,
        cannotDelete: true,
      },
    ],
  });

  test("the fake: the collections skip a plain-text control; parentContentControl throws in it", async () => {
    use(() => new WordFake(spec("1.5")));
    const context = fake.context();
    const listed = context.document.body.contentControls;
    listed.load("items/id");
    const typed = context.document.body.getContentControls({
      types: ["RichText", "PlainText"] as unknown as Word.ContentControlType[],
    });
    typed.load("items/tag");
    await context.sync();
    expect(listed.items).toHaveLength(0);
    expect(typed.items.map((control) => control.tag)).toEqual(["esdh:journal"]);
    const parent = context.document.body.paragraphs.getFirst().getNext().parentContentControl;
    parent.load("tag");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("WordApi 1.5: a paragraph in a locked plain-text control is left alone", async () => {
    use(() => new WordFake(spec("1.5")));
    const word = await readLetter(fake.context());
    expect(word.paragraphs[1]!.role).toBe("locked");
    expect(word.letter.text).not.toContain("Journalnummer");
    const at = word.letter.text.indexOf("Du skal");
    const result = await applyEdits(fake.context(), word, [
      { kind: "replace", start: at, end: at + 7, text: "Du bedes" },
    ]);
    expect(result.refused).toEqual([]);
    expect(fake.controls()[0]!.text).toBe(
      "Journalnummer 2026-114. Sagen er oprettet i medfør af loven."
    );
  });
});

describe("10. the analysis record lives in a custom XML part with Klarbrev's namespace", () => {
  test("saved in the part, not in the add-in's settings; read back", async () => {
    use(() => fakeFromLetter("indkaldelse-foer"));
    const host = await createWordHost("da-DK", fake.run, fake.runWith);
    await host.recordAnalysis!(analyzeLetter(await host.read()));
    await host.setIgnored(["plain/officialese|i medfør af|0"]);
    const parts = [...fake.customXmlParts.parts.values()];
    expect(parts).toHaveLength(1);
    expect(parts[0]).toContain(`xmlns="${RECORD_NAMESPACE}"`);
    expect(fake.settings.get(RECORD_KEY)).toBeNull();
    expect((await loadRecord())!.ignoredFindings.map((item) => item.text)).toEqual(["i medfør af"]);
  });

  test("a record in the settings from an earlier version is moved into the part once", async () => {
    use(() => fakeFromLetter("indkaldelse-foer"));
    const record = buildAnalysisRecord(analyzeLetter((await readLetter(fake.context())).letter), {
      ignored: [{ ruleId: "plain/passive", text: "indkaldes", at: "2026-11-24T10:15:00.000Z" }],
    });
    await saveAnalysisRecord(record);
    const host = await createWordHost("da-DK", fake.run, fake.runWith);
    expect(await host.getIgnored()).toEqual(["plain/passive|indkaldes|0"]);
    expect(fake.settings.get(RECORD_KEY)).toBeNull();
    expect(fake.settings.saved.has(RECORD_KEY)).toBe(false);
    expect(fake.customXmlParts.parts.size).toBe(1);
    expect(await loadRecord()).toEqual(record);
    // Once: a second host finds the part and leaves it as it is.
    await createWordHost("da-DK", fake.run, fake.runWith);
    expect(fake.customXmlParts.parts.size).toBe(1);
  });
});
