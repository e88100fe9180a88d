/// <reference types="office-js" />
import { applyEdits as applyToLetter } from "../engine/edits/apply.js";
import type { Edit, ReplaceEdit } from "../engine/edits/edit.js";
import { refuseWholeBatch } from "../engine/edits/target.js";
import type { BlockKind, Letter } from "../engine/letter/model.js";
import { describeOfficeError, WordAdapterError } from "./errors.js";
import { queueInlineCheck, type InlineProtection } from "./inline-controls.js";
import { parseLegalTag } from "./legal-tag.js";
import { queueTarget, type PendingTarget } from "./locate-text.js";
import { paragraphsAt } from "./navigate.js";
import { appendLines, insertParagraphLines, splitLines } from "./line-breaks.js";
import { hasListNumbering, replaceInOoxml, unmovableContent } from "./ooxml.js";
import { queueWriteCheck, WRITE_UNVERIFIED } from "./verify-write.js";
import {
  planEdits,
  type PlacedItem,
  type PlacementRun,
  type Refusal,
  type ReplacePlan,
} from "./plan.js";
import {
  beginTracking,
  endTracking,
  queueTrackingState,
  TRACKING_UNAVAILABLE,
  trackingModeReadable,
} from "./tracking.js";
import type { Notice, WordLetter } from "./word-letter.js";

export type { Refusal } from "./plan.js";

export interface WordApplyResult {
  applied: Edit[];
  refused: Refusal[];
  /** The edits went in as tracked changes (or the user already tracks everything). */
  tracked: boolean;
  notices: Notice[];
  /** What the document now reads as: the engine's own applyEdits with the applied edits. */
  expected: Letter;
  /** Blocks that did not read as expected after the write (then a notice says so). */
  unverified?: number[];
}

type Anchor = Word.Paragraph | Word.ContentControl;

/**
 * Apply a batch of engine edits to the document as tracked changes, in at most two syncs: the
 * first reads (verification, searches, the user's tracking mode), the second writes. All or
 * nothing: every edit passes the engine's guard, the planner, the search for its text and the
 * check of the controls around it BEFORE the first write; if any of them fails, nothing is
 * written and every edit is returned as refused (the failing ones with their own reason).
 */
export async function applyEdits(
  context: Word.RequestContext,
  source: WordLetter,
  edits: readonly Edit[],
  options: ApplyOptions = {}
): Promise<WordApplyResult> {
  return applyWith(context, source, edits, options, true);
}

export interface ApplyOptions {
  /**
   * Where Word cannot track the edits (WordApi 1.3, or a build whose tracking mode cannot be
   * read), refuse the batch unless the user agreed to untracked edits. Default true (the pane
   * asks first: `WordHost.tracksChanges()`).
   */
  allowUntracked?: boolean;
}

export const UNTRACKED_NOT_ALLOWED =
  "Word cannot track these changes here; they are applied only after the user agrees to untracked edits";

