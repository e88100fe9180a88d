/**
 * The phrase grammar of the rule files (`phrase:` in src/engine/rules/<lang>/<family>/*.yml),
 * compiled into matchers over word tokens. One grammar for every family:
 *
 *   word         a word, case-insensitive ("såfremt"); with a capital it must match exactly ("De")
 *   @vocabulary  any form of a named vocabulary (@months, @benefits ...), from formsOf()
 *   (a|b c)      one of the alternatives, each a sequence of words (a choice of single
 *                lower-case words is one token test: the build writes a rule file's ~lemma as
 *                the choice of all its forms, "~stoppe" -> "(stoppe|stopper|stoppede|...)")
 *   [optional]   the words may be left out
 *   {name}       a slot: one word that the caller's slot test accepts ({v}: an infinitive)
 *   ^            at the very start: only at the start of a sentence (or after a colon, a quote ...)
 *   , ; :        punctuation written next to a word must stand between those words in the text
 *   jf.          a word ending in a full stop (an abbreviation) also matches "jf" + "."
 *
 * Alternatives and optional parts are expanded at compile time into plain sequences, so matching
 * is linear: each element of a sequence tests one token, with no backtracking.
 */
import { formsOf } from "./vocabulary.js";
import { eachWord, isWordTailCodePoint, runEnd } from "../util/word-scan.js";

/** One word of a text, with absolute offsets into that text. */
export interface PhraseToken {
  /** As written ("Såfremt", "jf", "CPR-nummer"). */
  text: string;
  lower: string;
  start: number;
  end: number;
}

export type PhraseElement =
  | { kind: "word"; text: string; exact: boolean; gapBefore: string }
  | { kind: "set"; name: string; forms: ReadonlySet<string>; gapBefore: string }
  | { kind: "slot"; name: string; gapBefore: string };

/** One linear reading of a phrase: what each token in turn must be. */
export type PhraseSequence = readonly PhraseElement[];

export interface CompiledPhrase {
  /** The phrase as written in the rule file. */
  source: string;
  sentenceInitial: boolean;
  /** Every reading, longest first. */
  sequences: PhraseSequence[];
}

export interface PhraseOptions {
  /** The forms of a named vocabulary (default: formsOf from the generated vocabularies). */
  vocabulary?: (name: string) => ReadonlySet<string>;
  language?: "da" | "en";
}

/** A match of one sequence at one token. */
export interface PhraseMatch {
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** The token each slot took, by slot name. */
  slots: Map<string, PhraseToken>;
}

/** Which words a slot may take; a phrase with a slot the caller does not know never matches. */
export type SlotTests = Readonly<Record<string, (token: PhraseToken) => boolean>>;

/** Expanding (a|b) and [c] multiplies readings; a phrase needing more is a mistake in the data. */
const MAX_SEQUENCES = 64;

type Node = { kind: "atom"; piece: string } | { kind: "choice"; options: Node[][] };

/** Split a phrase into atoms (a word with its punctuation) and choices ((a|b), [a] = (a|)). */
function parseNodes(
  source: string,
  text: string,
  from: number,
  closer: string
): [Node[][], number] {
  const options: Node[][] = [[]];
  let index = from;
  let atom = "";
  const flush = () => {
    if (atom) options[options.length - 1]!.push({ kind: "atom", piece: atom });
    atom = "";
  };
  while (index < text.length) {
    const char = text[index]!;
    if (char === "(" || char === "[") {
      flush();
      const [inner, next] = parseNodes(source, text, index + 1, char === "(" ? ")" : "]");
      if (char === "[") inner.push([]);
      options[options.length - 1]!.push({ kind: "choice", options: inner });
      index = next;
      continue;
    }
    if (char === ")" || char === "]") {
      if (char !== closer) throw new Error(`phrase "${source}": unexpected "${char}"`);
      flush();
      return [options, index + 1];
    }
    if (char === "|") {
      if (!closer) throw new Error(`phrase "${source}": "|" outside ( )`);
      flush();
      options.push([]);
    } else if (/\s/u.test(char)) flush();
    else atom += char;
    index++;
  }
  if (closer) throw new Error(`phrase "${source}": missing "${closer}"`);
  flush();
  return [options, index];
}

