import type { Element } from "@xmldom/xmldom";
import { childElements, isW, textOf, W, wAttr, wChild } from "./xml.js";

/**
 * One paragraph's text as Word shows it with pending changes accepted: inserted text in, deleted
 * and moved-away text out, fields by their displayed result, hidden text out. Every piece of text
 * keeps where it came from (run, element, offset), so findings can point into the paragraph and
 * `fix` can split runs exactly at an edit's edges.
 */

/** Why a piece of text may not be edited by `fix`. */
export type Lock = "field" | "pending" | "control" | "nonText";

export interface Segment {
  /** Paragraph-local UTF-16 offsets. */
  start: number;
  end: number;
  text: string;
  /** The w:r holding the text. */
  run?: Element;
  /** The w:t (or w:tab, w:br...) inside the run. */
  node?: Element;
  lock?: Lock;
}

export interface FieldInfo {
  instruction: string;
  start: number;
  end: number;
}

export interface InlineControl {
  tag: string;
  alias: string;
  locked: boolean;
  placeholder: boolean;
  start: number;
  end: number;
  /** Pending changes or comments inside the control. */
  pending: boolean;
  comments: boolean;
}

export interface ScannedParagraph {
  text: string;
  segments: Segment[];
  fields: FieldInfo[];
  controls: InlineControl[];
  /** Pending tracked changes (insertions, deletions, moves, formatting) in the paragraph. */
  pending: boolean;
  /** A comment range or reference in the paragraph. */
  comments: boolean;
  /** The paragraph mark itself is a pending deletion. */
  markDeleted: boolean;
  images: number;
}

/** Field state carried across paragraphs (a complex field may span several). */
export interface FieldStack {
  frames: { instruction: string; result: boolean; start: number }[];
}

interface Context {
  field: boolean;
  pending: boolean;
  control: boolean;
}

export function scanParagraph(
  paragraph: Element,
  fields: FieldStack = { frames: [] }
): ScannedParagraph {
  const out: ScannedParagraph = {
    text: "",
    segments: [],
    fields: [],
    controls: [],
    pending: false,
    comments: false,
    markDeleted: false,
    images: 0,
  };
  const markRPr = wChild(wChild(paragraph, "pPr") ?? paragraph, "rPr");
  if (markRPr && wChild(markRPr, "del")) {
    out.markDeleted = true;
    out.pending = true;
  }
  if (markRPr && (wChild(markRPr, "ins") || wChild(markRPr, "moveTo"))) out.pending = true;
  if (wChild(paragraph, "pPr") && wChild(wChild(paragraph, "pPr")!, "pPrChange"))
    out.pending = true;

  const hidden = () => fields.frames.some((frame) => !frame.result);
  const push = (text: string, segment: Omit<Segment, "start" | "end" | "text">) => {
    if (text === "") return;
    const start = out.text.length;
    out.text += text;
    out.segments.push({ start, end: out.text.length, text, ...segment });
  };

  const visit = (node: Element, context: Context): void => {
    for (const child of childElements(node)) {
      if (child.namespaceURI !== W) {
        // mc:AlternateContent and friends: pictures and shapes, whose text is not the letter's.
        if (child.localName === "AlternateContent") out.images++;
        else if (child.localName !== "pPr") visit(child, context);
        continue;
      }
      switch (child.localName) {
        case "r":
          run(child, context);
          break;
        case "ins":
        case "moveTo":
          out.pending = true;
          visit(child, { ...context, pending: true });
          break;
        case "del":
        case "moveFrom":
          out.pending = true;
          break;
        case "fldSimple": {
          const start = out.text.length;
          visit(child, { ...context, field: true });
          out.fields.push({
            instruction: wAttr(child, "instr") ?? "",
            start,
            end: out.text.length,
          });
          break;
        }
        case "sdt":
          control(child, context);
          break;
        case "commentRangeStart":
        case "commentRangeEnd":
          out.comments = true;
          break;
        case "pPr":
          break;
        default:
          // w:hyperlink, w:smartTag, w:customXml, w:bdo, w:dir: containers of runs.
          visit(child, context);
      }
    }
  };

  const control = (sdt: Element, context: Context) => {
    const properties = wChild(sdt, "sdtPr");
    const content = wChild(sdt, "sdtContent");
    const before = { pending: out.pending, comments: out.comments };
    out.pending = false;
    out.comments = false;
    const start = out.text.length;
    if (content) visit(content, { ...context, control: true });
    const lock = wAttr(properties && wChild(properties, "lock"));
    out.controls.push({
      tag: wAttr(properties && wChild(properties, "tag")) ?? "",
      alias: wAttr(properties && wChild(properties, "alias")) ?? "",
      locked: lock === "sdtContentLocked" || lock === "contentLocked",
      placeholder: Boolean(properties && wChild(properties, "showingPlcHdr")),
      start,
      end: out.text.length,
      pending: out.pending,
      comments: out.comments,
    });
    out.pending ||= before.pending;
    out.comments ||= before.comments;
  };

  const run = (element: Element, context: Context) => {
    const properties = wChild(element, "rPr");
    if (properties && wChild(properties, "rPrChange")) out.pending = true;
    const vanish = properties && wChild(properties, "vanish");
    const hiddenRun = vanish !== undefined && wAttr(vanish) !== "0" && wAttr(vanish) !== "false";
    for (const child of childElements(element)) {
      if (child.namespaceURI !== W) {
        if (child.localName === "AlternateContent") out.images++;
        continue;
      }
      const lock: Lock | undefined = context.field
        ? "field"
        : context.pending
          ? "pending"
          : context.control
            ? "control"
            : undefined;
      switch (child.localName) {
        case "fldChar": {
          const type = wAttr(child, "fldCharType");
          if (type === "begin") {
            fields.frames.push({ instruction: "", result: false, start: out.text.length });
          } else if (type === "separate") {
            const top = fields.frames.at(-1);
            if (top) {
              top.result = true;
              top.start = out.text.length;
            }
          } else if (type === "end") {
            const top = fields.frames.pop();
            if (top)
              out.fields.push({
                instruction: top.instruction,
                start: top.start,
                end: out.text.length,
              });
          }
          break;
        }
        case "instrText": {
          const top = fields.frames.at(-1);
          if (top && !top.result) top.instruction += textOf(child);
          break;
        }
        case "t":
          if (!hiddenRun && !hidden()) {
            push(textOf(child), {
              run: element,
              node: child,
              ...lockOf(fields.frames.length > 0 ? "field" : lock),
            });
          }
          break;
        case "tab":
        case "ptab":
          if (!hiddenRun && !hidden())
            push("\t", { run: element, node: child, lock: lock ?? "nonText" });
          break;
        case "br":
        case "cr":
          if (!hiddenRun && !hidden())
            push("\n", { run: element, node: child, lock: lock ?? "nonText" });
          break;
        case "noBreakHyphen":
          if (!hiddenRun && !hidden())
            push("\u2011", { run: element, node: child, lock: lock ?? "nonText" });
          break;
        case "drawing":
        case "pict":
        case "object":
          out.images++;
          break;
        case "commentReference":
          out.comments = true;
          break;
        default:
          break;
      }
    }
  };

  visit(paragraph, { field: false, pending: false, control: false });
  return out;
}

function lockOf(lock: Lock | undefined): { lock?: Lock } {
  return lock ? { lock } : {};
}

/** Is `element` a w:p? (re-exported for callers walking the body.) */
export function isParagraph(element: Element): boolean {
  return isW(element, "p");
}