async function applyWith(
  context: Word.RequestContext,
  source: WordLetter,
  edits: readonly Edit[],
  options: ApplyOptions,
  trackingReadable: boolean
): Promise<WordApplyResult> {
  const plan = planEdits(source, edits);
  const nothing = (refusals: readonly Refusal[]): WordApplyResult => ({
    applied: [],
    refused: refuseWholeBatch(edits, refusals),
    tracked: false,
    notices: [],
    expected: source.letter,
  });
  if (plan.refused.length > 0 || plan.applied.length === 0) return nothing(plan.refused);
  // What the document will read as; the engine must accept the whole batch too.
  // Bug (issue 12.5, found by the property test): a one-block letter's separator was guessed as
  // a blank line; Word letters are read with "\n" between blocks (read.ts).
  const engine = applyToLetter(source.letter, edits, { separator: "\n" });
  if (engine.refused.length > 0) return nothing(engine.refused);
  const finish = (tracked: boolean, notices: Notice[]): WordApplyResult => ({
    applied: [...edits],
    refused: [],
    tracked,
    notices,
    expected: engine.letter,
  });

  // Sync 1: the paragraphs involved, the searches, the user's tracking mode.
  const firstOf = (block: number) => source.sources[block]!.paragraphs[0]!;
  const lastOf = (block: number) => source.sources[block]!.paragraphs.at(-1)!;
  const deletions = plan.moved.map(firstOf);
  // Deleting the first or last paragraph of a content control deletes the control with it
  // (office-js #4975, #3176): such a paragraph is not moved (the batch is refused, the pane told
  // why), and such a spacer is left in place.
  const atEdge = plan.moved.filter((block) => atControlEdge(source, firstOf(block)));
  if (atEdge.length > 0) {
    const reason = `paragraph ${atEdge.map((block) => block + 1).join(", ")} is the first or last paragraph of a content control, and Word would delete the control with it; move it by hand`;
    const reorders = edits.filter((edit) => edit.kind === "reorder");
    return {
      ...nothing(reorders.map((edit) => ({ edit, reason }))),
      notices: [PARAGRAPH_AT_CONTROL_EDGE],
    };
  }
  const spacers = claimSpacers(source, plan.moved).filter((index) => !atControlEdge(source, index));
  const needed = new Set<number>([...deletions, ...spacers]);
  for (const replace of plan.replaces) needed.add(firstOf(replace.block));
  for (const run of plan.runs) {
    if (run.anchor.side === "before") needed.add(firstOf(run.anchor.block));
    if (run.anchor.side === "after") needed.add(lastOf(run.anchor.block));
  }
  const paragraphs = paragraphsAt(context, needed);
  for (const paragraph of paragraphs.values()) paragraph.load("text");
  // A lock or approved text put inside a paragraph since the read does not change its text:
  // look at the controls in every paragraph we write in, delete or insert beside (legal blocks
  // are anchored on their own control and never written in).
  const inlineChecks: (() => InlineProtection)[] = [];
  const parentChecks: (() => boolean)[] = [];
  for (const [index, paragraph] of paragraphs) {
    if (source.paragraphs[index]!.role !== "legal") inlineChecks.push(queueInlineCheck(paragraph));
    parentChecks.push(queueParentCheck(paragraph, controlTagOf(source, index)));
  }
  const targets: { plan: ReplacePlan; pending: PendingTarget }[] = plan.replaces.map((replace) => {
    const index = firstOf(replace.block);
    const text = source.paragraphs[index]!.text;
    return {
      plan: replace,
      pending: queueTarget(paragraphs.get(index)!, text, replace.start, replace.end),
    };
  });
  // Moved paragraphs are copied WITH their formatting (links, bookmarks, direct formatting,
  // style, list numbering): their OOXML and list membership are read here, written in sync 2.
  const copies = new Map<number, MovedCopy>();
  for (const block of plan.moved) {
    const paragraph = paragraphs.get(firstOf(block))!;
    const list = paragraph.listOrNullObject;
    list.load("id");
    const item = paragraph.listItemOrNullObject;
    item.load("level");
    copies.set(block, { ooxml: paragraph.getOoxml(), list, item });
  }
  const readTracking = queueTrackingState(context, trackingReadable);
  const refuseAll = (reason: string) => nothing(edits.map((edit) => ({ edit, reason })));
  try {
    await context.sync();
  } catch (error) {
    // Some Windows builds cannot load changeTrackingMode (office-js #2797): if that is what
    // failed, do it all again without it (the edits then count as untracked).
    if (trackingReadable && !(await trackingModeReadable(context)))
      return applyWith(context, source, edits, options, false);
    return refuseAll(
      `the document changed since it was read (${describeOfficeError(error)}); read it again`
    );
  }
  for (const [index, paragraph] of paragraphs) {
    if (paragraph.text !== source.paragraphs[index]!.raw) {
      return refuseAll("the document changed since it was read; read it again");
    }
  }
  // The control around each paragraph is still the one the read saw (a guidance control removed,
  // or a paragraph put in a locked control since, would make Word refuse halfway through).
  if (parentChecks.some((check) => !check())) {
    return refuseAll(
      "the document changed since it was read: the content controls around the text changed; read it again"
    );
  }
  if (inlineChecks.some((check) => check() !== undefined)) {
    return refuseAll(
      "the document changed since it was read: a paragraph now holds locked or approved text; read it again"
    );
  }
  // A paragraph holding a field, a note reference, a picture or a comment is not moved: its
  // copy would lose or duplicate them. All or nothing: the batch is refused, the pane told why.
  const blocked = [...copies].flatMap(([block, copy]) => {
    const what = unmovableContent(copy.ooxml.value);
    return what.length > 0 ? [{ block, what }] : [];
  });
  if (blocked.length > 0) {
    const reason = `paragraph ${blocked.map(({ block }) => block + 1).join(", ")} holds ${[...new Set(blocked.flatMap(({ what }) => what))].join(", ")}, which Word cannot move safely; move it by hand`;
    const reorders = edits.filter((edit) => edit.kind === "reorder");
    return {
      ...nothing(reorders.map((edit) => ({ edit, reason }))),
      notices: [PARAGRAPH_NOT_MOVABLE],
    };
  }
  // Replacements inside a moved paragraph go into its copied runs.
  const movedXml = new Map<number, string>();
  const unresolved: Refusal[] = [];
  for (const [block, copy] of copies) {
    const record = source.paragraphs[firstOf(block)]!;
    const offset = source.letter.blocks[block]!.start;
    let xml = copy.ooxml.value;
    const inside = edits
      .filter(
        (edit): edit is ReplaceEdit =>
          edit.kind === "replace" &&
          edit.start >= offset &&
          edit.end <= source.letter.blocks[block]!.end
      )
      .sort((a, b) => b.start - a.start);
    let text = record.raw;
    for (const edit of inside) {
      const next = replaceInOoxml(xml, text, edit.start - offset, edit.end - offset, edit.text);
      if (next === undefined) {
        unresolved.push({
          edit,
          reason:
            "the paragraph moves in this batch and Word's copy of it cannot take this change; analyse again after the move",
        });
        break;
      }
      text = text.slice(0, edit.start - offset) + edit.text + text.slice(edit.end - offset);
      xml = next;
    }
    movedXml.set(block, xml);
  }
  const resolved = targets.flatMap(({ plan: replace, pending }) => {
    const target = pending.resolve();
    if ("reason" in target) {
      unresolved.push({ edit: replace.edit, reason: target.reason });
      return [];
    }
    return [{ replace, target }];
  });
  if (unresolved.length > 0) return nothing(unresolved);

  // Sync 2: all writes, tracked, and the user's mode restored.
  const tracking = readTracking();
  if (!tracking.controllable && options.allowUntracked === false)
    return refuseAll(UNTRACKED_NOT_ALLOWED);
  beginTracking(context, tracking);
  // From the end of the letter to its start, so no write moves a range not yet written (ranges
  // next to an edit do not shift reliably: office-js #1215, #3913). Bug (issue 12.5, found by
  // the property test): front to back, replacing "D" in "Du" widened the next range over "Du".
  const backwards = [...resolved].sort((a, b) => b.replace.edit.start - a.replace.edit.start);
  for (const { replace, target } of backwards) {
    target.range.insertText(replace.edit.text, target.location);
  }
  const anchorFor = (block: number, paragraphIndex: number): Anchor => {
    const paragraph = paragraphs.get(paragraphIndex)!;
    return source.sources[block]!.control ? paragraph.parentContentControl : paragraph;
  };
  const copyOf = (block: number): Copy => {
    const copy = copies.get(block)!;
    return {
      ooxml: movedXml.get(block)!,
      list: copy.list.isNullObject ? undefined : { id: copy.list.id, level: copy.item.level },
    };
  };
  for (const run of plan.runs) {
    placeRun(
      context,
      source,
      run,
      (block, side) => anchorFor(block, side === "before" ? firstOf(block) : lastOf(block)),
      copyOf
    );
  }
  for (const index of [...deletions, ...spacers]) paragraphs.get(index)!.delete();
  endTracking(context, tracking);
  // Read the replaced paragraphs back in the same batch, after the writes.
  const written = expectedParagraphs(
    source,
    resolved.map(({ replace }) => replace)
  );
  const checkWrites = queueWriteCheck(paragraphs, written);
  try {
    await context.sync();
  } catch (error) {
    // Word rejected the batch; it may have written part of it first (#6760). Give the user's
    // tracking mode back and look at what is in the document, so the report is true.
    endTracking(context, tracking);
    const checkAfterError = queueWriteCheck(paragraphs, written);
    const looked = await context.sync().then(
      () => checkAfterError(),
      () => undefined
    );
    throw new WordAdapterError(
      afterError(describeOfficeError(error), written, looked),
      "word-error"
    );
  }
  const unverified = checkWrites();
  const notices = tracking.controllable ? [] : [TRACKING_UNAVAILABLE];
  if (unverified.length > 0) notices.push(WRITE_UNVERIFIED);
  const result = finish(tracking.controllable, notices);
  if (unverified.length > 0) result.unverified = unverified;
  return result;
}

