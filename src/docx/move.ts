import type { Element } from "@xmldom/xmldom";
import type { InsertBlockEdit, ReorderEdit } from "../engine/edits/edit.js";
import type { DocxLetter } from "./read.js";
import { pointAt, runsIn, setText, type InsertionPoint } from "./runs.js";
import { scanParagraph } from "./scan.js";
import { childElements, isW, W, wChild, XML_NS } from "./xml.js";

/**
 * "Put the essentials first" in a .docx: the blocks that move are tracked deletions where they
 * were and tracked insertions (a copy with the same w:pPr and runs) where they go. Which blocks
 * move: as few as possible (the longest run of blocks already in order stays), and never approved
 * guidance, locked text, tables, fields, comments or someone else's pending changes.
 */

/** A replacement in one paragraph, in paragraph-local offsets. */
export interface LocalEdit {
  start: number;
  end: number;
  text: string;
}

export interface ChangeMark {
  next(): number;
  date: string;
  author: string;
}

/** Paragraph indexes of each block, or why the block cannot be moved. */
function blockParagraphs(docx: DocxLetter): { paragraphs: number[]; movable: string | true }[] {
  return docx.letter.blocks.map((block) => {
    const pieces = docx.pieces.filter(
      (piece) => piece.letterStart >= block.start && piece.letterStart <= block.end
    );
    const paragraphs = [...new Set(pieces.map((piece) => piece.paragraph))];
    let movable: string | true = true;
    for (const piece of pieces) {
      const paragraph = docx.paragraphs[piece.paragraph]!;
      const shared = docx.pieces.filter((other) => other.paragraph === piece.paragraph).length > 1;
      if (paragraph.role !== "body") movable = `a ${paragraph.role} paragraph cannot be moved`;
      else if (shared || piece.localStart !== 0 || piece.localEnd !== paragraph.scan.text.length)
        movable = "the paragraph is shared with approved text";
      else if (paragraph.scan.pending) movable = "the paragraph has pending tracked changes";
      else if (paragraph.scan.fields.length > 0) movable = "the paragraph has a field";
      else if (paragraph.scan.comments) movable = "the paragraph has a comment";
      else if (paragraph.scan.controls.length > 0) movable = "the paragraph has a content control";
    }
    return { paragraphs, movable };
  });
}

/** Blocks that stay: the heaviest increasing subsequence of the new order, fixed blocks forced in. */
function staying(order: readonly number[], fixed: ReadonlySet<number>): Set<number> | undefined {
  const n = order.length;
  const weight = (block: number) => (fixed.has(block) ? 100_000 : 1);
  const best: number[] = order.map((block) => weight(block));
  const previous = order.map(() => -1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (order[j]! < order[i]! && best[j]! + weight(order[i]!) > best[i]!) {
        best[i] = best[j]! + weight(order[i]!);
        previous[i] = j;
      }
    }
  }
  let end = 0;
  for (let i = 1; i < n; i++) if (best[i]! > best[end]!) end = i;
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = previous[i]!) keep.add(order[i]!);
  for (const block of fixed) if (!keep.has(block)) return undefined;
  return keep;
}

/** The blocks the reorder moves, or why it cannot be done in the document. */
export function movingBlocks(
  docx: DocxLetter,
  reorder: ReorderEdit | undefined,
  lead?: InsertBlockEdit
): number[] | string {
  const blocks = blockParagraphs(docx);
  const order = reorder?.order ?? blocks.map((_, index) => index);
  const fixed = new Set(blocks.flatMap((block, index) => (block.movable === true ? [] : [index])));
  const keep = staying(order, fixed);
  if (!keep) return "the new order would move approved guidance, a table or protected text";
  const moving = order.filter((block) => !keep.has(block));
  for (const block of moving) {
    if (blocks[block]!.movable !== true) return blocks[block]!.movable as string;
  }
  // A paragraph cannot land between two blocks of one table or content control.
  const container = (block: number, edge: "first" | "last") => {
    const paragraphs = blocks[block]!.paragraphs;
    const index = edge === "first" ? paragraphs[0] : paragraphs.at(-1);
    return index === undefined ? undefined : topLevel(docx.paragraphs[index]!.element);
  };
  const splitsContainer = (position: number) => {
    const before = order
      .slice(0, position)
      .reverse()
      .find((block) => keep.has(block));
    const after = order.slice(position).find((block) => keep.has(block));
    if (before === undefined || after === undefined) return false;
    const outer = container(before, "last");
    return outer !== undefined && outer === container(after, "first");
  };
  for (let position = 0; position < order.length; position++) {
    if (!keep.has(order[position]!) && splitsContainer(position + 1)) {
      return "the new order would put a paragraph inside a table or content control";
    }
  }
  if (lead && lead.before < blocks.length) {
    const position = order.indexOf(lead.before);
    if (keep.has(lead.before) && position > 0 && splitsContainer(position)) {
      return "the lead would land inside a table or content control";
    }
  }
  return moving;
}

