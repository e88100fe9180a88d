/// <reference types="office-js" />
import { describeOfficeError, WordAdapterError } from "./errors.js";
import { queueTarget, type PendingTarget, type TextTarget } from "./locate-text.js";
import { paragraphsAt } from "./navigate.js";
import { supportsTemporaryHighlight } from "./requirements.js";
import type { WordLetter } from "./word-letter.js";

/**
 * Select the text of a finding (absolute offsets in the Letter) in the document, for the task
 * pane's "show". Two syncs: search, then select. When the exact text cannot be found (for example
 * in a paragraph with tracked changes) the whole block is selected instead.
 */
export async function selectText(
  context: Word.RequestContext,
  source: WordLetter,
  start: number,
  end: number
): Promise<{ exact: boolean }> {
  const blockIndex = source.letter.blocks.findIndex(
    (block) => start >= block.start && end <= block.end
  );
  const block = source.letter.blocks[blockIndex];
  if (!block) throw new WordAdapterError(`No single block holds ${start}-${end}`, "invalid");

  // Live paragraphs of the block and their offsets inside the block text ("\n" between them).
  const members = source.sources[blockIndex]!.paragraphs.filter(
    (index) => source.paragraphs[index]!.role !== "deleted"
  );
  const pieces: { index: number; offset: number; text: string }[] = [];
  let offset = 0;
  for (const index of members) {
    const text = source.paragraphs[index]!.text;
    pieces.push({ index, offset, text });
    offset += text.length + 1;
  }
  const localStart = start - block.start;
  const localEnd = end - block.start;
  const pieceAt = (at: number) => {
    let found = pieces[0]!;
    for (const piece of pieces) if (piece.offset <= at) found = piece;
    return found;
  };
  const first = pieceAt(localStart);
  const last = pieceAt(localEnd);

  const paragraphs = paragraphsAt(context, [first.index, last.index]);
  // The getNext chain is assumed to follow body.paragraphs, and the user may have typed since
  // the read: verify the paragraphs' text before selecting anything, as writes do.
  for (const paragraph of paragraphs.values()) paragraph.load("text");
  const targets: PendingTarget[] =
    first === last
      ? [
          queueTarget(
            paragraphs.get(first.index)!,
            first.text,
            localStart - first.offset,
            localEnd - first.offset
          ),
        ]
      : [
          queueTarget(
            paragraphs.get(first.index)!,
            first.text,
            localStart - first.offset,
            first.text.length
          ),
          queueTarget(paragraphs.get(last.index)!, last.text, 0, localEnd - last.offset),
        ];
  await sync(context);
  for (const [index, paragraph] of paragraphs) {
    if (paragraph.text !== source.paragraphs[index]!.raw) {
      throw new WordAdapterError(
        "The document changed since it was read; read it again",
        "document-changed"
      );
    }
  }

  const found = targets.map((target) => target.resolve());
  const exact = found.every((target): target is TextTarget => !("reason" in target));
  if (exact) {
    const ranges = (found as TextTarget[]).map(collapse);
    const range = ranges.length === 1 ? ranges[0]! : ranges[0]!.expandTo(ranges[1]!);
    range.select();
    // Where Word can, the finding's words are also highlighted, temporarily: the highlight is
    // not document content, so it is never saved (WordApi 1.8; selection alone otherwise).
    if (supportsTemporaryHighlight()) range.highlight();
  } else {
    const whole = paragraphs.get(first.index)!.getRange("Whole");
    (first === last
      ? whole
      : whole.expandTo(paragraphs.get(last.index)!.getRange("Whole"))
    ).select();
  }
  await sync(context);
  return { exact };
}

/** An insertion point selects as a collapsed range. */
function collapse(target: TextTarget): Word.Range {
  if (target.location === "After") return target.range.getRange("End");
  if (target.location === "Start") return target.range.getRange("Start");
  return target.range;
}

async function sync(context: Word.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw new WordAdapterError(
      `Word could not select the text: ${describeOfficeError(error)}`,
      "word-error"
    );
  }
}
