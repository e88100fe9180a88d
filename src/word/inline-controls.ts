/// <reference types="office-js" />
import { parseLegalTag } from "./legal-tag.js";

/**
 * Content controls INSIDE a paragraph (over a sentence, not whole paragraphs). Word refuses any
 * change that touches a locked one, and one tagged `klarbrev:legal:<id>@<version>` holds approved
 * text. Klarbrev edits whole paragraphs, so a paragraph holding either is left alone entirely:
 * this one predicate decides, on read (role `locked`) and again before every write.
 */

export interface InlineControlRow {
  id: number;
  tag: string;
  cannotEdit: boolean;
  cannotDelete: boolean;
}

/** What keeps a paragraph out of Klarbrev's reach: approved text, a lock, or nothing. */
export type InlineProtection = "legal" | "locked" | undefined;

export function inlineProtection(controls: readonly InlineControlRow[]): InlineProtection {
  if (controls.some((control) => parseLegalTag(control.tag))) return "legal";
  if (controls.some((control) => control.cannotEdit || control.cannotDelete)) return "locked";
  return undefined;
}

/**
 * Queue, in a batch that syncs anyway, a look at the controls in one paragraph; after the sync,
 * the function says whether the paragraph now holds approved or locked text.
 */
export function queueInlineCheck(paragraph: Word.Paragraph): () => InlineProtection {
  const controls = paragraph.contentControls;
  controls.load("items/id,items/tag,items/cannotEdit,items/cannotDelete");
  return () => inlineProtection(inlineRows(controls));
}

/** A paragraph's controls, loaded with id, tag and locks, as plain rows. */
export function inlineRows(controls: Word.ContentControlCollection): InlineControlRow[] {
  return controls.items.map((control) => ({
    id: control.id,
    tag: control.tag,
    cannotEdit: control.cannotEdit,
    cannotDelete: control.cannotDelete,
  }));
}
