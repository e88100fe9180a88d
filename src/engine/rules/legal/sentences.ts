import { NEVER_FINAL_ABBREVIATIONS } from "../../linguistics/abbreviations.js";
import { maxOf } from "../../util/arrays.js";

/**
 * Sentence bounds in one block's normalised text, for judging what a phrase does in its sentence.
 * The legal check runs on a Letter (also outside the unified processor, for the template library),
 * so it cannot use the nlcst tree; Danish abbreviations ("jf.", "kl.", "stk.") still never end a
 * sentence, and a full stop before a small letter ("den 3. december") does not either.
 */
const NEVER_FINAL = NEVER_FINAL_ABBREVIATIONS;
const END = /[.!?](?=\s+[^\s\p{Ll}])/gu;
const LOOK_BACK = (maxOf([...NEVER_FINAL].map((entry) => entry.length)) ?? 0) + 1;

function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(END)) {
    if (endsAbbreviation(text, match.index)) continue;
    ends.push(match.index + 1);
  }
  return ends;
}

/** Whether the full stop at `index` ends an abbreviation that never ends a sentence ("jf."). */
function endsAbbreviation(text: string, index: number): boolean {
  // Abbreviations are short: look back a few characters, never at the whole text before.
  const from = Math.max(0, index - LOOK_BACK);
  const found = /[\p{L}.]+$/u.exec(text.slice(from, index));
  const whole = found && (found.index > 0 || from === 0 || !/[\p{L}.]/u.test(text[from - 1]!));
  return Boolean(whole && NEVER_FINAL.has(found[0].toLowerCase()));
}

/**
 * Whether a trimmed text's last character ends its sentence when the text is followed by a
 * space and a character that is neither white space nor a small letter (as the next block of a
 * letter is, joined to it by one space): then `sentencesOf` of the joined text ends a sentence
 * there.
 */
export function closesSentence(text: string): boolean {
  const last = text.length - 1;
  return last >= 0 && /[.!?]/u.test(text[last]!) && !endsAbbreviation(text, last);
}

/** Whether `sentencesOf` ends a sentence before a text that starts with this character. */
function opensSentence(text: string): boolean {
  return text !== "" && /^[^\s\p{Ll}]/u.test(text);
}

/** A normalised text with its sentences (`sentencesOf`) and whether it `closesSentence`. */
export interface SentencedText {
  text: string;
  sentences: readonly string[];
  closes: boolean;
}

/**
 * The sentences of normalised texts joined by one space (a letter's blocks), in order, from each
 * text's own sentences: `edge` gets each sentence that is a text's first or last, put together
 * where one runs from a text into the next (a heading without a full stop before its
 * paragraph); `inner` gets the index of each text with sentences between its first and last.
 * Together they are `sentencesOf(texts.join(" "))`, so the inner ones can be read per text.
 */
export function sentencesAcross(
  texts: readonly SentencedText[],
  visit: { edge(sentence: string): void; inner(index: number): void }
): void {
  let open: string | undefined;
  texts.forEach(({ sentences, closes }, index) => {
    const first = open === undefined ? sentences[0]! : `${open} ${sentences[0]!}`;
    let last = first;
    if (sentences.length > 1) {
      visit.edge(first);
      if (sentences.length > 2) visit.inner(index);
      last = sentences[sentences.length - 1]!;
    }
    const next = texts[index + 1];
    if (next === undefined || (closes && opensSentence(next.text))) {
      visit.edge(last);
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
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ends[mid]! <= from) low = mid + 1;
      else high = mid;
    }
    const start = low > 0 ? ends[low - 1]! : 0;
    let next = low;
    while (next < ends.length && ends[next]! < to) next++;
    const end = next < ends.length ? ends[next]! : text.length;
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    return { start: start + lead, end, text: slice.trim() };
  };
}
