import { formsOf } from "../../linguistics/vocabulary.js";
import { matchersOf, type Matcher } from "../matchers.js";
import { agree, imperative } from "./grammar.js";
import {
  compilePhrase,
  PhraseIndex,
  type CompiledPhrase,
  type PhraseMatch,
  type PhraseToken,
  type SlotTests,
} from "../../linguistics/phrase.js";
import {
  atSentenceStart,
  capitalise,
  isCapitalised,
  isUpperCase,
  memoByTokens,
  type Token,
} from "./tokens.js";

/**
 * A variant's suggestion: a concrete swap, advice only (null), a swap with its own safety, or
 * advice in the form's own word class and inflection ("ophør" -> "stop", never the verb "stoppe").
 */
export type FormValue =
  string | null | { replacement: string; safe: boolean } | { replacement: null; advice: string };

/**
 * One detection entry of plain/officialese (`matchers:` in src/engine/rules/da/plain/officialese.yml;
 * rule.schema.json describes every property). Word lists may name @vocabularies.
 */
export interface OfficialeseEntry extends Matcher {
  id: string;
  phrase: string;
  /** The plain alternative; null: the phrase itself gets advice only (its variants may swap). */
  suggest: string | null;
  reason: string;
  safe: boolean;
  advice?: string;
  variants?: Record<string, FormValue>;
  agree?: [string, string, string];
  followedBy?: string[];
  mainClauseAfter?: boolean;
  /** Words before the match that change its word class or voice: advice only after them. */
  notAfter?: string[];
  /** Words after the match (a § or a law) that make the swap unsafe: a legal citation. */
  unsafeBefore?: string[];
  /** Words before the match that make it a general term: no finding ("offentlige ydelser"). */
  skipAfter?: string[];
  /** Words after the match that need another construction ("meddelelse af"): advice only. */
  adviceBefore?: string[];
}

/** An entry's word lists with every @vocabulary expanded to its forms, lower-case. */
interface EntryWords {
  followedBy?: ReadonlySet<string>;
  notAfter?: ReadonlySet<string>;
  unsafeBefore?: ReadonlySet<string>;
  skipAfter?: ReadonlySet<string>;
  adviceBefore?: ReadonlySet<string>;
}

function wordSet(list: readonly string[] | undefined): ReadonlySet<string> | undefined {
  if (!list) return undefined;
  const out = new Set<string>();
  for (const word of list) {
    if (word.startsWith("@")) for (const form of formsOf(word.slice(1))) out.add(form);
    else out.add(word.toLowerCase());
  }
  return out;
}

function entryWords(entry: OfficialeseEntry): EntryWords {
  const words: EntryWords = {};
  for (const key of [
    "followedBy",
    "notAfter",
    "unsafeBefore",
    "skipAfter",
    "adviceBefore",
  ] as const) {
    const set = wordSet(entry[key]);
    if (set) words[key] = set;
  }
  return words;
}

/** A phrase or form compiled for matching. */
export interface Pattern {
  entry: OfficialeseEntry;
  /** The entry's word lists, expanded (shared by its patterns). */
  words: EntryWords;
  /** The form as written in the data file. */
  source: string;
  phrase: CompiledPhrase;
  /** Concrete replacement template, or null for advice only. */
  replacement: string | null;
  safe: boolean;
  /** Advice for this form when it differs from the entry's (a noun form's noun). */
  advice?: string;
}

export interface CompiledLexicon {
  entries: OfficialeseEntry[];
  patterns: Pattern[];
  index: PhraseIndex<Pattern>;
}

export interface LexiconMatch {
  pattern: Pattern;
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  /** The matched text as written. */
  text: string;
  /** The concrete replacement for [start, end), or undefined when only advice can be given. */
  replacement?: string;
  /** The edit range when it differs from the match (a deletion also takes the following space). */
  editStart: number;
  editEnd: number;
  /** Advice text when there is no concrete replacement. */
  advice: string;
  safe: boolean;
}

/** Words a {v} slot must not take (adverbs, particles) even though they end in a vowel. */
const NOT_INFINITIVE = formsOf("nonInfinitives");

/** Pronouns a {w} slot must not take: their forms need their own variants (dig -> du). */
const NOT_NOUN = formsOf("nonNouns");

