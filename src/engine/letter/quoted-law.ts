import { memoByText } from "../util/text-memo.js";
import { formsOf, lemmas } from "../linguistics/vocabulary.js";

/** A quotation of law text: [start, end) covers the quotes themselves. */
export interface QuotedSpan {
  start: number;
  end: number;
}

/** Marks only law text carries (@lawMarkers: "§", "stk."). */
const MARKERS: readonly string[] = lemmas("lawMarkers");
/** Words naming a law or rule (@lawCues, every form): "Lovteksten ser således ud: ’...’". */
const CUES = formsOf("lawCues");
/** How far before its opening quote a cue may stand (characters). */
const REACH = 80;
/** Quotation marks and the marks that close them (Danish, English and typewriter styles). */
const PAIRS: readonly (readonly [string, string])[] = [
  ["«", "»"],
  ["»", "«"],
  ['"', '"'],
  ["“", "”"],
  ["„", "“"],
  ["”", "”"],
  ["’", "’"],
  ["‘", "’"],
];
const OPENERS = new Map<string, string[]>();
for (const [open, close] of PAIRS) {
  OPENERS.set(open, [...(OPENERS.get(open) ?? []), close]);
}
/** Any opening mark: the scan jumps from one to the next (a letter has few of them). */
const OPENING = new RegExp(`[${[...OPENERS.keys()].join("")}]`, "gu");
/** A quotation longer than this is a layout accident (an unclosed quote), not a citation. */
const MAX_QUOTE = 2000;

/**
 * Quotations of law text in a letter: «...», "...", “...” and ’...’ holding a § or "stk.", or
 * announced by a word naming a law or rule ("Lovteksten ser således ud: ’...’"). Law text is
 * quoted to be exact, so nothing in it may be rewritten. Pure and cached per text.
 */
export const quotedLawSpans: (text: string) => QuotedSpan[] = memoByText(findQuotedLawSpans, 64);

function findQuotedLawSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  OPENING.lastIndex = 0;
  for (let found = OPENING.exec(text); found; found = OPENING.exec(text)) {
    const index = found.index;
    const closers = OPENERS.get(found[0])!;
    // An apostrophe inside a word ("Danmark’s") opens nothing.
    if (index > 0 && /[\p{L}\p{N}]/u.test(text[index - 1]!)) continue;
    let close = -1;
    for (let at = index + 1; at < text.length && at - index <= MAX_QUOTE; at++) {
      if (closers.includes(text[at]!) && !/[\p{L}\p{N}]/u.test(text[at + 1] ?? "")) {
        close = at;
        break;
      }
    }
    if (close < 0) continue;
    const inner = text.slice(index + 1, close);
    if (isLaw(inner, text.slice(Math.max(0, index - REACH), index))) {
      spans.push({ start: index, end: close + 1 });
      OPENING.lastIndex = close + 1;
    }
  }
  return spans;
}

function isLaw(inner: string, before: string): boolean {
  if (MARKERS.some((marker) => inner.includes(marker))) return true;
  const words = before.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.some((word) => CUES.has(word));
}

/** The quoted-law span a range [start, end) touches, if any. */
export function touchedQuote(text: string, start: number, end: number): QuotedSpan | undefined {
  return quotedLawSpans(text).find((span) =>
    start === end ? start > span.start && start < span.end : start < span.end && end > span.start
  );
}
