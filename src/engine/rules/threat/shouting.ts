import type { Root } from "nlcst";
import type { VFile } from "vfile";
import type { Letter } from "../../letter/model.js";
import { lemmas } from "../../linguistics/vocabulary.js";
import { report } from "../../report.js";
import { formsWithRole } from "../matchers.js";
import { startsSentence } from "./lead-in.js";
import { SHOUTING_MESSAGES, fill } from "./messages.js";
import { capitalise, FormFinder, matchesOf, overlaps, type Match } from "./patterns.js";
import { isDanishLetter, threatSentences } from "./scan.js";
import { memoByText } from "../../util/text-memo.js";
import { detectWarnings } from "./warning.js";

export const SHOUTING_RULE = "threat/shouting";

/** Runs of capitalised words on one line: "DU SKAL MØDE", "A-KASSE". */
const CAPITAL_RUN =
  /(?<![\p{L}\p{N}])\p{Lu}+(?:-\p{Lu}+)*(?:[ \t]+\p{Lu}+(?:-\p{Lu}+)*)*(?![\p{L}\p{N}])/gu;
const EXCLAMATION = /[?.]?!+/gu;
const ROMAN = /^[IVXLCDM]+$/u;
/** Acronyms (@acronyms) by their lower case, each with its usual spelling. */
const ACRONYMS = new Map(lemmas("acronyms").map((acronym) => [acronym.toLowerCase(), acronym]));

/** The friendly words of shouting.yml: "Tusind tak!" is warmth, not shouting. */
const FRIENDLY = new FormFinder(formsWithRole(SHOUTING_RULE, "friendly"));
/** Fewer capitals than this are an abbreviation more often than a shout ("NB", "SMS"). */
const MIN_LETTERS = 4;

export interface ShoutingHit extends Match {
  kind: "capitals" | "exclamation";
  /** Relative to the sentence. */
  edit?: { start: number; end: number; text: string; safe: boolean };
}

/** A run of capitals with its words: its edit needs the letter's own spellings. */
interface Found extends Match {
  kind: "capitals" | "exclamation";
  words?: string[];
  edit?: ShoutingHit["edit"];
}

/**
 * What one sentence says on its own, per sentence text (and whether it is a subject or heading
 * line): while the caseworker types, only the edited sentence is read anew.
 */
const foundIn = memoByText((key: string): Found[] => {
  const line = key.charAt(0) === "1";
  const text = key.slice(1);
  const warnings = detectWarnings(text);
  const found: Found[] = [];
  for (const run of matchesOf(CAPITAL_RUN, text)) {
    const words = run.text.split(/[ \t]+/u);
    const shouted =
      words.some((word) => isShouted(word)) && !warnings.some((warning) => overlaps(warning, run));
    if (!shouted) continue;
    found.push({ ...run, kind: "capitals", words });
  }
  if (!FRIENDLY.test(text)) {
    for (const mark of matchesOf(EXCLAMATION, text)) {
      if (warnings.some((warning) => overlaps(warning, mark) || warning.end === mark.start))
        continue;
      found.push({ ...mark, kind: "exclamation", edit: exclamationEdit(text, mark, line) });
      break; // one per sentence: "!!!" and "!" shout alike
    }
  }
  return found.sort((a, b) => a.start - b.start);
});

/** Shouting in one sentence: runs of capitals (not acronyms) and exclamation marks. */
export function detectShouting(text: string, letter?: Letter, line = false): ShoutingHit[] {
  return foundIn(`${line ? 1 : 0}${text}`).map(({ start, end, text: run, kind, words, edit }) => ({
    start,
    end,
    text: run,
    kind,
    edit:
      kind === "capitals"
        ? lowerCaseEdit(text, { start, end, text: run }, words!, letter)
        : edit && { ...edit },
  }));
}

function isShouted(word: string): boolean {
  const letters = word.replace(/-/gu, "");
  return letters.length >= MIN_LETTERS && !ACRONYMS.has(word.toLowerCase()) && !ROMAN.test(word);
}

