import type { Document, Element } from "@xmldom/xmldom";
import {
  buildLetter,
  type BlockInput,
  type LegalRef,
  type Letter,
} from "../engine/letter/model.js";
import type { Finding, Point } from "../engine/types.js";
import { classifyParagraphs } from "../word/classify-paragraphs.js";
import { parseLegalTag, titleFromControl } from "../word/legal-tag.js";
import type { ClassifyInput } from "../word/word-letter.js";
import { DocxError } from "./errors.js";
import { openPackage, partText, type DocxPackage } from "./package.js";
import { scanParagraph, type FieldStack, type ScannedParagraph } from "./scan.js";
import { paragraphStyle, readStyles, type ParagraphStyle, type Styles } from "./styles.js";
import { childElements, parseXml, W, wAttr, wChild, wDescendants } from "./xml.js";

/**
 * Read a Word document (.docx, .docm, .dotx, .dotm) as the engine's Letter, the same way the Word
 * adapter does: paragraphs classified by the same classifier, legal content controls tagged
 * `klarbrev:legal:<id>@<version>` as protected blocks, and a map from every letter offset back to
 * paragraph and character. Pure apart from the bytes given: usable in a worker thread.
 */

export interface BlockControl {
  id: number;
  tag: string;
  alias: string;
  locked: boolean;
  placeholder: boolean;
  legal?: LegalRef;
}

export type ParagraphRole = "body" | "legal" | "locked" | "table" | "empty" | "deleted";

export interface DocxParagraph {
  /** 1-based, in document order over every paragraph of the body (tables and controls included). */
  number: number;
  element: Element;
  scan: ScannedParagraph;
  style: ParagraphStyle;
  role: ParagraphRole;
  control?: BlockControl;
  /** Table cell id when the paragraph is in a table. */
  cell?: number;
}

/** A stretch of one paragraph's text that sits at `letterStart` in the letter text. */
export interface Piece {
  paragraph: number;
  localStart: number;
  localEnd: number;
  letterStart: number;
}

export interface DocxPosition {
  /** 1-based paragraph number (every w:p of the body, in order). */
  paragraph: number;
  /** 1-based character in the paragraph's text as Word shows it. */
  char: number;
}

export interface Placeholder {
  name: string;
  kind: "mergefield" | "handlebars" | "control";
  paragraph: number;
}

/** What the document holds beyond the analysed letter body. */
export interface DocxReport {
  paragraphs: number;
  tables: number;
  headers: number;
  footers: number;
  footnotes: number;
  endnotes: number;
  comments: number;
  images: number;
  fields: number;
  /** Paragraphs with pending tracked changes (read with the changes accepted). */
  pendingParagraphs: number;
  lockedControls: number;
  macros: boolean;
}

export interface DocxLetter {
  fileName: string;
  letter: Letter;
  paragraphs: DocxParagraph[];
  pieces: Piece[];
  placeholders: Placeholder[];
  report: DocxReport;
  /** One-line notes for the CLI (what was not analysed). */
  notes: string[];
  /** Findings only the document can show: pending changes or comments inside approved text. */
  findings: Finding[];
  /** The parsed package and main part, for `fix`. */
  pkg: DocxPackage;
  doc: Document;
}

export interface ReadOptions {
  fileName?: string;
}

export function readDocx(bytes: Uint8Array, options: ReadOptions = {}): DocxLetter {
  const pkg = openPackage(bytes);
  const doc = parseXml(partText(pkg, pkg.mainPart)!, pkg.mainPart);
  const body = doc.documentElement && wChild(doc.documentElement, "body");
  if (!body) throw new DocxError(`not a Word document (${pkg.mainPart} has no w:body)`);
  const stylesPart = partText(pkg, "word/styles.xml");
  const styles = readStyles(stylesPart ? parseXml(stylesPart, "word/styles.xml") : undefined);
  const paragraphs = collectParagraphs(body, styles);
  return buildDocxLetter(options.fileName ?? "document.docx", pkg, doc, paragraphs);
}

