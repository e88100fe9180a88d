import type { BlockInput, BlockKind, LegalRef, Letter } from "../engine/letter/model.js";
import { extractHoles } from "./legal-holes.js";

/**
 * How a rendered template body becomes Letter blocks. Templates are plain text in a few fixed
 * conventions, so legal staff can read them and the blocks are never guessed:
 *
 *   # Subject line                  the first line starting with "# " (level 1)
 *   ## Heading                      a heading inside the letter
 *   Kære Jens                       a one-line "Kære/Hej/Goddag ..." chunk before the body: greeting
 *   - item                          chunks whose lines all start with "- ": one list item each
 *   Med venlig hilsen               a chunk starting with a closing line: the closing, and the
 *   Birgitte Holm ...               lines under it the signature
 *   {{> klagevejledning}}           a legal partial: one protected legal block
 *   anything else                   a paragraph; chunks are separated by blank lines
 */

/** Marks a legal partial's output in the rendered text; field values can never contain it. */
export const LEGAL_OPEN = "\u0002klarbrev-legal:";
export const LEGAL_OPEN_END = "\u0003";
export const LEGAL_CLOSE = "\u0002/klarbrev-legal\u0003";

const GREETING = /^(?:kære|hej|goddag)\b/iu;
const CLOSING =
  /^(?:med venlig hilsen|venlig hilsen|de bedste hilsner|mange hilsner|med venlige hilsner)[,.]?$/iu;
const LIST_ITEM = /^[-•]\s+\S/u;

export interface Structured {
  blocks: BlockInput[];
  /** Structure problems: each fails the library check (no subject, legal guidance not last...). */
  problems: string[];
}

export function structureRendered(rendered: string, legalRefs: readonly LegalRef[]): Structured {
  const blocks: BlockInput[] = [];
  const problems: string[] = [];
  let seenSubject = false;
  let seenBody = false;
  let closed = false;

  const addText = (text: string) => {
    for (const chunk of text.split(/\n[ \t]*\n/u)) {
      const lines = chunk
        .split("\n")
        .map((line) => line.replace(/\s+$/u, ""))
        .filter((line) => line.trim() !== "");
      if (lines.length === 0) continue;
      const first = lines[0]!.trim();
      if (closed) {
        blocks.push({ kind: "signature", text: lines.map((line) => line.trim()).join("\n") });
        continue;
      }
      const heading = /^(#{1,6})\s+(.+)$/u.exec(first);
      if (heading) {
        const isSubject = !seenSubject && heading[1]!.length === 1;
        if (isSubject) seenSubject = true;
        blocks.push({
          kind: isSubject ? "subject" : "heading",
          text: heading[2]!.trim(),
          level: heading[1]!.length,
        });
        if (lines.length > 1) addParagraph(lines.slice(1));
        continue;
      }
      if (CLOSING.test(first)) {
        blocks.push({ kind: "closing", text: first });
        if (lines.length > 1)
          blocks.push({
            kind: "signature",
            text: lines
              .slice(1)
              .map((line) => line.trim())
              .join("\n"),
          });
        closed = true;
        continue;
      }
      if (lines.length === 1 && GREETING.test(first) && !seenBody) {
        blocks.push({ kind: "greeting", text: first });
        continue;
      }
      if (!seenSubject && !seenBody) {
        // Before the subject: the letterhead (address lines, the date line).
        blocks.push({
          kind: lines.length === 1 && /\d{4}$/u.test(first) ? "date" : "address",
          text: lines.join("\n"),
        });
        continue;
      }
      addParagraph(lines);
    }
  };

  const addParagraph = (lines: string[]) => {
    seenBody = true;
    if (lines.every((line) => LIST_ITEM.test(line.trim()))) {
      for (const line of lines) blocks.push({ kind: "listItem", text: line.trim() });
      return;
    }
    blocks.push({ kind: "paragraph", text: lines.map((line) => line.trim()).join("\n") });
  };

  let rest = rendered;
  for (;;) {
    const open = rest.indexOf(LEGAL_OPEN);
    if (open < 0) break;
    const headerEnd = rest.indexOf(LEGAL_OPEN_END, open);
    const close = rest.indexOf(LEGAL_CLOSE, headerEnd);
    const ref = legalRefs[Number(rest.slice(open + LEGAL_OPEN.length, headerEnd))];
    if (headerEnd < 0 || close < 0 || !ref) {
      problems.push("internal: a legal block marker is damaged");
      break;
    }
    const before = rest.slice(0, open);
    const ownLine = (line: string) => line.trim() === "";
    if (!ownLine(before.slice(before.lastIndexOf("\n") + 1))) {
      problems.push(`legal block "${ref.id}" must stand on a line of its own`);
    }
    addText(before);
    const raw = rest.slice(headerEnd + LEGAL_OPEN_END.length, close);
    const holes = extractHoles(raw);
    const inner = cleanLegalText(holes?.text ?? raw);
    const legal = holes ? { ...ref, fieldValues: holes.values } : { ...ref };
    if (inner) blocks.push({ kind: "legal", text: inner, legal });
    rest = rest.slice(close + LEGAL_CLOSE.length);
    const after = rest.indexOf("\n");
    if (!ownLine(after < 0 ? rest : rest.slice(0, after)))
      problems.push(`legal block "${ref.id}" must stand on a line of its own`);
  }
  addText(rest);

  problems.push(...checkOrder(blocks));
  return { blocks, problems };
}

/** Trailing spaces off each line, at most one blank line between paragraphs. */
function cleanLegalText(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/\s+$/u, ""))
    .join("\n")
    .replace(/\n{3,}/gu, "\n\n")
    .trim();
}

