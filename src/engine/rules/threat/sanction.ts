import type { Root } from "nlcst";
import type { VFile } from "vfile";
import lexicon from "../../lexicons/threat-sanction.da.json" with { type: "json" };
import { PROSE_KINDS, type Letter } from "../../letter/model.js";
import { report } from "../../report.js";
import {
  clauseAt,
  geometryOf,
  nextEdge,
  windowAround,
  wordsBetween,
  type SentenceGeometry,
  type Span,
} from "./clauses.js";
import {
  namesReader,
  readConsequence,
  type Framing,
  type NotThreat,
} from "../../consequence/model.js";
import { guidanceElsewhere, guidanceExplanation } from "./guidance.js";
import {
  fragmentSource,
  inside,
  matchesOf,
  overlaps,
  wordsRegex,
  wordsTester,
  type Match,
} from "./patterns.js";
import { sanctionTopic, supportiveRewrite } from "./rewrite.js";
import { isDanishLetter, threatSentences, type ThreatSentence } from "./scan.js";

export const SANCTION_RULE = "threat/sanction";

const OPENER = wordsRegex(lexicon.openers);
const NEGATIVE_CONDITION = wordsRegex(lexicon.negativeConditions);
const NEGATIVE_IN_OPENER = wordsRegex(lexicon.negativeOpenerClause);
const WISH = new RegExp(
  `^\\s+(?:${lexicon.wishesAfterNegation.map(fragmentSource).join("|")})`,
  "iu"
);
const PUNITIVE = wordsRegex(lexicon.punitiveSanctions);
const SANCTION = wordsRegex(lexicon.sanctions);
const NEGATION = wordsRegex(lexicon.negations);
const DECISION = wordsTester(lexicon.decisionMarkers);
const RULE_STATEMENT = wordsTester(lexicon.ruleStatements);
const FUTURE = wordsRegex(lexicon.futureMarkers);
const TOPIC_CONTEXT = new RegExp(lexicon.topicContext.map(fragmentSource).join("|"), "iu");

/** Words after a comma-less fronted "hvis" that still belong to the condition ("hvis din hjælp bliver stoppet"). */
const CONDITION_REACH = 4;

export interface SanctionHit {
  /** The threatening phrase, offsets relative to the sentence ("vil medføre fradrag"). */
  start: number;
  end: number;
  text: string;
}

interface OpenerSpan extends Span {
  opener: Match;
  /** A clause edge ends the condition: what follows is the consequence. */
  closed: boolean;
  /** The condition comes first in its sentence ("Hvis du udebliver trækkes du i hjælp"). */
  fronted: boolean;
  negative: boolean;
}

/**
 * Find a conditional sanction threat in one Danish sentence: a sanction that is the consequence
 * of a condition. Not a threat: a negated sanction ("Vi trækker ikke i din hjælp, hvis ..."),
 * a sanction inside the condition ("Hvis du mister dit job, kan du kontakte os"), a sanction
 * named as a topic ("spørgsmål om fradrag"), a stated decision ("Vi har besluttet, at du får
 * fradrag, fordi du udeblev ...").
 */
