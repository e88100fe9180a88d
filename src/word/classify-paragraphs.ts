import { classifyText } from "../engine/letter/classify.js";
import { blockAt, type BlockKind } from "../engine/letter/model.js";
import type { ClassifiedParagraph, ClassifyInput } from "./word-letter.js";

/**
 * Block kinds for Word paragraphs. Word styles decide where they can (Title and Heading n become
 * subject/heading, list paragraphs become list items); everything else goes through the engine's
 * own plain-text classifier, so Word and text letters are classified by the same rules.
 *
 * How: the paragraphs are written out as one Markdown letter, one line per paragraph (soft line
 * breaks give extra lines). Empty paragraphs, tables and legal controls become blank lines (chunk
 * breaks), headings become "#" lines, list paragraphs "- " lines. Between two ordinary paragraphs
 * the chunk continues only when both are short lines (address, signature), and date, greeting and
 * closing lines always start their own chunk, so a document without empty spacer paragraphs
 * classifies like one with them. Each paragraph then takes the kind of the block its first line
 * landed in.
 */
export function classifyParagraphs(
  items: readonly (ClassifyInput | null)[]
): (ClassifiedParagraph | null)[] {
  let text = "";
  const starts: (number | null)[] = [];
  let chunk: "none" | "free" | "list" = "none";
  let previous: ClassifyInput | null = null;

  const breakChunk = () => {
    if (chunk !== "none") text += "\n\n";
    chunk = "none";
    previous = null;
  };
  const addLine = (line: string) => {
    if (chunk !== "none") text += "\n";
    const start = text.length;
    text += line;
    return start;
  };

  items.forEach((item, index) => {
    if (!item || item.text.trim() === "") {
      breakChunk();
      starts.push(null);
      return;
    }
    const heading = headingLevel(item.styleBuiltIn);
    if (heading !== undefined) {
      breakChunk();
      starts.push(addLine(`${"#".repeat(heading)} ${oneLine(item.text)}`));
      chunk = "free";
      breakChunk();
      return;
    }
    if (isListParagraph(item)) {
      if (chunk !== "list") breakChunk();
      starts.push(addLine(`- ${oneLine(item.text)}`));
      chunk = "list";
      return;
    }
    const following = items[index + 1];
    if (chunk === "list" || (previous && !continuesChunk(previous, item, following))) breakChunk();
    const lines = item.text.split("\n").map(escapeLine);
    starts.push(addLine(lines.join("\n")));
    chunk = "free";
    previous = item;
  });

  const letter = classifyText(text, { format: "md" });
  return starts.map((start) => {
    if (start === null) return null;
    const block = letter.blocks[blockAt(letter, start)];
    if (!block) return { kind: "paragraph" };
    const result: ClassifiedParagraph = { kind: block.kind };
    if (block.level !== undefined) result.level = block.level;
    return result;
  });
}

const LIST_STYLES = /^(ListParagraph|ListBullet\d?|ListNumber\d?|List\d?)$/u;
const OWN_CHUNK_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>(["date", "greeting", "closing"]);

function headingLevel(styleBuiltIn: string): number | undefined {
  if (styleBuiltIn === "Title") return 1;
  if (styleBuiltIn === "Subtitle") return 2;
  const match = /^Heading(\d)$/u.exec(styleBuiltIn);
  return match ? Math.min(Number(match[1]), 6) : undefined;
}

function isListParagraph(item: ClassifyInput): boolean {
  return item.isListItem || LIST_STYLES.test(item.styleBuiltIn);
}

/**
 * Two ordinary paragraphs share a chunk only when both are short lines and neither stands alone.
 * A short line right above prose is its subject or heading, unless it looks like an address line.
 */
function continuesChunk(
  previous: ClassifyInput,
  next: ClassifyInput,
  following: ClassifyInput | null | undefined
): boolean {
  if (!isLineLike(previous.text) || !isLineLike(next.text)) return false;
  const before = aloneKind(previous.text);
  if (before === "date" || before === "greeting") return false;
  const kind = aloneKind(next.text);
  if (OWN_CHUNK_KINDS.has(kind)) return false;
  const introducesProse =
    following &&
    !isListParagraph(following) &&
    headingLevel(following.styleBuiltIn) === undefined &&
    !isLineLike(following.text);
  return !(introducesProse && kind !== "address");
}

function isLineLike(text: string): boolean {
  return text
    .split("\n")
    .every(
      (line) => line.trim().split(/\s+/u).length <= 8 && !/[.!?;:]["»”)]*$/u.test(line.trim())
    );
}

/** What the engine makes of this paragraph on its own (only date/greeting/closing matter). */
function aloneKind(text: string): BlockKind {
  return classifyText(oneLine(text)).blocks[0]?.kind ?? "paragraph";
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/gu, " ").trim();
}

/** A line starting with "#" would read as a Markdown heading: shield it with a zero-width space. */
function escapeLine(line: string): string {
  return line.trimStart().startsWith("#") ? `\u200b${line}` : line;
}
