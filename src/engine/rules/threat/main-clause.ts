import { alternation, formsOf, lemmas } from "../../linguistics/vocabulary.js";
import { fragmentSource } from "./patterns.js";

/**
 * Danish word order when an at-clause becomes a main clause (V2). In the subordinate clause the
 * adverbials stand before the finite verb; in the main clause the finite verb follows the subject:
 *   "at du ikke kan komme"                       -> "du kan ikke komme"
 *   "at du i denne forbindelse modtager hjælp"   -> "du modtager i denne forbindelse hjælp"
 *   "at din hjælp ikke kan udbetales"            -> "din hjælp kan ikke udbetales"
 *   "at udeblivelse fra samtalen vil medføre"    -> unchanged (no adverbial before the verb)
 *   "at hvis du udebliver, ..."                  -> unchanged (a fronted condition keeps its order)
 * When the verb cannot be found with confidence the result is `certain: false` and callers offer
 * no mechanical edit: a wrong word order is worse than no suggestion.
 */

// The word classes live in src/engine/vocabularies/da (@sentenceAdverbs, @personalPronouns ...).
const ADVERBS: ReadonlySet<string> = formsOf("sentenceAdverbs");
const PRONOUNS: ReadonlySet<string> = formsOf("personalPronouns");
const DETERMINERS: ReadonlySet<string> = formsOf("determiners");
const PREPOSITIONS: ReadonlySet<string> = formsOf("prepositions");
const FINITE: ReadonlySet<string> = formsOf("finiteVerbs");
const FINITE_ENDING = new RegExp(`\\p{L}{2,}(?:${lemmas("finiteEndings").join("|")})$`, "u");
const SUBORDINATOR = new RegExp(
  `^(?:${lemmas("subordinators").map(escapeWords).join("|")})(?![\\p{L}])`,
  "iu"
);
const PHRASES = lemmas("adverbialPhrases").map((phrase) => phrase.split(" "));

/** A vocabulary entry as regex source: its characters literal, a space any white space. */
function escapeWords(words: string): string {
  return fragmentSource(words.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"));
}
/** Words, and numbers with their inner and ordinal dots ("10.", "2.14", "2026"). */
const TOKEN = /[\p{L}][\p{L}-]*|\d+(?:[.,:]\d+)*\.?/uy;
const COMPLEMENTIZER = alternation("complementizers");
/** "..., og at ...": a coordinator that joins main clauses (@clauseCoordinators) and an at-clause. */
const COORDINATED_AT = new RegExp(
  `,?\\s+(?:${alternation("clauseCoordinators")})\\s+((?:${COMPLEMENTIZER})\\s+)`,
  "iu"
);
const NESTED_AT = new RegExp(`,\\s*(?:${COMPLEMENTIZER})\\s`, "iu");
const MAX_TOKENS = 16;

export interface Rewritten {
  /** Characters of the input that the rewrite replaces (a prefix of it). */
  length: number;
  text: string;
  /** False when the clause's structure was not recognised: do not offer the edit. */
  certain: boolean;
}

interface Token {
  word: string;
  lower: string;
  start: number;
  end: number;
}

const UNCHANGED: Rewritten = { length: 0, text: "", certain: true };
const UNSURE: Rewritten = { length: 0, text: "", certain: false };

/** Main-clause word order for the start of `clause` (the text right after "at "). */
export function toMainClause(clause: string): Rewritten {
  if (SUBORDINATOR.test(clause.trimStart())) return UNCHANGED;
  const tokens = leadingTokens(clause);
  const first = tokens[0];
  if (!first) return UNSURE;
  const pronoun =
    PRONOUNS.has(first.lower) && !(DETERMINERS.has(first.lower) && startsNounPhrase(tokens[1]));
  return pronoun ? afterPronoun(clause, tokens) : afterNounPhrase(clause, tokens);
}

/** "du [adverbials] VERB" -> "du VERB [adverbials]". */
function afterPronoun(clause: string, tokens: Token[]): Rewritten {
  const next = tokens[1];
  if (!next) return UNSURE;
  if (isFinite(next, true)) return UNCHANGED;
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index]!;
    const previousIsAdverbial = index > 1 && adverbialEndsAt(tokens, index - 1);
    if (isFinite(token, previousIsAdverbial)) return moveVerb(clause, tokens[0]!, token);
  }
  return UNSURE;
}

