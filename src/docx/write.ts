import type { Element } from "@xmldom/xmldom";
import { strFromU8, strToU8, zipSync } from "fflate";
import { applyEdits } from "../engine/edits/apply.js";
import type { Edit, InsertBlockEdit, ReorderEdit, ReplaceEdit } from "../engine/edits/edit.js";
import { essentialsFirstEdits } from "../engine/rules/essentials/combine.js";
import { movingBlocks, trackedReorder, type LocalEdit } from "./move.js";
import type { Analysis, Finding } from "../engine/types.js";
import type { DocxLetter, DocxParagraph } from "./read.js";
import { pointAt, runsIn, setText, type InsertionPoint } from "./runs.js";
import { scanParagraph } from "./scan.js";
import { parseXml, serializeXml, W, wChild, XML_NS } from "./xml.js";

/**
 * `klarbrev fix`: the reviewed copy of a Word document. Edits become tracked changes (w:del and
 * w:ins by "Klarbrev"), findings that are not applied become comments anchored to their text.
 * Every edit passes the engine's guard first (applyEdits), then the document's own rules: never
 * inside a legal or locked content control, a field, or someone else's pending change. Parts other
 * than the main document, its relationships, the content types and the comments are copied as
 * they were.
 */

export const AUTHOR = "Klarbrev";

export interface FixOptions {
  /** Every suggestion that has an edit, not only the safe ones. */
  all?: boolean;
  now?: Date;
  /** Findings that are not applied become comments (default true). */
  comments?: boolean;
  /** Put the essentials first: the engine's lead paragraph and block order, as tracked changes. */
  essentialsFirst?: boolean;
  /** The language of the comments' own words; the letter's by default. */
  messages?: "da" | "en";
}

export interface NotApplied {
  finding: Finding;
  reason: string;
}

export interface FixResult {
  bytes: Uint8Array;
  /** Edits written as tracked changes. */
  applied: ReplaceEdit[];
  /** Edits the guard or the document refused (each also became a comment). */
  refused: NotApplied[];
  comments: number;
  /** The letter text once every tracked change is accepted (what the engine expects). */
  expectedText: string;
  /** "Essentials first": done, or why not (undefined when not asked for or nothing to do). */
  essentialsFirst?: { applied: true } | { applied: false; reason: string };
}