/** Each replaced paragraph's text as the engine expects it after the batch. */
function expectedParagraphs(source: WordLetter, replaces: readonly ReplacePlan[]) {
  const byBlock = new Map<number, ReplacePlan[]>();
  for (const replace of replaces) {
    byBlock.set(replace.block, [...(byBlock.get(replace.block) ?? []), replace]);
  }
  return [...byBlock].map(([block, plans]) => {
    const index = source.sources[block]!.paragraphs[0]!;
    let text = source.paragraphs[index]!.text;
    for (const plan of [...plans].sort((a, b) => b.start - a.start)) {
      text = text.slice(0, plan.start) + plan.edit.text + text.slice(plan.end);
    }
    return { index, block, text };
  });
}

/** One honest line on what is in the document after Word rejected the batch. */
function afterError(
  error: string,
  written: readonly { block: number }[],
  wrong: readonly number[] | undefined
): string {
  if (wrong === undefined || written.length === 0)
    return `Word rejected the edits, some may be applied: ${error}`;
  const good = written.length - wrong.length;
  return `Word reported an error (${error}), but ${good} of ${written.length} changed paragraphs read as intended${wrong.length > 0 ? ` (not block ${wrong.map((block) => block + 1).join(", ")})` : ""}; read the letter again and check it`;
}

