import { readFileSync } from "node:fs";
import { analyzeLetter, analyzeText, assertLetter } from "../../src/engine/index.js";
import { analyzeDocx, docxPosition, readDocx } from "../../src/docx/index.js";
import { loadLegalRegistry } from "../../src/templates/library.js";
import { buildDocx, letterToBlocks } from "../support/docx-builder.js";

const LETTERS = "test/fixtures/letters";
const { registry } = await loadLegalRegistry("templates", { cwd: process.cwd() });

describe("readDocx: the letter as Word shows it", () => {
  it("reads paragraphs, headings from styles, list items from numbering", () => {
    const docx = readDocx(
      buildDocx([
        { p: "Samtale om dit job", style: "Overskrift1" },
        "Kære Jens",
        "Du skal komme til en samtale hos os tirsdag den 8. december 2026 kl. 10.00.",
        { p: "Dit sundhedskort.", style: "Listeafsnit", list: true },
        { p: "Breve fra din læge.", list: true },
      ])
    );
    assertLetter(docx.letter);
    expect(docx.letter.blocks.map((block) => block.kind)).toEqual([
      "subject",
      "greeting",
      "paragraph",
      "listItem",
      "listItem",
    ]);
    expect(docx.letter.text).toBe(
      "Samtale om dit job\nKære Jens\nDu skal komme til en samtale hos os tirsdag den 8. december 2026 kl. 10.00.\nDit sundhedskort.\nBreve fra din læge."
    );
  });

  it("accepts pending changes: insertions in, deletions out; positions point at paragraph and character", () => {
    const docx = readDocx(
      buildDocx([
        "Kære Jens",
        {
          p: [
            "Du ",
            { del: "bedes venligst " },
            { ins: "skal " },
            "komme til ",
            { text: "samtale", bold: true },
            " hos os.",
          ],
        },
      ])
    );
    expect(docx.letter.text).toBe("Kære Jens\nDu skal komme til samtale hos os.");
    const offset = docx.letter.text.indexOf("samtale");
    expect(docxPosition(docx, offset)).toEqual({ paragraph: 2, char: 19 });
    expect(docx.report.pendingParagraphs).toBe(1);
  });

  it("shows fields by their result and names MERGEFIELDs as placeholders", () => {
    const docx = readDocx(
      buildDocx([
        { p: ["Kære ", { field: "MERGEFIELD Fornavn \\* MERGEFORMAT", result: "«Fornavn»" }] },
        { p: ["Side ", { simpleField: "PAGE", result: "1" }, " og {{ moede.dato }}"] },
      ])
    );
    expect(docx.letter.text).toBe("Kære «Fornavn»\nSide 1 og {{ moede.dato }}");
    expect(docx.placeholders).toEqual([
      { name: "Fornavn", kind: "mergefield", paragraph: 1 },
      { name: "moede.dato", kind: "handlebars", paragraph: 2 },
    ]);
  });

  it("reads table cells as their own blocks and reports headers, footers and footnotes", () => {
    const docx = readDocx(
      buildDocx(
        [
          "Kære Jens",
          {
            table: [
              ["Hvornår", "Tirsdag den 8. december 2026 kl. 10.00"],
              ["Hvor", "Jobcenter Holstebro"],
            ],
          },
          "Venlig hilsen",
        ],
        {
          header: "Jobcenter Holstebro",
          footer: "Side 1",
          footnote: "Lov om aktiv beskæftigelsesindsats.",
        }
      )
    );
    expect(docx.letter.blocks.map((block) => block.text)).toEqual([
      "Kære Jens",
      "Hvornår",
      "Tirsdag den 8. december 2026 kl. 10.00",
      "Hvor",
      "Jobcenter Holstebro",
      "Venlig hilsen",
    ]);
    expect(docx.report).toMatchObject({ tables: 1, headers: 1, footers: 1, footnotes: 1 });
    expect(docx.notes[0]).toBe("not analysed: 1 header, 1 footer, 1 footnote");
  });

  it("reads every sample letter like its text version: same text, same legal blocks, same scores", () => {
    for (const name of [
      "indkaldelse-sygeopfoelgning-efter.md",
      "afgoerelse-praktik-efter.md",
      "partshoering-foer.txt",
    ]) {
      const text = readFileSync(`${LETTERS}/${name}`, "utf8");
      const docx = readDocx(buildDocx(letterToBlocks(text)), { fileName: name });
      assertLetter(docx.letter);
      const fromDocx = analyzeLetter(docx.letter, { legal: { registry } });
      const fromText = analyzeText(text, {
        format: name.endsWith(".md") ? "md" : "txt",
        legal: { registry },
      });
      expect(fromDocx.letterType).toBe(fromText.letterType);
      expect(fromDocx.scores.legal.blocks.map((b) => `${b.id}@${b.version}:${b.status}`)).toEqual(
        fromText.scores.legal.blocks.map((b) => `${b.id}@${b.version}:${b.status}`)
      );
      expect(Math.round(fromDocx.scores.readability.prose.lix)).toBe(
        Math.round(fromText.scores.readability.prose.lix)
      );
      expect(Math.round(fromDocx.scores.threat.score)).toBe(
        Math.round(fromText.scores.threat.score)
      );
    }
  });

  it("verifies legal content controls; a pending change or comment inside one is a finding", () => {
    const text = readFileSync(`${LETTERS}/indkaldelse-sygeopfoelgning-efter.md`, "utf8");
    const blocks = letterToBlocks(text);
    const legal = blocks.at(-1) as { control: { tag: string }; blocks: string[] };
    expect(legal.control.tag).toBe("klarbrev:legal:pligter-sygedagpenge@1");
    const intact = analyzeDocx(readDocx(buildDocx(blocks)), { legal: { registry } });
    expect(intact.scores.legal.blocks).toEqual([
      expect.objectContaining({ id: "pligter-sygedagpenge", status: "intact" }),
    ]);
    expect(
      intact.findings.filter(
        (f) => f.ruleId.startsWith("legal/pending") || f.ruleId === "legal/comment"
      )
    ).toEqual([]);

    const [first, ...rest] = legal.blocks;
    const changed = [
      ...blocks.slice(0, -1),
      {
        control: legal.control,
        blocks: [
          { p: [first!, { ins: " Ring til os.", author: "Anden" }] },
          { p: [{ comment: "Er det rigtigt?", text: rest[0]! }] },
          ...rest.slice(1),
        ],
      },
    ];
    const analysis = analyzeDocx(readDocx(buildDocx(changed)), { legal: { registry } });
    expect(analysis.scores.legal.blocks[0]!.status).toBe("modified");
    const ids = analysis.findings.map((finding) => finding.ruleId);
    expect(ids).toContain("legal/pending-change");
    expect(ids).toContain("legal/comment");
  });

  it("keeps inline legal controls as protected blocks inside a paragraph", () => {
    const docx = readDocx(
      buildDocx([
        {
          p: [
            "Du kan klage. ",
            {
              control: { tag: "klarbrev:legal:klagevejledning@2", locked: true },
              text: "Klagen skal være modtaget inden 4 uger.",
            },
            " Ring gerne.",
          ],
        },
      ])
    );
    expect(docx.letter.blocks.map((block) => [block.kind, block.text])).toEqual([
      ["paragraph", "Du kan klage. "],
      ["legal", "Klagen skal være modtaget inden 4 uger."],
      ["paragraph", " Ring gerne."],
    ]);
    expect(docxPosition(docx, docx.letter.blocks[2]!.start + 1)).toEqual({
      paragraph: 1,
      char: 55,
    });
  });
});