export function fixDocx(docx: DocxLetter, analysis: Analysis, options: FixOptions = {}): FixResult {
  const date = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/u, "Z");
  const ids = new IdSource(docx);
  const wanted = analysis.findings.filter(
    (finding) => finding.edit?.kind === "replace" && (options.all || finding.safe === true)
  );

  // The engine's guard and overlap rules first, then the document's.
  const guarded = applyEdits(
    docx.letter,
    wanted.map((finding) => finding.edit!)
  );
  const refused: NotApplied[] = guarded.refused.map((refusal) => ({
    finding: wanted.find((finding) => finding.edit === refusal.edit)!,
    reason: refusal.reason,
  }));
  const placed: {
    finding: Finding;
    edit: ReplaceEdit;
    paragraph: DocxParagraph;
    start: number;
    end: number;
  }[] = [];
  for (const edit of guarded.applied as ReplaceEdit[]) {
    const finding = wanted.find((candidate) => candidate.edit === edit)!;
    const place = locateEdit(docx, edit);
    if ("reason" in place) refused.push({ finding, reason: place.reason });
    else placed.push({ finding, edit, ...place });
  }
  // Essentials first: the engine's proposal, through the guard, then the document's own limits.
  let move: { edits: Edit[]; moving: number[] } | undefined;
  let essentialsFirst: FixResult["essentialsFirst"];
  const proposal = options.essentialsFirst ? essentialsFirstEdits(analysis.proposals) : [];
  if (proposal.length > 0) {
    const verdict = applyEdits(docx.letter, proposal);
    const moving = movingBlocks(
      docx,
      proposal.find((edit) => edit.kind === "reorder") as ReorderEdit | undefined,
      proposal.find((edit) => edit.kind === "insertBlock") as InsertBlockEdit | undefined
    );
    if (verdict.refused.length > 0) {
      essentialsFirst = { applied: false, reason: verdict.refused[0]!.reason };
    } else if (typeof moving === "string") {
      essentialsFirst = { applied: false, reason: moving };
    } else {
      move = { edits: proposal, moving };
      essentialsFirst = { applied: true };
    }
  }
  // A moved paragraph is copied whole: its own edits go straight into the copy, which is
  // Klarbrev's tracked insertion anyway.
  const copyEdits = new Map<Element, LocalEdit[]>();
  if (move) {
    const movedRanges = move.moving.map((block) => docx.letter.blocks[block]!);
    for (let i = placed.length - 1; i >= 0; i--) {
      const entry = placed[i]!;
      if (
        movedRanges.some((block) => entry.edit.start >= block.start && entry.edit.end <= block.end)
      ) {
        const list = copyEdits.get(entry.paragraph.element) ?? [];
        list.push({ start: entry.start, end: entry.end, text: entry.edit.text });
        copyEdits.set(entry.paragraph.element, list);
      }
    }
  }
  const applied = placed.map((entry) => entry.edit);
  const expectedText = applyEdits(docx.letter, [...applied, ...(move?.edits ?? [])]).letter.text;

  // Comments first: their markers carry no text, so the edits' offsets stay valid.
  const changed = new Set(placed.map((entry) => entry.finding));
  const reasons = new Map(refused.map((entry) => [entry.finding, entry.reason]));
  const commented =
    options.comments === false ? [] : analysis.findings.filter((finding) => !changed.has(finding));
  const comments: string[] = [];
  for (const finding of commented) {
    const id = ids.next();
    if (anchorComment(docx, finding, id))
      comments.push(
        commentXml(
          id,
          commentText(finding, reasons.get(finding), options.messages ?? analysis.language),
          date
        )
      );
  }

  // Tracked changes, from the end of each paragraph backwards.
  placed.sort((a, b) => b.edit.start - a.edit.start);
  for (const entry of placed) {
    if (copyEdits.has(entry.paragraph.element)) continue;
    trackedReplace(entry.paragraph.element, entry.start, entry.end, entry.edit.text, { ids, date });
  }

  if (move) {
    const reason = trackedReorder(
      docx,
      move.edits.find((edit) => edit.kind === "reorder") as ReorderEdit | undefined,
      move.edits.find((edit) => edit.kind === "insertBlock") as InsertBlockEdit | undefined,
      { next: () => ids.next(), date, author: AUTHOR },
      copyEdits
    );
    if (reason) throw new Error(`essentials first could not be applied: ${reason}`);
  }

  const parts = new Map<string, Uint8Array>();
  parts.set(docx.pkg.mainPart, strToU8(serializeXml(docx.doc)));
  if (comments.length > 0) addComments(docx, parts, comments);
  const files: Record<string, Uint8Array> = {};
  for (const name of docx.pkg.names) files[name] = parts.get(name) ?? docx.pkg.entries.get(name)!;
  for (const [name, bytes] of parts) if (!(name in files)) files[name] = bytes;
  const result: FixResult = {
    bytes: zipSync(files),
    applied,
    refused,
    comments: comments.length,
    expectedText,
  };
  if (essentialsFirst) result.essentialsFirst = essentialsFirst;
  return result;
}

