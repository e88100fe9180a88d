/**
 * The Letter model: an ordered list of blocks with UTF-16 offsets back into the source text.
 * Every face of Klarbrev (CLI, Word, browser) builds a Letter and hands it to the engine.
 */

export type BlockKind =
  | "address" // sender or recipient address lines
  | "date" // "Randers, den 20. november 2026"
  | "subject" // the letter's subject line
  | "heading" // a heading inside the letter
  | "greeting" // "Kære Jens"
  | "paragraph" // body prose written by the caseworker
  | "listItem" // one item of a bulleted or numbered list
  | "closing" // "Med venlig hilsen"
  | "signature" // name, title, phone lines after the closing
  | "legal"; // protected, legally required guidance (approved wording)

/** Every block kind, for checks of input from outside TypeScript and for test generators. */
export const BLOCK_KINDS: readonly BlockKind[] = [
  "address",
  "date",
  "subject",
  "heading",
  "greeting",
  "paragraph",
  "listItem",
  "closing",
  "signature",
  "legal",
];

/** Identity of an approved legal guidance block. */
export interface LegalRef {
  id: string;
  version: string;
  title?: string;
  /**
   * The values that filled the block's fields, in the order the fields stand in its text, as a
   * rendered standard letter records them: the rest of the block is verified word for word.
   */
  fieldValues?: string[];
}

export interface Block {
  kind: BlockKind;
  /** The block's text, always equal to `letter.text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  /** Heading level (1-6) for headings and subject lines. */
  level?: number;
  /** Present exactly when kind is "legal": the block is protected. */
  legal?: LegalRef;
  /** Host style name (for example a Word paragraph style), informational. */
  style?: string;
}

export interface Letter {
  text: string;
  blocks: Block[];
}

/** A block description without offsets, used to build letters from parts (Word, templates). */
export interface BlockInput {
  kind: BlockKind;
  text: string;
  level?: number;
  legal?: LegalRef;
  style?: string;
}

export const PROSE_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>(["paragraph", "listItem"]);

export function isProtected(block: Block): boolean {
  return block.kind === "legal";
}

/**
 * Build a Letter from blocks, joining them with `separator` (a blank line for plain text,
 * a single newline for Word paragraphs). Offsets are computed here, so they are always right.
 */
export function buildLetter(inputs: readonly BlockInput[], separator = "\n\n"): Letter {
  const blocks: Block[] = [];
  let text = "";
  for (const input of inputs) {
    if (blocks.length > 0) text += separator;
    const start = text.length;
    text += input.text;
    const block: Block = { kind: input.kind, text: input.text, start, end: text.length };
    if (input.level !== undefined) block.level = input.level;
    if (input.legal) block.legal = { ...input.legal };
    if (input.style !== undefined) block.style = input.style;
    blocks.push(block);
  }
  return { text, blocks };
}

/** Throws when a Letter breaks its invariants; used by tests and adapters at their boundary. */
export function assertLetter(letter: Letter): void {
  let previousEnd = 0;
  letter.blocks.forEach((block, index) => {
    if (block.start < previousEnd || block.end < block.start || block.end > letter.text.length) {
      throw new Error(`Block ${index} has invalid offsets ${block.start}-${block.end}`);
    }
    if (letter.text.slice(block.start, block.end) !== block.text) {
      throw new Error(`Block ${index} text does not match the letter text at its offsets`);
    }
    if ((block.kind === "legal") !== Boolean(block.legal)) {
      throw new Error(`Block ${index}: legal blocks and only legal blocks carry a legal reference`);
    }
    previousEnd = block.end;
  });
}

/** Index of the block containing `offset`, or -1. Binary search: blocks are ordered. */
export function blockAt(letter: Letter, offset: number): number {
  let low = 0;
  let high = letter.blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = letter.blocks[mid]!;
    if (offset < block.start) high = mid - 1;
    else if (offset >= block.end) low = mid + 1;
    else return mid;
  }
  return -1;
}
