import { formsOf, vocabulary } from "../linguistics/vocabulary.js";
import type { ConsequenceKind, ConsequenceReading, Trigger } from "./model.js";

/**
 * The consequence model for English letters: the same reading as the Danish model (model.ts) -
 * does a sentence state a negative consequence for the reader's benefit, what triggers it and
 * how is it framed - over English clause structure. Every word comes from the shared English
 * vocabularies (src/engine/vocabularies/en); this module holds only the clause geometry:
 * conditions ("If you do not attend, ..." / "..., unless you ..."), noun-phrase triggers
 * ("Failure to attend will result in ..."), negation scope ("We will not stop your benefit" vs
 * "you will not receive cash benefits") and risk framing ("You may lose your benefit").
 */

interface Word {
  start: number;
  end: number;
  lower: string;
}

interface Clause {
  start: number;
  end: number;
  /** Index range into the sentence's words. */
  first: number;
  last: number;
}

const LOSS = phraseIndex("lossVerbs");
const PUNITIVE_LOSS = new Set(
  vocabulary("lossVerbs", "en")
    .entries.filter((entry) => entry.punitive)
    .flatMap((entry) => entry.forms.map((form) => form.toLowerCase()))
);
const SANCTION = formsOf("sanctionNouns", "en");
const PUNITIVE_SANCTION = new Set(
  vocabulary("sanctionNouns", "en")
    .entries.filter((entry) => entry.punitive)
    .flatMap((entry) => entry.forms.map((form) => form.toLowerCase()))
);
const BENEFITS = phraseIndex("benefits");
const RECEIVE = phraseIndex("receiveVerbs");
const RESULT = phraseIndex("resultVerbs");
const FAILURE_VERBS = formsOf("failureVerbs", "en");
const TRIGGERS = phraseIndex("failureTriggers");
const OPENERS = phraseIndex("conditionOpeners");
const EXCEPTION_OPENERS = formsOf("exceptionOpeners", "en");
const OTHERWISE = phraseIndex("otherwiseMarkers");
const NEGATIONS = formsOf("negations", "en");
const NEGATION_SUFFIXES = [...formsOf("negationSuffixes", "en")];
const RISK = formsOf("riskMarkers", "en");
const READERS = formsOf("readers", "en");
const THIRD = formsOf("thirdParties", "en");
const DECISIONS = phraseIndex("decisionPhrases");

/** Words a negation may stand before the verb it negates ("will not be reduced"). */
const NEGATION_REACH = 4;

/** Every form of a vocabulary as word sequences, longest first ("pay back" before "pay"). */
function phraseIndex(name: string): string[][] {
  return [...formsOf(name, "en")]
    .map((form) => form.split(/\s+/u))
    .sort((a, b) => b.length - a.length);
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const lower = match[0].toLowerCase().replace(/’/gu, "'");
    words.push({ start: match.index, end: match.index + match[0].length, lower });
  }
  return words;
}

/** The phrase of `index` starting at word `at`, as its word count, or 0. */
function phraseAt(words: Word[], at: number, index: string[][]): number {
  for (const phrase of index) {
    if (phrase.every((part, offset) => words[at + offset]?.lower === part)) return phrase.length;
  }
  return 0;
}

function isNegation(word: Word): boolean {
  return (
    NEGATIONS.has(word.lower) || NEGATION_SUFFIXES.some((suffix) => word.lower.endsWith(suffix))
  );
}

/** Clauses: split at , ; : and dashes. */
function clausesOf(text: string, words: Word[]): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (const edge of [...text.matchAll(/[,;:]|\s[–-]\s/gu), null]) {
    const end = edge ? edge.index : text.length;
    const first = words.findIndex((word) => word.start >= start);
    let last = -1;
    for (let index = words.length - 1; index >= 0; index--) {
      if (words[index]!.end <= end) {
        last = index;
        break;
      }
    }
    if (first >= 0 && last >= first) clauses.push({ start, end, first, last });
    start = edge ? edge.index + edge[0].length : text.length;
  }
  return clauses;
}

