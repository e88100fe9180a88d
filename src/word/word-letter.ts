import type { BlockKind, LegalRef, Letter } from "../engine/letter/model.js";

/**
 * A Word document read as a Letter, plus the map back from blocks to Word paragraphs that every
 * write path needs. Paragraph indexes are positions in `document.body.paragraphs`.
 */

export type ParagraphRole =
  | "block" // an ordinary paragraph: exactly one block
  | "legal" // part of a locked legal content control: the block spans all its paragraphs
  | "spacer" // empty paragraph used as vertical space between blocks
  | "table" // inside a table: skipped and reported
  | "locked" // in a locked control Klarbrev did not add, or holding a locked or approved-text
  //            control inside it (inline): skipped, never edited, moved or deleted
  | "deleted"; // a tracked deletion that is not part of the current text

export interface ParagraphRecord {
  index: number;
  /** Text exactly as Word returned it (soft line breaks as U+000B, tracked deletions included). */
  raw: string;
  /** The paragraph's current text as used in the Letter (soft line breaks as "\n"). */
  text: string;
  role: ParagraphRole;
  blockIndex?: number;
  /**
   * The id of the block-level content control around the paragraph (the innermost), if any. Word
   * keeps a block control's start and end inside its first and last paragraph marks: deleting
   * such a paragraph deletes the control (office-js #4975, #3176).
   */
  controlId?: number;
  /** Role `locked` because of a control inside the paragraph: approved text or a lock. */
  inlineControl?: "legal" | "locked";
  /** The paragraph holds tracked changes that are not yet accepted or rejected. */
  pendingRevisions: boolean;
  /** Word style name (localized) and built-in style id, as read. */
  style: string;
  styleBuiltIn: string;
}

export interface LegalControlInfo {
  ref: LegalRef;
  tag: string;
  /** Which control with this tag, counted in document order from 0. */
  occurrence: number;
  cannotEdit: boolean;
  cannotDelete: boolean;
}

export interface BlockSource {
  /** Body paragraph indexes of the block, in order: one for ordinary blocks. */
  paragraphs: number[];
  control?: LegalControlInfo;
}

export type NoticeCode =
  | "tables-skipped"
  | "images-skipped"
  | "pending-revisions"
  | "legal-unlocked"
  | "locked-skipped"
  | "legal-inline-skipped"
  | "tracking-unavailable"
  | "paragraph-not-movable"
  | "paragraph-at-control-edge"
  | "write-unverified"
  | "reviewed-text-unavailable";

/** Something the user should know: Danish message for the task pane, stable code for logic. */
export interface Notice {
  code: NoticeCode;
  message: string;
}

export interface WordLetter {
  letter: Letter;
  paragraphs: ParagraphRecord[];
  /** Parallel to `letter.blocks`. */
  sources: BlockSource[];
  skipped: { tables: number; tableParagraphs: number; images: number };
  /** The document has tracked changes that are not yet accepted or rejected. */
  pendingRevisions: boolean;
  /** Blocks are separated by empty paragraphs (rather than paragraph spacing). */
  usesSpacerParagraphs: boolean;
  notices: Notice[];
}

/** One paragraph's contribution to classification: null marks a break (spacer, table, legal). */
export interface ClassifyInput {
  text: string;
  styleBuiltIn: string;
  isListItem: boolean;
}

export interface ClassifiedParagraph {
  kind: BlockKind;
  level?: number;
}
