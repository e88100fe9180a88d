import type { Document, Element } from "@xmldom/xmldom";
import { W, wAttr, wChild } from "./xml.js";

/**
 * Paragraph styles from styles.xml: the name Word shows, the outline level (headings) and whether
 * the style itself numbers its paragraphs (list styles). Inherited through w:basedOn.
 */
export interface StyleInfo {
  id: string;
  name: string;
  outlineLevel?: number;
  numbered: boolean;
  basedOn?: string;
}

export type Styles = Map<string, StyleInfo>;

export function readStyles(doc: Document | undefined): Styles {
  const styles: Styles = new Map();
  if (!doc) return styles;
  for (const style of Array.from(doc.getElementsByTagNameNS(W, "style"))) {
    if (wAttr(style, "type") !== "paragraph") continue;
    const id = wAttr(style, "styleId");
    if (!id) continue;
    const properties = wChild(style, "pPr");
    const outline = wAttr(properties && wChild(properties, "outlineLvl"));
    const numId = wAttr(
      properties && wChild(properties, "numPr") && wChild(wChild(properties, "numPr")!, "numId")
    );
    const info: StyleInfo = {
      id,
      name: wAttr(wChild(style, "name")) ?? id,
      numbered: numId !== undefined && numId !== "0",
    };
    if (outline !== undefined && /^\d$/u.test(outline)) info.outlineLevel = Number(outline);
    const basedOn = wAttr(wChild(style, "basedOn"));
    if (basedOn) info.basedOn = basedOn;
    styles.set(id, info);
  }
  return styles;
}

/** A paragraph's style as the Word adapter sees it: the name, and Word's built-in identifier. */
export interface ParagraphStyle {
  name: string;
  /** "Heading1".."Heading9", "Title", "Subtitle", "ListParagraph"..., else the name without spaces. */
  builtIn: string;
  isListItem: boolean;
}

export function paragraphStyle(paragraph: Element, styles: Styles): ParagraphStyle {
  const properties = wChild(paragraph, "pPr");
  const id = wAttr(properties && wChild(properties, "pStyle")) ?? "Normal";
  const chain = styleChain(id, styles);
  const name = chain[0]?.name ?? id;
  const numPr = properties && wChild(properties, "numPr");
  const numId = wAttr(numPr && wChild(numPr, "numId"));
  const isListItem = numPr ? numId !== "0" : chain.some((style) => style.numbered);

  const ownOutline = wAttr(properties && wChild(properties, "outlineLvl"));
  const outline =
    ownOutline !== undefined && /^\d$/u.test(ownOutline)
      ? Number(ownOutline)
      : chain.find((style) => style.outlineLevel !== undefined)?.outlineLevel;
  return { name, builtIn: builtInName(name, outline), isListItem };
}

function builtInName(name: string, outline: number | undefined): string {
  const lower = name.toLowerCase();
  if (lower === "title") return "Title";
  if (lower === "subtitle") return "Subtitle";
  const heading = /^heading\s*(\d)$/u.exec(lower);
  if (heading) return `Heading${heading[1]}`;
  // Outline level 9 is "body text"; 0-8 are heading levels 1-9.
  if (outline !== undefined && outline < 9) return `Heading${outline + 1}`;
  return name.replace(/\s+/gu, "");
}

function styleChain(id: string, styles: Styles): StyleInfo[] {
  const chain: StyleInfo[] = [];
  const seen = new Set<string>();
  let current = styles.get(id);
  while (current && !seen.has(current.id) && chain.length < 20) {
    seen.add(current.id);
    chain.push(current);
    current = current.basedOn ? styles.get(current.basedOn) : undefined;
  }
  return chain;
}
