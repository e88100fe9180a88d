import type { Element, Node } from "@xmldom/xmldom";
import { scanParagraph, type Segment } from "./scan.js";
import { isW, W, wChild, XML_NS } from "./xml.js";

/**
 * Run surgery for `fix`: find the point in a paragraph's XML where a text offset lies, splitting
 * a run there when the offset falls inside it. A split run becomes two runs with the same w:rPr,
 * so the formatting of every character is unchanged. The left part keeps its original element,
 * which keeps earlier offsets of the paragraph valid while edits are applied from the end.
 */

export interface InsertionPoint {
  parent: Node;
  before: Node | null;
}

/** Where text at paragraph offset `offset` starts ("before") or where the text before it ends ("after"). */
export function pointAt(
  paragraph: Element,
  offset: number,
  side: "before" | "after"
): InsertionPoint {
  const segments = scanParagraph(paragraph).segments.filter(
    (segment) => segment.run && segment.node
  );
  const inside = segments.find((segment) => segment.start < offset && offset < segment.end);
  if (inside) {
    if (!isW(inside.node, "t")) throw new Error(`offset ${offset} is inside a non-text element`);
    const right = splitRun(inside.run!, inside.node!, offset - inside.start);
    return { parent: right.parentNode!, before: right };
  }
  const starting = segments.find((segment) => segment.start === offset);
  const ending = [...segments].reverse().find((segment) => segment.end === offset);
  const pick = side === "before" ? (starting ?? ending) : (ending ?? starting);
  if (!pick) return { parent: paragraph, before: null };
  if (pick === starting) {
    if (firstContent(pick.run!) === pick.node)
      return { parent: pick.run!.parentNode!, before: pick.run! };
    const right = splitBefore(pick.run!, pick.node!);
    return { parent: right.parentNode!, before: right };
  }
  const next = nextContent(pick.node!);
  if (!next) return { parent: pick.run!.parentNode!, before: pick.run!.nextSibling };
  const right = splitBefore(pick.run!, next);
  return { parent: right.parentNode!, before: right };
}

/** Split `run` inside its text element `node` at `offset`: returns the new right-hand run. */
function splitRun(run: Element, node: Element, offset: number): Element {
  const text = node.textContent ?? "";
  const doc = run.ownerDocument!;
  const tail = doc.createElementNS(W, "w:t");
  tail.setAttributeNS(XML_NS, "xml:space", "preserve");
  tail.appendChild(doc.createTextNode(text.slice(offset)));
  setText(node, text.slice(0, offset));
  node.parentNode!.insertBefore(tail, node.nextSibling);
  return splitBefore(run, tail);
}

/** Move `child` and everything after it into a new run (same w:rPr) right after `run`. */
function splitBefore(run: Element, child: Node): Element {
  const right = run.cloneNode(false) as Element;
  const properties = wChild(run, "rPr");
  if (properties) right.appendChild(properties.cloneNode(true));
  let node: Node | null = child;
  while (node) {
    const next: Node | null = node.nextSibling;
    right.appendChild(node);
    node = next;
  }
  run.parentNode!.insertBefore(right, run.nextSibling);
  return right;
}

export function setText(node: Element, text: string): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  node.appendChild(node.ownerDocument!.createTextNode(text));
  node.setAttributeNS(XML_NS, "xml:space", "preserve");
}

function firstContent(run: Element): Node | null {
  for (let node = run.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && !isW(node, "rPr")) return node;
  }
  return null;
}

function nextContent(node: Node): Node | null {
  for (let next = node.nextSibling; next; next = next.nextSibling)
    if (next.nodeType === 1) return next;
  return null;
}

/** The runs holding paragraph text in [start, end), after splitting at both edges. */
export function runsIn(
  paragraph: Element,
  start: number,
  end: number
): { runs: Element[]; segments: Segment[] } {
  const segments = scanParagraph(paragraph).segments.filter(
    (segment) => segment.start >= start && segment.end <= end && segment.run
  );
  const runs: Element[] = [];
  for (const segment of segments) if (!runs.includes(segment.run!)) runs.push(segment.run!);
  return { runs, segments };
}
