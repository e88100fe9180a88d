import type { ControlSpec, ParagraphSpec } from "./index.js";

export interface DocumentSpec {
  paragraphs: ParagraphSpec[];
  controls: ControlSpec[];
}

const LEGAL_OPEN =
  /^\s*<!--\s*klarbrev:legal\s+id="([^"]+)"\s+version="([^"]+)"(?:\s+title="([^"]*)")?\s*-->\s*$/u;
const LEGAL_CLOSE = /^\s*<!--\s*\/klarbrev:legal\s*-->\s*$/u;

/**
 * A Word document as a caseworker types a text letter: one paragraph per line, blank lines as
 * empty paragraphs (or dropped with `spacers: false`, when spacing comes from the style), and
 * the text letter's legal markers as locked, tagged content controls.
 */
export function documentFromText(text: string, options: { spacers?: boolean } = {}): DocumentSpec {
  const paragraphs: ParagraphSpec[] = [];
  const controls: ControlSpec[] = [];
  let open: ControlSpec | undefined;
  const lines = text
    .replace(/^\uFEFF/u, "")
    .replace(/\r\n?/gu, "\n")
    .replace(/\n+$/u, "")
    .split("\n");
  for (const line of lines) {
    const start = LEGAL_OPEN.exec(line);
    if (start) {
      open = {
        tag: `klarbrev:legal:${start[1]}@${start[2]}`,
        title: `${start[3] ?? "Klagevejledning"} - godkendt tekst, låst`,
        cannotEdit: true,
        cannotDelete: true,
        from: paragraphs.length,
        to: paragraphs.length,
      };
      continue;
    }
    if (LEGAL_CLOSE.test(line) && open) {
      open.to = paragraphs.length - 1;
      controls.push(open);
      open = undefined;
      continue;
    }
    if (line.trim() === "" && options.spacers === false && !open) continue;
    paragraphs.push({ text: line });
  }
  return { paragraphs, controls };
}
