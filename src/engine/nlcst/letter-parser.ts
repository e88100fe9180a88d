import type { Paragraph, Root, Sentence } from "nlcst";
import type { ParseLatin } from "parse-latin";
import { PositionedParseLatin } from "./positioned-parse-latin.js";
import type { Processor } from "unified";
import type { VFile } from "vfile";
import { classifyText } from "../letter/classify.js";
import type { BlockKind, Letter } from "../letter/model.js";
import { pushAll } from "../util/arrays.js";
import { partitionPoint } from "../util/sorted.js";

/** What each ParagraphNode carries: the block it came from. */
export interface BlockData {
  blockIndex: number;
  blockKind: BlockKind;
}

declare module "vfile" {
  interface DataMap {
    letter: Letter;
  }
}

/** Kinds whose lines are separate units: each line of an address is its own "sentence". */
const LINE_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>([
  "address",
  "date",
  "subject",
  "heading",
  "greeting",
  "closing",
  "signature",
]);

type ParagraphPlugin = (node: Paragraph) => void;

/**
 * unified parser plugin: parses a Letter (from `file.data.letter`, or classified from the file's
 * text) into one nlcst tree. Each block becomes one ParagraphNode tagged with its block; positions
 * are absolute in the letter text, so messages point into the source file.
 */
export function retextLetter(this: Processor): void {
  const processor = this;
  (processor as unknown as Processor<Root>).parser = (document: string, file: VFile): Root => {
    const letter = file.data.letter ?? classifyText(document);
    file.data.letter = letter;
    const extensions = (processor.data() as { nlcstParagraphExtensions?: ParagraphPlugin[] })
      .nlcstParagraphExtensions;
    const parser = new PositionedParseLatin();
    // A few plugins: a spread is fine here.
    // eslint-disable-next-line no-restricted-syntax
    if (extensions) parser.tokenizeParagraphPlugins.unshift(...extensions);
    return parseLetter(parser, letter);
  };
}

export function parseLetter(latin: ParseLatin, letter: Letter): Root {
  const parser = positioned(latin);
  const lineStarts = computeLineStarts(letter.text);
  const root: Root = { type: "RootNode", children: [] };
  letter.blocks.forEach((block, blockIndex) => {
    const paragraph: Paragraph = {
      type: "ParagraphNode",
      children: [],
      data: { blockIndex, blockKind: block.kind } satisfies BlockData,
    };
    for (const segment of segments(block.text, LINE_KINDS.has(block.kind))) {
      const start = block.start + segment.offset;
      // Tokenised where it stands in the letter: its points need no moving afterwards.
      parser.origin = pointAt(start, lineStarts);
      const parsed = parser.tokenizeParagraph(segment.text);
      if (paragraph.children.length > 0) {
        const gap = letter.text.slice(lastEnd(paragraph), start);
        if (gap) paragraph.children.push(whiteSpace(gap, lastEnd(paragraph), start, lineStarts));
      }
      pushAll(paragraph.children, parsed.children);
    }
    if (paragraph.children.length === 0) return;
    paragraph.position = {
      start: pointAt(block.start, lineStarts),
      end: pointAt(block.end, lineStarts),
    };
    root.children.push(paragraph);
  });
  return root;
}

/** The parser as a PositionedParseLatin, with the same plugins. */
function positioned(parser: ParseLatin): PositionedParseLatin {
  if (parser instanceof PositionedParseLatin) return parser;
  const copy = new PositionedParseLatin();
  copy.tokenizeRootPlugins = parser.tokenizeRootPlugins;
  copy.tokenizeParagraphPlugins = parser.tokenizeParagraphPlugins;
  copy.tokenizeSentencePlugins = parser.tokenizeSentencePlugins;
  return copy;
}

/**
 * Split a block into parse units. Line-kind blocks: every line. Prose: a line ending without
 * punctuation before a line that does not start in lower case ends a sentence.
 */
function segments(text: string, everyLine: boolean): { text: string; offset: number }[] {
  const result: { text: string; offset: number }[] = [];
  let segmentStart = 0;
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const isLast = newline === -1;
    const line = text.slice(lineStart, lineEnd);
    const nextLine = isLast ? "" : text.slice(lineEnd + 1, lineEnd + 40);
    const hardBreak =
      everyLine || isLast || (!/[.!?:;,\-–(]\s*$/u.test(line) && !/^\s*\p{Ll}/u.test(nextLine));
    if (hardBreak) {
      const segment = text.slice(segmentStart, lineEnd);
      if (segment.trim()) result.push({ text: segment, offset: segmentStart });
      segmentStart = lineEnd + 1;
    }
    if (isLast) return result;
    lineStart = lineEnd + 1;
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

function pointAt(offset: number, lineStarts: number[]) {
  const line = Math.max(
    0,
    partitionPoint(lineStarts.length, (index) => lineStarts[index]! <= offset) - 1
  );
  return { line: line + 1, column: offset - lineStarts[line]! + 1, offset };
}

function lastEnd(paragraph: Paragraph): number {
  return paragraph.children[paragraph.children.length - 1]?.position?.end.offset ?? 0;
}

function whiteSpace(value: string, start: number, end: number, lineStarts: number[]) {
  return {
    type: "WhiteSpaceNode" as const,
    value,
    position: { start: pointAt(start, lineStarts), end: pointAt(end, lineStarts) },
  };
}

export type { Sentence };
