import type { Paragraph, Sentence, SentenceContent } from "nlcst";
import { toString } from "nlcst-to-string";
import type { Processor } from "unified";
import {
  NEVER_FINAL_ABBREVIATIONS,
  SENTENCE_FINAL_ABBREVIATIONS,
} from "../linguistics/abbreviations.js";
import { pushAll } from "../util/arrays.js";
import { vocabulary } from "../linguistics/vocabulary.js";

/**
 * Danish sentence boundaries for parse-latin, as a paragraph extension
 * (`nlcstParagraphExtensions`): parse-latin knows Latin and English abbreviations only.
 *
 * - A full stop after a Danish abbreviation that never ends a sentence (jf., kl., stk., nr.,
 *   tlf., bl.a., f.eks. ...) does not end it, whatever follows ("jf. Aktivloven").
 * - An ordinal ("4. december", "lokale 2.") ends the sentence only before a capital letter
 *   ("lokale 2. Dagsordenen" is two sentences; parse-latin would merge them).
 * - A sentence starting with a digit continues the previous one ("CPR-nr. 010190-1234").
 * - Lower-case continuations, times ("kl. 10.00") and dates ("7.12.2026") are already kept
 *   together by parse-latin's own plugins, which run after this one.
 */

const NEVER_FINAL = NEVER_FINAL_ABBREVIATIONS;
const END_BEFORE_CAPITAL = SENTENCE_FINAL_ABBREVIATIONS;
const UPPER_INITIAL = /^\p{Lu}/u;
const DIGITS = /^\d{1,3}$/u;

type ParagraphPlugin = (node: Paragraph) => void;

export const danishParagraphPlugin: ParagraphPlugin = (paragraph) => {
  splitAfterInitialisms(paragraph);
  // One pass from `input` to `output`: merging by splicing the children array cost quadratic
  // time on a long paragraph of abbreviations ("jf. § 1, jf. § 2, ...").
  const input = paragraph.children;
  const output: Paragraph["children"] = [];
  let index = 0;
  while (index < input.length) {
    const sentence = input[index]!;
    if (sentence.type !== "SentenceNode") {
      output.push(sentence);
      index++;
      continue;
    }
    if (takeClosingQuote(output[output.length - 1], sentence)) {
      if (sentence.children.length === 0) index++;
      continue;
    }
    const { word, period } = finalWordAndPeriod(sentence);
    const nextIndex = word && period ? nextSentenceIndex(input, index) : -1;
    const next = nextIndex >= 0 ? (input[nextIndex] as Sentence) : undefined;
    if (!word || !period || !next) {
      output.push(sentence);
      index++;
      continue;
    }
    const value = toString(word).toLowerCase();

    if (NEVER_FINAL.has(value) || startsWithDigit(next)) {
      // Keep the abbreviation's full stop in the word and join the next sentence.
      absorbPeriod(sentence, word, period);
      for (let between = index + 1; between < nextIndex; between++) {
        sentence.children.push(input[between] as SentenceContent);
      }
      pushAll(sentence.children, next.children);
      if (sentence.position && next.position) sentence.position.end = next.position.end;
      // Look at the merged sentence again, in the next one's place: it may end in another
      // abbreviation.
      input[nextIndex] = sentence;
      index = nextIndex;
      continue;
    }

    if (isPostalDistrict(sentence, word) && startsWithCapital(next)) {
      // "8900 Randers C. Spørg efter ..." ends a sentence: "C" is a postal district, not an initial.
      absorbPeriod(sentence, word, period);
    } else if ((DIGITS.test(value) || END_BEFORE_CAPITAL.has(value)) && startsWithCapital(next)) {
      // An ordinal, or "osv."/"m.m." before a capital, ends the sentence. parse-latin merges
      // "<1-3 digits>." (and initialisms such as "m.m.", "etc.") with the next sentence when the
      // period is the sentence's last child; moving the period into the word keeps the boundary
      // (parse-latin does the same for abbreviations).
      absorbPeriod(sentence, word, period);
    }
    output.push(sentence);
    index++;
  }
  paragraph.children = output;
};

/**
 * parse-latin reads "m.m." and "o.l." as initialisms and takes their final full stop into the
 * word, so "kontoudtog m.m. Du kan ..." never splits. Before a capital they end the sentence.
 */
function splitAfterInitialisms(paragraph: Paragraph): void {
  const result: Paragraph["children"] = [];
  let changed = false;
  for (const sentence of paragraph.children) {
    if (sentence.type !== "SentenceNode") {
      result.push(sentence);
      continue;
    }
    const parts = sentence.children;
    let from = 0;
    for (let at = 0; at + 2 < parts.length; at++) {
      if (!endsBeforeCapital(parts, at)) continue;
      result.push(sentenceOf(parts.slice(from, at + 1)));
      from = at + 1;
    }
    if (from === 0) {
      result.push(sentence);
      continue;
    }
    changed = true;
    result.push(sentenceOf(parts.slice(from)));
  }
  if (changed) paragraph.children = result;
}

/** Word `at` is "m.m." (full stop taken into the word), then white space and a capital. */
function endsBeforeCapital(parts: SentenceContent[], at: number): boolean {
  const word = parts[at]!;
  if (word.type !== "WordNode" || !endsInFullStop(word)) return false;
  const value = toString(word);
  if (!value.endsWith(".") || !END_BEFORE_CAPITAL.has(value.slice(0, -1).toLowerCase()))
    return false;
  const following = parts[at + 2]!;
  return (
    parts[at + 1]!.type === "WhiteSpaceNode" &&
    following.type === "WordNode" &&
    UPPER_INITIAL.test(toString(following))
  );
}