/** "din hjælp [adverbials] VERB": the noun phrase runs to the first adverbial or verb. */
function afterNounPhrase(clause: string, tokens: Token[]): Rewritten {
  let index = 1;
  while (
    index < tokens.length &&
    !adverbialStartsAt(tokens, index) &&
    !isFinite(tokens[index]!, false)
  )
    index++;
  if (index >= tokens.length) {
    // "at jobcentret, såfremt ..., vil": a clause interrupts before the verb; V2 needs more care.
    return /^\s*,/u.test(clause.slice(tokens.at(-1)!.end)) ? UNSURE : UNCHANGED;
  }
  if (!adverbialStartsAt(tokens, index)) return UNCHANGED; // the verb comes first: already main-clause order
  const subjectEnd = tokens[index - 1]!;
  while (index < tokens.length && adverbialStartsAt(tokens, index))
    index += adverbialLength(tokens, index);
  const verb = tokens[index];
  if (!verb || !isFinite(verb, true)) return UNSURE;
  return moveVerb(clause, subjectEnd, verb);
}

/** Rebuild "SUBJECT middle VERB" as "SUBJECT VERB middle", keeping the original middle text. */
function moveVerb(clause: string, subjectEnd: Token, verb: Token): Rewritten {
  const subject = clause.slice(0, subjectEnd.end);
  const middle = clause.slice(subjectEnd.end, verb.start).trim();
  return { length: verb.end, text: `${subject} ${verb.word} ${middle}`, certain: true };
}

function isFinite(token: Token, byEnding: boolean): boolean {
  if (FINITE.has(token.lower)) return true;
  return (
    byEnding &&
    !ADVERBS.has(token.lower) &&
    !PREPOSITIONS.has(token.lower) &&
    FINITE_ENDING.test(token.lower)
  );
}

/** After a determiner, "det registrerede telefonnummer" is a noun phrase, "det ikke er" a pronoun. */
function startsNounPhrase(token: Token | undefined): boolean {
  return (
    token !== undefined &&
    !ADVERBS.has(token.lower) &&
    !PREPOSITIONS.has(token.lower) &&
    !FINITE.has(token.lower)
  );
}

function adverbialStartsAt(tokens: Token[], index: number): boolean {
  return adverbialLength(tokens, index) > 0;
}

function adverbialLength(tokens: Token[], index: number): number {
  const token = tokens[index];
  if (!token) return 0;
  for (const phrase of PHRASES) {
    if (phrase.every((word, offset) => tokens[index + offset]?.lower === word))
      return phrase.length;
  }
  return ADVERBS.has(token.lower) ? 1 : 0;
}

function adverbialEndsAt(tokens: Token[], index: number): boolean {
  if (ADVERBS.has(tokens[index]!.lower)) return true;
  return PHRASES.some((phrase) => {
    const start = index - phrase.length + 1;
    return start >= 0 && phrase.every((word, offset) => tokens[start + offset]?.lower === word);
  });
}

/**
 * Rewrite `text` (everything after a removed "at ") as main clauses: the first clause's word
 * order, and each coordinated "og at" clause. Returns the changed prefix of `text`.
 */
export function atClauseToMain(text: string): Rewritten {
  const head = toMainClause(text);
  if (!head.certain) return UNSURE;
  let output = head.text;
  let consumed = head.length;
  for (;;) {
    const rest = text.slice(consumed);
    const coordinated = COORDINATED_AT.exec(rest);
    if (!coordinated || coordinated[1] === undefined) break;
    // "..., at ferien er optjent, og at ...": the "og at" belongs to the nearer at-clause.
    if (NESTED_AT.test(text.slice(0, consumed + coordinated.index))) break;
    const atStart = consumed + coordinated.index + coordinated[0].length - coordinated[1].length;
    const afterAt = atStart + coordinated[1].length;
    const inner = toMainClause(text.slice(afterAt));
    if (!inner.certain) return UNSURE;
    output += text.slice(consumed, atStart) + inner.text;
    consumed = afterAt + inner.length;
  }
  return { length: consumed, text: output, certain: true };
}

/** The words at the start of `text` up to the first punctuation (a clause edge). */
function leadingTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (tokens.length < MAX_TOKENS) {
    const space = /^\s*/u.exec(text.slice(position))![0].length;
    if (tokens.length > 0 && space === 0) break;
    TOKEN.lastIndex = position + space;
    const match = TOKEN.exec(text);
    if (!match) break;
    const word = match[0];
    tokens.push({
      word,
      lower: word.toLowerCase(),
      start: match.index,
      end: match.index + word.length,
    });
    position = match.index + word.length;
  }
  return tokens;
}