export function detectSanction(text: string): SanctionHit | undefined {
  const openers = matchesOf(OPENER, text);
  const negatives = matchesOf(NEGATIVE_CONDITION, text);
  if (openers.length === 0 && negatives.length === 0) return undefined;

  const geometry = geometryOf(text);
  const spans = openers.map((opener) => openerSpan(geometry, opener, negatives));
  const negativeCondition = negatives.length > 0 || spans.some((span) => span.negative);

  const sanctions = [
    ...matchesOf(PUNITIVE, text).map((match) => ({ ...match, punitive: true })),
    ...matchesOf(SANCTION, text).map((match) => ({ ...match, punitive: false })),
  ].sort((a, b) => a.start - b.start);

  const counted = sanctions.filter(
    (sanction) =>
      (sanction.punitive || negativeCondition) &&
      !negatives.some((negative) => overlaps(negative, sanction)) &&
      !isNegated(geometry, sanction, negatives) &&
      !isTopic(geometry, sanction) &&
      !isConditionContent(geometry, sanction, spans, negatives)
  );
  const first = counted[0];
  if (!first) return undefined;
  // Without "hvis": a stated decision or a rule ("fradrag for de dage, hvor ...") is not a threat
  // unless it announces a future consequence ("vil medføre").
  if (
    openers.length === 0 &&
    (DECISION.test(text) || RULE_STATEMENT.test(text)) &&
    !hasFuture(geometry, counted)
  ) {
    return undefined;
  }

  const clause = clauseAt(geometry, first.start);
  const last = counted.filter((sanction) => inside(sanction, clause)).at(-1) ?? first;
  const start = Math.min(first.start, precedingFuture(geometry, first, clause));
  return { start, end: last.end, text: text.slice(start, last.end) };
}

function openerSpan(geometry: SentenceGeometry, opener: Match, negatives: Match[]): OpenerSpan {
  const edge = nextEdge(geometry, opener.end);
  const end = edge ? edge.start : geometry.text.length;
  const before = geometry.text.slice(0, opener.start).trim();
  const span: Span = { start: opener.start, end };
  const clause = geometry.text.slice(span.start, span.end);
  const negative =
    matchesOf(NEGATIVE_IN_OPENER, clause).some(
      (negation) => !WISH.test(clause.slice(negation.end))
    ) || negatives.some((negative) => inside(negative, span));
  return {
    ...span,
    opener,
    closed: edge !== undefined,
    fronted: before === "" || /[:!?]$/u.test(before),
    negative,
  };
}

function isNegated(geometry: SentenceGeometry, sanction: Match, negatives: Match[]): boolean {
  const window = windowAround(geometry, sanction, 3, 2);
  const region = geometry.text.slice(window.start, window.end);
  return matchesOf(NEGATION, region).some((negation) => {
    const absolute = { start: negation.start + window.start, end: negation.end + window.start };
    // "ikke" in "hvis du ikke møder op" belongs to the condition, not to the sanction.
    return (
      !overlaps(absolute, sanction) && !negatives.some((negative) => overlaps(negative, absolute))
    );
  });
}

function isTopic(geometry: SentenceGeometry, sanction: Match): boolean {
  const clause = clauseAt(geometry, sanction.start);
  return TOPIC_CONTEXT.test(geometry.text.slice(clause.start, sanction.start));
}

function isConditionContent(
  geometry: SentenceGeometry,
  sanction: Match,
  spans: OpenerSpan[],
  negatives: Match[]
): boolean {
  const span = spans.find((candidate) => inside(sanction, candidate));
  if (!span) return false;
  // "Hvis du mister dit job, kan du ..." / "Du kan ringe, hvis du mister ...": part of the condition.
  if (span.closed || !span.fronted) return true;
  // No comma after a fronted condition: the consequence starts after the condition's verb.
  const between = { start: span.opener.end, end: sanction.start };
  const reach = wordsBetween(geometry, between.start, between.end).length;
  return reach < CONDITION_REACH && !negatives.some((negative) => inside(negative, between));
}

/** A modal or future marker ("vil", "kan", "risikerer") in the clause of a counted sanction. */
function hasFuture(geometry: SentenceGeometry, counted: Match[]): boolean {
  const futures = matchesOf(FUTURE, geometry.text);
  return counted.some((sanction) => {
    const clause = clauseAt(geometry, sanction.start);
    return futures.some((future) => inside(future, clause));
  });
}

/** Start the quoted phrase at a modal in the same clause ("kan medføre en ... sanktion"). */
function precedingFuture(geometry: SentenceGeometry, sanction: Match, clause: Span): number {
  const before = { start: clause.start, end: sanction.start };
  const futures = matchesOf(FUTURE, geometry.text.slice(before.start, before.end));
  const last = futures.at(-1);
  if (!last) return sanction.start;
  const start = before.start + last.start;
  return wordsBetween(geometry, start, sanction.start).length <= 4 ? start : sanction.start;
}

