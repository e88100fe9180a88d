/// <reference types="office-js" />
import { WordFake } from "../support/word-fake/index.js";

/** The fake must be at least as strict as Word, or the adapter tests prove nothing. */
function make(options: Partial<ConstructorParameters<typeof WordFake>[0]> = {}): WordFake {
  return new WordFake({
    paragraphs: [{ text: "Du kan klage over afgørelsen." }, { text: "Ring til os." }],
    controls: [
      {
        tag: "klarbrev:legal:klagevejledning@3",
        from: 0,
        to: 0,
        cannotEdit: true,
        cannotDelete: true,
      },
    ],
    ...options,
  });
}

describe("the strict Word fake", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded, also after a sync", async () => {
    const context = make().context();
    const paragraph = context.document.body.paragraphs.getFirst();
    // Deliberately reading before load and sync: the fake must throw like Office.js.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    expect(() => paragraph.text).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    paragraph.load("style");
    await context.sync();
    expect(paragraph.style).toBe("Normal");
    // eslint-disable-next-line office-addins/load-object-before-read
    expect(() => paragraph.text).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  test("queued operations take effect at sync, not before", async () => {
    const fake = make();
    const context = fake.context();
    context.document.body.paragraphs.getLast().insertText(" Vi hjælper gerne.", "End");
    expect(fake.currentParagraphs()[1]).toBe("Ring til os.");
    await context.sync();
    expect(fake.currentParagraphs()[1]).toBe("Ring til os. Vi hjælper gerne.");
    expect(fake.syncCount).toBe(1);
  });

  test("collections: items only after load; getFirst, null objects with isNullObject", async () => {
    const context = make().context();
    const paragraphs = context.document.body.paragraphs;
    expect(() => paragraphs.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    paragraphs.load("items/text,items/parentContentControlOrNullObject/tag");
    await context.sync();
    expect(paragraphs.items.map((paragraph) => paragraph.text)).toEqual([
      "Du kan klage over afgørelsen.",
      "Ring til os.",
    ]);
    expect(paragraphs.items[0]!.parentContentControlOrNullObject.isNullObject).toBe(false);
    expect(paragraphs.items[0]!.parentContentControlOrNullObject.tag).toBe(
      "klarbrev:legal:klagevejledning@3"
    );
    expect(paragraphs.items[1]!.parentContentControlOrNullObject.isNullObject).toBe(true);
  });

  test("getNext past the end fails at sync with ItemNotFound", async () => {
    const context = make().context();
    const beyond = context.document.body.paragraphs.getLast().getNext();
    beyond.load("text");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  const attempts: [string, (context: Word.RequestContext) => void][] = [
    [
      "insert text",
      (context) => context.document.body.paragraphs.getFirst().insertText("Bemærk: ", "Start"),
    ],
    ["delete the paragraph", (context) => context.document.body.paragraphs.getFirst().delete()],
    [
      // Beside the control's only paragraph would land outside it (#3176): insert at its end.
      "insert a paragraph inside",
      (context) =>
        context.document.body.paragraphs
          .getFirst()
          .parentContentControl.insertParagraph("Tillæg", "End"),
    ],
    [
      "delete the control",
      (context) => context.document.body.paragraphs.getFirst().parentContentControl.delete(true),
    ],
    [
      "restyle",
      (context) => {
        context.document.body.paragraphs.getFirst().styleBuiltIn = "Heading1";
      },
    ],
  ];
  const cases = (["Off", "TrackAll"] as const).flatMap((mode) =>
    attempts.map(([name, attempt]) => [mode, name, attempt] as const)
  );

  test.each(cases)(
    "a locked control refuses every change (tracking %s: %s)",
    async (mode, _name, attempt) => {
      const fake = make({ trackingMode: mode });
      const context = fake.context();
      attempt(context);
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      expect(fake.controls()[0]!.text).toBe("Du kan klage over afgørelsen.");
      expect(fake.trackedChanges()).toEqual([]);
    }
  );

  test("a control that may be edited but not deleted survives having all its text deleted only as text", async () => {
    const fake = make({
      controls: [
        { tag: "klarbrev:legal:x@1", from: 0, to: 0, cannotEdit: false, cannotDelete: true },
      ],
      trackingMode: "TrackAll",
    });
    const context = fake.context();
    context.document.body.paragraphs.getFirst().delete();
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  test("tracked changes are recorded as insertions and deletions", async () => {
    const fake = make({ controls: [], trackingMode: "TrackAll" });
    const context = fake.context();
    const results = context.document.body.paragraphs.getLast().search("Ring", { matchCase: true });
    results.load("items/text");
    await context.sync();
    results.items[0]!.insertText("Skriv", "Replace");
    await context.sync();
    expect(fake.trackedChanges()).toEqual([
      { type: "Deleted", text: "Ring", paragraph: expect.any(Number) },
      { type: "Added", text: "Skriv", paragraph: expect.any(Number) },
    ]);
    expect(fake.currentParagraphs()[1]).toBe("Skriv til os.");
    expect(fake.originalParagraphs()[1]).toBe("Ring til os.");
  });

  test("search strings are limited to 255 characters", async () => {
    const context = make().context();
    const results = context.document.body.paragraphs.getLast().search("x".repeat(256));
    results.load("items/text");
    await expect(context.sync()).rejects.toMatchObject({ code: "SearchStringInvalidOrTooLong" });
  });

  test("members above the host's WordApi version fail with ApiNotFound", async () => {
    const fake = make({ wordApi: "1.3" });
    expect(fake.office.context.requirements.isSetSupported("WordApi", "1.3")).toBe(true);
    expect(fake.office.context.requirements.isSetSupported("WordApi", "1.4")).toBe(false);
    const context = fake.context();
    context.document.load("changeTrackingMode");
    await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    const again = fake.context();
    again.document.body.getReviewedText("Current");
    await expect(again.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("inserted text may not contain paragraph breaks (Word would split the paragraph)", async () => {
    const context = make().context();
    context.document.body.paragraphs.getLast().insertText("a\nb", "End");
    await expect(context.sync()).rejects.toMatchObject({ code: "NotModelled" });
  });
});
