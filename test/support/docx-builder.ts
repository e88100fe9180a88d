import { strToU8, zipSync } from "fflate";

/**
 * Builds small .docx files from code for tests: paragraphs with styles and lists, runs with
 * formatting, tracked insertions and deletions, fields, content controls (inline and block),
 * tables, comments, headers and footnotes. The XML is what Word writes, reduced to what matters.
 */

export type Inline =
  | string
  | { text: string; bold?: boolean; italic?: boolean }
  | { ins: string; author?: string }
  | { del: string; author?: string }
  | { field: string; result: string }
  | { simpleField: string; result: string }
  | {
      control: { tag: string; alias?: string; locked?: boolean; placeholder?: boolean };
      text: string;
    }
  | { comment: string; text: string };

export type BlockSpec =
  | string
  | { p: string | Inline[]; style?: string; list?: boolean; markDeleted?: boolean }
  | { table: string[][] }
  | {
      control: { tag: string; alias?: string; locked?: boolean; placeholder?: boolean };
      blocks: BlockSpec[];
    };

export interface DocxOptions {
  header?: string;
  footer?: string;
  footnote?: string;
  macros?: boolean;
  /** Extra zip entries (name -> text). */
  extra?: Record<string, string>;
  /** Leave out styles.xml. */
  noStyles?: boolean;
}

const NS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
const DATE = "2026-11-20T09:00:00Z";

export function esc(text: string): string {
  return text
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;");
}

function t(text: string, tag = "w:t"): string {
  // Tabs and line breaks are their own elements in Word.
  return text
    .split(/(\t|\n)/u)
    .filter((part) => part !== "")
    .map((part) =>
      part === "\t"
        ? "<w:tab/>"
        : part === "\n"
          ? "<w:br/>"
          : `<${tag} xml:space="preserve">${esc(part)}</${tag}>`
    )
    .join("");
}

function run(text: string, props = "", tag = "w:t"): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}${t(text, tag)}</w:r>`;
}

interface State {
  ids: number;
  comments: string[];
  footnotes: string[];
}

function inline(item: Inline, state: State): string {
  if (typeof item === "string") return run(item);
  if ("ins" in item) {
    return `<w:ins w:id="${++state.ids}" w:author="${esc(item.author ?? "Sagsbehandler")}" w:date="${DATE}">${run(item.ins)}</w:ins>`;
  }
  if ("del" in item) {
    return `<w:del w:id="${++state.ids}" w:author="${esc(item.author ?? "Sagsbehandler")}" w:date="${DATE}">${run(item.del, "", "w:delText")}</w:del>`;
  }
  if ("field" in item) {
    return (
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${esc(item.field)} </w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run(item.result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
    );
  }
  if ("simpleField" in item) {
    return `<w:fldSimple w:instr=" ${esc(item.simpleField)} ">${run(item.result)}</w:fldSimple>`;
  }
  if ("control" in item) {
    return `<w:sdt>${sdtPr(item.control, state)}<w:sdtContent>${run(item.text)}</w:sdtContent></w:sdt>`;
  }
  if ("comment" in item) {
    const id = state.comments.length;
    state.comments.push(
      `<w:comment w:id="${id}" w:author="Jurist" w:date="${DATE}" w:initials="JU"><w:p>${run(item.comment)}</w:p></w:comment>`
    );
    return `<w:commentRangeStart w:id="${id}"/>${run(item.text)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
  }
  const props = `${item.bold ? "<w:b/>" : ""}${item.italic ? "<w:i/>" : ""}`;
  return run(item.text, props);
}

function sdtPr(
  control: { tag: string; alias?: string; locked?: boolean; placeholder?: boolean },
  state: State
): string {
  return (
    `<w:sdtPr>${control.alias ? `<w:alias w:val="${esc(control.alias)}"/>` : ""}<w:tag w:val="${esc(control.tag)}"/>` +
    `<w:id w:val="${++state.ids}"/>${control.locked ? `<w:lock w:val="sdtContentLocked"/>` : ""}${control.placeholder ? "<w:showingPlcHdr/>" : ""}</w:sdtPr>`
  );
}