const CONTENT_TYPES = new Set(["partshøring", "afgørelse"]);

/** Readings of the consequence model that overrule the older pattern detector. */
const OVERRULES = new Set<NotThreat>([
  "question",
  "not the reader",
  "neutral condition",
  "negated",
]);

/**
 * A sanction threat in one sentence: the consequence model (src/engine/consequence) first, the
 * older conditional-pattern detector as a second reading unless the model knows why the sentence
 * is no threat (a question, someone else's consequence, a neutral condition, a negation).
 */
export function findThreat(text: string): (SanctionHit & { framing: Framing }) | undefined {
  const reading = readConsequence(text);
  const old = detectSanction(text);
  // The older detector quotes the modal with the sanction ("vil medføre fradrag"): keep its words.
  if (reading.threat && old) return { ...old, framing: reading.framing ?? "conditional" };
  if (reading.threat && reading.consequence) {
    const { start, end } = reading.consequence;
    return { start, end, text: text.slice(start, end), framing: reading.framing ?? "conditional" };
  }
  if (reading.notThreat && OVERRULES.has(reading.notThreat)) return undefined;
  // No consequence the model can see and no reader named ("Sanktionerne ved udeblivelse er
  // stramme", "skal kommunen give skærpede sanktioner"): a sanction named as a topic.
  if (reading.notThreat === "no consequence" && !namesReader(text)) return undefined;
  return old ? { ...old, framing: "conditional" } : undefined;
}

/** unified plugin: reports conditional sanction threats outside the protected legal blocks. */
export function retextThreatSanction() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    const letter = file.data.letter!;
    for (const sentence of threatSentences(tree, letter)) {
      if (sentence.protected) continue;
      const hit = findThreat(sentence.text);
      if (!hit) continue;
      // In a hearing or a decision, a consequence without a condition is what the letter is
      // about ("Så kan du få trukket 5 dage"), stated for the citizen to answer or appeal.
      if (hit.framing === "risk" && CONTENT_TYPES.has(file.data.letterType ?? "orientering"))
        continue;
      const rewrite = supportiveRewrite(sentence.text, letter);
      const explanation = guidanceExplanation(letter, sanctionTopic(hit.text), sentence.blockIndex);
      report(file, {
        ruleId: SANCTION_RULE,
        severity: "warning",
        message: lexicon.messages.sanction.replace("{threat}", hit.text.replace(/\s+/gu, " ")),
        start: sentence.start,
        end: sentence.end,
        suggestion: { text: rewrite, explanation },
        // Replacing the sentence removes legally required information unless the letter keeps it
        // in a guidance section elsewhere; even then it changes the meaning: never a safe edit.
        ...(replaceable(letter, sentence)
          ? {
              edit: {
                kind: "replace" as const,
                start: sentence.start,
                end: sentence.end,
                text: rewrite,
                ruleId: SANCTION_RULE,
              },
              safe: false,
            }
          : {}),
        details: {
          severity: "threat",
          kind: hit.framing === "risk" ? "sanction-risk" : "sanction",
          sanction: hit.text,
          framing: hit.framing,
        },
      });
    }
  };
}

/**
 * Offer the rewrite as an edit only for a body sentence that says nothing but the threat ("..., og
 * at ..." or ";" adds more), and only when the letter keeps the guidance in another section.
 */
function replaceable(letter: Letter, sentence: ThreatSentence): boolean {
  return (
    PROSE_KINDS.has(sentence.block.kind) &&
    !/\s(?:og|men|samt) at\s|;/iu.test(sentence.text) &&
    guidanceElsewhere(letter, sentence.blockIndex) !== undefined
  );
}
