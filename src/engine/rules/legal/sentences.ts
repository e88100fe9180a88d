import { partitionPoint } from "../../util/sorted.js";
import { NEVER_FINAL_ABBREVIATIONS } from "../../linguistics/abbreviations.js";
import { maxOf } from "../../util/arrays.js";
import {
  isLetterCodePoint,
  isSmallLetterCodePoint,
  isSpaceCodeUnit,
} from "../../util/word-scan.js";

/**
 * Sentence bounds in one block's normalised text, for judging what a phrase does in its sentence.
 * The legal check runs on a Letter (also outside the unified processor, for the template library),
 * so it cannot use the nlcst tree; Danish abbreviations ("jf.", "kl.", "stk.") still never end a
 * sentence, and a full stop before a small letter ("den 3. december") does not either.
 */
const NEVER_FINAL = NEVER_FINAL_ABBREVIATIONS;
const LOOK_BACK = (maxOf([...NEVER_FINAL].map((entry) => entry.length)) ?? 0) + 1;

/**
 * Where `/[.!?](?=\s+[^\s\p{Ll}])/gu` matches, one past each mark, leaving out
 * abbreviations: scanned, not matched, as V8 compiles the pattern again after every idle pause
 * and every new block is read here.
 */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const mark = text.charCodeAt(index);
    if (mark !== 0x2e && mark !== 0x21 && mark !== 0x3f) continue;
    let next = index + 1;
    while (next < length && isSpaceCodeUnit(text.charCodeAt(next))) next++;
    if (next === index + 1 || next === length) continue;
    if (isSmallLetterCodePoint(text.codePointAt(next)!)) continue;
    if (endsAbbreviation(text, index)) continue;
    ends.push(index + 1);
  }
  return ends;
}

/** Whether the full stop at `index` ends an abbreviation that never ends a sentence ("jf."). */
function endsAbbreviation(text: string, index: number): boolean {
  // Abbreviations are short: look back a few characters, never at the whole text before.
  const from = Math.max(0, index - LOOK_BACK);
  // The run of letters and dots before the mark (`/[\p{L}.]+$/u` in the text from `from`).
  let start = index;
  while (start > from) {
    const unit = text.charCodeAt(start - 1);
    const pair =
      unit >= 0xdc00 && unit <= 0xdfff && start - 2 >= from && isHighSurrogate(text, start - 2);
    const size = pair ? 2 : 1;
    if (!isLetterOrDot(pair ? text.codePointAt(start - 2)! : unit)) break;
    start -= size;
  }
  if (start === index) return false;
  const whole = start > from || from === 0 || !isLetterOrDot(text.charCodeAt(from - 1));
  return whole && NEVER_FINAL.has(text.slice(start, index).toLowerCase());
}

function isHighSurrogate(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** `[\p{L}.]` (a lone surrogate is neither). */
function isLetterOrDot(codePoint: number): boolean {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
  return codePoint === 0x2e || isLetterCodePoint(codePoint);
}

/**
 * Whether a trimmed text's last character ends its sentence when the text is followed by a
 * space and a character that is neither white space nor a small letter (as the next block of a
 * letter is, joined to it by one space): then `sentencesOf` of the joined text ends a sentence
 * there.
 */
export function closesSentence(text: string): boolean {
  const last = text.length - 1;
  const mark = text.charCodeAt(last);
  return (mark === 0x2e || mark === 0x21 || mark === 0x3f) && !endsAbbreviation(text, last);
}

/** Whether `sentencesOf` ends a sentence before a text that starts with this character. */
export function opensSentence(text: string): boolean {
  if (text === "" || isSpaceCodeUnit(text.charCodeAt(0))) return false;
  return !isSmallLetterCodePoint(text.codePointAt(0)!);
}

/** A normalised text with its sentences (`sentencesOf`), and how it meets its neighbours. */
export interface SentencedText {
  text: string;
  sentences: readonly string[];
  /** `closesSentence(text)` */
  closes: boolean;
  /** `opensSentence(text)` */
  opens: boolean;
}

/** Where an edge sentence comes from: a text's own first or last, or none (put together). */
export interface EdgeOf {
  index: number;
  last: boolean;
}

/**
 * The sentences of normalised texts joined by one space (a letter's blocks), in order, from each
 * text's own sentences: `edge` gets each sentence that is a text's first or last (with which),
 * or one put together where a sentence runs from a text into the next (a heading without a full
 * stop before its paragraph); `inner` gets the index of each text with sentences between its
 * first and last. Together they are `sentencesOf(texts.join(" "))`, so a caller can read every
 * sentence of a text once per text and only the put-together ones per letter.
 */
export function sentencesAcross(
  texts: readonly SentencedText[],
  visit: { edge(sentence: string, from: EdgeOf | undefined): void; inner(index: number): void }
): void {
  let open: string | undefined;
  texts.forEach(({ sentences, closes }, index) => {
    const joined = open !== undefined;
    const first = joined ? `${open} ${sentences[0]!}` : sentences[0]!;
    let last = first;
    let lastJoined = joined;
    if (sentences.length > 1) {
      visit.edge(first, joined ? undefined : { index, last: false });
      if (sentences.length > 2) visit.inner(index);
      last = sentences[sentences.length - 1]!;
      lastJoined = false;
    }
    const next = texts[index + 1];
    if (next === undefined || (closes && next.opens)) {
      visit.edge(last, lastJoined ? undefined : { index, last: true });
      open = undefined;
    } else {
      open = last;
    }
  });
}

/** Every sentence of `text`, trimmed, with its offsets. */
export function sentencesOf(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const end of [...sentenceEnds(text), text.length]) {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    if (slice.trim()) spans.push({ start: start + lead, end, text: slice.trim() });
    start = end;
  }
  return spans;
}

export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/**
 * A lookup for the sentence of `text` that holds a range [from, to): the sentence ends are found
 * once, so a letter with many mentions stays linear.
 */
export function sentenceFinder(text: string): (from: number, to: number) => SentenceSpan {
  const ends = sentenceEnds(text);
  return (from, to) => {
    // The last end at or before `from` starts the sentence; the first end at or after `to` ends it.
    const low = partitionPoint(ends.length, (index) => ends[index]! <= from);
    const start = low > 0 ? ends[low - 1]! : 0;
    let next = low;
    while (next < ends.length && ends[next]! < to) next++;
    const end = next < ends.length ? ends[next]! : text.length;
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    return { start: start + lead, end, text: slice.trim() };
  };
}
