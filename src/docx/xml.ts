import { DOMParser, XMLSerializer, type Document, type Element, type Node } from "@xmldom/xmldom";
import { DocxError } from "./errors.js";

/** WordprocessingML's main namespace. */
export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const XML_NS = "http://www.w3.org/XML/1998/namespace";

/**
 * Parse one package part. A DTD is refused outright: Word never writes one, and refusing it is
 * the simplest way to be sure no entity (external or a billion laughs) is ever expanded.
 */
export function parseXml(text: string, part: string): Document {
  if (/<!DOCTYPE/iu.test(text.slice(0, 4096)) || /<!ENTITY/iu.test(text)) {
    throw new DocxError(
      `the part ${part} declares a DTD or entities (<!DOCTYPE>); refused, Word documents never contain one`
    );
  }
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") throw new Error(oneLine(message));
      },
    }).parseFromString(text, "text/xml");
  } catch (error) {
    throw new DocxError(
      `the part ${part} is not well-formed XML (${oneLine(error instanceof Error ? error.message : String(error)).slice(0, 160)})`
    );
  }
}

export function serializeXml(doc: Document): string {
  return new XMLSerializer().serializeToString(doc);
}

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

/** Is this a w:<name> element? */
export function isW(node: Node | null | undefined, name: string): node is Element {
  return isElement(node) && node.localName === name && node.namespaceURI === W;
}

export function childElements(node: Node): Element[] {
  const result: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (isElement(child)) result.push(child);
  }
  return result;
}

export function wChild(node: Node, name: string): Element | undefined {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (isW(child, name)) return child;
  }
  return undefined;
}

/** All w:<name> descendants, in document order. */
export function wDescendants(node: Element | Document, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(W, name));
}

/** The w:val (or another w: attribute) of an element. */
export function wAttr(element: Element | undefined, name = "val"): string | undefined {
  if (!element) return undefined;
  const value = element.getAttributeNS(W, name);
  return value === null || value === ""
    ? element.hasAttributeNS(W, name)
      ? ""
      : undefined
    : value;
}

/** Text content of w:t-like elements (xmldom returns the concatenated text). */
export function textOf(element: Element): string {
  return element.textContent ?? "";
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}
