import type { Root } from "nlcst";
import { unified, type Processor } from "unified";
import { retextDanishSentences } from "./nlcst/danish-sentences.js";
import { retextLetter } from "./nlcst/letter-parser.js";

/**
 * The letter parser alone (blocks, paragraphs, Danish sentences): the same tree
 * `processor().parse` gives, without loading any rule. The task pane's main thread splits
 * sentences with it; the rules and their data load only where the analysis runs (the worker).
 */
export function createLetterParser(): Processor<Root, Root, Root> {
  return unified().use(retextLetter).use(retextDanishSentences).freeze() as unknown as Processor<
    Root,
    Root,
    Root
  >;
}

let shared: Processor<Root, Root, Root> | undefined;

export function letterParser(): Processor<Root, Root, Root> {
  return (shared ??= createLetterParser());
}