/**
 * Apply the reorder (and the lead paragraph) as tracked changes. Returns why not, or undefined
 * when done. Nothing is changed when it refuses.
 */
export function trackedReorder(
  docx: DocxLetter,
  reorder: ReorderEdit | undefined,
  lead: InsertBlockEdit | undefined,
  mark: ChangeMark,
  copyEdits: ReadonlyMap<Element, readonly LocalEdit[]> = new Map()
): string | undefined {
  const blocks = blockParagraphs(docx);
  const order = reorder?.order ?? blocks.map((_, index) => index);
  const fixed = new Set(blocks.flatMap((block, index) => (block.movable === true ? [] : [index])));
  const keep = staying(order, fixed);
  if (!keep) return "the new order would move approved guidance, a table or protected text";
  const moving = order.filter((block) => !keep.has(block));
  for (const block of moving) {
    if (blocks[block]!.movable !== true) return blocks[block]!.movable as string;
  }
  if (lead && lead.before < blocks.length && blocks[lead.before]!.paragraphs.length === 0) {
    return "the lead has no paragraph to stand before";
  }

  const element = (paragraph: number) => docx.paragraphs[paragraph]!.element;
  // Copies first (from the untouched originals), then the originals become deletions.
  const copies = new Map<number, Element[]>();
  for (const block of moving) {
    copies.set(
      block,
      blocks[block]!.paragraphs.map((paragraph) =>
        insertedCopy(element(paragraph), mark, copyEdits.get(element(paragraph)) ?? [])
      )
    );
  }
  const firstOf = (block: number): Element =>
    copies.get(block)?.[0] ?? element(blocks[block]!.paragraphs[0]!);
  const body = element(blocks[order[0]!]!.paragraphs[0]!).parentNode!;

  let cursor: Element | undefined;
  order.forEach((block, position) => {
    if (keep.has(block)) {
      cursor = element(blocks[block]!.paragraphs.at(-1)!);
      return;
    }
    const anchor = order.slice(position + 1).find((later) => keep.has(later));
    for (const copy of copies.get(block)!) {
      if (anchor !== undefined) {
        const target = topLevel(element(blocks[anchor]!.paragraphs[0]!));
        target.parentNode!.insertBefore(copy, target);
      } else {
        const after = topLevel(cursor ?? element(blocks[order[0]!]!.paragraphs[0]!));
        after.parentNode!.insertBefore(copy, after.nextSibling);
      }
      cursor = copy;
    }
  });
  for (const block of moving) {
    for (const paragraph of blocks[block]!.paragraphs) trackDeletion(element(paragraph), mark);
  }

  if (lead) {
    const modelIndex = blocks[Math.min(lead.before, blocks.length - 1)]!.paragraphs[0]!;
    const model = element(modelIndex);
    const style = docx.paragraphs[modelIndex]!.style;
    // The lead is body text: it takes the paragraph formatting, not a list or heading style.
    const plainStyle = !style.isListItem && !/^(Heading\d|Title|Subtitle)$/u.test(style.builtIn);
    const paragraph = newParagraph(model, lead.text, mark, plainStyle);
    if (lead.before < blocks.length) {
      const target = topLevel(firstOf(lead.before));
      target.parentNode!.insertBefore(paragraph, target);
    } else {
      const last = topLevel(cursor ?? model);
      (last.parentNode ?? body).insertBefore(paragraph, last.nextSibling);
    }
  }
  return undefined;
}

function change(
  doc: NonNullable<Element["ownerDocument"]>,
  name: string,
  mark: ChangeMark
): Element {
  const element = doc.createElementNS(W, name);
  element.setAttributeNS(W, "w:id", String(mark.next()));
  element.setAttributeNS(W, "w:author", mark.author);
  element.setAttributeNS(W, "w:date", mark.date);
  return element;
}

/** The paragraph mark's run properties (w:pPr/w:rPr), created when missing. */
function markProperties(paragraph: Element): Element {
  const doc = paragraph.ownerDocument!;
  let properties = wChild(paragraph, "pPr");
  if (!properties) {
    properties = doc.createElementNS(W, "w:pPr");
    paragraph.insertBefore(properties, paragraph.firstChild);
  }
  let rPr = wChild(properties, "rPr");
  if (!rPr) {
    rPr = doc.createElementNS(W, "w:rPr");
    // w:rPr comes after everything else in w:pPr except w:sectPr and w:pPrChange.
    const before = wChild(properties, "sectPr") ?? wChild(properties, "pPrChange") ?? null;
    properties.insertBefore(rPr, before);
  }
  return rPr;
}

