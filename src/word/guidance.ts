/// <reference types="office-js" />
import { checkRange } from "../engine/edits/guard.js";
import type { LegalRef } from "../engine/letter/model.js";
import { describeOfficeError, WordAdapterError } from "./errors.js";
import { queueInlineCheck } from "./inline-controls.js";
import { legalTag, legalTitle } from "./legal-tag.js";
import { paragraphsAt } from "./navigate.js";
import { normalizeParagraphText } from "./reviewed-text.js";
import {
  queueTrackingState,
  syncAndRestore,
  TRACKING_UNAVAILABLE,
  trackingModeReadable,
  TrackingSwitch,
} from "./tracking.js";
import type { Notice, WordLetter } from "./word-letter.js";

/**
 * Lock and restore approved guidance (klagevejledning and the like). Recognising the text and
 * asking the user are the engine's and the task pane's jobs; these functions do the Word part.
 */

/**
 * Wrap consecutive ordinary blocks (recognised guidance that is not locked yet) in one locked
 * control with the legal tag and title. Two syncs: verify, then wrap and lock.
 */
export async function lockGuidance(
  context: Word.RequestContext,
  source: WordLetter,
  blocks: readonly number[],
  ref: LegalRef
): Promise<void> {
  const sorted = [...blocks].sort((a, b) => a - b);
  if (sorted.length === 0) throw new WordAdapterError("No blocks to lock", "invalid");
  sorted.forEach((block, index) => {
    const info = source.sources[block];
    if (!info) throw new WordAdapterError(`There is no block ${block}`, "invalid");
    if (info.control)
      throw new WordAdapterError(`Block ${block} is already a locked legal block`, "invalid");
    if (index > 0 && block !== sorted[index - 1]! + 1) {
      throw new WordAdapterError("Only consecutive blocks can be locked together", "invalid");
    }
  });
  const first = source.sources[sorted[0]!]!.paragraphs[0]!;
  const last = source.sources[sorted.at(-1)!]!.paragraphs.at(-1)!;
  const firstBlock = source.letter.blocks[sorted[0]!]!;
  const verdict = checkRange(
    source.letter,
    firstBlock.start,
    source.letter.blocks[sorted.at(-1)!]!.end
  );
  if (!verdict.ok) throw new WordAdapterError(verdict.reason, "locked");
  // Everything the control will wrap: only the blocks' own paragraphs and empty spacers between
  // them (no table, no other control, no tracked deletion), each verified against the read.
  const span = Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
  const foreign = span.find((index) => {
    const role = source.paragraphs[index]!.role;
    return role !== "block" && role !== "spacer";
  });
  if (foreign !== undefined) {
    throw new WordAdapterError(
      `Paragraph ${foreign} between the blocks cannot be locked with them`,
      "invalid"
    );
  }
  if (span.some((index) => source.paragraphs[index]!.pendingRevisions)) {
    throw new WordAdapterError(
      "The text has tracked changes that are not yet reviewed; review them first",
      "invalid"
    );
  }
  const paragraphs = paragraphsAt(context, span);
  for (const paragraph of paragraphs.values()) paragraph.load("text");
  const inlineChecks = [...paragraphs.values()].map(queueInlineCheck);
  await sync(context, "read the blocks");
  if (inlineChecks.some((check) => check() !== undefined)) {
    throw new WordAdapterError(
      "The text now holds locked or approved text; read the document again",
      "document-changed"
    );
  }
  for (const [index, paragraph] of paragraphs) {
    if (paragraph.text !== source.paragraphs[index]!.raw) {
      throw new WordAdapterError(
        "The document changed since it was read; read it again",
        "document-changed"
      );
    }
  }
  const range = paragraphs
    .get(first)!
    .getRange("Whole")
    .expandTo(paragraphs.get(last)!.getRange("Whole"));
  const control = range.insertContentControl();
  control.tag = legalTag(ref);
  control.title = legalTitle(ref);
  control.appearance = "BoundingBox";
  control.cannotEdit = true;
  control.cannotDelete = true;
  await sync(context, "lock the text");
}

/** Lock a legal block's control again (its text is unchanged, only the lock was removed). */
export async function relockGuidance(
  context: Word.RequestContext,
  source: WordLetter,
  block: number
): Promise<void> {
  const control = await legalControl(context, source, block);
  control.cannotEdit = true;
  control.cannotDelete = true;
  await sync(context, "lock the text");
}

/** What a restore did, for the analysis record (the restore itself is not a tracked change). */
export interface LegalRestore {
  id: string;
  version: string;
  /** The text the block had before it was restored (what a reviewer would otherwise not see). */
  previousText: string;
  /** ISO date-time. */
  at: string;
}

/**
 * Put the approved text back into a legal block that was changed: unlock, replace, lock again.
 * The caller has asked the user and passes the approved text; lines become paragraphs.
 *
 * The write is NOT tracked: a tracked change inside a control locked with cannotEdit can never be
 * accepted or rejected in Word (office-js #2886), so tracking is switched off for this batch and
 * the user's mode given back in the same batch. The result says what was replaced, so the task
 * pane records it in the analysis record, where a reviewer still sees it.
 */
export async function restoreGuidance(
  context: Word.RequestContext,
  source: WordLetter,
  block: number,
  approvedText: string,
  now = new Date(),
  trackingReadable = true
): Promise<{ tracked: false; notices: Notice[]; restored: LegalRestore }> {
  const readTracking = queueTrackingState(context, trackingReadable);
  let control: Word.ContentControl;
  try {
    control = await legalControl(context, source, block, ["text"]);
  } catch (error) {
    // A build that cannot load changeTrackingMode (office-js #2797): again, without it.
    if (trackingReadable && !(await trackingModeReadable(context)))
      return restoreGuidance(context, source, block, approvedText, now, false);
    throw error;
  }
  const tracking = readTracking();
  const previousText = normalizeParagraphText(control.text);
  const [firstLine, ...moreLines] = approvedText.split(/\r\n|\r|\n/u);
  const mode = new TrackingSwitch(context, tracking);
  mode.set("Off");
  control.cannotDelete = false;
  control.cannotEdit = false;
  // Lines of approved guidance are paragraphs (no soft line breaks: office-js #5403).
  control.insertText(firstLine ?? "", "Replace");
  for (const line of moreLines) control.insertParagraph(line, "End");
  control.cannotEdit = true;
  control.cannotDelete = true;
  await syncAndRestore(context, mode, "Word could not restore the text");
  const ref = source.sources[block]!.control!.ref;
  return {
    tracked: false,
    notices: tracking.controllable ? [] : [TRACKING_UNAVAILABLE],
    restored: { id: ref.id, version: ref.version, previousText, at: now.toISOString() },
  };
}

/** The control of a legal block, verified by its tag (one sync). */
async function legalControl(
  context: Word.RequestContext,
  source: WordLetter,
  block: number,
  fields: readonly string[] = []
): Promise<Word.ContentControl> {
  const info = source.sources[block];
  if (!info?.control) throw new WordAdapterError(`Block ${block} is not a legal block`, "invalid");
  const paragraph = paragraphsAt(context, [info.paragraphs[0]!]).get(info.paragraphs[0]!)!;
  const control = paragraph.parentContentControl;
  control.load(["tag", ...fields]);
  await sync(context, "find the legal block");
  if (control.tag !== info.control.tag) {
    throw new WordAdapterError(
      "The document changed since it was read; read it again",
      "document-changed"
    );
  }
  return control;
}

async function sync(context: Word.RequestContext, doing: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw new WordAdapterError(
      `Word could not ${doing}: ${describeOfficeError(error)}`,
      "word-error"
    );
  }
}
