import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { isProtected, type Block, type BlockKind, type Letter } from "../../letter/model.js";
import { eachSentence, endOf, startOf } from "../../nlcst/traverse.js";

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

/** The letter's scanned sentences, computed once per tree and shared by all threat rules. */
export function threatSentences(tree: Root, letter: Letter): ThreatSentence[] {
  const cached = cache.get(tree);
  if (cached) return cached;
  const list: ThreatSentence[] = [];
  eachSentence(tree, letter, ({ sentence, block, blockIndex }) => {
    if (!SCANNED_KINDS.has(block.kind)) return;
    const rawStart = startOf(sentence);
    const raw = letter.text.slice(rawStart, endOf(sentence));
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) return;
    const start = rawStart + lead;
    list.push({
      text,
      start,
      end: start + text.length,
      block,
      blockIndex,
      protected: isProtected(block),
    });
  });
  cache.set(tree, list);
  return list;
}

/** The threat rule data is Danish: other languages get no findings (and a score of 0). */
export function isDanishLetter(file: VFile): boolean {
  return (file.data.language ?? "da") === "da" && file.data.letter !== undefined;
}
