import { officeError } from "./errors.js";
import { FEATURES, type Char, type Feature, type ParagraphNode } from "./model.js";

/**
 * The fake's Office Open XML: `Paragraph.getOoxml()` gives a flat-OPC package (`pkg:package`, as
 * Word's getOoxml does) with one `w:p`; `Range.insertOoxml()` reads back the `w:p` elements of
 * such a package. Only what the model holds is written: runs (tracked insertions in `w:ins`,
 * deletions in `w:del`), the paragraph style and list numbering (`w:pStyle`, `w:numPr`), and one
 * marker element per rich-content feature. Anything else in the XML is ignored, as the fake
 * cannot model it.
 */

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const FEATURE_XML: Record<Feature, string> = {
  formatting: "", // written as w:b on the runs
  hyperlink: '<w:hyperlink w:anchor="klarbrev-fake"><w:r><w:t>link</w:t></w:r></w:hyperlink>',
  bookmark: '<w:bookmarkStart w:id="0" w:name="fake"/><w:bookmarkEnd w:id="0"/>',
  field: '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>',
  footnote: '<w:r><w:footnoteReference w:id="1"/></w:r>',
  comment:
    '<w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
  picture: "<w:r><w:drawing/></w:r>",
};

const FEATURE_MARKERS: Record<Feature, RegExp> = {
  formatting: /<w:b\/>/u,
  hyperlink: /<w:hyperlink\b/u,
  bookmark: /<w:bookmarkStart\b/u,
  field: /<w:fldSimple\b|<w:fldChar\b/u,
  footnote: /<w:footnoteReference\b|<w:endnoteReference\b/u,
  comment: /<w:commentReference\b|<w:commentRangeStart\b/u,
  picture: /<w:drawing\b|<w:pict\b/u,
};

export function paragraphToOoxml(node: ParagraphNode): string {
  const bold = node.features.includes("formatting") ? "<w:rPr><w:b/></w:rPr>" : "";
  const runs: string[] = [];
  let run: { rev: Char["rev"]; text: string } | undefined;
  const flush = () => {
    if (!run) return;
    const tag = run.rev === "del" ? "w:delText" : "w:t";
    const r = `<w:r>${bold}<${tag} xml:space="preserve">${escapeXml(run.text)}</${tag}></w:r>`;
    runs.push(run.rev ? `<w:${run.rev} w:id="1" w:author="fake">${r}</w:${run.rev}>` : r);
  };
  for (const char of node.chars) {
    if (run && run.rev === char.rev) run.text += char.ch;
    else {
      flush();
      run = { rev: char.rev, text: char.ch };
    }
  }
  flush();
  const pPr = [
    `<w:pStyle w:val="${escapeXml(node.styleBuiltIn === "Other" ? node.style : node.styleBuiltIn)}"/>`,
    node.list
      ? `<w:numPr><w:ilvl w:val="${node.list.level}"/><w:numId w:val="${node.list.id}"/></w:numPr>`
      : "",
  ].join("");
  const extras = node.features.map((feature) => FEATURE_XML[feature]).join("");
  const paragraph = `<w:p><w:pPr>${pPr}</w:pPr>${runs.join("")}${extras}</w:p>`;
  return (
    '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
    '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml">' +
    `<pkg:xmlData><w:document xmlns:w="${W}"><w:body>${paragraph}<w:sectPr/></w:body></w:document></pkg:xmlData>` +
    "</pkg:part></pkg:package>"
  );
}

export interface OoxmlParagraph {
  chars: Char[];
  style: string;
  features: Feature[];
  /** The list it was in, as numbered in the package (not a list id of the target document). */
  numbering?: { numId: number; level: number };
}

export function paragraphsFromOoxml(ooxml: string): OoxmlParagraph[] {
  if (!/<pkg:package\b/u.test(ooxml) || !ooxml.includes(W))
    throw officeError.invalidArgument("insertOoxml: not a flat-OPC WordprocessingML package");
  const paragraphs = [...ooxml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/gu)].map((match) => match[1]!);
  if (paragraphs.length === 0) throw officeError.invalidArgument("insertOoxml: no w:p");
  return paragraphs.map((xml) => {
    const chars: Char[] = [];
    const body = xml
      .replace(/<w:hyperlink\b[\s\S]*?<\/w:hyperlink>/gu, "")
      .replace(/<w:fldSimple\b[\s\S]*?<\/w:fldSimple>/gu, "");
    for (const match of body.matchAll(
      /(<w:(ins|del)\b[^>]*>)?<w:r>(?:<w:rPr>[\s\S]*?<\/w:rPr>)?<w:(t|delText)[^>]*>([^<]*)<\/w:\3><\/w:r>/gu
    )) {
      const rev = match[2] as Char["rev"] | undefined;
      for (const ch of unescapeXml(match[4]!)) chars.push(rev ? { ch, rev } : { ch });
    }
    const numId = /<w:numId w:val="(\d+)"\/>/u.exec(xml);
    const level = /<w:ilvl w:val="(\d+)"\/>/u.exec(xml);
    const paragraph: OoxmlParagraph = {
      chars,
      style: /<w:pStyle w:val="([^"]*)"\/>/u.exec(xml)?.[1] ?? "Normal",
      features: FEATURES.filter((feature) => FEATURE_MARKERS[feature].test(xml)),
    };
    if (numId) paragraph.numbering = { numId: Number(numId[1]), level: Number(level?.[1] ?? 0) };
    return paragraph;
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/gu, "<").replace(/&gt;/gu, ">").replace(/&amp;/gu, "&");
}
