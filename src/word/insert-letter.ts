/// <reference types="office-js" />
import type { Block, LegalRef, Letter } from "../engine/letter/model.js";
import { describeOfficeError, WordAdapterError } from "./errors.js";
import { legalTag, legalTitle, parseLegalTag } from "./legal-tag.js";
import { appendLines, splitLines } from "./line-breaks.js";
import {
  queueTrackingState,
  syncAndRestore,
  trackingModeReadable,
  TrackingSwitch,
} from "./tracking.js";

export interface InsertLetterOptions {
  /** At the cursor (after the paragraph holding it), or instead of the whole body. */
  at: "cursor" | "replaceBody";
  /** Put an empty paragraph between blocks (for documents spaced that way). Default false. */
  spacerParagraphs?: boolean;
}

export interface InsertLetterResult {
  blocks: number;
  legalControls: number;
  /** The replaced body went out as a tracked deletion (only when it had text). */
  tracked: boolean;
}

type Anchor = Word.Paragraph | Word.ContentControl;
type BuiltInStyle = Word.Paragraph["styleBuiltIn"];

/** Where the letter goes, prepared in the first sync. */
interface Target {
  /** Queue the first paragraph with this text. */
  first(text: string): Word.Paragraph;
  /** Queued before the letter is written. */
  before?(): void;
  /** Track the operation (replacing a body that has text). */
  tracked?: boolean;
}

/**
 * Insert a rendered standard letter. Legal blocks become content controls tagged
 * `klarbrev:legal:<id>@<version>` with a visible title; their text goes in first, then they are
 * locked (cannotEdit, cannotDelete). Two syncs: one to look at the target, one to write.
 */
export async function insertLetter(
  context: Word.RequestContext,
  letter: Letter,
  options: InsertLetterOptions,
  trackingReadable = true
): Promise<InsertLetterResult> {
  if (letter.blocks.length === 0) throw new WordAdapterError("The letter has no blocks", "invalid");
  const readTracking = queueTrackingState(context, trackingReadable);
  let target: Target;
  try {
    target = options.at === "cursor" ? await atCursor(context) : await replacingBody(context);
  } catch (error) {
    // A build that cannot load changeTrackingMode (office-js #2797): again, without it.
    if (trackingReadable && !(await trackingModeReadable(context)))
      return insertLetter(context, letter, options, false);
    throw error;
  }
  const tracking = readTracking();
  // Ordinary text goes in as the user tracks it (replacing a body with text: tracked, so nothing
  // is silently lost). Legal text goes in UNTRACKED: a tracked change inside a control locked
  // with cannotEdit can never be accepted or rejected (office-js #2886).
  const mode = new TrackingSwitch(context, tracking);
  const writeMode = target.tracked && tracking.userMode === "Off" ? "TrackAll" : undefined;
  const ordinary = () => (writeMode ? mode.set(writeMode) : mode.restore());

  ordinary();
  target.before?.();
  let previous: Anchor | undefined;
  let legalControls = 0;
  for (const block of letter.blocks) {
    if (previous && options.spacerParagraphs) {
      previous = previous.insertParagraph("", "After");
      previous.styleBuiltIn = "Normal";
    }
    const legal = block.kind === "legal" && block.legal ? block.legal : undefined;
    if (legal) mode.set("Off");
    // A legal block's lines are paragraphs; an ordinary block's lines are soft line breaks.
    const [text, ...more] = splitLines(block.text);
    const paragraph = previous ? previous.insertParagraph(text, "After") : target.first(text);
    if (!legal) appendLines(paragraph, more);
    paragraph.styleBuiltIn = KIND_STYLES[block.kind] ?? "Normal";
    if (legal) {
      previous = insertLegalControl(paragraph, more, legal);
      legalControls++;
      ordinary();
    } else {
      previous = paragraph;
    }
  }
  await syncAndRestore(context, mode, "Word rejected the letter");
  return {
    blocks: letter.blocks.length,
    legalControls,
    tracked: Boolean(target.tracked && tracking.controllable),
  };
}

