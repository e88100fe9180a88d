import type { Letter } from "../../letter/model.js";
import { normaliseLegalText, normaliseWithOffsets, sourceRange } from "./normalise.js";
import {
  consequencesIn,
  readConsequence,
  sentenceGeometry,
  type Consequence,
} from "../../consequence/model.js";
import { formsOf, lexeme } from "../../linguistics/vocabulary.js";
import { matchersOf, type Matcher } from "../matchers.js";
import { clauseAt } from "../threat/clauses.js";
import { headMatcher } from "./entry-match.js";
import {
  closesSentence,
  opensSentence,
  sentencesAcross,
  sentencesOf,
  type SentencedText,
  type SentenceSpan,
} from "./sentences.js";
import { blocksApart } from "./letter-text.js";
import { readingsOf, type BlockReading } from "./block-reading.js";
import { foldedRegExp } from "../../util/folded-regexp.js";
import { memoByText } from "../../util/text-memo.js";
import { eachWord, isLetterCodePoint, isWordCodePoint, runEnd } from "../../util/word-scan.js";

/**
 * Sanction guidance completeness. Ankestyrelsen only accepts a sanction when the citizen was told
 * beforehand what is sanctioned, what the consequence is, and how to get the help back. A text
 * that speaks of a sanction must say all three; calm wording ("Du får hjælpen igen fra den dag,
 * du kontakter os") is as complete as a threat, and better.
 */
export type SanctionElement = "sanctioned" | "consequence" | "restore";

export const SANCTION_ELEMENTS: readonly SanctionElement[] = [
  "sanctioned",
  "consequence",
  "restore",
];

/** Danish names for the three elements, for messages and reports. */
export const SANCTION_ELEMENT_NAMES: Readonly<Record<SanctionElement, string>> = {
  sanctioned: "hvad der udløser fradraget",
  consequence: "hvad konsekvensen er",
  restore: "hvordan borgeren får hjælpen igen",
};

export interface SanctionCheck {
  /** The text speaks of a sanction (deduction, stopped help...). */
  mentionsSanction: boolean;
  present: SanctionElement[];
  missing: SanctionElement[];
}

/** JavaScript's \b and \w are ASCII-only: "ophør" would never end a word. Make them Danish. */
const WORD_CHAR = String.raw`[\p{L}\p{N}]`;
const BOUNDARY = String.raw`(?:(?<=${WORD_CHAR})(?!${WORD_CHAR})|(?<!${WORD_CHAR})(?=${WORD_CHAR}))`;
export function danishRegExp(pattern: string, flags = "iu"): RegExp {
  // Folded: V8 compiles case-insensitive \p{L} patterns slowly, again after every idle pause.
  return foldedRegExp(danishBoundaries(pattern).replaceAll("\\w", "[\\p{L}\\p{N}_]"), flags);
}

/**
 * Each \b as a Unicode word boundary. Where the pattern's own next character is a literal
 * letter or digit, only a word start can be there (and only a word end after one), so that half
 * is enough: the same matches, and V8 runs a pattern that opens with a plain lookbehind several
 * times faster than one that opens with the two-way alternation (0.6 -> 0.1 ms per letter for
 * the sanction mentions). Patterns with \x or \u escapes keep the full form.
 */
export function danishBoundaries(pattern: string): string {
  const plain = !/\\[xu]/u.test(pattern);
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    const next = pattern[i + 1] ?? "";
    i++;
    if (next !== "b") {
      out += ch + next;
      continue;
    }
    if (plain && startsWithWordChar(pattern.slice(i + 1))) out += `(?<!${WORD_CHAR})`;
    else if (plain && /(?:^|[^\\\p{L}\p{N}])[\p{L}\p{N}]+$/u.test(pattern.slice(0, i - 1)))
      out += `(?!${WORD_CHAR})`;
    else out += BOUNDARY;
  }
  return out;
}