/** The paragraph and paragraph-local range of an edit, or why the document forbids it. */
function locateEdit(
  docx: DocxLetter,
  edit: ReplaceEdit
): { paragraph: DocxParagraph; start: number; end: number } | { reason: string } {
  const piece = docx.pieces.find(
    (candidate) =>
      candidate.letterStart <= edit.start &&
      edit.end <= candidate.letterStart + (candidate.localEnd - candidate.localStart)
  );
  if (!piece) return { reason: "the edit spans more than one paragraph" };
  const paragraph = docx.paragraphs[piece.paragraph]!;
  if (paragraph.role !== "body" && paragraph.role !== "table") {
    return { reason: "the text is in a legal or locked content control" };
  }
  const start = piece.localStart + (edit.start - piece.letterStart);
  const end = piece.localStart + (edit.end - piece.letterStart);
  const segments = paragraph.scan.segments;
  const touched =
    start === end
      ? segments.filter((segment) => segment.end === start || segment.start === start)
      : segments.filter((segment) => segment.start < end && segment.end > start);
  const locked = touched.find((segment) => segment.lock && segment.lock !== "nonText");
  if (locked) return { reason: LOCK_REASONS[locked.lock!] ?? "the text is protected" };
  if (touched.length === 0 && start !== end)
    return { reason: "the text was not found in the document" };
  // Tabs and line breaks inside the range are deleted with it; only text elements are split.
  const splitsNonText = segments.some(
    (segment) =>
      segment.lock === "nonText" &&
      ((segment.start < start && start < segment.end) || (segment.start < end && end < segment.end))
  );
  if (splitsNonText) return { reason: "the edit would split a tab or line break" };
  return { paragraph, start, end };
}

const LOCK_REASONS: Record<string, string> = {
  field: "the text is a field's result (fields are never changed)",
  pending: "the text is someone else's pending tracked change",
  control: "the text is in a content control",
};

interface TrackOptions {
  ids: IdSource;
  date: string;
}

/** Replace paragraph text [start, end) by `text` as a tracked deletion followed by a tracked insertion. */
function trackedReplace(
  paragraph: Element,
  start: number,
  end: number,
  text: string,
  options: TrackOptions
): void {
  const doc = paragraph.ownerDocument!;
  let at: InsertionPoint;
  let properties: Element | undefined;
  if (end > start) {
    pointAt(paragraph, end, "after");
    pointAt(paragraph, start, "before");
    const { runs } = runsIn(paragraph, start, end);
    properties = wChild(runs[0]!, "rPr");
    let last: Element | undefined;
    for (const run of runs) {
      const del = change(doc, "w:del", options);
      run.parentNode!.insertBefore(del, run);
      del.appendChild(run);
      for (const child of Array.from(run.childNodes)) {
        if (
          child.nodeType === 1 &&
          (child as Element).localName === "t" &&
          (child as Element).namespaceURI === W
        ) {
          const deleted = doc.createElementNS(W, "w:delText");
          deleted.setAttributeNS(XML_NS, "xml:space", "preserve");
          deleted.appendChild(doc.createTextNode((child as Element).textContent ?? ""));
          run.replaceChild(deleted, child);
        }
      }
      last = del;
    }
    at = { parent: last!.parentNode!, before: last!.nextSibling };
  } else {
    at = pointAt(paragraph, start, start > 0 ? "after" : "before");
    const segments = scanParagraph(paragraph).segments;
    const neighbour =
      segments.find((segment) => segment.end === start) ??
      segments.find((segment) => segment.start === start);
    properties = neighbour?.run ? wChild(neighbour.run, "rPr") : undefined;
  }
  if (text === "") return;
  const ins = change(doc, "w:ins", options);
  const run = doc.createElementNS(W, "w:r");
  if (properties) {
    const clone = properties.cloneNode(true) as Element;
    // Someone else's formatting change is theirs, not part of Klarbrev's new text.
    for (const pending of Array.from(clone.getElementsByTagNameNS(W, "rPrChange")))
      pending.parentNode!.removeChild(pending);
    run.appendChild(clone);
  }
  for (const part of text.split(/(\t|\n)/u).filter((piece) => piece !== "")) {
    if (part === "\t") run.appendChild(doc.createElementNS(W, "w:tab"));
    else if (part === "\n") run.appendChild(doc.createElementNS(W, "w:br"));
    else {
      const t = doc.createElementNS(W, "w:t");
      setText(t, part);
      run.appendChild(t);
    }
  }
  ins.appendChild(run);
  at.parent.insertBefore(ins, at.before);
}