/**
 * Whether the word's text ends in ".", read from its last non-empty literal child: every word of
 * every sentence is asked, and building its text (toString) for that was a string per word.
 */
export function endsInFullStop(word: SentenceContent & { type: "WordNode" }): boolean {
  const children = word.children;
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index]!;
    if (!("value" in child)) return toString(word).endsWith(".");
    if (child.value.length > 0) return child.value.endsWith(".");
  }
  return false;
}

function sentenceOf(children: SentenceContent[]): Sentence {
  const sentence: Sentence = { type: "SentenceNode", children };
  const first = children[0]?.position;
  const last = children[children.length - 1]?.position;
  if (first && last) sentence.position = { start: first.start, end: last.end };
  return sentence;
}

/**
 * Danish quotes are »...«: the closing « after a sentence's terminal marker starts the next
 * sentence, and parse-latin (which only knows » as closing) leaves it there ("»Kom i morgen.«
 * Så kom han." or "»Kan du komme?« spurgte vi."). Move it back when the previous sentence has an
 * open ». Returns true when it moved one, so the caller looks at the sentence again (an emptied
 * sentence is dropped).
 */
function takeClosingQuote(
  previous: Paragraph["children"][number] | undefined,
  sentence: Sentence
): boolean {
  const first = sentence.children[0];
  if (previous?.type !== "SentenceNode" || !first) return false;
  if (first.type !== "PunctuationNode" && first.type !== "SymbolNode") return false;
  if (first.value !== "«") return false;
  const before = toString(previous);
  if (countOf(before, "»") <= countOf(before, "«")) return false;
  sentence.children.shift();
  previous.children.push(first);
  if (previous.position && first.position) previous.position.end = first.position.end;
  if (sentence.children.length > 0 && sentence.position && sentence.children[0]?.position) {
    sentence.position.start = sentence.children[0].position.start;
  }
  return true;
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** unified plugin: registers the Danish paragraph extension on the processor. */
export function retextDanishSentences(this: Processor): void {
  const data = this.data() as { nlcstParagraphExtensions?: ParagraphPlugin[] };
  const list = data.nlcstParagraphExtensions ?? (data.nlcstParagraphExtensions = []);
  if (!list.includes(danishParagraphPlugin)) list.push(danishParagraphPlugin);
}

/** Any one capital, or a two-letter district of @postalDistricts ("NV", "SØ"). */
const DISTRICT = new RegExp(
  `^(?:[A-ZÆØÅ]|${vocabulary("postalDistricts")
    .entries.flatMap((entry) => entry.forms)
    .filter((form) => form.length > 1)
    .join("|")})$`,
  "u"
);
const POSTCODE = /^\d{4}$/u;

/** "8900 Randers C", "2100 København Ø", "5220 Odense SØ": a district after postcode and town. */
function isPostalDistrict(sentence: Sentence, word: SentenceContent): boolean {
  if (!DISTRICT.test(toString(word))) return false;
  const words = sentence.children.filter((node) => node.type === "WordNode");
  const at = words.indexOf(word as (typeof words)[number]);
  const town = words[at - 1];
  const postcode = words[at - 2];
  return Boolean(
    town && postcode && UPPER_INITIAL.test(toString(town)) && POSTCODE.test(toString(postcode))
  );
}

function finalWordAndPeriod(sentence: Sentence) {
  const children = sentence.children;
  const period = children[children.length - 1];
  const word = children[children.length - 2];
  if (
    period &&
    (period.type === "PunctuationNode" || period.type === "SymbolNode") &&
    period.value === "." &&
    word?.type === "WordNode"
  ) {
    return { word, period };
  }
  return { word: undefined, period: undefined };
}

function absorbPeriod(sentence: Sentence, word: SentenceContent, period: SentenceContent): void {
  if (
    word.type !== "WordNode" ||
    (period.type !== "PunctuationNode" && period.type !== "SymbolNode")
  )
    return;
  word.children.push(period);
  sentence.children.pop();
  if (word.position && period.position) word.position.end = period.position.end;
}

function nextSentenceIndex(children: Paragraph["children"], index: number): number {
  for (let i = index + 1; i < children.length; i++) {
    const node = children[i]!;
    if (node.type === "SentenceNode") return i;
    if (node.type !== "WhiteSpaceNode") return -1;
    // A blank line is a hard boundary.
    if (/\n[^\S\n]*\n/u.test(toString(node))) return -1;
  }
  return -1;
}

/**
 * parse-latin means to merge a sentence that starts with a digit ("CPR-nr. 010190-1234") into the
 * previous one, but its check looks at the leading white space instead of the first word. Danish
 * style writes numbers at the start of a sentence in words, so a digit start is a continuation.
 */
function startsWithDigit(sentence: Sentence): boolean {
  for (const node of sentence.children) {
    if (node.type === "WordNode") return /^\d/u.test(toString(node));
    if (node.type !== "WhiteSpaceNode") return false;
  }
  return false;
}

function startsWithCapital(sentence: Sentence): boolean {
  for (const node of sentence.children) {
    if (node.type === "WordNode") return UPPER_INITIAL.test(toString(node));
    if (node.type !== "WhiteSpaceNode") return false;
  }
  return false;
}
