import type { Paragraph, Root } from "nlcst";
import type { VFile } from "vfile";
import { isProtected, type Block, type BlockKind, type Letter } from "../../letter/model.js";
import { blockDataOf, endOf, startOf } from "../../nlcst/traverse.js";
import { memoByKey } from "../../util/text-memo.js";

/** A sentence the threat rules look at, trimmed, with absolute offsets into the letter text. */
export interface ThreatSentence {
  text: string;
  start: number;
  end: number;
  block: Block;
  blockIndex: number;
  /** Inside a protected legal block: approved wording, reported as guidance, never counted. */
  protected: boolean;
}

/**
 * Where threat framing can occur: the caseworker's prose, the subject and headings ("VIGTIGT:
 * Indkaldelse"), and the legal blocks (reported as required guidance). Address, date, greeting,
 * closing and signature lines hold names, CPR numbers and acronyms, not framing.
 */
const SCANNED_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>([
  "paragraph",
  "listItem",
  "subject",
  "heading",
  "legal",
]);

const cache = new WeakMap<Root, ThreatSentence[]>();

/** A scanned sentence of one block, trimmed, with offsets relative to the block. */
interface Piece {
  text: string;
  start: number;
  end: number;
}

/** A block's scanned sentences, relative to the block, read from its paragraph. */
function readPieces(paragraph: Paragraph, block: Block): Piece[] {
  const pieces: Piece[] = [];
  for (const sentence of paragraph.children) {
    if (sentence.type !== "SentenceNode") continue;
    const rawStart = startOf(sentence) - block.start;
    const raw = block.text.slice(rawStart, endOf(sentence) - block.start);
    const text = raw.trim();
    if (!text) continue;
    const start = rawStart + raw.length - raw.trimStart().length;
    pieces.push({ text, start, end: start + text.length });
  }
  return pieces;
}

/**
 * A block's scanned sentences, per block kind and text: its parse is a function of both (the
 * letter parser parses each block alone), so while the caseworker types only the edited block is
 * read anew. One memo per kind: the key is the block's text as it is.
 */
const PIECES = new Map([...SCANNED_KINDS].map((kind) => [kind, memoByKey<Piece[]>()]));

/**
 * The letter's scanned sentences, computed once per tree and shared by all threat rules. The tree
 * is the letter parser's (processor or incremental analyser): what a block holds is remembered by
 * the block's kind and text.
 */
export function threatSentences(tree: Root, letter: Letter): ThreatSentence[] {
  const cached = cache.get(tree);
  if (cached) return cached;
  const list: ThreatSentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== "ParagraphNode") continue;
    const { blockIndex } = blockDataOf(paragraph);
    const block = letter.blocks[blockIndex]!;
    if (!SCANNED_KINDS.has(block.kind)) continue;
    const pieces = PIECES.get(block.kind)!(block.text, () => readPieces(paragraph, block));
    const protect = isProtected(block);
    for (const piece of pieces) {
      list.push({
        text: piece.text,
        start: block.start + piece.start,
        end: block.start + piece.end,
        block,
        blockIndex,
        protected: protect,
      });
    }
  }
  cache.set(tree, list);
  return list;
}

/** The threat rule data is Danish: other languages get no findings (and a score of 0). */
export function isDanishLetter(file: VFile): boolean {
  return (file.data.language ?? "da") === "da" && file.data.letter !== undefined;
}