function change(
  doc: NonNullable<Element["ownerDocument"]>,
  name: string,
  options: TrackOptions
): Element {
  const element = doc.createElementNS(W, name);
  element.setAttributeNS(W, "w:id", String(options.ids.next()));
  element.setAttributeNS(W, "w:author", AUTHOR);
  element.setAttributeNS(W, "w:date", options.date);
  return element;
}

/** Put commentRangeStart/End and the reference around the finding's text; false when it has no place. */
function anchorComment(docx: DocxLetter, finding: Finding, id: number): boolean {
  const start = placeOf(docx, finding.start.offset, "start");
  let end = placeOf(docx, Math.max(finding.end.offset, finding.start.offset), "end");
  if (!start) return false;
  if (!end || end.paragraph.number < start.paragraph.number) end = start;
  let from = start.local;
  let to = end.paragraph === start.paragraph ? Math.max(end.local, from) : end.local;
  // A point (or a finding about a whole block) is anchored to its paragraph's text.
  if (from === to && end.paragraph === start.paragraph) {
    from = 0;
    to = start.paragraph.scan.text.length;
  }
  const doc = docx.doc;
  const marker = (name: string) => {
    const element = doc.createElementNS(W, name);
    element.setAttributeNS(W, "w:id", String(id));
    return element;
  };
  const endPoint = pointAt(end.paragraph.element, snap(end.paragraph, to, "end"), "after");
  const rangeEnd = marker("w:commentRangeEnd");
  endPoint.parent.insertBefore(rangeEnd, endPoint.before);
  const reference = doc.createElementNS(W, "w:r");
  reference.appendChild(marker("w:commentReference"));
  endPoint.parent.insertBefore(reference, rangeEnd.nextSibling);
  const startPoint = pointAt(
    start.paragraph.element,
    snap(start.paragraph, from, "start"),
    "before"
  );
  startPoint.parent.insertBefore(marker("w:commentRangeStart"), startPoint.before);
  return true;
}

/** Keep anchors out of fields and controls: move them to the edge of a locked segment. */
function snap(paragraph: DocxParagraph, offset: number, edge: "start" | "end"): number {
  const segments = scanParagraph(paragraph.element).segments;
  const inside = segments.find(
    (segment) => segment.lock && segment.start < offset && offset < segment.end
  );
  if (inside) return edge === "start" ? inside.start : inside.end;
  const inText = segments.find((segment) => segment.start < offset && offset < segment.end);
  if (inText && inText.node?.localName !== "t") return edge === "start" ? inText.start : inText.end;
  return offset;
}

/**
 * The editable paragraph and local offset for a finding's start or end. Findings in legal or
 * locked controls are anchored to the nearest ordinary paragraph before them (or after them).
 */
function placeOf(
  docx: DocxLetter,
  offset: number,
  edge: "start" | "end"
): { paragraph: DocxParagraph; local: number } | undefined {
  const pieces = docx.pieces;
  let index = -1;
  for (let i = 0; i < pieces.length; i++) if (pieces[i]!.letterStart <= offset) index = i;
  const editable = (i: number) => {
    const role = docx.paragraphs[pieces[i]!.paragraph]!.role;
    return role === "body" || role === "table";
  };
  if (index >= 0 && editable(index)) {
    const piece = pieces[index]!;
    const local = Math.min(piece.localStart + (offset - piece.letterStart), piece.localEnd);
    return { paragraph: docx.paragraphs[piece.paragraph]!, local };
  }
  for (let i = index; i >= 0; i--) {
    if (editable(i)) {
      const piece = pieces[i]!;
      return {
        paragraph: docx.paragraphs[piece.paragraph]!,
        local: edge === "start" ? piece.localStart : piece.localEnd,
      };
    }
  }
  for (let i = Math.max(index, 0); i < pieces.length; i++) {
    if (editable(i)) {
      const piece = pieces[i]!;
      return {
        paragraph: docx.paragraphs[piece.paragraph]!,
        local: edge === "start" ? piece.localStart : piece.localEnd,
      };
    }
  }
  return undefined;
}

