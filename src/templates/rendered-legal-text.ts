import Handlebars from "handlebars";
import type { HbsNode } from "./handlebars-source.js";

/**
 * A legal block's text as the citizen reads it, with each field left as a visible placeholder:
 * comments gone, escaped mustaches (`\{{...}}`) printed as the literal text they render to,
 * standalone lines removed as Handlebars removes them. This, not the source, is what a change of
 * guidance must be judged by: `\{{!-- Du kan ikke klage --}}` is one character of source after
 * comments are dropped, and a whole sentence in the letter.
 */
export function renderedLegalText(source: string): string {
  let program: HbsNode;
  try {
    program = Handlebars.parse(source) as unknown as HbsNode;
  } catch {
    return source; // not Handlebars at all: the text is all there is
  }
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1))
    lineStarts.push(i + 1);
  const slice = (node: HbsNode): string => {
    const loc = node.loc;
    if (!loc) return "";
    const start = lineStarts[loc.start.line - 1]! + loc.start.column;
    const end = lineStarts[loc.end.line - 1]! + loc.end.column;
    return source.slice(start, end);
  };
  const walk = (node: HbsNode): string =>
    ((node.body as HbsNode[] | undefined) ?? [])
      .map((child) => {
        switch (child.type) {
          case "ContentStatement":
            return String(child.value);
          case "CommentStatement":
            return "";
          default:
            // A field, helper, block or partial: shown as written, a placeholder for its value.
            return slice(child);
        }
      })
      .join("");
  return walk(program);
}
