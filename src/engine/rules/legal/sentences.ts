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
    // Abbreviations are short: look back a few characters, never at the whole text before.
    const from = Math.max(0, match.index - LOOK_BACK);
    const found = /[\p{L}.]+$/u.exec(text.slice(from, match.index));
    const whole = found && (found.index > 0 || from === 0 || !/[\p{L}.]/u.test(text[from - 1]!));
    if (whole && NEVER_FINAL.has(found[0].toLowerCase())) continue;
    ends.push(match.index + 1);
  }
  return ends;
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