function validate(entry: OfficialeseEntry, index: number): void {
  const where = `officialese entry ${index} (${entry.id ?? "no id"})`;
  for (const field of ["id", "phrase", "reason"] as const) {
    if (typeof entry[field] !== "string" || !entry[field].trim())
      throw new Error(`${where}: missing ${field}`);
  }
  if (entry.suggest === undefined) throw new Error(`${where}: missing suggest`);
  if (entry.suggest === null && !entry.advice)
    throw new Error(`${where}: advice only needs advice`);
  if (typeof entry.safe !== "boolean") throw new Error(`${where}: missing safe`);
  if (entry.agree && entry.agree.length !== 3) throw new Error(`${where}: agree needs three forms`);
}

/** Compile the lexicon once: every phrase and form becomes a pattern in one phrase index. */
export function compileLexicon(entries: readonly OfficialeseEntry[]): CompiledLexicon {
  const patterns: Pattern[] = [];
  const add = (
    entry: OfficialeseEntry,
    words: EntryWords,
    source: string,
    replacement: string | null,
    safe: boolean,
    advice?: string
  ) => {
    const phrase = compilePhrase(source);
    const hasSlot = phrase.sequences.some((sequence) =>
      sequence.some((element) => element.kind === "slot")
    );
    // A swap that depends on the following noun or on a slot is never safe in bulk.
    const isSafe = safe && replacement !== null && !hasSlot && !entry.agree;
    const pattern: Pattern = { entry, words, source, phrase, replacement, safe: isSafe };
    if (advice !== undefined) pattern.advice = advice;
    patterns.push(pattern);
  };
  entries.forEach((entry, index) => {
    validate(entry, index);
    const words = entryWords(entry);
    add(entry, words, entry.phrase, entry.suggest, entry.safe);
    for (const [form, value] of Object.entries(entry.variants ?? {})) {
      if (value === null) add(entry, words, form, null, false);
      else if (typeof value === "string") add(entry, words, form, value, entry.safe);
      else if (value.replacement === null) add(entry, words, form, null, false, value.advice);
      else add(entry, words, form, value.replacement, value.safe);
    }
  });
  const index = new PhraseIndex(
    patterns.map((pattern) => ({ phrase: pattern.phrase, payload: pattern }))
  );
  return { entries: [...entries], patterns, index };
}

export const OFFICIALESE_ENTRIES: readonly OfficialeseEntry[] =
  matchersOf<OfficialeseEntry>("plain/officialese");

const SENTENCE_ADVERBS: ReadonlySet<string> = formsOf("sentenceAdverbs");
const CLAUSE_END = /[,;:.!?]/u;
const COORDINATORS = formsOf("coordinators");
const COMPLEMENTIZERS = formsOf("complementizers");

/**
 * Deleting "Det bemærkes, at" makes the at-clause a main clause. That only works when no sentence
 * adverb sits in the clause (subordinate "at du ikke kan" vs main "du kan ikke") and the sentence
 * does not go on with a coordinated "og at ..." that referred back to the deleted verb.
 */
function canBecomeMainClause(tokens: readonly Token[], from: number, text: string): boolean {
  let inClause = true;
  for (let index = from; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (index > from && CLAUSE_END.test(text.slice(tokens[index - 1]!.end, token.start)))
      inClause = false;
    if (inClause && SENTENCE_ADVERBS.has(token.lower)) return false;
    if (COMPLEMENTIZERS.has(token.lower) && COORDINATORS.has(tokens[index - 1]?.lower ?? ""))
      return false;
  }
  return true;
}

let compiled: CompiledLexicon | undefined;

/** The built-in Danish lexicon, compiled on first use. */
export function officialeseLexicon(): CompiledLexicon {
  return (compiled ??= compileLexicon(OFFICIALESE_ENTRIES));
}

/**
 * All lexicon matches in a sentence, left to right, never overlapping; at each word the longest
 * pattern wins. `text` is the letter text the token offsets point into.
 */
export function findOfficialese(
  lexicon: CompiledLexicon,
  tokens: readonly Token[],
  text: string
): LexiconMatch[] {
  return lexicon.index.find(tokens, text, {
    slots: SLOTS,
    accept: (match, item) => accept(item.payload, match, tokens, text),
  });
}

/**
 * The built-in lexicon's matches for a sentence's tokens, computed once per sentence: the
 * officialese rule reports them, and the formal-address and passive rules avoid overlapping them.
 */
export const officialeseMatches: (tokens: readonly Token[], text: string) => LexiconMatch[] =
  memoByTokens(
    (tokens, text) => findOfficialese(officialeseLexicon(), tokens, text),
    (matches, by) => matches.map((match) => moveMatch(match, by))
  );

function moveMatch(match: LexiconMatch, by: number): LexiconMatch {
  return {
    ...match,
    start: match.start + by,
    end: match.end + by,
    editStart: match.editStart + by,
    editEnd: match.editEnd + by,
  };
}