/** Read in sync 1 for a moved paragraph. */
interface MovedCopy {
  ooxml: OfficeExtension.ClientResult<string>;
  list: Word.List;
  item: Word.ListItem;
}

/** What sync 2 writes for a moved paragraph: its OOXML, and the list it belongs to. */
interface Copy {
  ooxml: string;
  list: { id: number; level: number } | undefined;
}

export const PARAGRAPH_NOT_MOVABLE: Notice = {
  code: "paragraph-not-movable",
  message:
    "Et afsnit indeholder et felt, en fodnote, et billede eller en kommentar. Klarbrev flytter det ikke, da Word kan miste indholdet. Flyt selv afsnittet, hvis rækkefølgen skal ændres.",
};

export const PARAGRAPH_AT_CONTROL_EDGE: Notice = {
  code: "paragraph-at-control-edge",
  message:
    "Et afsnit er det første eller sidste i et indholdskontrolelement. Klarbrev flytter det ikke, da Word ville slette kontrolelementet sammen med afsnittet. Flyt selv afsnittet, hvis rækkefølgen skal ændres.",
};

/**
 * Whether the paragraph is the first or last paragraph of the block-level content control around
 * it (as read): `Paragraph.delete()` on it would delete the control too (#4975).
 */
function atControlEdge(source: WordLetter, index: number): boolean {
  const id = source.paragraphs[index]?.controlId;
  if (id === undefined) return false;
  return (
    source.paragraphs[index - 1]?.controlId !== id || source.paragraphs[index + 1]?.controlId !== id
  );
}

/**
 * Put the copy of a moved paragraph beside `target` with its formatting (`insertOoxml`), then
 * bring it back into its list: Word imports the package's numbering as a new list, so the copy
 * would restart its numbering (`detachFromList` + `attachToList`, WordApi 1.3).
 */
function placeCopy(target: Anchor, side: "Before" | "After", copy: Copy): Word.Paragraph {
  const paragraph = target.getRange("Whole").insertOoxml(copy.ooxml, side).paragraphs.getFirst();
  if (copy.list && hasListNumbering(copy.ooxml)) {
    paragraph.detachFromList();
    paragraph.attachToList(copy.list.id, copy.list.level);
  }
  return paragraph;
}

/** The tag of the guidance control a paragraph was read in, or undefined for an ordinary one. */
function controlTagOf(source: WordLetter, index: number): string | undefined {
  const record = source.paragraphs[index]!;
  if (record.role !== "legal" || record.blockIndex === undefined) return undefined;
  return source.sources[record.blockIndex]?.control?.tag;
}

/**
 * Queue a look at the control around a paragraph; after the sync: whether it is as read. A
 * guidance paragraph must still be in its tagged control; any other paragraph may be in no
 * control or in an unlocked, untagged one (the read keeps those as ordinary text).
 */
function queueParentCheck(paragraph: Word.Paragraph, tag: string | undefined): () => boolean {
  const parent = paragraph.parentContentControlOrNullObject;
  parent.load("tag,cannotEdit,cannotDelete");
  return () => {
    if (tag !== undefined) return !parent.isNullObject && parent.tag === tag;
    if (parent.isNullObject) return true;
    return !parent.cannotEdit && !parent.cannotDelete && !parseLegalTag(parent.tag);
  };
}

/**
 * Queue the insertion of one run of moved or new blocks at its anchor. In documents spaced with
 * empty paragraphs, a moved block brings the spacer it had after it, a new block gets one, and a
 * run placed before a block ends with one, so the layout stays as the author made it.
 */