function collectParagraphs(body: Element, styles: Styles): DocxParagraph[] {
  const paragraphs: DocxParagraph[] = [];
  const fields: FieldStack = { frames: [] };
  let controlIds = 0;
  let cellIds = 0;
  const skip = new Set(["sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr", "pPr"]);

  const walk = (node: Element, control: BlockControl | undefined, cell: number | undefined) => {
    for (const child of childElements(node)) {
      if (child.namespaceURI !== W) {
        walk(child, control, cell);
        continue;
      }
      const name = child.localName ?? "";
      if (name === "p") {
        const scan = scanParagraph(child, fields);
        const style = paragraphStyle(child, styles);
        const paragraph: DocxParagraph = {
          number: paragraphs.length + 1,
          element: child,
          scan,
          style,
          role: roleOf(scan, control, cell),
        };
        if (control) paragraph.control = control;
        if (cell !== undefined) paragraph.cell = cell;
        paragraphs.push(paragraph);
      } else if (name === "tc") {
        walk(child, control, ++cellIds);
      } else if (name === "sdt") {
        const properties = wChild(child, "sdtPr");
        const tag = wAttr(properties && wChild(properties, "tag")) ?? "";
        const lock = wAttr(properties && wChild(properties, "lock"));
        const own: BlockControl = {
          id: ++controlIds,
          tag,
          alias: wAttr(properties && wChild(properties, "alias")) ?? "",
          locked: lock === "sdtContentLocked" || lock === "contentLocked",
          placeholder: Boolean(properties && wChild(properties, "showingPlcHdr")),
        };
        const legal = parseLegalTag(tag);
        if (legal) {
          const title = titleFromControl(own.alias);
          own.legal = title ? { ...legal, title } : legal;
        }
        // A legal control keeps its identity for everything inside it.
        const content = wChild(child, "sdtContent");
        if (content) walk(content, control?.legal ? control : own, cell);
      } else if (!skip.has(name)) {
        walk(child, control, cell);
      }
    }
  };
  walk(body, undefined, undefined);
  return paragraphs;
}

function roleOf(
  scan: ScannedParagraph,
  control: BlockControl | undefined,
  cell: number | undefined
): ParagraphRole {
  if (control?.legal) return "legal";
  if (control?.locked) return "locked";
  if (scan.markDeleted && scan.text.trim() === "") return "deleted";
  if (scan.text.trim() === "") return "empty";
  if (cell !== undefined) return "table";
  return "body";
}

interface Unit {
  input: BlockInput;
  /** Paragraph index (into paragraphs) and local range of each piece, joined by "\n". */
  pieces: { paragraph: number; localStart: number; localEnd: number }[];
  classify?: ClassifyInput;
}

