import type { Edit } from "../engine/edits/edit.js";
import type { Refusal } from "../engine/edits/guard.js";
import type { LegalRef, Letter } from "../engine/letter/model.js";
import type { Analysis } from "../engine/types.js";

/**
 * The one interface the task pane talks to. Two faces implement it: the Word adapter
 * (word-host.ts) and the in-page letter surface of the offline preview (preview/preview-host.ts).
 * Offsets are always offsets into the Letter that `read()` returned last.
 */
export interface DocumentHost {
  /** "word" inside Word, "preview" in a plain browser. */
  readonly kind: "word" | "preview";
  /** The host's display language tag ("da-DK", "en-US"); picks the UI language. */
  readonly displayLanguage: string;
  read(): Promise<Letter>;
  /**
   * Show a range to the user (select it in Word; scroll to and highlight it in the preview).
   * `focus: false` keeps the keyboard in the pane (next/previous finding).
   */
  select(start: number, end: number, options?: { focus?: boolean }): Promise<void>;
  /**
   * Mark each finding's words in the document: colour plus an underline style per severity
   * (never colour alone). Never saved into the document.
   */
  showHighlights?(marks: readonly HighlightMark[]): void;
  /**
   * Apply edits as tracked changes. The guard decides; refused edits come back with a reason.
   * `allowUntracked: false`: where the host cannot track them, refuse instead of applying.
   */
  apply(edits: readonly Edit[], options?: { allowUntracked?: boolean }): Promise<ApplyOutcome>;
  /**
   * Whether changes applied now would be tracked (Word: WordApi 1.4 and a readable tracking
   * mode). Where not, the pane asks the user before applying (issue 10, item 8).
   */
  tracksChanges?(): Promise<boolean>;
  /** Insert a rendered standard letter; legal blocks arrive locked. */
  insertLetter(letter: Letter, mode: InsertMode): Promise<void>;
  /** Put a protected block's approved text back (unlock, replace, relock), after confirmation. */
  restoreLegalBlock(blockIndex: number, approvedText: string): Promise<void>;
  /**
   * Insert approved guidance as a locked block (a tracked insertion) before the letter's block
   * `before` (its index in the last read; `blocks.length` for the end).
   */
  insertGuidance?(before: number, guidance: GuidanceBlock): Promise<void>;
  /**
   * Tell the document which guidance blocks the last analysis verified: a block whose text is
   * not the approved text must not be labelled approved (the preview's locked-block title).
   */
  showGuidanceStatus?(states: readonly GuidanceState[]): void;
  /** Called after the document changed; returns an unsubscribe function. */
  onChange(callback: () => void): () => void;
  /** Ignored finding keys, remembered in the document. */
  getIgnored(): Promise<string[]>;
  setIgnored(keys: readonly string[]): Promise<void>;
  /**
   * What the last read left out or could not check (tables, pictures, locked paragraphs, pending
   * tracked changes), in the UI's language. The caseworker must read those parts themselves.
   */
  notices?(): string[];
  /** Record the latest analysis in the document (Word), for a later legal review. */
  recordAnalysis?(analysis: Analysis): Promise<void>;
}

export interface HighlightMark {
  start: number;
  end: number;
  severity: "error" | "warning" | "info";
}

export interface GuidanceBlock {
  text: string;
  legal: LegalRef;
}

export interface GuidanceState {
  /** The letter block index (as in the last read). */
  blockIndex: number;
  approved: boolean;
}

export type InsertMode = "replace" | "cursor";

export interface ApplyOutcome {
  applied: Edit[];
  refused: Refusal[];
  /** True when the changes are visible as tracked changes. */
  tracked: boolean;
  /** A host remark for the user, for example "tracked changes are not available here". */
  notice?: string;
  /**
   * Take back exactly this change (its tracked changes are rejected), while nothing else has
   * changed the same text since. Resolves false when it can no longer be taken back.
   */
  undo?: () => Promise<boolean>;
}