/** The entry's own conditions on a grammatical match, and the replacement it gets. */
function accept(
  pattern: Pattern,
  found: PhraseMatch,
  tokens: readonly Token[],
  text: string
): LexiconMatch | undefined {
  const { tokenStart: first, tokenEnd, end, slots } = found;
  const next = tokens[tokenEnd];
  const { followedBy, notAfter, skipAfter, adviceBefore } = pattern.words;
  if (followedBy && !(next && endsWithAny(next.lower, followedBy))) return undefined;

  const start = tokens[first]!.start;
  const previous = tokens[first - 1];
  if (previous && skipAfter?.has(previous.lower)) return undefined;
  const matched = text.slice(start, end);
  const match: LexiconMatch = {
    pattern,
    start,
    end,
    tokenStart: first,
    tokenEnd,
    text: matched,
    editStart: start,
    editEnd: end,
    advice: pattern.advice ?? pattern.entry.advice ?? pattern.entry.suggest ?? "",
    safe: false,
  };
  let template = pattern.replacement;
  if (previous && notAfter?.has(previous.lower) && adjacentWords(text, previous.end, start)) {
    template = null;
  }
  if (template !== null && pattern.entry.agree) {
    template = next ? (agree(pattern.entry.agree, next.lower) ?? null) : null;
  }
  if (next && adviceBefore?.has(next.lower)) template = null;
  if (
    template === "" &&
    pattern.entry.mainClauseAfter &&
    !canBecomeMainClause(tokens, tokenEnd, text)
  ) {
    template = null;
  }
  if (template === null) return match;

  const capital =
    isCapitalised(matched) && (!firstIsExact(pattern) || atSentenceStart(tokens, first, text));
  let replacement = fillSlots(template, slots);
  if (isUpperCase(matched)) replacement = replacement.toUpperCase();
  else if (capital) replacement = capitalise(replacement);

  if (replacement === "") {
    // A deletion takes the following space, and hands a sentence-start capital to the next word.
    // Only up to the next word of the sentence: past the last word lies the block's end.
    const rest = /^\s+/u.exec(text.slice(end, next ? next.start : end));
    match.editEnd = end + (rest ? rest[0].length : 0);
    const following = text[match.editEnd];
    if (capital && following && following !== following.toUpperCase()) {
      replacement = following.toUpperCase();
      match.editEnd += 1;
    }
  }
  match.replacement = replacement;
  match.safe = pattern.safe && !beforeCitation(pattern.words, text, end);
  return match;
}

/** Whether the word after `end` is one of the entry's `unsafeBefore` words (a § or a law). */
function beforeCitation(words: EntryWords, text: string, end: number): boolean {
  if (!words.unsafeBefore) return false;
  const next = /^\s*(§|[\p{L}-]+)/u.exec(text.slice(end, end + 60))?.[1]?.toLowerCase();
  return next !== undefined && endsWithAny(next, words.unsafeBefore);
}

/** Only white space or a comma between two words ("spørgsmålet om, hvorvidt"). */
function adjacentWords(text: string, from: number, to: number): boolean {
  return /^[\s,]+$/u.test(text.slice(from, to));
}

function firstIsExact(pattern: Pattern): boolean {
  const first = pattern.phrase.sequences[0]?.[0];
  return first?.kind === "word" && first.exact;
}

/** One of the words, or a compound whose last part is one of four letters or more (jobsamtaler). */
function endsWithAny(word: string, words: ReadonlySet<string>): boolean {
  if (words.has(word)) return true;
  for (const tail of words) if (tail.length >= 4 && word.endsWith(tail)) return true;
  return false;
}

const SIMPLE_WORD = /^\p{L}[\p{L}-]*$/u;

/** {v}: an infinitive (a lower-case word ending in a vowel); {w}: a noun-like word. */
const SLOTS: SlotTests = {
  v: (token) =>
    SIMPLE_WORD.test(token.text) &&
    token.text === token.lower &&
    /[aeiouyæøå]$/u.test(token.lower) &&
    !NOT_INFINITIVE.has(token.lower),
  w: (token) => SIMPLE_WORD.test(token.text) && !NOT_NOUN.has(token.lower),
};

function fillSlots(template: string, slots: Map<string, PhraseToken>): string {
  if (!template.includes("{")) return template;
  return template.replace(/\{(v|w)(\|imp)?\}/gu, (_, name: string, transform?: string) => {
    const token = slots.get(name);
    if (!token) throw new Error(`officialese: slot {${name}} is not in the phrase`);
    return transform ? imperative(token.lower) : name === "v" ? token.lower : token.text;
  });
}