function buildDocxLetter(
  fileName: string,
  pkg: DocxPackage,
  doc: Document,
  paragraphs: DocxParagraph[]
): DocxLetter {
  const units: Unit[] = [];
  /** Classifier items: a unit's input, or null for a chunk break. */
  const items: (ClassifyInput | null)[] = [];
  const itemUnits: (Unit | null)[] = [];
  const addBreak = () => {
    items.push(null);
    itemUnits.push(null);
  };
  const addUnit = (unit: Unit) => {
    units.push(unit);
    if (unit.classify) {
      items.push(unit.classify);
      itemUnits.push(unit);
    } else addBreak();
  };
  const legalFindings: { unit: Unit; ref: LegalRef; pending: boolean; comments: boolean }[] = [];

  let index = 0;
  while (index < paragraphs.length) {
    const paragraph = paragraphs[index]!;
    if (paragraph.role === "legal") {
      const control = paragraph.control!;
      const members: number[] = [];
      while (index < paragraphs.length && paragraphs[index]!.control === control) {
        members.push(index);
        index++;
      }
      const live = members.filter((member) => paragraphs[member]!.scan.text.trim() !== "");
      const unit: Unit = {
        input: {
          kind: "legal",
          text: live.map((member) => paragraphs[member]!.scan.text).join("\n"),
          legal: control.legal!,
          style: paragraph.style.name,
        },
        pieces: live.map((member) => ({
          paragraph: member,
          localStart: 0,
          localEnd: paragraphs[member]!.scan.text.length,
        })),
      };
      addUnit(unit);
      const pending = members.some((member) => paragraphs[member]!.scan.pending);
      const comments = members.some((member) => paragraphs[member]!.scan.comments);
      if (pending || comments) legalFindings.push({ unit, ref: control.legal!, pending, comments });
      continue;
    }
    if (paragraph.role === "table") {
      const cell = paragraph.cell;
      const members: number[] = [];
      while (
        index < paragraphs.length &&
        paragraphs[index]!.cell === cell &&
        paragraphs[index]!.role !== "legal"
      ) {
        if (paragraphs[index]!.role === "table") members.push(index);
        index++;
      }
      const text = members.map((member) => paragraphs[member]!.scan.text).join("\n");
      addBreak();
      addUnit({
        input: { kind: "paragraph", text, style: paragraph.style.name },
        pieces: members.map((member) => ({
          paragraph: member,
          localStart: 0,
          localEnd: paragraphs[member]!.scan.text.length,
        })),
        classify: { text, styleBuiltIn: "Normal", isListItem: false },
      });
      addBreak();
      continue;
    }
    index++;
    if (paragraph.role === "deleted") continue;
    if (paragraph.role !== "body") {
      addBreak();
      continue;
    }
    const at = index - 1;
    const inlineLegal = paragraph.scan.controls.filter((control) => parseLegalTag(control.tag));
    if (inlineLegal.length === 0) {
      addUnit({
        input: { kind: "paragraph", text: paragraph.scan.text, style: paragraph.style.name },
        pieces: [{ paragraph: at, localStart: 0, localEnd: paragraph.scan.text.length }],
        classify: {
          text: paragraph.scan.text,
          styleBuiltIn: paragraph.style.builtIn,
          isListItem: paragraph.style.isListItem,
        },
      });
      continue;
    }
    // Approved text inside a sentence: the control is its own legal block, the text around it
    // its own blocks, so the guard keeps every edit out of the approved words.
    let cursor = 0;
    const text = paragraph.scan.text;
    const plain = (end: number) => {
      if (text.slice(cursor, end).trim() !== "") {
        addBreak();
        const piece = text.slice(cursor, end);
        addUnit({
          input: { kind: "paragraph", text: piece, style: paragraph.style.name },
          pieces: [{ paragraph: at, localStart: cursor, localEnd: end }],
          classify: { text: piece, styleBuiltIn: "Normal", isListItem: false },
        });
      }
    };
    for (const control of inlineLegal) {
      plain(control.start);
      const ref = parseLegalTag(control.tag)!;
      const title = titleFromControl(control.alias);
      if (title) ref.title = title;
      const unit: Unit = {
        input: { kind: "legal", text: text.slice(control.start, control.end), legal: ref },
        pieces: [{ paragraph: at, localStart: control.start, localEnd: control.end }],
      };
      addUnit(unit);
      if (control.pending || control.comments) {
        legalFindings.push({ unit, ref, pending: control.pending, comments: control.comments });
      }
      cursor = control.end;
    }
    plain(text.length);
    addBreak();
  }

  const classified = classifyParagraphs(items);
  itemUnits.forEach((unit, position) => {
    const kind = unit && classified[position];
    if (unit && kind && unit.input.kind !== "legal") {
      unit.input.kind = kind.kind;
      if (kind.level !== undefined) unit.input.level = kind.level;
    }
  });

  const letter = buildLetter(
    units.map((unit) => unit.input),
    "\n"
  );
  const pieces: Piece[] = [];
  units.forEach((unit, blockIndex) => {
    let letterStart = letter.blocks[blockIndex]!.start;
    for (const piece of unit.pieces) {
      pieces.push({ ...piece, letterStart });
      letterStart += piece.localEnd - piece.localStart + 1;
    }
  });

  const docx: DocxLetter = {
    fileName,
    letter,
    paragraphs,
    pieces,
    placeholders: findPlaceholders(paragraphs),
    report: countParts(pkg, doc, paragraphs),
    notes: [],
    findings: [],
    pkg,
    doc,
  };
  docx.notes = notesFor(docx.report);
  docx.findings = legalFindings.flatMap(({ unit, ref, pending, comments }) => {
    const block = letter.blocks[units.indexOf(unit)]!;
    const name = ref.title ?? ref.id;
    const found: Finding[] = [];
    if (pending) {
      found.push(
        finding(letter, "legal/pending-change", "error", block.start, block.end, {
          message: `Den godkendte tekst »${name}« (${ref.id}, version ${ref.version}) har sporede ændringer, som ikke er godkendt eller afvist. Godkendt tekst må ikke ændres: afvis ændringerne, eller få teksten godkendt igen.`,
        })
      );
    }
    if (comments) {
      found.push(
        finding(letter, "legal/comment", "warning", block.start, block.end, {
          message: `Der er en kommentar i den godkendte tekst »${name}« (${ref.id}, version ${ref.version}). Læs den, og slet den, før brevet sendes.`,
        })
      );
    }
    return found;
  });
  return docx;
}

/** Paragraph and character of a letter offset (the end of a paragraph points just after it). */
export function docxPosition(docx: DocxLetter, offset: number): DocxPosition {
  const pieces = docx.pieces;
  let low = 0;
  let high = pieces.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (pieces[mid]!.letterStart <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found < 0) return { paragraph: docx.paragraphs[0]?.number ?? 1, char: 1 };
  const piece = pieces[found]!;
  const local = Math.min(piece.localStart + (offset - piece.letterStart), piece.localEnd);
  return { paragraph: docx.paragraphs[piece.paragraph]!.number, char: local + 1 };
}

function finding(
  letter: Letter,
  ruleId: string,
  severity: Finding["severity"],
  start: number,
  end: number,
  { message }: { message: string }
): Finding {
  return {
    ruleId,
    severity,
    message,
    start: point(letter.text, start),
    end: point(letter.text, end),
  };
}