function runsOf(paragraph: Element): Element[] {
  return Array.from(paragraph.getElementsByTagNameNS(W, "r"));
}

function trackDeletion(paragraph: Element, mark: ChangeMark): void {
  const doc = paragraph.ownerDocument!;
  for (const run of runsOf(paragraph)) {
    const del = change(doc, "w:del", mark);
    run.parentNode!.insertBefore(del, run);
    del.appendChild(run);
    for (const child of childElements(run)) {
      if (isW(child, "t")) {
        const deleted = doc.createElementNS(W, "w:delText");
        deleted.setAttributeNS(XML_NS, "xml:space", "preserve");
        deleted.appendChild(doc.createTextNode(child.textContent ?? ""));
        run.replaceChild(deleted, child);
      }
    }
  }
  markProperties(paragraph).appendChild(change(doc, "w:del", mark));
}

function insertedCopy(paragraph: Element, mark: ChangeMark, edits: readonly LocalEdit[]): Element {
  const copy = paragraph.cloneNode(true) as Element;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) plainReplace(copy, edit);
  const doc = paragraph.ownerDocument!;
  // Bookmarks and comment anchors belong to the original; ids must stay unique.
  for (const name of ["bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd"]) {
    for (const node of Array.from(copy.getElementsByTagNameNS(W, name)))
      node.parentNode!.removeChild(node);
  }
  for (const reference of Array.from(copy.getElementsByTagNameNS(W, "commentReference"))) {
    const run = reference.parentNode!;
    run.parentNode!.removeChild(run);
  }
  for (const run of runsOf(copy)) {
    const ins = change(doc, "w:ins", mark);
    run.parentNode!.insertBefore(ins, run);
    ins.appendChild(run);
  }
  markProperties(copy).appendChild(change(doc, "w:ins", mark));
  return copy;
}

/** Replace text in a paragraph that is about to become a tracked insertion (no marks needed). */
function plainReplace(paragraph: Element, edit: LocalEdit): void {
  const doc = paragraph.ownerDocument!;
  let at: InsertionPoint;
  let properties: Element | undefined;
  if (edit.end > edit.start) {
    pointAt(paragraph, edit.end, "after");
    pointAt(paragraph, edit.start, "before");
    const { runs } = runsIn(paragraph, edit.start, edit.end);
    properties = wChild(runs[0]!, "rPr");
    const last = runs.at(-1)!;
    at = { parent: last.parentNode!, before: last.nextSibling };
    for (const run of runs) {
      if (at.before === run) at = { parent: at.parent, before: run.nextSibling };
      run.parentNode!.removeChild(run);
    }
  } else {
    at = pointAt(paragraph, edit.start, edit.start > 0 ? "after" : "before");
    const segments = scanParagraph(paragraph).segments;
    const neighbour =
      segments.find((segment) => segment.end === edit.start) ??
      segments.find((segment) => segment.start === edit.start);
    properties = neighbour?.run ? wChild(neighbour.run, "rPr") : undefined;
  }
  if (edit.text === "") return;
  const run = doc.createElementNS(W, "w:r");
  if (properties) run.appendChild(properties.cloneNode(true));
  const t = doc.createElementNS(W, "w:t");
  setText(t, edit.text);
  run.appendChild(t);
  at.parent.insertBefore(run, at.before);
}

function newParagraph(model: Element, text: string, mark: ChangeMark, keepStyle: boolean): Element {
  const doc = model.ownerDocument!;
  const paragraph = doc.createElementNS(W, "w:p");
  const properties = wChild(model, "pPr");
  if (properties) {
    const clone = properties.cloneNode(true) as Element;
    for (const name of ["numPr", "rPr", "pPrChange", "sectPr", ...(keepStyle ? [] : ["pStyle"])]) {
      const child = wChild(clone, name);
      if (child) clone.removeChild(child);
    }
    paragraph.appendChild(clone);
  }
  markProperties(paragraph).appendChild(change(doc, "w:ins", mark));
  const ins = change(doc, "w:ins", mark);
  const run = doc.createElementNS(W, "w:r");
  const firstRun = runsOf(model)[0];
  const rPr = firstRun && wChild(firstRun, "rPr");
  if (rPr) run.appendChild(rPr.cloneNode(true));
  const t = doc.createElementNS(W, "w:t");
  setText(t, text);
  run.appendChild(t);
  ins.appendChild(run);
  paragraph.appendChild(ins);
  return paragraph;
}

/**
 * The body-level element holding a paragraph (the paragraph itself, or its content control or
 * table): moved paragraphs go beside it, never into approved guidance or a table.
 */
function topLevel(paragraph: Element): Element {
  let node: Element = paragraph;
  while (node.parentNode && node.parentNode.nodeType === 1 && !isW(node.parentNode, "body")) {
    node = node.parentNode as Element;
  }
  return node;
}
