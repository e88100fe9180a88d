import type { Root, Sentence } from "nlcst";
import type { VFile } from "vfile";
import { isProtected, type Block, type BlockKind, type Letter } from "../../letter/model.js";
import { eachSentence, endOf, startOf } from "../../nlcst/traverse.js";
import type { PhraseToken } from "../../linguistics/phrase.js";

/** One word of a sentence, with absolute offsets into the letter text. */
export type Token = PhraseToken;

export interface PlainSentence {
  sentence: Sentence;
  block: Block;
  blockIndex: number;
  tokens: Token[];
}

/**
 * Blocks the plain-language rules read: the caseworker's prose, headings and the subject line.
 * Address, date, greeting, closing and signature lines hold names and addresses, not prose.
 * Protected legal blocks are skipped entirely: their wording is approved, the caseworker cannot
 * change it, so a finding there is noise and must not count against the letter.
 */
const PLAIN_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>([
  "paragraph",
  "listItem",
  "subject",
  "heading",
]);

/** Whether the plain rules apply to this file at all: Danish letters only. */
export function isDanishLetter(file: VFile): file is VFile & { data: { letter: Letter } } {
  return file.data.language === "da" && file.data.letter !== undefined;
}

/**
 * A sentence's tokens, and the sentence's start offset they were read at, kept on the sentence
 * node itself (not enumerable: trees compare and serialise as before). A WeakMap keyed by the
 * sentences, which are new in every fresh analysis, grew and rehashed its ephemeron table on
 * each insertion (about 2 µs each).
 */
const TOKENS = Symbol("tokens");
interface TokenCache {
  at: number;
  tokens: Token[];
}
type CachingSentence = Sentence & { [TOKENS]?: TokenCache };

function cachedTokens(sentence: Sentence): TokenCache | undefined {
  return (sentence as CachingSentence)[TOKENS];
}

function cacheTokens(sentence: Sentence, cache: TokenCache): void {
  Object.defineProperty(sentence, TOKENS, { value: cache, writable: true, configurable: true });
}

/**
 * What a token list carries for memoByTokens, as properties of the list itself: a WeakMap keyed
 * by lists that are new on every edit grows and rehashes on each insertion, which cost more than
 * the lookups saved (several ms per edit of a 10-page letter, right after idle).
 */
const MOVED = Symbol("moved");
const DERIVED = Symbol("derived");
interface TokenList {
  /** This list is `from` moved by `by` characters: the same words of the same sentence. */
  [MOVED]?: { from: TokenList; by: number };
  /** memoByTokens results, by memo. */
  [DERIVED]?: unknown[];
}

/**
 * The word tokens of a sentence (cached: all four rules read them). Positions are absolute, so a
 * word's text is a slice of the letter text, which is much faster than serialising the node.
 * The incremental analyser keeps a block's nodes when the block moves (an edit before it): the
 * tokens then move with it, and what memoByTokens derived from them moves too.
 */
export function tokensOf(sentence: Sentence, text: string): Token[] {
  const at = startOf(sentence);
  const cached = cachedTokens(sentence);
  if (cached && cached.at === at) return cached.tokens;
  let tokens: Token[];
  if (cached) {
    const by = at - cached.at;
    tokens = cached.tokens.map((token) => ({
      text: token.text,
      lower: token.lower,
      start: token.start + by,
      end: token.end + by,
    }));
    const from = cached.tokens as TokenList;
    // One link back only: a chain of every earlier edit's lists would never be freed.
    from[MOVED] = undefined;
    (tokens as TokenList)[MOVED] = { from, by };
  } else {
    tokens = [];
    for (const node of sentence.children) {
      if (node.type !== "WordNode") continue;
      const start = startOf(node);
      const end = endOf(node);
      const word = text.slice(start, end);
      tokens.push({ text: word, lower: word.toLowerCase(), start, end });
    }
  }
  cacheTokens(sentence, { at, tokens });
  return tokens;
}

let memos = 0;

/**
 * A per-sentence result computed from the sentence's tokens (and the letter text inside the
 * sentence), once per token list. When the tokens are an earlier list moved by an edit before the
 * sentence, the earlier result is moved by `move` (results without offsets need none). Results
 * are objects (never undefined).
 */
export function memoByTokens<T extends object>(
  compute: (tokens: readonly Token[], text: string) => T,
  move: (value: T, by: number) => T = (value) => value
): (tokens: readonly Token[], text: string) => T {
  const slot = memos++;
  return (tokens, text) => {
    const list = tokens as TokenList;
    const derived = (list[DERIVED] ??= []);
    const hit = derived[slot] as T | undefined;
    if (hit !== undefined) return hit;
    const moved = list[MOVED];
    const earlier = moved?.from[DERIVED]?.[slot] as T | undefined;
    const value = earlier !== undefined ? move(earlier, moved!.by) : compute(tokens, text);
    derived[slot] = value;
    return value;
  };
}

const sentenceCache = new WeakMap<Root, { letter: Letter; sentences: readonly PlainSentence[] }>();

/**
 * Every sentence the plain rules read, in document order. Collected once per tree and letter:
 * all four plain rules walk the same sentences.
 */
export function plainSentences(tree: Root, letter: Letter): readonly PlainSentence[] {
  const cached = sentenceCache.get(tree);
  if (cached && cached.letter === letter) return cached.sentences;
  const result: PlainSentence[] = [];
  eachSentence(tree, letter, ({ sentence, block, blockIndex }) => {
    if (isProtected(block) || !PLAIN_KINDS.has(block.kind)) return;
    result.push({ sentence, block, blockIndex, tokens: tokensOf(sentence, letter.text) });
  });
  sentenceCache.set(tree, { letter, sentences: result });
  return result;
}

export { atSentenceStart } from "../../linguistics/phrase.js";

/** Whether only white space separates two tokens. */
export function adjacent(text: string, left: Token, right: Token): boolean {
  return /^\s+$/u.test(text.slice(left.end, right.start));
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "SÅFREMT" is upper case; "De" and "CV" are not treated as shouting below two letters. */
export function isUpperCase(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, "");
  return (
    letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
  );
}
