import type { Root } from "nlcst";
import type { VFile } from "vfile";
import type { Letter } from "../../../letter/model.js";
import { report } from "../../../report.js";
import { matchersOf, type Matcher } from "../../matchers.js";
import { adjacent, capitalise, isCapitalised, plainSentences, type Token } from "../tokens.js";

export const OFFICIALESE_RULE = "plain/officialese";

/** The English pack's entries (src/engine/rules/en/plain/officialese.yml), compiled once. */
interface Entry {
  words: string[];
  source: string;
  /** The replacement; "" deletes; undefined: advice only. */
  suggest?: string;
  advice?: string;
  safe: boolean;
}

let compiled: Map<string, Entry[]> | undefined;

/** Entries by their first word, longest first, so "in the event that" wins over "in the event of". */
function entries(): Map<string, Entry[]> {
  if (compiled) return compiled;
  compiled = new Map();
  for (const matcher of matchersOf<Matcher>(OFFICIALESE_RULE, "en")) {
    if (!matcher.phrase) continue;
    const words = matcher.phrase.toLowerCase().split(/\s+/u).filter(Boolean);
    const entry: Entry = { words, source: matcher.phrase, safe: matcher.safe === true };
    if (typeof matcher.suggest === "string") entry.suggest = matcher.suggest;
    if (matcher.advice) entry.advice = matcher.advice;
    const list = compiled.get(words[0]!) ?? [];
    list.push(entry);
    list.sort((a, b) => b.words.length - a.words.length);
    compiled.set(words[0]!, list);
  }
  return compiled;
}

/** Whether the letter is English and parsed: the English pack's rules run on it. */
export function isEnglishLetter(file: VFile): file is VFile & { data: { letter: Letter } } {
  return file.data.language === "en" && file.data.letter !== undefined;
}

/**
 * plain/officialese for English letters: stiff official words and phrases ("in accordance with",
 * "commence", "prior to") with the everyday word plainlanguage.gov and GOV.UK recommend.
 */
export function retextPlainOfficialeseEnglish() {
  return (tree: Root, file: VFile): void => {
    if (!isEnglishLetter(file)) return;
    const text = file.data.letter.text;
    const table = entries();
    for (const { tokens } of plainSentences(tree, file.data.letter)) {
      for (let index = 0; index < tokens.length; index++) {
        const entry = (table.get(tokens[index]!.lower) ?? []).find((candidate) =>
          matchesAt(candidate, tokens, index, text)
        );
        if (!entry) continue;
        const last = tokens[index + entry.words.length - 1]!;
        reportEntry(file, entry, tokens, index, last, text);
        index += entry.words.length - 1;
      }
    }
  };
}

function matchesAt(entry: Entry, tokens: readonly Token[], index: number, text: string): boolean {
  return entry.words.every((word, offset) => {
    const token = tokens[index + offset];
    if (!token || token.lower !== word) return false;
    return offset === 0 || adjacent(text, tokens[index + offset - 1]!, token);
  });
}

function reportEntry(
  file: VFile,
  entry: Entry,
  tokens: readonly Token[],
  index: number,
  last: Token,
  text: string
): void {
  const first = tokens[index]!;
  const written = text.slice(first.start, last.end);
  const quote = (words: string) => `“${words}”`;
  const explanation =
    "Official words and phrases make a letter stiff and hard to read (plainlanguage.gov, GOV.UK).";
  if (entry.suggest === undefined) {
    const advice = entry.advice ?? "";
    report(file, {
      ruleId: OFFICIALESE_RULE,
      severity: "warning",
      message: `${quote(written)} is officialese. Write, for example, ${advice}.`,
      start: first.start,
      end: last.end,
      suggestion: { text: advice, explanation },
      safe: false,
      details: { entry: entry.source, form: written },
    });
    return;
  }
  if (entry.suggest === "") {
    // A deletion takes the space after the word with it ("We hereby invite" -> "We invite").
    const next = tokens[index + entry.words.length];
    const end = next && adjacent(text, last, next) ? next.start : last.end;
    report(file, {
      ruleId: OFFICIALESE_RULE,
      severity: "warning",
      message: `${quote(written)} is officialese and can be deleted.`,
      start: first.start,
      end: last.end,
      suggestion: { text: `(delete ${quote(written)})`, explanation },
      edit: { kind: "replace", start: first.start, end, text: "", ruleId: OFFICIALESE_RULE },
      safe: false,
      details: { entry: entry.source, form: written },
    });
    return;
  }
  const replacement = isCapitalised(written) ? capitalise(entry.suggest) : entry.suggest;
  report(file, {
    ruleId: OFFICIALESE_RULE,
    severity: "warning",
    message: `${quote(written)} is officialese. Write ${quote(replacement)}.`,
    start: first.start,
    end: last.end,
    suggestion: { text: replacement, explanation },
    edit: {
      kind: "replace",
      start: first.start,
      end: last.end,
      text: replacement,
      ruleId: OFFICIALESE_RULE,
    },
    safe: entry.safe,
    details: { entry: entry.source, form: written },
  });
}