interface Candidate {
  kind: ConsequenceKind;
  /** Word range of the consequence. */
  first: number;
  last: number;
  punitive: boolean;
  clause: Clause;
}

function hasBenefitOrReader(words: Word[], clause: Clause): boolean {
  for (let index = clause.first; index <= clause.last; index++) {
    if (READERS.has(words[index]!.lower) || phraseAt(words, index, BENEFITS) > 0) return true;
  }
  return false;
}

function hasBenefit(words: Word[], clause: Clause): boolean {
  for (let index = clause.first; index <= clause.last; index++)
    if (phraseAt(words, index, BENEFITS) > 0) return true;
  return false;
}

/** The consequences one clause states: a loss verb, a sanction noun, a benefit not received. */
function candidatesIn(words: Word[], clause: Clause): Candidate[] {
  const found: Candidate[] = [];
  for (let index = clause.first; index <= clause.last; index++) {
    const word = words[index]!;
    const loss = phraseAt(words, index, LOSS);
    if (loss > 0) {
      const punitive = PUNITIVE_LOSS.has(word.lower);
      if (punitive || hasBenefit(words, clause))
        found.push({ kind: "loss", first: index, last: index + loss - 1, punitive, clause });
      continue;
    }
    if (SANCTION.has(word.lower)) {
      const punitive = PUNITIVE_SANCTION.has(word.lower);
      if (punitive || hasBenefitOrReader(words, clause) || resultBefore(words, clause, index))
        found.push({ kind: "sanction", first: index, last: index, punitive, clause });
      continue;
    }
    const receive = phraseAt(words, index, RECEIVE);
    if (receive > 0 && negatedAt(words, clause, index) && hasBenefit(words, clause)) {
      found.push({
        kind: "no-benefit",
        ...noBenefitSpan(words, clause, index),
        punitive: false,
        clause,
      });
    }
  }
  return found;
}

/** "will not receive cash benefits": from the modal or negation to the benefit named after the verb. */
function noBenefitSpan(words: Word[], clause: Clause, at: number): { first: number; last: number } {
  let first = at;
  while (
    first > clause.first &&
    (isNegation(words[first - 1]!) || RISK.has(words[first - 1]!.lower))
  )
    first--;
  let last = clause.last;
  for (let index = at + 1; index <= clause.last; index++) {
    const length = phraseAt(words, index, BENEFITS);
    if (length > 0) {
      last = index + length - 1;
      break;
    }
  }
  return { first, last };
}

function resultBefore(words: Word[], clause: Clause, at: number): boolean {
  for (let index = clause.first; index < at; index++)
    if (phraseAt(words, index, RESULT) > 0) return true;
  return false;
}

/** A negation within reach before word `at` in its clause ("will not be reduced"). */
function negatedAt(words: Word[], clause: Clause, at: number): boolean {
  for (let index = Math.max(clause.first, at - NEGATION_REACH); index < at; index++)
    if (isNegation(words[index]!)) return true;
  return false;
}

/** A sanction noun as a negated subject: "Sanctions should never be more than half ...". */
function negatedSubject(words: Word[], candidate: Candidate): boolean {
  // "sanctions" is a noun here, though @lossVerbs also lists it as a verb form.
  if (!SANCTION.has(words[candidate.first]!.lower)) return false;
  // Subject position: first in its clause, or after one determiner ("A sanction will not ...").
  if (candidate.first - candidate.clause.first > 1) return false;
  const last = Math.min(candidate.clause.last, candidate.last + NEGATION_REACH);
  for (let index = candidate.last + 1; index <= last; index++)
    if (isNegation(words[index]!)) return true;
  return false;
}

interface Condition {
  /** Word range of the condition. */
  first: number;
  last: number;
  failure: boolean;
}