function point(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}

const MERGEFIELD = /^\s*MERGEFIELD\s+(?:"([^"]+)"|([^\s\\]+))/iu;
const HANDLEBARS = /\{\{\{?\s*[#/^>]?\s*([\p{L}\p{N}_.-]+)[^}]*\}\}\}?/gu;

function findPlaceholders(paragraphs: readonly DocxParagraph[]): Placeholder[] {
  const found: Placeholder[] = [];
  for (const paragraph of paragraphs) {
    for (const field of paragraph.scan.fields) {
      const match = MERGEFIELD.exec(field.instruction);
      if (match)
        found.push({
          name: (match[1] ?? match[2])!,
          kind: "mergefield",
          paragraph: paragraph.number,
        });
    }
    for (const match of paragraph.scan.text.matchAll(HANDLEBARS)) {
      const name = match[1]!;
      if (!["else", "this"].includes(name))
        found.push({ name, kind: "handlebars", paragraph: paragraph.number });
    }
    for (const control of paragraph.scan.controls) {
      if (control.placeholder && !parseLegalTag(control.tag)) {
        found.push({
          name: control.alias || control.tag || "?",
          kind: "control",
          paragraph: paragraph.number,
        });
      }
    }
  }
  const seenControls = new Set<number>();
  for (const paragraph of paragraphs) {
    const control = paragraph.control;
    if (control?.placeholder && !control.legal && !seenControls.has(control.id)) {
      seenControls.add(control.id);
      found.push({
        name: control.alias || control.tag || "?",
        kind: "control",
        paragraph: paragraph.number,
      });
    }
  }
  return found;
}

function countParts(
  pkg: DocxPackage,
  doc: Document,
  paragraphs: readonly DocxParagraph[]
): DocxReport {
  const names = pkg.names;
  const partsWithText = (pattern: RegExp) =>
    names.filter((name) => pattern.test(name) && /<w:t[ >]/u.test(partText(pkg, name) ?? ""))
      .length;
  const notes = (part: string, element: string) => {
    const text = partText(pkg, part);
    if (!text) return 0;
    const parsed = parseXml(text, part);
    return wDescendants(parsed, element).filter((note) => {
      const type = wAttr(note, "type");
      return type === undefined || type === "normal";
    }).length;
  };
  const root = doc.documentElement!;
  const controls = wDescendants(root, "sdt").filter((sdt) => {
    const properties = wChild(sdt, "sdtPr");
    const lock = wAttr(properties && wChild(properties, "lock"));
    return (
      (lock === "sdtContentLocked" || lock === "contentLocked") &&
      !parseLegalTag(wAttr(properties && wChild(properties, "tag")))
    );
  });
  return {
    paragraphs: paragraphs.length,
    tables: wDescendants(root, "tbl").length,
    headers: partsWithText(/^word\/header\d*\.xml$/u),
    footers: partsWithText(/^word\/footer\d*\.xml$/u),
    footnotes: notes("word/footnotes.xml", "footnote"),
    endnotes: notes("word/endnotes.xml", "endnote"),
    comments: notes("word/comments.xml", "comment"),
    images: paragraphs.reduce((sum, paragraph) => sum + paragraph.scan.images, 0),
    fields: paragraphs.reduce((sum, paragraph) => sum + paragraph.scan.fields.length, 0),
    pendingParagraphs: paragraphs.filter((paragraph) => paragraph.scan.pending).length,
    lockedControls: controls.length,
    macros: names.some((name) => /vbaProject\.bin$/iu.test(name)),
  };
}

function notesFor(report: DocxReport): string[] {
  const notes: string[] = [];
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const skipped: string[] = [];
  if (report.headers) skipped.push(count(report.headers, "header", "headers"));
  if (report.footers) skipped.push(count(report.footers, "footer", "footers"));
  if (report.footnotes) skipped.push(count(report.footnotes, "footnote", "footnotes"));
  if (report.endnotes) skipped.push(count(report.endnotes, "endnote", "endnotes"));
  if (report.images) skipped.push(count(report.images, "picture", "pictures"));
  if (report.lockedControls)
    skipped.push(count(report.lockedControls, "locked content control", "locked content controls"));
  if (skipped.length > 0) notes.push(`not analysed: ${skipped.join(", ")}`);
  if (report.pendingParagraphs) {
    notes.push(
      `${count(report.pendingParagraphs, "paragraph has", "paragraphs have")} pending tracked changes; read as if they were accepted`
    );
  }
  if (report.macros) notes.push("the document contains macros; they are never run or changed");
  return notes;
}