/** Marks a piece that stands for a set of lower-case words: "(a|b|c)" read as one token test. */
const SET_PIECE = "\u0001";
const PLAIN_WORD = /^[\p{Ll}\p{N}][\p{Ll}\p{N}'’-]*$/u;

/**
 * A choice between single lower-case words ("(stopper|stoppet)", a lemma's forms) is one token
 * test, not one reading per word: readings stay few and matching stays linear.
 */
function wordChoice(node: Node & { kind: "choice" }): string | undefined {
  const words: string[] = [];
  for (const option of node.options) {
    const only = option.length === 1 ? option[0] : undefined;
    if (only?.kind !== "atom" || !PLAIN_WORD.test(only.piece)) return undefined;
    words.push(only.piece);
  }
  return words.length > 1 ? SET_PIECE + words.join("|") : undefined;
}

/** Every linear reading of a node list, as lists of atoms. */
function readings(source: string, nodes: readonly Node[]): string[][] {
  let out: string[][] = [[]];
  for (const node of nodes) {
    const set = node.kind === "choice" ? wordChoice(node) : undefined;
    if (node.kind === "atom" || set) {
      const piece = set ?? (node as { piece: string }).piece;
      out = out.map((reading) => [...reading, piece]);
      continue;
    }
    const alternatives = node.options.flatMap((option) => readings(source, option));
    out = out.flatMap((reading) => alternatives.map((alternative) => [...reading, ...alternative]));
    if (out.length > MAX_SEQUENCES)
      throw new Error(`phrase "${source}": more than ${MAX_SEQUENCES} readings`);
  }
  return out;
}

const PIECE = /^([^\p{L}\p{N}{@§]*)(.*?)([,;:]*)$/u;
const SLOT = /^\{([a-z]+)\}$/u;
const VOCABULARY = /^@([a-zA-Z]+)$/u;

function toSequence(
  source: string,
  pieces: readonly string[],
  options: PhraseOptions
): PhraseElement[] {
  const elements: PhraseElement[] = [];
  let gap = "";
  for (const piece of pieces) {
    if (piece.startsWith(SET_PIECE)) {
      const words = piece.slice(1).split("|");
      elements.push({
        kind: "set",
        name: `(${words.join("|")})`,
        forms: new Set(words),
        gapBefore: gap,
      });
      gap = "";
      continue;
    }
    // Punctuation after a group ("(a|b), at") belongs to the gap before the next word.
    if (elements.length > 0 && /^[,;:]+$/u.test(piece)) {
      gap += piece;
      continue;
    }
    const parts = PIECE.exec(piece);
    if (!parts || !parts[2]) throw new Error(`phrase "${source}": cannot read "${piece}"`);
    const [, leading = "", word = "", trailing = ""] = parts;
    gap += leading;
    const slot = SLOT.exec(word);
    const vocabulary = VOCABULARY.exec(word);
    if (slot) elements.push({ kind: "slot", name: slot[1]!, gapBefore: gap });
    else if (vocabulary) {
      const name = vocabulary[1]!;
      const forms = options.vocabulary
        ? options.vocabulary(name)
        : formsOf(name, options.language ?? "da");
      elements.push({ kind: "set", name, forms, gapBefore: gap });
    } else {
      const exact = word !== word.toLowerCase();
      elements.push({
        kind: "word",
        text: exact ? word : word.toLowerCase(),
        exact,
        gapBefore: gap,
      });
    }
    gap = trailing;
  }
  if (elements.length === 0) throw new Error(`phrase "${source}": no words`);
  if (elements[0]!.kind === "slot") throw new Error(`phrase "${source}" must start with a word`);
  return elements;
}

/** Compile a phrase of the rule-file grammar (see the top of this file). Throws on bad syntax. */
export function compilePhrase(source: string, options: PhraseOptions = {}): CompiledPhrase {
  let text = source.trim();
  const sentenceInitial = text.startsWith("^");
  if (sentenceInitial) text = text.slice(1);
  const [nodes] = parseNodes(source, text, 0, "");
  const sequences = nodes
    .flatMap((option) => readings(source, option))
    .map((pieces) => toSequence(source, pieces, options))
    .sort((a, b) => b.length - a.length);
  return { source, sentenceInitial, sequences };
}

/** The lower-case words a sequence can start with (for indexing by first token). */
export function firstWords(sequence: PhraseSequence): string[] {
  const first = sequence[0]!;
  if (first.kind === "word") return [first.text.toLowerCase()];
  if (first.kind === "set") return [...first.forms];
  return [];
}

const OPENERS = new Set([":", "(", "«", "»", '"', "“", "„", "'", "–", "—", "-"]);

/**
 * Whether token `index` starts a sentence, or starts something that reads like one: after a
 * colon, an opening bracket, a quote or a dash ("VIGTIGT: Det bemærkes ...").
 */
export function atSentenceStart(
  tokens: readonly PhraseToken[],
  index: number,
  text: string
): boolean {
  if (index === 0) return true;
  const previous = tokens[index - 1]!;
  const gap = text.slice(previous.end, tokens[index]!.start).trim();
  return gap.length > 0 && OPENERS.has(gap[gap.length - 1]!);
}

/** The text between two words, white space aside, must be the phrase's punctuation (usually none). */
function gapFits(text: string, from: number, to: number, wanted: string): boolean {
  if (to - from === 1 && wanted === "" && text.charCodeAt(from) === 32) return true;
  return text.slice(from, to).replace(/\s+/gu, "") === wanted;
}

/**
 * Match one sequence at token `first`. `text` is the text the token offsets point into; `slots`
 * says which words each {slot} may take.
 */
export function matchSequence(
  sequence: PhraseSequence,
  tokens: readonly PhraseToken[],
  first: number,
  text: string,
  slots: SlotTests = {}
): PhraseMatch | undefined {
  // Made on the first slot taken: most tries fail at their first words, and a Map per try was
  // about 7% of what a fresh analysis allocates.
  let taken: Map<string, PhraseToken> | undefined;
  let end = 0;
  for (let offset = 0; offset < sequence.length; offset++) {
    const want = sequence[offset]!;
    const token = tokens[first + offset];
    if (!token) return undefined;
    if (offset > 0 && !gapFits(text, tokens[first + offset - 1]!.end, token.start, want.gapBefore))
      return undefined;
    end = token.end;
    if (want.kind === "slot") {
      const test = slots[want.name];
      if (!test || !test(token)) return undefined;
      (taken ??= new Map()).set(want.name, token);
    } else if (want.kind === "set") {
      if (!want.forms.has(token.lower)) return undefined;
    } else if (want.exact) {
      if (token.text !== want.text) return undefined;
    } else if (token.lower !== want.text) {
      // "jf." at a sentence end: parse-latin leaves the full stop outside the word.
      const split =
        want.text.endsWith(".") && `${token.lower}.` === want.text && text[token.end] === ".";
      if (!split) return undefined;
      end = token.end + 1;
    }
  }
  return {
    start: tokens[first]!.start,
    end,
    tokenStart: first,
    tokenEnd: first + sequence.length,
    slots: taken ?? new Map(),
  };
}

/** Match a compiled phrase at token `first`: its longest reading that fits. */
export function matchPhrase(
  phrase: CompiledPhrase,
  tokens: readonly PhraseToken[],
  first: number,
  text: string,
  slots: SlotTests = {}
): PhraseMatch | undefined {
  if (phrase.sentenceInitial && !atSentenceStart(tokens, first, text)) return undefined;
  for (const sequence of phrase.sequences) {
    const match = matchSequence(sequence, tokens, first, text, slots);
    if (match) return match;
  }
  return undefined;
}

/** One reading of one phrase in a PhraseIndex, with the caller's payload. */
export interface IndexedSequence<T> {
  phrase: CompiledPhrase;
  sequence: PhraseSequence;
  payload: T;
}

/**
 * Many phrases, indexed by their first word: `find` walks a sentence once, left to right, and at
 * each token tries the candidates longest first. Matches never overlap.
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, IndexedSequence<T>[]>();

  /**
   * @param order ties between readings of equal length (default: fewer slots first, then
   *   sentence-initial readings, then the longer source).
   */
  constructor(
    items: Iterable<{ phrase: CompiledPhrase; payload: T }>,
    order?: (a: IndexedSequence<T>, b: IndexedSequence<T>) => number
  ) {
    for (const { phrase, payload } of items) {
      for (const sequence of phrase.sequences) {
        for (const word of firstWords(sequence)) {
          const list = this.byFirst.get(word) ?? [];
          list.push({ phrase, sequence, payload });
          this.byFirst.set(word, list);
        }
      }
    }
    const tie = order ?? defaultOrder;
    for (const list of this.byFirst.values())
      list.sort((a, b) => b.sequence.length - a.sequence.length || tie(a, b));
  }

  /** The candidates whose first element can be this token. */
  candidates(token: PhraseToken, text: string): readonly IndexedSequence<T>[] | undefined {
    return (
      this.byFirst.get(token.lower) ??
      // "jf" + "." at a sentence end: parse-latin leaves the full stop outside the word.
      (text[token.end] === "." ? this.byFirst.get(`${token.lower}.`) : undefined)
    );
  }

  /**
   * Every match in `tokens`, left to right, never overlapping. `accept` may turn a grammatical
   * match down (a rule's own condition); the next candidate is tried then.
   */
  find<R = PhraseMatch & { item: IndexedSequence<T> }>(
    tokens: readonly PhraseToken[],
    text: string,
    options: {
      slots?: SlotTests;
      accept?: (match: PhraseMatch, item: IndexedSequence<T>) => R | undefined;
    } = {}
  ): R[] {
    const out: R[] = [];
    for (let index = 0; index < tokens.length; index++) {
      const candidates = this.candidates(tokens[index]!, text);
      if (!candidates) continue;
      for (const item of candidates) {
        if (item.phrase.sentenceInitial && !atSentenceStart(tokens, index, text)) continue;
        const match = matchSequence(item.sequence, tokens, index, text, options.slots);
        if (!match) continue;
        const result = options.accept
          ? options.accept(match, item)
          : ({ ...match, item } as unknown as R);
        if (result === undefined) continue;
        out.push(result);
        index = match.tokenEnd - 1;
        break;
      }
    }
    return out;
  }
}

function defaultOrder<T>(a: IndexedSequence<T>, b: IndexedSequence<T>): number {
  const slots = (item: IndexedSequence<T>) =>
    item.sequence.filter((element) => element.kind === "slot").length;
  return (
    slots(a) - slots(b) ||
    Number(b.phrase.sentenceInitial) - Number(a.phrase.sentenceInitial) ||
    b.phrase.source.length - a.phrase.source.length
  );
}

/**
 * Word tokens of a plain text, for callers without an nlcst tree: `/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*\/gu`
 * with trailing hyphens and apostrophes cut, scanned without the pattern (every new sentence is
 * read here; a match object per word, and V8 compiles the pattern again after an idle pause).
 * Like parse-latin, an abbreviation's full stop stays outside the word ("jf" + "."), which
 * phrases handle.
 */
export function wordTokens(text: string): PhraseToken[] {
  const tokens: PhraseToken[] = [];
  eachWord(text, wordTailEnd, (start, end) => {
    // Trailing hyphens and apostrophes are not part of the word (its first character is a
    // letter or digit, so something is always left).
    let stop = end;
    while (isTrailingMark(text.charCodeAt(stop - 1))) stop--;
    const word = text.slice(start, stop);
    tokens.push({ text: word, lower: word.toLowerCase(), start, end: stop });
  });
  return tokens;
}

function wordTailEnd(text: string, start: number): number {
  return runEnd(text, start, isWordTailCodePoint);
}

function isTrailingMark(code: number): boolean {
  return code === 0x2d || code === 0x27 || code === 0x2019;
}
