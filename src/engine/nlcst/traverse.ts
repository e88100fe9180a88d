import type { Paragraph, Root, Sentence, Word } from "nlcst";
import { toString } from "nlcst-to-string";
import type { Block, Letter } from "../letter/model.js";
import type { BlockData } from "./letter-parser.js";

export interface SentenceContext {
  sentence: Sentence;
  paragraph: Paragraph;
  block: Block;
  blockIndex: number;
  /** Index of the sentence among all sentences of the letter. */
  index: number;
}

export function blockDataOf(paragraph: Paragraph): BlockData {
  return paragraph.data as unknown as BlockData;
}

/** Call `visit` for every sentence in document order, with its block. */
export function eachSentence(
  tree: Root,
  letter: Letter,
  visit: (context: SentenceContext) => void
): void {
  let index = 0;
  for (const paragraph of tree.children) {
    if (paragraph.type !== "ParagraphNode") continue;
    const { blockIndex } = blockDataOf(paragraph);
    const block = letter.blocks[blockIndex]!;
    for (const sentence of paragraph.children) {
      if (sentence.type !== "SentenceNode") continue;
      visit({ sentence, paragraph, block, blockIndex, index: index++ });
    }
  }
}

export function wordsOf(sentence: Sentence): Word[] {
  return sentence.children.filter((node): node is Word => node.type === "WordNode");
}

/** A word's letters without surrounding punctuation kept by parse-latin ("kl." -> "kl."). */
export function wordText(word: Word): string {
  return toString(word);
}

export function startOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: { position?: { end: { offset?: number } } }): number {
  return node.position?.end.offset ?? 0;
}

export { toString };
