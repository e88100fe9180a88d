import type { Root } from "nlcst";
import type { VFile } from "vfile";
import address from "../../lexicons/plain-address.da.json" with { type: "json" };
import { report } from "../../report.js";
import { agree } from "./grammar.js";
import { officialeseMatches } from "./lexicon.js";
import {
  atSentenceStart,
  capitalise,
  isCapitalised,
  isDanishLetter,
  isUpperCase,
  plainSentences,
  type Token,
} from "./tokens.js";

export const FORMAL_ADDRESS_RULE = "plain/formal-address";

type FormalWord = keyof typeof address.formal;

const INFORMAL = new Set(address.informal);
const STRONG = address.strongContexts.map((context) => context.split(" "));
const MEDIUM = address.mediumContexts.map((context) => context.split(" "));
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
 * formal address; a sentence-initial one is flagged only with evidence (see plain-address.da.json).
 * Formal forms that an officialese edit already rewrites ("De bedes sende" -> "Send") are left to
 * that edit, so the two edits never overlap.
 */
const RELATIVES: ReadonlySet<string> = new Set(address.relatives);

export function retextPlainFormalAddress() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    const letter = file.data.letter;
    const candidates: Candidate[] = [];
    let formalEvidence = false;
    let informal = false;

    for (const { tokens } of plainSentences(tree, letter)) {
      const covered = officialeseMatches(tokens, letter.text).filter(
        (m) => m.replacement !== undefined
      );
      tokens.forEach((token, index) => {
        if (INFORMAL.has(token.lower)) informal = true;
        if (!Object.hasOwn(address.formal, token.text)) return;
        const ambiguous = atSentenceStart(tokens, index, letter.text);
        if (token.text === "De" && isPartOfName(tokens, index, letter.text)) return;
        // "De oplysninger, som De har givet": sentence-initial "De" before a noun and a relative
        // clause is the plural determiner, not formal address.
        if (token.text === "De" && ambiguous && RELATIVES.has(tokens[index + 2]?.lower ?? ""))
          return;
        if (!ambiguous) formalEvidence = true;
        if (covered.some((m) => token.start >= m.start && token.end <= m.end)) return;
        candidates.push({ token, word: token.text as FormalWord, tokens, index, ambiguous });
      });
    }

    for (const candidate of candidates) {
      if (candidate.ambiguous && !formalEvidence) {
        const after = candidate.tokens.slice(candidate.index + 1).map((t) => t.lower);
        const strong = STRONG.some((context) => startsWith(after, context));
        const medium = !informal && MEDIUM.some((context) => startsWith(after, context));
        if (!strong && !medium) continue;
      }
      reportCandidate(file, candidate);
    }
  };
}

/** "Maria De Luca", "De Forenede Nationer": a capitalised word next to "De" mid-sentence. */
function isPartOfName(tokens: readonly Token[], index: number, text: string): boolean {
  const next = tokens[index + 1];
  const previous = tokens[index - 1];
  const name = (token: Token | undefined) =>
    token !== undefined && isCapitalised(token.text) && !isUpperCase(token.text);
  if (name(next)) return true;
  return name(previous) && !atSentenceStart(tokens, index - 1, text);
}

function startsWith(words: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((word, index) => words[index] === word);
}

function reportCandidate(file: VFile, { token, word, tokens, index, ambiguous }: Candidate): void {
  const replacement = replacementFor(word, tokens, index);
  const advice = Array.isArray(address.formal[word])
    ? (address.formal[word] as string[]).join("/")
    : undefined;
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
  const plain = address.formal[word];
  if (typeof plain === "string") return plain;
  for (const next of tokens.slice(index + 1, index + 3)) {
    const form = agree(plain, next.lower);
    if (form) return form;
  }
  return undefined;
}
