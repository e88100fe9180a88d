import type { SentenceContent, Word } from "nlcst";
import { toString } from "nlcst-to-string";
import type { Language } from "../../types.js";
import type { Segment } from "./counts.js";
import { lettersIn } from "./counts.js";
import { lemmas } from "../../linguistics/vocabulary.js";
import { ruleData } from "../rule-data.js";

/**
 * Find a natural place to split a long sentence in two: ", og " / ", men " / ", så " (the
 * conjunction starts the new sentence), "; ", and Danish ", hvor <pronoun> <verb>" after a date,
 * time or place (rewritten to verb-second order: ". Her skal du ..."). Both halves must keep at
 * least MIN_PART_WORDS words; the most even split wins.
 */

export const MIN_PART_WORDS = 6;

export interface Split {
  /** Absolute range to replace and its replacement: the minimal tracked change. */
  start: number;
  end: number;
  text: string;
  /** The word or mark the sentence is split at, for the explanation. */
  at: string;
}

interface Rules {
  keep: ReadonlySet<string>;
  noSplitBefore: ReadonlySet<string>;
  relative?: {
    word: string;
    replacement: string;
    pronouns: ReadonlySet<string>;
    adverbs: ReadonlySet<string>;
    finiteVerbs: ReadonlySet<string>;
    finiteSuffixes: readonly string[];
    notVerbs: ReadonlySet<string>;
  };
}

/** The words each language splits at, from the shared vocabularies (src/engine/vocabularies). */
const words = (name: string, language: Language = "da") => new Set(lemmas(name, language));
/** Danish ", hvor ..." -> ". Her ...": the long-sentence rule file's data. */
const relative = ruleData<{ relative: { word: string; replacement: string } }>(
  "readability/long-sentence"
).relative;

const RULES: Record<Language, Rules> = {
  da: {
    keep: words("splitConjunctions"),
    noSplitBefore: words("subclauseOpeners"),
    relative: {
      ...relative,
      pronouns: words("relativeClauseSubjects"),
      adverbs: words("relativeClauseAdverbs"),
      finiteVerbs: words("relativeClauseVerbs"),
      finiteSuffixes: lemmas("relativeClauseVerbEndings"),
      notVerbs: words("notRelativeClauseVerbs"),
    },
  },
  en: {
    keep: words("splitConjunctions", "en"),
    noSplitBefore: words("subclauseOpeners", "en"),
  },
};

export function findSplit(segment: Segment, language: Language): Split | undefined {
  const rules = RULES[language];
  const nodes = segment.sentence.children;
  let wordsBefore = 0;
  let best: Split | undefined;
  let bestBalance = Infinity;

  for (let index = segment.from; index < segment.to; index++) {
    const node = nodes[index]!;
    if (node.type === "WordNode") {
      if (lettersIn(node) >= 0) wordsBefore++;
      continue;
    }
    if (node.type !== "PunctuationNode" || (node.value !== "," && node.value !== ";")) continue;
    if (wordsBefore < MIN_PART_WORDS || segment.words - wordsBefore < MIN_PART_WORDS) continue;
    const balance = Math.abs(segment.words - 2 * wordsBefore);
    if (balance >= bestBalance) continue;
    const split =
      node.value === ";"
        ? splitAtSemicolon(nodes, index)
        : splitAtComma(nodes, index, segment, rules);
    if (!split) continue;
    best = split;
    bestBalance = balance;
  }
  return best;
}

function splitAtSemicolon(nodes: SentenceContent[], index: number): Split | undefined {
  const next = wordAfterSpace(nodes, index + 1);
  if (!next) return undefined;
  const first = toString(next.word);
  const capital = capitalise(first);
  const changesCase = capital !== first;
  return {
    start: startOf(nodes[index]!),
    end: changesCase ? startOf(next.word) + firstCharLength(first) : startOf(next.word),
    text: changesCase ? ". " + capital.slice(0, firstCharLength(capital)) : ". ",
    at: ";",
  };
}

function splitAtComma(
  nodes: SentenceContent[],
  index: number,
  segment: Segment,
  rules: Rules
): Split | undefined {
  const conjunction = wordAfterSpace(nodes, index + 1);
  if (!conjunction || conjunction.index >= segment.to) return undefined;
  const value = toString(conjunction.word);
  const lower = value.toLowerCase();
  const following = wordAfterSpace(nodes, conjunction.index + 1);
  if (!following || following.index >= segment.to) return undefined;

  if (rules.keep.has(lower)) {
    if (rules.noSplitBefore.has(toString(following.word).toLowerCase())) return undefined;
    return {
      start: startOf(nodes[index]!),
      end: endOf(conjunction.word),
      text: ". " + capitalise(value),
      at: lower,
    };
  }

  const relative = rules.relative;
  if (relative && lower === relative.word && isDateOrPlace(nodes, index, segment)) {
    // ", hvor du ikke skal møde" -> ". Her skal du ikke møde": pronoun, adverbs, finite verb.
    const pronoun = following;
    if (!relative.pronouns.has(toString(pronoun.word).toLowerCase())) return undefined;
    const adverbs: string[] = [];
    let verb = wordAfterSpace(nodes, pronoun.index + 1);
    while (
      verb &&
      verb.index < segment.to &&
      relative.adverbs.has(toString(verb.word).toLowerCase())
    ) {
      adverbs.push(toString(verb.word));
      verb = wordAfterSpace(nodes, verb.index + 1);
    }
    if (!verb || verb.index >= segment.to) return undefined;
    const verbText = toString(verb.word);
    if (!isFiniteVerb(verbText.toLowerCase(), relative)) return undefined;
    const reordered = [relative.replacement, verbText, toString(pronoun.word), ...adverbs].join(
      " "
    );
    return {
      start: startOf(nodes[index]!),
      end: endOf(verb.word),
      text: ". " + reordered,
      at: lower,
    };
  }
  return undefined;
}

/** The word before the comma is a number or a capitalised word that does not start the segment. */
function isDateOrPlace(nodes: SentenceContent[], comma: number, segment: Segment): boolean {
  const before = nodes[comma - 1];
  if (before?.type !== "WordNode" || comma - 1 === segment.from) return false;
  const text = toString(before);
  const code = text.charCodeAt(0);
  if (code >= 48 && code <= 57) return true;
  return capitalise(text) === text && text.toLowerCase() !== text;
}

function isFiniteVerb(word: string, relative: NonNullable<Rules["relative"]>): boolean {
  if (relative.finiteVerbs.has(word)) return true;
  if (relative.notVerbs.has(word)) return false;
  return word.length >= 4 && relative.finiteSuffixes.some((suffix) => word.endsWith(suffix));
}

/** The word right after the white-space node at `index`. */
function wordAfterSpace(
  nodes: SentenceContent[],
  index: number
): { word: Word; index: number } | undefined {
  const node = nodes[index + 1];
  return nodes[index]?.type === "WhiteSpaceNode" && node?.type === "WordNode"
    ? { word: node, index: index + 1 }
    : undefined;
}

function capitalise(word: string): string {
  const length = firstCharLength(word);
  return word.slice(0, length).toUpperCase() + word.slice(length);
}

function firstCharLength(word: string): number {
  const code = word.charCodeAt(0);
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1;
}

function startOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}

function endOf(node: { position?: { end: { offset?: number } } }): number {
  return node.position?.end.offset ?? 0;
}