function block(spec: BlockSpec, state: State): string {
  if (typeof spec === "string") return block({ p: spec }, state);
  if ("table" in spec) {
    const rows = spec.table
      .map(
        (row) =>
          `<w:tr>${row.map((cell) => `<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr><w:p>${run(cell)}</w:p></w:tc>`).join("")}</w:tr>`
      )
      .join("");
    return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${spec.table[0]!.map(() => `<w:gridCol w:w="3000"/>`).join("")}</w:tblGrid>${rows}</w:tbl>`;
  }
  if ("control" in spec) {
    return `<w:sdt>${sdtPr(spec.control, state)}<w:sdtContent>${spec.blocks.map((inner) => block(inner, state)).join("")}</w:sdtContent></w:sdt>`;
  }
  const items = typeof spec.p === "string" ? [spec.p] : spec.p;
  const pPr = [
    spec.style ? `<w:pStyle w:val="${spec.style}"/>` : "",
    spec.list ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>` : "",
    spec.markDeleted
      ? `<w:rPr><w:del w:id="${++state.ids}" w:author="Sagsbehandler" w:date="${DATE}"/></w:rPr>`
      : "",
  ].join("");
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${items.map((item) => inline(item, state)).join("")}</w:p>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${NS}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Overskrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Emne"><w:name w:val="Brevemne"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Listeafsnit"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>`;

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

/** The parts of a .docx as text (name -> XML), before zipping. */
export function docxParts(
  blocks: readonly BlockSpec[],
  options: DocxOptions = {}
): Record<string, string> {
  const state: State = { ids: 0, comments: [], footnotes: [] };
  const body = blocks.map((spec) => block(spec, state)).join("");
  const parts: Record<string, string> = {};
  const overrides: string[] = [
    `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>`,
    `<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>`,
  ];
  const rels: string[] = [
    `<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`,
  ];
  if (!options.noStyles) {
    overrides.push(
      `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`
    );
    rels.push(
      `<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`
    );
    parts["word/styles.xml"] = STYLES;
  }
  let sectPr = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>`;
  if (options.header) {
    parts["word/header1.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${NS}><w:p>${run(options.header)}</w:p></w:hdr>`;
    overrides.push(
      `<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`
    );
    rels.push(
      `<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>`
    );
    sectPr += `<w:headerReference w:type="default" r:id="rIdH1"/>`;
  }
  if (options.footer) {
    parts["word/footer1.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${NS}><w:p>${run(options.footer)}</w:p></w:ftr>`;
    overrides.push(
      `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`
    );
    rels.push(
      `<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>`
    );
    sectPr += `<w:footerReference w:type="default" r:id="rIdF1"/>`;
  }
  sectPr += `</w:sectPr>`;
  if (options.footnote) {
    parts["word/footnotes.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ${NS}>` +
      `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
      `<w:footnote w:id="1"><w:p>${run(options.footnote)}</w:p></w:footnote></w:footnotes>`;
    overrides.push(
      `<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>`
    );
    rels.push(
      `<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>`
    );
  }
  if (state.comments.length > 0) {
    parts["word/comments.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${NS}>${state.comments.join("")}</w:comments>`;
    overrides.push(
      `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>`
    );
    rels.push(
      `<Relationship Id="rIdCm" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>`
    );
  }
  if (options.macros) {
    parts["word/vbaProject.bin"] =
      "\u0001\u0002 not a real VBA project, but bytes that must survive";
    overrides.push(
      `<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>`
    );
  }
  parts["word/document.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}${sectPr}</w:body></w:document>`;
  parts["word/numbering.xml"] = NUMBERING;
  parts["word/_rels/document.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
  parts["_rels/.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
  parts["[Content_Types].xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`;
  Object.assign(parts, options.extra ?? {});
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const ordered: Record<string, Uint8Array> = {};
  const names = Object.keys(parts).sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : 0
  );
  for (const name of names) {
    const value = parts[name]!;
    ordered[name] = typeof value === "string" ? strToU8(value) : value;
  }
  return zipSync(ordered);
}

export function buildDocx(blocks: readonly BlockSpec[], options: DocxOptions = {}): Uint8Array {
  return zipParts(docxParts(blocks, options));
}

/**
 * A plain-text or Markdown letter as a .docx: blank lines separate paragraphs, "# " lines are
 * headings, "- " lines list items, and `<!-- klarbrev:legal ... -->` blocks become block content
 * controls tagged `klarbrev:legal:<id>@<version>`, locked, as the add-in inserts them.
 */
export function letterToBlocks(text: string): BlockSpec[] {
  const blocks: BlockSpec[] = [];
  const legal =
    /<!-- klarbrev:legal id="([^"]+)" version="([^"]+)"(?: title="([^"]*)")? -->\n([\s\S]*?)\n<!-- \/klarbrev:legal -->/gu;
  let cursor = 0;
  const plain = (chunk: string) => {
    for (const paragraph of chunk.split(/\n\s*\n/u)) {
      const lines = paragraph.split("\n").filter((line) => line.trim() !== "");
      if (lines.length === 0) continue;
      if (lines.every((line) => line.startsWith("- "))) {
        for (const line of lines)
          blocks.push({ p: line.slice(2), style: "Listeafsnit", list: true });
        continue;
      }
      const heading = /^(#{1,2}) (.*)$/u.exec(lines[0]!);
      if (heading && lines.length === 1) {
        blocks.push({ p: heading[2]!, style: heading[1] === "#" ? "Overskrift1" : "Overskrift2" });
        continue;
      }
      // One line per paragraph, as Word users type addresses.
      for (const line of lines) blocks.push(line);
    }
  };
  for (const match of text.matchAll(legal)) {
    plain(text.slice(cursor, match.index));
    const tag = `klarbrev:legal:${match[1]}@${match[2]}`;
    const alias = match[3] ? `${match[3]} - godkendt tekst, låst` : undefined;
    const inner = match[4]!.split("\n").filter((line) => line.trim() !== "");
    blocks.push({ control: { tag, ...(alias ? { alias } : {}), locked: true }, blocks: inner });
    cursor = match.index + match[0].length;
  }
  plain(text.slice(cursor));
  return blocks;
}
