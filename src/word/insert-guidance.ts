/// <reference types="office-js" />
import type { LegalRef } from "../engine/letter/model.js";
import { toWordText } from "./apply.js";
import { describeOfficeError, WordAdapterError } from "./errors.js";
import { insertLegalControl } from "./insert-letter.js";
import { paragraphsAt } from "./navigate.js";
import {
  queueTrackingState,
  syncAndRestore,
  TRACKING_UNAVAILABLE,
  TrackingSwitch,
} from "./tracking.js";
import type { Notice, WordLetter } from "./word-letter.js";

/**
 * Insert approved guidance that the letter lacks as a locked legal control, before the letter's
 * block `before` (the closing, as the task pane places it), or at the end. Written UNTRACKED (the
 * user's mode given back in the same batch): a tracked insertion inside a control locked with
 * cannotEdit can never be accepted or rejected (office-js #2886). Two syncs: check the anchor
 * paragraph and the tracking state, then insert and lock.
 */
export async function insertGuidance(
  context: Word.RequestContext,
  source: WordLetter,
  before: number,
  guidance: { text: string; legal: LegalRef }
): Promise<{ tracked: boolean; notices: Notice[] }> {
  const readTracking = queueTrackingState(context);
  const anchorBlock = source.sources[before];
  const anchorIndex = anchorBlock?.paragraphs[0];
  if (anchorBlock?.control) {
    throw new WordAdapterError("Guidance goes before ordinary text, not in guidance", "invalid");
  }
  const anchor =
    anchorIndex !== undefined
      ? paragraphsAt(context, [anchorIndex]).get(anchorIndex)!
      : context.document.body.paragraphs.getLast();
  anchor.load("text");
  await sync(context, "find the place for the guidance");
  const expected = anchorIndex !== undefined ? source.paragraphs[anchorIndex]?.raw : undefined;
  if (expected !== undefined && anchor.text !== expected) {
    throw new WordAdapterError(
      "The document changed since it was read; read it again",
      "document-changed"
    );
  }
  const tracking = readTracking();
  const [firstLine = "", ...moreLines] = guidance.text.split("\n");
  const mode = new TrackingSwitch(context, tracking);
  mode.set("Off");
  // Before the anchor paragraph, or after the last one: beside the first or last paragraph of a
  // control that lands OUTSIDE it (office-js #3176), so never inside guidance at the letter's end.
  const paragraph = anchor.insertParagraph(
    toWordText(firstLine),
    anchorIndex !== undefined ? "Before" : "After"
  );
  paragraph.styleBuiltIn = "Normal";
  insertLegalControl(paragraph, moreLines, guidance.legal);
  await syncAndRestore(context, mode, "Word could not insert the guidance");
  return {
    tracked: false,
    notices: tracking.controllable ? [] : [TRACKING_UNAVAILABLE],
  };
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
