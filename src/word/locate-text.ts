/// <reference types="office-js" />

/**
 * Finding a piece of a paragraph in Word. Word has no "range at offset" API, so a text range is
 * found by searching the paragraph for the substring and taking the right occurrence, counted the
 * way Word counts (non-overlapping, left to right). Word search strings are limited to 255
 * characters; longer pieces are found as head and tail and joined with expandTo.
 */

export const SEARCH_LIMIT = 255;
/** How much text before an insertion point is used to find it. */
const ANCHOR_LENGTH = 40;

export type InsertLocation = "Replace" | "Start" | "After";

export interface TextTarget {
  range: Word.Range;
  /** How to insert at the target: replace it, or insert at/after it (empty edits). */
  location: InsertLocation;
}

/** A search queued before a sync; `resolve` reads the results after it. */
export interface PendingTarget {
  resolve(): TextTarget | { reason: string };
}

/**
 * Which occurrence (0-based) of `needle` Word's search finds at `position`, or undefined. An
 * empty needle has no occurrence: Word refuses an empty search, and it would never advance.
 */
export function occurrenceAt(text: string, needle: string, position: number): number | undefined {
  if (!needle) return undefined;
  let count = 0;
  // Each step moves past one whole occurrence: at most text.length / needle.length steps.
  for (let index = text.indexOf(needle); index !== -1;) {
    if (index === position) return count;
    if (index > position) return undefined;
    index = text.indexOf(needle, index + needle.length);
    count++;
  }
  return undefined;
}

/** All non-overlapping occurrences, as Word's search returns them; none of an empty needle. */
export function countOccurrences(text: string, needle: string): number {
  // Bug (issue 12.2): an empty needle never advanced and hung the task pane.
  if (!needle) return 0;
  let count = 0;
  for (
    let index = text.indexOf(needle);
    index !== -1;
    index = text.indexOf(needle, index + needle.length)
  ) {
    count++;
  }
  return count;
}

/**
 * Word search syntax: "^" escapes itself. Search strings never hold a soft line break: queueTarget
 * searches line by line (Word on the web finds neither "\v" nor, as far as documented, "^l").
 */
export function toSearchText(text: string): string {
  return text.replace(/\^/gu, "^^");
}

const LINE_BREAK_REASON =
  "a change that starts or ends at a line break cannot be located in Word on every platform";

/**
 * Queue the search for `text.slice(start, end)` inside `paragraph` (whose current text is `text`).
 * An empty range is an insertion point: the paragraph start, or just after the text before it.
 */
export function queueTarget(
  paragraph: Word.Paragraph,
  text: string,
  start: number,
  end: number
): PendingTarget {
  // Offsets outside the paragraph's text can only come from a mapping error: never guess.
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end < start ||
    end > text.length
  ) {
    return refusedTarget(`the range ${start}-${end} is not inside the paragraph`);
  }
  if (start === end && start === 0) {
    const range = paragraph.getRange("Whole");
    return { resolve: () => ({ range, location: "Start" }) };
  }
  if (start === end) {
    // The anchor stays on the insertion point's own line (see lineBreakRefusal).
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    if (lineStart === start) return refusedTarget(LINE_BREAK_REASON);
    const anchorStart = Math.max(lineStart, start - ANCHOR_LENGTH);
    const anchor = queueSearch(paragraph, text, anchorStart, start);
    return {
      resolve: () => {
        const found = anchor();
        return "reason" in found ? found : { range: found.range, location: "After" };
      },
    };
  }
  // Word on the web can neither search nor insert a soft line break (office-js #5403): a piece
  // across one is found as its first and last line, joined with expandTo.
  const firstBreak = text.indexOf("\n", start);
  if (firstBreak !== -1 && firstBreak < end) {
    const lastBreak = text.lastIndexOf("\n", end - 1);
    if (firstBreak === start || lastBreak === end - 1) return refusedTarget(LINE_BREAK_REASON);
    const head = queueTarget(paragraph, text, start, firstBreak);
    const tail = queueTarget(paragraph, text, lastBreak + 1, end);
    return {
      resolve: () => {
        const first = head.resolve();
        if ("reason" in first) return first;
        const last = tail.resolve();
        if ("reason" in last) return last;
        return { range: first.range.expandTo(last.range), location: "Replace" };
      },
    };
  }
  if (end - start <= SEARCH_LIMIT) {
    const piece = queueSearch(paragraph, text, start, end);
    return {
      resolve: () => {
        const found = piece();
        return "reason" in found ? found : { range: found.range, location: "Replace" };
      },
    };
  }
  const head = queueSearch(paragraph, text, start, start + SEARCH_LIMIT);
  const tail = queueSearch(paragraph, text, end - SEARCH_LIMIT, end);
  return {
    resolve: () => {
      const first = head();
      if ("reason" in first) return first;
      const last = tail();
      if ("reason" in last) return last;
      return { range: first.range.expandTo(last.range), location: "Replace" };
    },
  };
}

function queueSearch(
  paragraph: Word.Paragraph,
  text: string,
  start: number,
  end: number
): () => { range: Word.Range } | { reason: string } {
  const needle = text.slice(start, end);
  // No empty search, ever (Word refuses it; counting its occurrences never ends).
  if (!needle) return () => ({ reason: "an empty piece of text cannot be located in Word" });
  const occurrence = occurrenceAt(text, needle, start);
  const total = countOccurrences(text, needle);
  const searchText = toSearchText(needle);
  if (occurrence === undefined || searchText.length > SEARCH_LIMIT) {
    return () => ({
      reason: `the text "${shorten(needle)}" cannot be located unambiguously in Word`,
    });
  }
  const results = paragraph.search(searchText, { matchCase: true, matchWildcards: false });
  results.load("items/text");
  return () => {
    const items = results.items;
    // Word may match differently (for example straight and curly quotes): then do not guess.
    if (
      items.length !== total ||
      items.some((item) => item.text !== needle.replace(/\n/gu, "\u000b"))
    ) {
      return { reason: `the text "${shorten(needle)}" was not found in Word as analysed` };
    }
    return { range: items[occurrence]! };
  };
}

function refusedTarget(reason: string): PendingTarget {
  return { resolve: () => ({ reason }) };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
