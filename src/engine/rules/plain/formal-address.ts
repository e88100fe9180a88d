import type { Root } from "nlcst";
import type { VFile } from "vfile";
import {
  compilePhrase,
  firstWords,
  matchPhrase,
  type CompiledPhrase,
} from "../../linguistics/phrase.js";
import { report } from "../../report.js";
import { matchersOf, type Matcher } from "../matchers.js";
import { agree } from "./grammar.js";
import { officialeseMatches } from "./lexicon.js";
import {
  atSentenceStart,
  capitalise,
  isCapitalised,
  isDanishLetter,
  isUpperCase,
  memoByTokens,
  plainSentences,
  type Token,
} from "./tokens.js";

export const FORMAL_ADDRESS_RULE = "plain/formal-address";

/** An entry of src/engine/rules/da/plain/formal-address.yml (rule.schema.json says more). */
interface AddressEntry extends Matcher {
  phrase: string;
  suggest?: string | null;
  agree?: [string, string, string];
  context?: "strong" | "medium" | "informal" | "relative";
}

type FormalWord = string;

const ENTRIES = matchersOf<AddressEntry>("plain/formal-address");
/** The formal forms, exactly as written (De, Dem, Deres). */
const FORMAL = new Map(
  ENTRIES.filter((entry) => !entry.context).map((entry) => [entry.phrase, entry])
);
const contexts = (kind: AddressEntry["context"]): CompiledPhrase[] =>
  ENTRIES.filter((entry) => entry.context === kind).map((entry) => compilePhrase(entry.phrase));
const wordsOf = (phrases: readonly CompiledPhrase[]): ReadonlySet<string> =>
  new Set(phrases.flatMap((phrase) => phrase.sequences.flatMap(firstWords)));
const STRONG = contexts("strong");
const MEDIUM = contexts("medium");
const INFORMAL = wordsOf(contexts("informal"));
const EXPLANATION =
  "Skriv »du« til borgeren; det er direkte og venligt, og det er sådan de fleste myndigheder skriver i dag.";

interface Candidate {
  token: Token;
  word: FormalWord;
  tokens: Token[];
  index: number;
  /** Sentence-initial: "De" may be plural "they", so it needs evidence. */
  ambiguous: boolean;
}

/**
 * plain/formal-address: De/Dem/Deres -> du/dig/din|dit|dine. Mid-sentence capitalised forms are
 * formal address; a sentence-initial one is flagged only with evidence (the `context` phrases of
 * src/engine/rules/da/plain/formal-address.yml).
 * Formal forms that an officialese edit already rewrites ("De bedes sende" -> "Send") are left to
 * that edit, so the two edits never overlap.
 */
const RELATIVES: ReadonlySet<string> = wordsOf(contexts("relative"));

export function retextPlainFormalAddress() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    const letter = file.data.letter;
    const candidates: Candidate[] = [];
    let formalEvidence = false;
    let informal = false;

    for (const { tokens } of plainSentences(tree, letter)) {
      const read = addressIn(tokens, letter.text);
      if (read.informal) informal = true;
      if (read.formalEvidence) formalEvidence = true;
      for (const { index, ambiguous } of read.candidates) {
        const token = tokens[index]!;
        candidates.push({ token, word: token.text as FormalWord, tokens, index, ambiguous });
      }
    }

    for (const candidate of candidates) {
      if (candidate.ambiguous && !formalEvidence) {
        const follows = (phrase: CompiledPhrase) =>
          matchPhrase(phrase, candidate.tokens, candidate.index + 1, letter.text) !== undefined;
        const strong = STRONG.some(follows);
        const medium = !informal && MEDIUM.some(follows);
        if (!strong && !medium) continue;
      }
      reportCandidate(file, candidate);
    }
  };
}

/** What one sentence says about address: kept while the sentence stands (no offsets in it). */
interface SentenceAddress {
  informal: boolean;
  formalEvidence: boolean;
  /** Formal forms no officialese edit covers, by token index. */
  candidates: { index: number; ambiguous: boolean }[];
}

const addressIn = memoByTokens((tokens, text): SentenceAddress => {
  const read: SentenceAddress = { informal: false, formalEvidence: false, candidates: [] };
  // Officialese edits of the sentence, read only for a sentence with a formal form in it.
  let covered: { start: number; end: number }[] | undefined;
  const coveredOf = () =>
    (covered ??= officialeseMatches(tokens, text).filter((m) => m.replacement !== undefined));
  tokens.forEach((token, index) => {
    if (INFORMAL.has(token.lower)) read.informal = true;
    if (!FORMAL.has(token.text)) return;
    const ambiguous = atSentenceStart(tokens, index, text);
    if (token.text === "De" && isPartOfName(tokens, index, text)) return;
    // "De oplysninger, som De har givet": sentence-initial "De" before a noun and a relative
    // clause is the plural determiner, not formal address.
    if (token.text === "De" && ambiguous && RELATIVES.has(tokens[index + 2]?.lower ?? "")) return;
    if (!ambiguous) read.formalEvidence = true;
    if (coveredOf().some((m) => token.start >= m.start && token.end <= m.end)) return;
    read.candidates.push({ index, ambiguous });
  });
  return read;
});

/** "Maria De Luca", "De Forenede Nationer": a capitalised word next to "De" mid-sentence. */
function isPartOfName(tokens: readonly Token[], index: number, text: string): boolean {
  const next = tokens[index + 1];
  const previous = tokens[index - 1];
  const name = (token: Token | undefined) =>
    token !== undefined && isCapitalised(token.text) && !isUpperCase(token.text);
  if (name(next)) return true;
  return name(previous) && !atSentenceStart(tokens, index - 1, text);
}

function reportCandidate(file: VFile, { token, word, tokens, index, ambiguous }: Candidate): void {
  const replacement = replacementFor(word, tokens, index);
  const advice = FORMAL.get(word)?.agree?.join("/");
  const text = replacement ?? advice ?? "";
  const shown = ambiguous ? capitalise(text) : text;
  report(file, {
    ruleId: FORMAL_ADDRESS_RULE,
    severity: "warning",
    message: `»${word}« er formel tiltale. Skriv »${shown}«.`,
    start: token.start,
    end: token.end,
    suggestion: { text: shown, explanation: EXPLANATION },
    ...(replacement !== undefined && {
      edit: {
        kind: "replace" as const,
        start: token.start,
        end: token.end,
        text: shown,
        ruleId: FORMAL_ADDRESS_RULE,
      },
    }),
    safe: false,
    details: { form: word, sentenceInitial: ambiguous },
  });
}

/** du, dig, or the possessive agreeing with the next noun (skipping one adjective: "Deres nye adresse"). */
function replacementFor(
  word: FormalWord,
  tokens: readonly Token[],
  index: number
): string | undefined {
  const entry = FORMAL.get(word)!;
  if (!entry.agree) return entry.suggest ?? undefined;
  for (const next of tokens.slice(index + 1, index + 3)) {
    const form = agree(entry.agree, next.lower);
    if (form) return form;
  }
  return undefined;
}