function placeRun(
  context: Word.RequestContext,
  source: WordLetter,
  run: PlacementRun,
  anchorOf: (block: number, side: "before" | "after") => Anchor,
  copyOf: (block: number) => Copy
): void {
  const spaced = source.usesSpacerParagraphs;
  const { anchor, items } = run;
  const spacerAfter = (item: PlacedItem) =>
    spaced && (item.type === "new" || hasSpacerAfter(source, item.block));
  if (anchor.side === "before") {
    const target = anchorOf(anchor.block, "before");
    items.forEach((item, index) => {
      if (item.type === "moved") placeCopy(target, "Before", copyOf(item.block));
      else styleParagraph(insertParagraphLines(target, item.text, "Before"), source, item);
      if (spacerAfter(item) || (spaced && index === items.length - 1)) {
        styleParagraph(target.insertParagraph("", "Before"), source, undefined);
      }
    });
    return;
  }
  if (anchor.side === "after") {
    let previous: Anchor = anchorOf(anchor.block, "after");
    if (spaced) {
      previous = previous.insertParagraph("", "After");
      styleParagraph(previous, source, undefined);
    }
    items.forEach((item, index) => {
      if (item.type === "moved") previous = placeCopy(previous, "After", copyOf(item.block));
      else {
        previous = insertParagraphLines(previous, item.text, "After");
        styleParagraph(previous, source, item);
      }
      if (spacerAfter(item) && index < items.length - 1) {
        previous = previous.insertParagraph("", "After");
        styleParagraph(previous, source, undefined);
      }
    });
    return;
  }
  for (const item of items) {
    if (item.type === "moved") {
      const end = context.document.body.paragraphs.getLast();
      placeCopy(end, "After", copyOf(item.block));
      continue;
    }
    const [first, ...more] = splitLines(item.text);
    const paragraph = context.document.body.insertParagraph(first, "End");
    appendLines(paragraph, more);
    styleParagraph(paragraph, source, item);
  }
}

function hasSpacerAfter(source: WordLetter, block: number): boolean {
  const last = source.sources[block]!.paragraphs.at(-1)!;
  return source.paragraphs[last + 1]?.role === "spacer";
}

type BuiltInStyle = Word.Paragraph["styleBuiltIn"];

const KIND_STYLES: Partial<Record<BlockKind, BuiltInStyle>> = {
  subject: "Title",
  heading: "Heading2",
  listItem: "ListParagraph",
};

/** A moved paragraph keeps its style; a new one gets the style of its kind; a spacer is Normal. */
function styleParagraph(
  paragraph: Word.Paragraph,
  source: WordLetter,
  item: PlacedItem | undefined
): void {
  if (item?.type === "moved") {
    const record = source.paragraphs[source.sources[item.block]!.paragraphs[0]!]!;
    if (record.styleBuiltIn && record.styleBuiltIn !== "Other") {
      paragraph.styleBuiltIn = record.styleBuiltIn as BuiltInStyle;
    } else {
      paragraph.style = record.style;
    }
    return;
  }
  paragraph.styleBuiltIn = (item && KIND_STYLES[item.kind]) ?? "Normal";
}

/**
 * A soft line break inside a block is Word's manual line break character. Only for text Word
 * hands back (comparisons); text going INTO Word uses line-breaks.ts (office-js #5403).
 */
export function toWordText(text: string): string {
  return text.replace(/\r\n|\r|\n/gu, "\u000b");
}

/**
 * Empty spacer paragraphs that go: the one right after each moved block leaves with it, and
 * when the end of the letter moves away, the spacers left behind after the last block that stays.
 */
function claimSpacers(source: WordLetter, moved: readonly number[]): number[] {
  if (!source.usesSpacerParagraphs || moved.length === 0) return [];
  const claimed = new Set(
    moved
      .filter((block) => hasSpacerAfter(source, block))
      .map((block) => source.sources[block]!.paragraphs.at(-1)! + 1)
  );
  const movedSet = new Set(moved);
  let lastKept = source.sources.length - 1;
  while (lastKept >= 0 && movedSet.has(lastKept)) lastKept--;
  if (lastKept >= 0 && moved.some((block) => block > lastKept)) {
    const from = source.sources[lastKept]!.paragraphs.at(-1)! + 1;
    for (const record of source.paragraphs.slice(from)) {
      if (record.role === "spacer") claimed.add(record.index);
    }
  }
  return [...claimed].sort((a, b) => a - b);
}