/** After the paragraph holding the cursor; an empty paragraph there is used for the first block. */
async function atCursor(context: Word.RequestContext): Promise<Target> {
  const selection = context.document.getSelection();
  // A navigation property: it needs no load (the lint rule cannot tell it from a scalar).
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const control = selection.parentContentControlOrNullObject;
  control.load("tag,cannotEdit,cannotDelete");
  const anchor = selection.paragraphs.getLast();
  anchor.load("text");
  // The new paragraphs go in beside the anchor paragraph, and Word puts a paragraph inserted
  // beside one inside a content control INSIDE that control (except after its last paragraph:
  // office-js #3176): never next to guidance from inside it, even unlocked.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
  const anchorControl = anchor.parentContentControlOrNullObject;
  anchorControl.load("tag,cannotEdit,cannotDelete");
  await readSync(context);
  // Also an inline control in a sentence: locked or approved text is never a place to write.
  if (
    !control.isNullObject &&
    (control.cannotEdit || control.cannotDelete || parseLegalTag(control.tag))
  ) {
    throw new WordAdapterError(
      "The cursor is inside locked or approved text; move it and try again",
      "locked"
    );
  }
  if (
    !anchorControl.isNullObject &&
    (anchorControl.cannotEdit || anchorControl.cannotDelete || parseLegalTag(anchorControl.tag))
  ) {
    throw new WordAdapterError(
      "The cursor is inside approved guidance or locked text; move it and try again",
      "locked"
    );
  }
  return {
    first: (text) => {
      if (anchor.text.trim() !== "") return anchor.insertParagraph(text, "After");
      anchor.insertText(text, "Start");
      return anchor;
    },
  };
}

/**
 * Instead of the body: the letter goes in at the start, then the old content is deleted (tracked
 * when it had text, so nothing is silently lost). Klarbrev's own locked blocks in the old content
 * are unlocked first; anyone else's locked content stops the operation.
 */
async function replacingBody(context: Word.RequestContext): Promise<Target> {
  const body = context.document.body;
  const controls = body.contentControls;
  controls.load("items/tag,items/cannotEdit,items/cannotDelete");
  body.load("text");
  // Pin the old content before anything is inserted in front of it.
  const oldFirst = body.paragraphs.getFirst();
  const oldLast = body.paragraphs.getLast();
  oldFirst.load("text");
  oldLast.load("text");
  await readSync(context);
  const locked = controls.items.filter((control) => control.cannotEdit || control.cannotDelete);
  if (locked.some((control) => !parseLegalTag(control.tag))) {
    throw new WordAdapterError(
      "The document contains locked content that Klarbrev did not add",
      "locked"
    );
  }
  // The old content goes FIRST, then the letter: a refusal at sync then stops before any of
  // the letter is in, instead of leaving a half-inserted letter in front of the old one.
  return {
    first: (text) => body.insertParagraph(text, "Start"),
    before: () => {
      for (const control of locked) {
        control.cannotDelete = false;
        control.cannotEdit = false;
      }
      oldFirst.getRange("Whole").expandTo(oldLast.getRange("Whole")).delete();
    },
    tracked: body.text.trim() !== "",
  };
}

/** Wrap the paragraph in a control, add the remaining lines, THEN lock it. */
export function insertLegalControl(
  paragraph: Word.Paragraph,
  moreLines: readonly string[],
  ref: LegalRef
): Word.ContentControl {
  const control = paragraph.insertContentControl();
  control.tag = legalTag(ref);
  control.title = legalTitle(ref);
  control.appearance = "BoundingBox";
  for (const line of moreLines) {
    control.insertParagraph(line, "End").styleBuiltIn = "Normal";
  }
  control.cannotEdit = true;
  control.cannotDelete = true;
  return control;
}

const KIND_STYLES: Partial<Record<Block["kind"], BuiltInStyle>> = {
  subject: "Title",
  heading: "Heading2",
  listItem: "ListParagraph",
};

async function readSync(context: Word.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw new WordAdapterError(
      `Word could not read the insertion point: ${describeOfficeError(error)}`,
      "word-error"
    );
  }
}