const AFTER_LEGAL: ReadonlySet<BlockKind> = new Set<BlockKind>(["legal", "closing", "signature"]);

/** The product's advice, kept by every standard letter: a subject, a greeting, legal guidance last. */
function checkOrder(blocks: readonly BlockInput[]): string[] {
  const problems: string[] = [];
  if (!blocks.some((block) => block.kind === "subject"))
    problems.push('no subject line (start the letter with "# ")');
  if (!blocks.some((block) => block.kind === "greeting"))
    problems.push('no greeting ("Kære ..." on a line of its own)');
  if (!blocks.some((block) => block.kind === "paragraph")) problems.push("no body text");
  if (!blocks.some((block) => block.kind === "closing"))
    problems.push('no closing ("Med venlig hilsen")');
  const firstLegal = blocks.findIndex((block) => block.kind === "legal");
  if (firstLegal >= 0) {
    const late = blocks.slice(firstLegal).find((block) => !AFTER_LEGAL.has(block.kind));
    if (late) {
      problems.push(
        `legal guidance must come last: ${late.kind} "${late.text.slice(0, 40)}" comes after legal block "${blocks[firstLegal]!.legal?.id}"`
      );
    }
  }
  return problems;
}

/**
 * The letter as Markdown with protected-block markers: what `klarbrev check` reads back with the
 * same blocks (subject as "# ", legal blocks between klarbrev:legal comments).
 */
export function toMarkedText(letter: Letter): string {
  return letter.blocks
    .map((block) => {
      switch (block.kind) {
        case "subject":
          return `# ${block.text}`;
        case "heading":
          return `${"#".repeat(Math.max(2, block.level ?? 2))} ${block.text}`;
        case "legal": {
          const ref = block.legal!;
          const title = ref.title ? ` title="${ref.title}"` : "";
          const fields = ref.fieldValues?.length
            ? ` fields="${encodeFieldValues(ref.fieldValues)}"`
            : "";
          return `<!-- klarbrev:legal id="${ref.id}" version="${ref.version}"${title}${fields} -->\n${block.text}\n<!-- /klarbrev:legal -->`;
        }
        default:
          return block.text;
      }
    })
    .join("\n\n");
}

/**
 * A marker's `fields` attribute: the values in order, separated by "|", with the characters that
 * would end the attribute, the marker or a value percent-encoded (decodeFieldValues in
 * src/engine/letter/classify.ts reads them back). Danish letters stay readable.
 */
export function encodeFieldValues(values: readonly string[]): string {
  return values
    .map((value) =>
      value.replace(/[%"|<>]/gu, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    )
    .join("|");
}
