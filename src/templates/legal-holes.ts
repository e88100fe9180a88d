import Handlebars from "handlebars";
import type { HbsNode } from "./handlebars-source.js";

/**
 * The holes of a legal block: each field (`{{regel}}`, `{{dato (fireUgerEfter brevdato)}}`) is
 * wrapped in two control characters before the block is compiled, so the rendered letter says
 * exactly which text each field produced. Field values can never hold control characters
 * (fields.ts), so a value can never open or close a hole.
 */
export const HOLE_OPEN = "\u0004";
export const HOLE_CLOSE = "\u0005";

/**
 * The source with every field wrapped, or undefined when the block's holes cannot be recorded
 * exactly: block helpers, partials or whitespace control (`{{~x}}`) change the text around a
 * field, so such a block is verified with its fields as wildcards, as before.
 */
export function markHoles(source: string): string | undefined {
  let program: HbsNode;
  try {
    program = Handlebars.parse(source) as unknown as HbsNode;
  } catch {
    return undefined;
  }
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1))
    lineStarts.push(i + 1);
  const offset = (position: { line: number; column: number }) =>
    lineStarts[position.line - 1]! + position.column;
  const holes: { start: number; end: number }[] = [];
  for (const node of (program.body as HbsNode[]) ?? []) {
    if (node.type === "ContentStatement" || node.type === "CommentStatement") continue;
    const strip = node.strip as { open?: boolean; close?: boolean } | undefined;
    if (node.type !== "MustacheStatement" || !node.loc || strip?.open || strip?.close)
      return undefined;
    holes.push({ start: offset(node.loc.start), end: offset(node.loc.end) });
  }
  let marked = "";
  let last = 0;
  for (const hole of holes) {
    marked += `${source.slice(last, hole.start)}${HOLE_OPEN}${source.slice(hole.start, hole.end)}${HOLE_CLOSE}`;
    last = hole.end;
  }
  return marked + source.slice(last);
}

/** The rendered block without its hole marks, and the text each hole produced, in order. */
export function extractHoles(rendered: string): { text: string; values: string[] } | undefined {
  if (!rendered.includes(HOLE_OPEN)) return undefined;
  const values: string[] = [];
  // eslint-disable-next-line no-control-regex -- the hole marks are control characters on purpose
  const text = rendered.replace(/\u0004([^\u0004\u0005]*)\u0005/gu, (_, value: string) => {
    values.push(value);
    return value;
  });
  return { text, values };
}