function commentText(finding: Finding, refusal: string | undefined, language: "da" | "en"): string {
  const english = language === "en";
  let text = finding.message;
  if (finding.suggestion && finding.suggestion.text)
    text += english
      ? ` Suggestion: “${finding.suggestion.text}”.`
      : ` Forslag: »${finding.suggestion.text}«.`;
  if (refusal)
    text += english
      ? ` (Klarbrev did not change it: ${refusal}.)`
      : ` (Klarbrev har ikke rettet det: ${refusal}.)`;
  return `${text} [${finding.ruleId}]`;
}

function commentXml(id: number, text: string, date: string): string {
  return `<w:comment w:id="${id}" w:author="${AUTHOR}" w:date="${date}" w:initials="KB"><w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p></w:comment>`;
}

const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";

/** Append to comments.xml, or create it with its content type and relationship. */
function addComments(docx: DocxLetter, parts: Map<string, Uint8Array>, comments: string[]): void {
  const main = docx.pkg.mainPart;
  const dir = main.includes("/") ? main.slice(0, main.lastIndexOf("/") + 1) : "";
  const relsName = `${dir}_rels/${main.slice(dir.length)}.rels`;
  const rels = docx.pkg.entries.get(relsName);
  const relsText = rels
    ? strFromU8(rels)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const existingTarget = /<Relationship\b[^>]*Type="[^"]*\/comments"[^>]*>/u.exec(relsText)?.[0];
  const target = existingTarget ? /Target="([^"]+)"/u.exec(existingTarget)?.[1] : undefined;
  const commentsName = target ? `${dir}${target.replace(/^\//u, "")}` : `${dir}comments.xml`;
  const existing = docx.pkg.entries.get(commentsName);
  if (existing) {
    const text = strFromU8(existing);
    parseXml(text, commentsName);
    const close = text.lastIndexOf("</w:comments>");
    parts.set(
      commentsName,
      strToU8(`${text.slice(0, close)}${comments.join("")}${text.slice(close)}`)
    );
    return;
  }
  parts.set(
    commentsName,
    strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}">${comments.join("")}</w:comments>`
    )
  );
  const relId = uniqueId(relsText, "rIdKlarbrevComments");
  parts.set(
    relsName,
    strToU8(
      relsText.replace(
        "</Relationships>",
        `<Relationship Id="${relId}" Type="${COMMENTS_REL}" Target="${commentsName.slice(dir.length)}"/></Relationships>`
      )
    )
  );
  const types = strFromU8(docx.pkg.entries.get("[Content_Types].xml")!);
  if (!types.includes(`PartName="/${commentsName}"`)) {
    parts.set(
      "[Content_Types].xml",
      strToU8(
        types.replace(
          "</Types>",
          `<Override PartName="/${commentsName}" ContentType="${COMMENTS_TYPE}"/></Types>`
        )
      )
    );
  }
}

function uniqueId(text: string, base: string): string {
  let id = base;
  for (let n = 2; text.includes(`Id="${id}"`); n++) id = `${base}${n}`;
  return id;
}

/** Ids for w:ins, w:del and comments: above every id already in the document and its comments. */
class IdSource {
  private last = 0;
  constructor(docx: DocxLetter) {
    const texts = [
      serializeXml(docx.doc),
      strFromU8(docx.pkg.entries.get("word/comments.xml") ?? new Uint8Array()),
    ];
    for (const text of texts) {
      for (const match of text.matchAll(/w:id="(-?\d+)"/gu))
        this.last = Math.max(this.last, Number(match[1]));
    }
  }
  next(): number {
    return ++this.last;
  }
}

function escapeXml(text: string): string {
  return text
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;");
}
