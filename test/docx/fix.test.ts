import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { analyzeDocx, fixDocx, readDocx } from "../../src/docx/index.js";
import { loadLegalRegistry } from "../../src/templates/library.js";
import { buildDocx, letterToBlocks, type BlockSpec } from "../support/docx-builder.js";

const LETTERS = "test/fixtures/letters";
const { registry } = await loadLegalRegistry("templates", { cwd: process.cwd() });
const NOW = new Date("2026-12-04T10:00:00Z");

function fix(bytes: Uint8Array, all = false) {
  const docx = readDocx(bytes);
  const analysis = analyzeDocx(docx, { legal: { registry } });
  return {
    before: docx.letter.text,
    analysis,
    result: fixDocx(readDocx(bytes), analysis, { all, now: NOW }),
  };
}

function documentXml(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes)["word/document.xml"]!);
}

describe("klarbrev fix: a reviewed .docx with tracked changes and comments", () => {
  const original = buildDocx(
    letterToBlocks(readFileSync(`${LETTERS}/indkaldelse-foer.txt`, "utf8")),
    {
      header: "Jobcenter Randers",
      macros: true,
    }
  );
  const { before, analysis, result } = fix(original);

  it("writes safe suggestions as tracked changes: accepted gives the engine's text, rejected the original", () => {
    expect(result.applied.length).toBeGreaterThan(3);
    expect(readDocx(result.bytes).letter.text).toBe(result.expectedText);
    expect(result.expectedText).not.toBe(before);
    expect(result.expectedText).toContain("løbende holde samtaler");
    expect(readDocx(result.bytes, { view: "klarbrev-rejected" }).letter.text).toBe(before);
  });

  it("marks every change with author Klarbrev, a date and a document-unique id", () => {
    const xml = documentXml(result.bytes);
    const changes = [...xml.matchAll(/<w:(ins|del) ([^>]*)>/gu)].map((match) => match[2]!);
    expect(changes.length).toBeGreaterThanOrEqual(result.applied.length * 2 - 1);
    for (const attributes of changes) {
      expect(attributes).toContain('w:author="Klarbrev"');
      expect(attributes).toContain('w:date="2026-12-04T10:00:00Z"');
    }
    const ids = [...xml.matchAll(/<w:(?:ins|del|commentRangeStart) w:id="(\d+)"/gu)].map(
      (match) => match[1]
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("turns findings without an applied edit into comments anchored to their text", () => {
    const entries = unzipSync(result.bytes);
    const comments = strFromU8(entries["word/comments.xml"]!);
    expect(result.comments).toBe(analysis.findings.length - result.applied.length);
    expect(comments).toContain("Trussel om sanktion: »vil medføre fradrag«");
    expect(strFromU8(entries["[Content_Types].xml"]!)).toContain('PartName="/word/comments.xml"');
    expect(strFromU8(entries["word/_rels/document.xml.rels"]!)).toContain('Target="comments.xml"');
    const xml = documentXml(result.bytes);
    expect(xml.match(/<w:commentRangeStart /gu)).toHaveLength(result.comments);
    expect(xml.match(/<w:commentReference /gu)).toHaveLength(result.comments);
  });

  it("leaves every other part of the package byte-identical (macros included)", () => {
    const a = unzipSync(original);
    const b = unzipSync(result.bytes);
    const changed = new Set([
      "word/document.xml",
      "word/comments.xml",
      "[Content_Types].xml",
      "word/_rels/document.xml.rels",
    ]);
    expect(Object.keys(b).filter((name) => !changed.has(name))).toEqual(
      Object.keys(a).filter((name) => !changed.has(name))
    );
    for (const name of Object.keys(a)) {
      if (!changed.has(name))
        expect(Buffer.from(b[name]!).equals(Buffer.from(a[name]!))).toBe(true);
    }
  });

  it("splits runs at edit edges and keeps their formatting", () => {
    const bytes = buildDocx([
      "Kære Jens",
      {
        p: [
          {
            text: "Såfremt du er forhindret, skal du ringe til jobcentret og medbringe dit sundhedskort.",
            bold: true,
          },
        ],
      },
    ]);
    const { result: fixed } = fix(bytes);
    expect(fixed.applied.length).toBeGreaterThan(0);
    const xml = documentXml(fixed.bytes);
    const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gu)]
      .map((match) => match[1]!)
      .filter((run) => /<w:(t|delText)[ >]/u.test(run) && !run.includes("Kære"));
    expect(runs.length).toBeGreaterThan(2);
    for (const run of runs) expect(run.startsWith("<w:rPr><w:b/></w:rPr>")).toBe(true);
    expect(readDocx(fixed.bytes).letter.text).toBe(fixed.expectedText);
  });

  it("never touches legal controls, fields or other authors' pending changes", () => {
    const text = readFileSync(`${LETTERS}/indkaldelse-sygeopfoelgning-efter.md`, "utf8");
    const blocks: BlockSpec[] = [
      ...letterToBlocks(text).slice(0, 8),
      {
        p: [
          "Såfremt ",
          { field: "MERGEFIELD Fornavn", result: "«Fornavn»" },
          " ikke kan komme, ",
          { ins: "bedes De", author: "Anden" },
          " ringe.",
        ],
      },
      { p: [{ field: "MERGEFIELD Tekst", result: "Du bedes medbringe dit sundhedskort." }] },
      // Someone else's locked control: never read as the letter, never changed.
      {
        control: { tag: "kommunens-tekst", locked: true },
        blocks: ["Såfremt De udebliver, bedes De kontakte os."],
      },
      ...letterToBlocks(text).slice(8),
    ];
    const bytes = buildDocx(blocks);
    const { before, result: fixed } = fix(bytes, true);
    const after = readDocx(fixed.bytes);
    expect(after.letter.text).toBe(fixed.expectedText);
    expect(readDocx(fixed.bytes, { view: "klarbrev-rejected" }).letter.text).toBe(before);
    // The legal block and the locked control are byte-for-byte the same XML.
    const controls = (xml: string) => xml.match(/<w:sdt>.*?<\/w:sdt>/gu);
    expect(controls(documentXml(bytes))).toHaveLength(2);
    expect(controls(documentXml(fixed.bytes))).toEqual(controls(documentXml(bytes)));
    expect(after.letter.text).toContain("«Fornavn»");
    expect(after.letter.text).toContain("Du bedes medbringe dit sundhedskort.");
    expect(after.letter.text).toContain("bedes De ringe");
    expect(fixed.refused.map((entry) => entry.reason)).toEqual(
      expect.arrayContaining(["the text is a field's result (fields are never changed)"])
    );
  });
});

describe("klarbrev fix --essentials-first: moved paragraphs as tracked deletion + insertion", () => {
  it("puts the essentials first; accepted gives the engine's order, rejected the original", () => {
    const bytes = readFileSync("test/fixtures/docx/indkaldelse-foer.docx");
    const docx = readDocx(bytes);
    const analysis = analyzeDocx(docx, { legal: { registry } });
    expect(analysis.scores.essentials.inLead).toBe(false);
    const result = fixDocx(readDocx(bytes), analysis, {
      all: true,
      essentialsFirst: true,
      now: NOW,
    });
    expect(result.essentialsFirst).toEqual({ applied: true });
    const after = readDocx(result.bytes);
    expect(after.letter.text).toBe(result.expectedText);
    expect(readDocx(result.bytes, { view: "klarbrev-rejected" }).letter.text).toBe(
      docx.letter.text
    );
    expect(analyzeDocx(after, { legal: { registry } }).scores.essentials.inLead).toBe(true);
  });

  it("keeps a moved paragraph's w:pPr and run formatting, and never moves approved guidance", () => {
    const text = readFileSync(`${LETTERS}/indkaldelse-sygeopfoelgning-foer.txt`, "utf8");
    const blocks = letterToBlocks(text).map((block) =>
      typeof block === "string" && block.includes("kl.")
        ? { p: [{ text: block, italic: true }], style: "Listeafsnit", list: true }
        : block
    );
    blocks.splice(9, 0, {
      control: { tag: "klarbrev:legal:pligter-sygedagpenge@1", locked: true },
      blocks: ["Du skal deltage i opfølgningen på din sygemelding."],
    });
    const bytes = buildDocx(blocks);
    const docx = readDocx(bytes);
    const analysis = analyzeDocx(docx, { legal: { registry } });
    const result = fixDocx(readDocx(bytes), analysis, { essentialsFirst: true, now: NOW });
    if (!result.essentialsFirst?.applied)
      throw new Error(`not applied: ${JSON.stringify(result.essentialsFirst)}`);
    expect(readDocx(result.bytes).letter.text).toBe(result.expectedText);
    expect(readDocx(result.bytes, { view: "klarbrev-rejected" }).letter.text).toBe(
      docx.letter.text
    );
    const xml = documentXml(result.bytes);
    const inserted = [...xml.matchAll(/<w:p><w:pPr>(.*?)<\/w:pPr>/gu)]
      .map((match) => match[1]!)
      .filter((pPr) => /<w:rPr><w:ins /u.test(pPr));
    expect(inserted.length).toBeGreaterThan(0);
    const sdt = (source: string) =>
      source.slice(source.indexOf("<w:sdt>"), source.lastIndexOf("</w:sdt>"));
    expect(sdt(xml)).toBe(sdt(documentXml(bytes)));
    const moved = inserted.filter((pPr) => pPr.includes('<w:pStyle w:val="Listeafsnit"/>'));
    for (const pPr of moved)
      expect(pPr).toContain('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
  });

  it("refuses a new order that would put a paragraph inside a table (the rest is still fixed)", () => {
    const blocks = letterToBlocks(
      readFileSync(`${LETTERS}/indkaldelse-sygeopfoelgning-efter.md`, "utf8")
    );
    blocks.splice(9, 0, {
      p: [{ text: "Du bedes medbringe dit sundhedskort, såfremt du har det.", bold: true }],
    });
    blocks.splice(10, 0, {
      table: [
        ["Hvornår", "Onsdag den 2. december 2026 kl. 10.00"],
        ["Hvor", "Kirkestræde 11"],
      ],
    });
    const bytes = buildDocx(blocks);
    const docx = readDocx(bytes);
    const analysis = analyzeDocx(docx, { legal: { registry } });
    const result = fixDocx(readDocx(bytes), analysis, {
      all: true,
      essentialsFirst: true,
      now: NOW,
    });
    expect(result.essentialsFirst).toEqual({
      applied: false,
      reason: "the new order would put a paragraph inside a table or content control",
    });
    expect(result.applied.length).toBeGreaterThan(0);
    expect(readDocx(result.bytes).letter.text).toBe(result.expectedText);
  });
});