/** The text matched next starts with a letter or digit: a literal one, or a group of them. */
function startsWithWordChar(rest: string): boolean {
  if (/^[\p{L}\p{N}](?![?*{])/u.test(rest)) return true;
  if (!rest.startsWith("(?:")) return false;
  let depth = 0;
  let start = 3;
  const alternatives: string[] = [];
  for (let i = 3; i < rest.length; i++) {
    const ch = rest[i]!;
    if (ch === "\\") i++;
    else if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if ((ch === "|" || ch === ")") && depth === 0) {
      alternatives.push(rest.slice(start, i));
      if (ch === ")") {
        // A quantified group may match nothing: then the next character is unknown.
        return !/^[?*{]/u.test(rest.slice(i + 1)) && alternatives.every(startsWithWordChar);
      }
      start = i + 1;
    }
  }
  return false;
}

// ---- what this rule does with the consequence model's readings (sanction-incomplete.yml) ----
type Element = "notSanction" | "unnamed" | "income" | "restore" | "restoreFrom" | "contact";
interface SanctionEntry extends Matcher {
  element: Element;
}
const ENTRIES = matchersOf<SanctionEntry>("legal/sanction-incomplete");
function formsFor(element: Element): string[] {
  return ENTRIES.filter((entry) => entry.element === element).flatMap((entry) => entry.forms ?? []);
}
const NOT_SANCTION = formsFor("notSanction").map((form) => form.split(" "));
const UNNAMED = headMatcher(formsFor("unnamed"));
const INCOME = headMatcher(formsFor("income"));
const RESTORE = new Set(formsFor("restore"));
const RESTORE_FROM = formsFor("restoreFrom").map((form) => form.split(" "));
/** The words a RESTORE_FROM phrase starts with: no phrase starts at any other token. */
const RESTORE_FROM_FIRST = new Set(RESTORE_FROM.map((phrase) => phrase[0]!));
const CONTACT = new Set(formsFor("contact"));
const BENEFIT = lexeme("benefits");
const ABSENCE = lexeme("absenceVerbs");
const NEGATIONS = formsOf("negations");
/** How many words from a vague consequence its benefit may stand ("konsekvenser for din ret til ydelser"). */
const VAGUE_REACH = 6;
/** How far after "fra den dag" / "indtil du" the duty done may come ("fra den dag, du igen kontakter os"). */
const RESTORE_REACH = 4;

interface Token {
  start: number;
  end: number;
  lower: string;
}

/** What one sentence says for sanction guidance (read once per sentence). */
interface SentenceFacts {
  /** Consequences the model finds that are a sanction of the benefit. */
  mentions: Consequence[];
  /** A mention that says what happens (not only "en sanktion", "konsekvenser"). */
  named: boolean;
  /** What is sanctioned: the model reads a failure of the reader's. */
  failure: boolean;
  /** The way back to the help. */
  restore: boolean;
}

const factsOf = memoByText(readFacts);

function readFacts(sentence: string): SentenceFacts {
  // A long s is an s (one character for one: offsets stay).
  const text = sentence.replaceAll("ſ", "s");
  const tokens = tokensOf(text);
  const { consequences, failure } = consequencesIn(text);
  // "Vi trækker din løn fra i hjælpen": a deduction in a sentence about income is no sanction.
  const income = tokens.some((token) => INCOME(token.lower));
  const mentions = income ? [] : consequences.filter((found) => isSanction(found, tokens));
  return {
    mentions,
    named: mentions.some(
      (mention) => !mention.vague && !(mention.kind === "sanction" && UNNAMED(lower(mention)))
    ),
    failure,
    restore: restoreIn(text, tokens),
  };
}

const lower = (consequence: Consequence) => consequence.text.toLowerCase();

/**
 * A consequence for the benefit: not a set-off, repayment or refusal (sanction-incomplete.yml,
 * notSanction), and a vague one ("konsekvenser for din hjælp") only when a benefit follows it, so a
 * rejected appeal ("kan din anke blive afvist") is none.
 */
function isSanction(consequence: Consequence, tokens: readonly Token[]): boolean {
  const words = lower(consequence)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (NOT_SANCTION.some((form) => form.every((part, index) => words[index] === part))) return false;
  if (!consequence.vague) return true;
  // "konsekvenser for din hjælp": the benefit it concerns follows the vague word.
  const after = tokens.filter((token) => token.start >= consequence.start).slice(0, VAGUE_REACH);
  return after.some((token) => BENEFIT.has(token.lower));
}

/**
 * The words of a text as `/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu` finds them, scanned without that
 * pattern: V8 compiles it again after every idle pause, and every new sentence is read here.
 */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  eachWord(text, apostropheWordEnd, (start, end) =>
    tokens.push({ start, end, lower: text.slice(start, end).toLowerCase() })
  );
  return tokens;
}

/** `[\p{L}\p{N}]+(?:['’]\p{L}+)?`: an apostrophe joins the letters after it ("kommune's"), once. */
function apostropheWordEnd(text: string, start: number): number {
  const end = runEnd(text, start, isWordCodePoint);
  const mark = text[end];
  if ((mark === "'" || mark === "’") && end + 1 < text.length) {
    const after = runEnd(text, end + 1, isLetterCodePoint);
    if (after > end + 1) return after;
  }
  return end;
}

/**
 * The way back: "Du får hjælpen igen", "kontakter os igen", "udbetalingen genoptages" (a restore
 * word in a clause with a benefit or a contact verb, and no negation, absence or consequence),
 * or "fra den dag, du kontakter kommunen", "indtil du møder op" (a time before a duty done).
 */
function restoreIn(text: string, tokens: readonly Token[]): boolean {
  // Each clause is judged once, however many restore words it holds.
  let judged: Set<number> | undefined;
  for (const token of tokens) {
    if (!RESTORE.has(token.lower)) continue;
    const clause = clauseAt(sentenceGeometry(text), token.start);
    judged ??= new Set();
    if (judged.has(clause.start)) continue;
    judged.add(clause.start);
    if (restoresIn(tokens, clause, consequencesIn(text).consequences)) return true;
  }
  // Only where a "fra den dag" phrase can start (helpers, not closures per token: every token of
  // every sentence is walked here).
  for (let at = 0; at < tokens.length; at++) {
    if (RESTORE_FROM_FIRST.has(tokens[at]!.lower) && restoreFromAt(tokens, at)) return true;
  }
  return false;
}

/** A restore word's clause: a benefit or contact verb, no negation, absence or consequence. */
function restoresIn(
  tokens: readonly Token[],
  clause: { start: number; end: number },
  consequences: readonly Consequence[]
): boolean {
  const inside = tokens.filter((other) => other.start >= clause.start && other.end <= clause.end);
  if (!inside.some((other) => BENEFIT.has(other.lower) || CONTACT.has(other.lower))) return false;
  if (inside.some((other) => NEGATIONS.has(other.lower) || ABSENCE.has(other.lower))) return false;
  return !consequences.some((found) => found.start < clause.end && found.end > clause.start);
}

/** "fra den dag" / "indtil du" at token `at`, and the duty done soon after, not negated. */
function restoreFromAt(tokens: readonly Token[], at: number): boolean {
  return RESTORE_FROM.some((phrase) => {
    if (!phrase.every((part, offset) => tokens[at + offset]?.lower === part)) return false;
    const after = tokens.slice(at + phrase.length, at + phrase.length + RESTORE_REACH);
    const done = after.findIndex((token) => CONTACT.has(token.lower));
    return done >= 0 && !after.slice(0, done + 2).some((token) => NEGATIONS.has(token.lower));
  });
}

export function checkSanctionGuidance(text: string): SanctionCheck {
  return checkSentences(sentencesOf(normaliseLegalText(text)));
}

/** `checkSanctionGuidance(reading.text)`, from the block's sentences as the family reads them. */
export function checkBlockSanctionGuidance(reading: BlockReading): SanctionCheck {
  return checkSentences(reading.get(normalisedSentences));
}

function checkSentences(sentences: readonly SentenceSpan[]): SanctionCheck {
  const found = noFlags();
  for (const sentence of sentences) add(found, factsOf(sentence.text));
  return sanctionCheck(found);
}

/**
 * A block's sentences, of its normalised text (`normaliseWithOffsets(text).text`, which is
 * `normaliseLegalText(text)`): split once per block text for the mentions, the letter's sanction
 * guidance and the own-wording features, so each sentence's text is one string, hashed once by
 * the memos that read it.
 */
export function normalisedSentences(_text: string, reading: BlockReading): SentenceSpan[] {
  return sentencesOf(reading.get(normaliseWithOffsets).text);
}

/** What a run of sentences says for sanction guidance, all together. */
interface Flags {
  failure: boolean;
  named: boolean;
  restore: boolean;
  mentions: boolean;
}

const noFlags = (): Flags => ({ failure: false, named: false, restore: false, mentions: false });

function add(flags: Flags, facts: SentenceFacts): void {
  flags.failure ||= facts.failure;
  flags.named ||= facts.named;
  flags.restore ||= facts.restore;
  flags.mentions ||= facts.mentions.length > 0;
}

function sanctionCheck(flags: Flags): SanctionCheck {
  const has: Record<SanctionElement, boolean> = {
    sanctioned: flags.failure,
    consequence: flags.named,
    restore: flags.restore,
  };
  return {
    mentionsSanction: flags.mentions,
    present: SANCTION_ELEMENTS.filter((element) => has[element]),
    missing: SANCTION_ELEMENTS.filter((element) => !has[element]),
  };
}

/** One block's normalised text as sentences: its first and last may run on into its neighbours. */
interface BlockSentences extends SentencedText {
  /** What the sentences between the first and the last say. */
  inner: Flags;
  /** What the first and the last sentence say (the same one in a block of one). */
  first?: SentenceFacts;
  last?: SentenceFacts;
}

/** A block's sentences, of its normalised text (read per block text). */
function blockSentences(_source: string, reading: BlockReading): BlockSentences {
  const text = reading.get(normaliseWithOffsets).text;
  const sentences = reading.get(normalisedSentences).map((sentence) => sentence.text);
  const inner = noFlags();
  for (let at = 1; at < sentences.length - 1; at++) add(inner, factsOf(sentences[at]!));
  const block: BlockSentences = {
    text,
    sentences,
    inner,
    closes: closesSentence(text),
    opens: opensSentence(text),
  };
  if (sentences.length > 0) {
    block.first = factsOf(sentences[0]!);
    block.last = factsOf(sentences[sentences.length - 1]!);
  }
  return block;
}

/**
 * `checkSanctionGuidance(letter.text)`, block by block: each block's sentences are read once per
 * block text, and only a sentence that runs from one block into the next (a heading without a
 * full stop before its paragraph) is put together for the letter.
 */
export function checkLetterSanctionGuidance(letter: Letter): SanctionCheck {
  if (!blocksApart(letter)) return checkSanctionGuidance(letter.text);
  // A block of white space only is no part of the letter's normalised text.
  const blocks = readingsOf(letter)
    .map((reading) => reading.get(blockSentences))
    .filter((block) => block.text !== "");
  const found = noFlags();
  sentencesAcross(blocks, {
    edge: (sentence, from) => {
      const block = from && blocks[from.index]!;
      add(found, (block && (from.last ? block.last : block.first)) ?? factsOf(sentence));
    },
    inner: (index) => {
      const inner = blocks[index]!.inner;
      found.failure ||= inner.failure;
      found.named ||= inner.named;
      found.restore ||= inner.restore;
      found.mentions ||= inner.mentions;
    },
  });
  return sanctionCheck(found);
}

/** Whether a text speaks of a sanction at all. */
export function mentionsSanction(text: string): boolean {
  return checkSanctionGuidance(text).mentionsSanction;
}

/**
 * What a sanction mention does in its letter:
 * - guidance: it tells the citizen what will happen if they do not do something ("Kommer du ikke
 *   til samtalen, får du et fradrag", "Udeblivelse vil medføre fradrag"). This is the guidance a
 *   later sanction rests on, so it must be complete.
 * - content: it is what the letter is about, a deduction decided or considered for something
 *   that has happened ("Vi trækker 1.614 kr. i din kontanthjælp", "Vi overvejer at trække penge
 *   i din uddannelseshjælp"), or the rule it is based on ("Fradrag for dage, hvor du uden en
 *   rimelig grund ikke deltager, sker efter § 36"). Decisions and hearings are checked by their
 *   own rules (begrundelse, klagevejledning, partshøring), not by the three-part rule.
 */
export type SanctionRole = "guidance" | "content";

export interface SanctionMention {
  /** Absolute offsets in the letter's text. */
  start: number;
  end: number;
  blockIndex: number;
  role: SanctionRole;
  /** The sentence around the mention, normalised. */
  sentence: string;
}

/**
 * The role of a sentence that mentions a sanction (see SanctionRole), as the consequence model
 * shared with threat/sanction reads it: a consequence held over the reader (under a condition,
 * or as a risk: "Hjælpen kan ophøre"), or the calm rule with its way back, is guidance; anything
 * else (a decision, a negation, a neutral rule, a question, someone else's sanction) is what the
 * letter is about.
 */
export function sanctionRole(sentence: string): SanctionRole {
  const reading = readConsequence(sentence.replaceAll("ſ", "s"));
  if (reading.threat && reading.framing === "conditional") return "guidance";
  // "Hjælpen kan ophøre", "Du kan få karantæne": a loss held over the reader without its
  // condition is guidance that leaves out what triggers it. "Du kan ikke få kontanthjælp, men
  // uddannelseshjælp" states a rule of the benefit, not a loss to come.
  const consequence = reading.consequence;
  if (reading.threat && consequence?.kind !== "no-benefit" && !sized(sentence, consequence))
    return "guidance";
  if (reading.notThreat === "way back") return "guidance";
  return "content";
}

/**
 * "Så kan du få trukket 5 dage i din uddannelseshjælp": a deduction with its size in or right after it
 * is the case's own deduction (decided or heard), not a warning of what may come.
 */
function sized(sentence: string, consequence: Consequence | undefined): boolean {
  if (!consequence) return false;
  // Inside the span too: a particle verb's span reaches its particle ("trukket 5 dage i").
  const within = tokensOf(consequence.text);
  const after = tokensOf(sentence.slice(consequence.end)).slice(0, 2);
  return [...within, ...after].some((token) => /^\p{N}/u.test(token.lower));
}

const mentionCache = new WeakMap<Letter, SanctionMention[]>();

/** A block's mentions, offsets relative to the block. */
type BlockMention = Omit<SanctionMention, "blockIndex">;

/** Every sanction mention in the letter, block by block and sentence by sentence, with its role. */
export function sanctionMentionsIn(letter: Letter): SanctionMention[] {
  const cached = mentionCache.get(letter);
  if (cached) return cached;
  const found: SanctionMention[] = [];
  const readings = readingsOf(letter);
  letter.blocks.forEach((block, blockIndex) => {
    // By block text: while the caseworker types, only the edited block is read again.
    for (const mention of readings[blockIndex]!.get(readBlockMentions)) {
      found.push({
        ...mention,
        start: block.start + mention.start,
        end: block.start + mention.end,
        blockIndex,
      });
    }
  });
  mentionCache.set(letter, found);
  return found;
}

function readBlockMentions(_text: string, reading: BlockReading): BlockMention[] {
  const found: BlockMention[] = [];
  const mapped = reading.get(normaliseWithOffsets);
  for (const sentence of reading.get(normalisedSentences)) {
    const { mentions } = factsOf(sentence.text);
    if (mentions.length === 0) continue;
    const role = sanctionRole(sentence.text);
    for (const mention of mentions) {
      const from = sentence.start + mention.start;
      const range = sourceRange(mapped, from, from + mention.text.length);
      found.push({ start: range.start, end: range.end, role, sentence: sentence.text });
    }
  }
  return found;
}