/** Lower-case the run, keeping acronyms and the letter's own spelling of names ("RANDERS" -> "Randers"). */
function lowerCaseEdit(
  text: string,
  run: Match,
  words: string[],
  letter?: Letter
): ShoutingHit["edit"] {
  const casing: Spelling = letter ? casingOf(letter) : () => undefined;
  let known = true;
  const lowered = words.map((word) => {
    const key = word.toLowerCase();
    const spelled = ACRONYMS.get(key) ?? casing(key);
    if (spelled) return spelled;
    if (word.length > 1 && !ACRONYMS.has(key)) known = false;
    return key;
  });
  let replacement = lowered.join(" ");
  if (startsSentence(text, run.start)) replacement = capitalise(replacement);
  // Safe only when every word's spelling is known from the letter itself: a name never seen in
  // ordinary case might be lower-cased wrongly.
  return { start: run.start, end: run.end, text: replacement, safe: known };
}

/** A subject or heading line ends without a full stop: there the mark is simply removed. */
function exclamationEdit(text: string, mark: Match, line: boolean): ShoutingHit["edit"] {
  const atEnd = text.slice(mark.end).trim() === "";
  const followedByCapital = /^\s+\p{Lu}/u.test(text.slice(mark.end));
  if (!atEnd && !followedByCapital) return undefined;
  // "?!" keeps its question mark; "!" and "!!!" become a full stop.
  const replacement = mark.text.startsWith("?") ? "?" : line && atEnd ? "" : ".";
  return { start: mark.start, end: mark.end, text: replacement, safe: true };
}

/**
 * One line's spellings (lower case -> the line's spelling where case is not grammar), per line
 * text: a word never spans a line break and the look back stops at one, so while the caseworker
 * types only the edited line is read anew.
 */
const lineSpellings = memoByText((line: string): Map<string, string> => {
  const map = new Map<string, string>();
  for (const match of line.matchAll(/[\p{L}][\p{L}-]*/gu)) {
    const word = match[0];
    if (!/\p{Ll}/u.test(word) || afterSentenceEdge(line, match.index)) continue;
    const key = word.toLowerCase();
    if (word === key) map.set(key, key);
    else if (!map.has(key)) map.set(key, word);
  }
  return map;
});

type Spelling = (key: string) => string | undefined;

const casings = new WeakMap<Letter, Spelling>();

/**
 * How the letter itself spells each word when it is not shouting: a word seen in lower case
 * mid-sentence is an ordinary word; a word only ever seen capitalised mid-sentence is a name
 * (its first spelling).
 */
function casingOf(letter: Letter): Spelling {
  const cached = casings.get(letter);
  if (cached) return cached;
  const lines = letter.text.split("\n").map(lineSpellings);
  const spelling: Spelling = (key) => {
    let first: string | undefined;
    for (const line of lines) {
      const spelled = line.get(key);
      if (spelled === key) return key;
      first ??= spelled;
    }
    return first;
  };
  casings.set(letter, spelling);
  return spelling;
}

/** At the start of the text, a line, or a sentence: capitalised for grammar, not as a name. */
function afterSentenceEdge(text: string, index: number): boolean {
  let position = index - 1;
  while (position >= 0 && (text[position] === " " || text[position] === "\t")) position--;
  return position < 0 || /[.!?:\n\r"»(-]/u.test(text[position]!);
}

/** unified plugin: reports capitals and exclamation marks, each with a calmer edit. */
export function retextThreatShouting() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    const letter = file.data.letter!;
    for (const sentence of threatSentences(tree, letter)) {
      if (sentence.protected) continue;
      const line = sentence.block.kind === "subject" || sentence.block.kind === "heading";
      for (const hit of detectShouting(sentence.text, letter, line)) {
        const capitals = hit.kind === "capitals";
        const message = capitals
          ? fill(SHOUTING_MESSAGES.capitals, "run", hit.text)
          : SHOUTING_MESSAGES.exclamation;
        const explanation = capitals
          ? SHOUTING_MESSAGES.capitalsExplanation
          : SHOUTING_MESSAGES.exclamationExplanation;
        const details = { severity: "warning", kind: capitals ? "capitals" : "exclamation" };
        const base = {
          ruleId: SHOUTING_RULE,
          severity: "warning" as const,
          message,
          start: sentence.start + hit.start,
          end: sentence.start + hit.end,
          details,
        };
        if (!hit.edit) {
          report(file, { ...base, message: `${message} ${explanation}` });
          continue;
        }
        report(file, {
          ...base,
          suggestion: { text: hit.edit.text, explanation },
          edit: {
            kind: "replace",
            start: sentence.start + hit.edit.start,
            end: sentence.start + hit.edit.end,
            text: hit.edit.text,
            ruleId: SHOUTING_RULE,
          },
          safe: hit.edit.safe,
        });
      }
    }
  };
}
