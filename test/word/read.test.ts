/// <reference types="office-js" />
import { assertLetter } from "../../src/engine/letter/model.js";
import { readLetter } from "../../src/word/read.js";
import { WordFake } from "../support/word-fake/index.js";
import { fakeFromLetter, LETTERS, letterText, lineKinds } from "./support.js";

async function read(fake: WordFake) {
  const restore = fake.install();
  try {
    return await readLetter(fake.context());
  } finally {
    restore();
  }
}

describe("readLetter: real Danish letters round-trip", () => {
  test.each(LETTERS)(
    "%s: one block per paragraph, same kinds as the text classifier, one sync",
    async (name) => {
      const fake = fakeFromLetter(name);
      const word = await read(fake);
      expect(fake.syncCount).toBe(1);
      assertLetter(word.letter);
      const expected = lineKinds(letterText(name));
      expect(word.letter.blocks.map((block) => ({ text: block.text, kind: block.kind }))).toEqual(
        expected
      );
      expect(word.letter.text).toBe(expected.map((line) => line.text).join("\n"));
      expect(word.usesSpacerParagraphs).toBe(true);
    }
  );

  test.each(LETTERS)("%s without empty spacer paragraphs classifies the same", async (name) => {
    const word = await read(fakeFromLetter(name, { spacers: false }));
    expect(word.letter.blocks.map((block) => block.kind)).toEqual(
      lineKinds(letterText(name)).map((line) => line.kind)
    );
    expect(word.usesSpacerParagraphs).toBe(false);
  });

  test("a tagged content control becomes ONE protected legal block spanning its paragraphs", async () => {
    const fake = fakeFromLetter("afgoerelse-med-klagevejledning");
    const word = await read(fake);
    const legal = word.letter.blocks.filter((block) => block.kind === "legal");
    expect(legal).toHaveLength(1);
    expect(legal[0]!.legal).toEqual({
      id: "klagevejledning",
      version: "3",
      title: "Klagevejledning",
    });
    expect(legal[0]!.text.split("\n")).toHaveLength(3);
    expect(legal[0]!.text).toMatch(/^Klagevejledning\nDu kan klage over afgørelsen\./u);
    const index = word.letter.blocks.indexOf(legal[0]!);
    expect(word.sources[index]!.paragraphs).toHaveLength(3);
    expect(word.sources[index]!.control).toMatchObject({
      tag: "klarbrev:legal:klagevejledning@3",
      cannotEdit: true,
      cannotDelete: true,
      occurrence: 0,
    });
    expect(word.notices).toEqual([]);
  });

  test("Word styles decide where they can: Title, headings and list paragraphs", async () => {
    const fake = new WordFake({
      paragraphs: [
        { text: "Jobcenter Randers" },
        { text: "Jobsamtale torsdag den 3. december", styleBuiltIn: "Title" },
        {
          text: "Du skal til jobsamtale torsdag den 3. december 2026 kl. 9.15 i Jobcenter Randers.",
        },
        { text: "Det skal du have med", styleBuiltIn: "Heading2" },
        { text: "dit CV", styleBuiltIn: "ListParagraph", isListItem: true },
        {
          text: "en liste over de job, du har søgt",
          styleBuiltIn: "ListParagraph",
          isListItem: true,
        },
      ],
    });
    const word = await read(fake);
    expect(word.letter.blocks.map((block) => [block.kind, block.level])).toEqual([
      ["address", undefined],
      ["subject", 1],
      ["paragraph", undefined],
      ["heading", 2],
      ["listItem", undefined],
      ["listItem", undefined],
    ]);
    expect(word.letter.blocks[3]!.style).toBe("Overskrift 2");
  });

  test("tables and pictures are skipped and reported in Danish", async () => {
    const fake = new WordFake({
      paragraphs: [
        { text: "Kære Jens" },
        { text: "Tid", table: true },
        { text: "torsdag kl. 9.15", table: true },
        { text: "Du skal komme til samtale hos os." },
      ],
      pictures: 1,
    });
    const word = await read(fake);
    expect(word.letter.blocks.map((block) => block.text)).toEqual([
      "Kære Jens",
      "Du skal komme til samtale hos os.",
    ]);
    expect(word.skipped).toEqual({ tables: 1, tableParagraphs: 2, images: 1 });
    expect(word.notices.map((notice) => notice.code)).toEqual(["tables-skipped", "images-skipped"]);
    expect(word.notices[0]!.message).toContain("1 tabel");
  });

  test("a legal control that is no longer locked is reported", async () => {
    const fake = new WordFake({
      paragraphs: [{ text: "Du kan klage over afgørelsen." }],
      controls: [
        {
          tag: "klarbrev:legal:klagevejledning@3",
          from: 0,
          to: 0,
          cannotEdit: false,
          cannotDelete: true,
        },
      ],
    });
    const word = await read(fake);
    expect(word.letter.blocks[0]!.kind).toBe("legal");
    expect(word.notices.map((notice) => notice.code)).toEqual(["legal-unlocked"]);
  });

  test("soft line breaks read as newlines inside one block", async () => {
    const fake = new WordFake({
      paragraphs: [
        { text: "Jobcenter Randers\u000bLaksetorvet 1\u000b8900 Randers C" },
        { text: "" },
        { text: "Kære Jens" },
      ],
    });
    const word = await read(fake);
    expect(word.letter.blocks[0]).toMatchObject({
      kind: "address",
      text: "Jobcenter Randers\nLaksetorvet 1\n8900 Randers C",
    });
    expect(word.letter.blocks[1]!.kind).toBe("greeting");
  });

  test("without WordApi 1.4 it still reads in one sync (no reviewed text)", async () => {
    const fake = fakeFromLetter("indkaldelse-foer", { wordApi: "1.3" });
    const word = await read(fake);
    expect(fake.syncCount).toBe(1);
    expect(word.letter.blocks.length).toBeGreaterThan(5);
    expect(word.pendingRevisions).toBe(false);
  });
});