/** Conditions: from an opener to the end of its clause ("If you do not attend", "unless you call"). */
function conditionsOf(words: Word[], clauses: Clause[]): Condition[] {
  const conditions: Condition[] = [];
  for (const clause of clauses) {
    for (let index = clause.first; index <= clause.last; index++) {
      const length = phraseAt(words, index, OPENERS);
      if (length === 0) continue;
      const range = { first: index, last: clause.last };
      // "Unless you call us": an exception is a failure condition by itself.
      let failure = EXCEPTION_OPENERS.has(words[index]!.lower);
      for (let at = index + length; at <= clause.last; at++) {
        const word = words[at]!;
        if (isNegation(word) || FAILURE_VERBS.has(word.lower)) failure = true;
        if (phraseAt(words, at, TRIGGERS) > 0) failure = true;
      }
      conditions.push({ ...range, failure });
      break;
    }
  }
  return conditions;
}

function inside(candidate: Candidate, condition: Condition): boolean {
  return candidate.first >= condition.first && candidate.last <= condition.last;
}

/** "Failure to attend", "Non-attendance", "Otherwise": a trigger before the consequence. */
function phraseTrigger(words: Word[], before: number): Trigger | undefined {
  for (let index = 0; index < before; index++) {
    const length = phraseAt(words, index, TRIGGERS);
    if (length === 0) continue;
    return phraseAt(words, index, OTHERWISE) > 0 ? "ellers" : "noun phrase";
  }
  return undefined;
}

function hasRisk(words: Word[], clause: Clause, before: number): boolean {
  for (let index = clause.first; index < before; index++)
    if (RISK.has(words[index]!.lower)) return true;
  return false;
}

function statesDecision(words: Word[]): boolean {
  return words.some((_word, index) => phraseAt(words, index, DECISIONS) > 0);
}

/** Read one English sentence. */
export function readEnglishConsequence(text: string): ConsequenceReading {
  const words = wordsOf(text);
  const clauses = clausesOf(text, words);
  const candidates = clauses.flatMap((clause) => candidatesIn(words, clause));
  if (candidates.length === 0) return { threat: false, notThreat: "no consequence" };
  if (/\?\s*$/u.test(text)) return { threat: false, notThreat: "question" };
  if (!words.some((word) => READERS.has(word.lower)) && words.some((word) => THIRD.has(word.lower)))
    return { threat: false, notThreat: "not the reader" };

  const conditions = conditionsOf(words, clauses);
  const outside = candidates.filter((candidate) => !conditions.some((c) => inside(candidate, c)));
  if (outside.length === 0) return { threat: false, notThreat: "condition content" };
  const counted = outside.filter(
    (candidate) =>
      candidate.kind === "no-benefit" ||
      !(negatedAt(words, candidate.clause, candidate.first) || negatedSubject(words, candidate))
  );
  if (counted.length === 0) return { threat: false, notThreat: "negated" };
  const consequence = counted[0]!;
  const span = {
    start: words[consequence.first]!.start,
    end: words[consequence.last]!.end,
  };
  const reading = {
    kind: consequence.kind,
    text: text.slice(span.start, span.end),
    ...span,
    punitive: consequence.punitive,
    vague: false,
  };

  if (conditions.length > 0) {
    const failure = conditions.some((condition) => condition.failure);
    if (!failure && !consequence.punitive)
      return { threat: false, consequence: reading, notThreat: "neutral condition" };
    return { threat: true, consequence: reading, trigger: "conditional", framing: "conditional" };
  }
  const trigger = phraseTrigger(words, consequence.first);
  if (trigger) return { threat: true, consequence: reading, trigger, framing: "conditional" };
  if (statesDecision(words))
    return { threat: false, consequence: reading, notThreat: "stated decision" };
  if (hasRisk(words, consequence.clause, consequence.first))
    return { threat: true, consequence: reading, framing: "risk" };
  return { threat: false, consequence: reading, notThreat: "no framing" };
}
