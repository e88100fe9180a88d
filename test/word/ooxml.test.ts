import { hasListNumbering, replaceInOoxml, unmovableContent } from "../../src/word/ooxml.js";

/** A paragraph as Word's getOoxml writes it: the text split over runs with their own formatting. */
const PARAGRAPH = [
  '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData>',
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>',
  '<w:pPr><w:pStyle w:val="Listeafsnit"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr>',
  '<w:r><w:t xml:space="preserve">Du skal komme til samtale </w:t></w:r>',
  "<w:r><w:rPr><w:b/></w:rPr><w:t>torsdag</w:t></w:r>",
  '<w:r><w:t xml:space="preserve"> den 3. december &amp; kl. 9.15.</w:t></w:r>',
  "</w:p><w:sectPr/></w:body></w:document></pkg:xmlData></pkg:part></pkg:package>",
].join("");
const TEXT = "Du skal komme til samtale torsdag den 3. december & kl. 9.15.";

describe("a paragraph's OOXML", () => {
  test("a replacement inside one run keeps that run's formatting", () => {
    const at = TEXT.indexOf("torsdag");
    const xml = replaceInOoxml(PARAGRAPH, TEXT, at, at + 7, "fredag")!;
    expect(xml).toContain('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">fredag</w:t></w:r>');
    expect(xml).toContain("december &amp; kl.");
  });

  test("a replacement across runs goes into the first run and empties the rest of the span", () => {
    const at = TEXT.indexOf("samtale torsdag den");
    const xml = replaceInOoxml(PARAGRAPH, TEXT, at, at + "samtale torsdag den".length, "møde")!;
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join("");
    expect(text).toBe("Du skal komme til møde 3. december &amp; kl. 9.15.");
  });

  test("runs that do not spell the paragraph's text are not guessed at", () => {
    expect(replaceInOoxml(PARAGRAPH, "Noget andet", 0, 5, "x")).toBeUndefined();
    const withBreak = PARAGRAPH.replace("</w:t></w:r>", "</w:t><w:br/></w:r>");
    expect(replaceInOoxml(withBreak, TEXT, 0, 2, "Vi")).toBeUndefined();
  });

  test("fields, notes, pictures and comments are found; list numbering is seen", () => {
    expect(unmovableContent(PARAGRAPH)).toEqual([]);
    expect(hasListNumbering(PARAGRAPH)).toBe(true);
    const rich = PARAGRAPH.replace(
      "</w:p>",
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:drawing/></w:r><w:commentRangeStart w:id="0"/></w:p>'
    );
    expect(unmovableContent(rich)).toEqual(["field", "note", "picture", "comment"]);
  });
});
