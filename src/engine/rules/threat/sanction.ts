import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { PROSE_KINDS, type Letter } from "../../letter/model.js";
import { report } from "../../report.js";
import { clauseAt, type SentenceGeometry, type Span } from "./clauses.js";
import { readConsequence, sentenceGeometry, type Framing } from "../../consequence/model.js";
import { alternation, formsOf } from "../../linguistics/vocabulary.js";
import { SANCTION_MESSAGES, fill } from "./messages.js";
import { guidanceElsewhere, guidanceExplanation } from "./guidance.js";
import { sanctionTopic, supportiveRewrite } from "./rewrite.js";
import { isDanishLetter, threatSentences, type ThreatSentence } from "./scan.js";
import { memoByText } from "../../util/text-memo.js";

export const SANCTION_RULE = "threat/sanction";

/**
 * Modals and future auxiliaries that open the quoted threat ("vil medføre fradrag"): the risk
 * markers, but not a duty's auxiliary (@dutyAuxiliaries: "skal" states a duty, not a risk).
 */
const DUTY = formsOf("dutyAuxiliaries");
const FUTURE = new Set([...formsOf("riskMarkers")].filter((form) => !DUTY.has(form)));

export interface SanctionHit {
  /** The threatening phrase, offsets relative to the sentence ("vil medføre fradrag"). */
  start: number;
  end: number;
  text: string;
}

/** Start the quoted phrase at a modal in the same clause, at most 4 words before the consequence. */
function precedingFuture(geometry: SentenceGeometry, consequence: Span, clause: Span): number {
  const before = geometry.words.filter(
    (word) => word.start >= clause.start && word.end <= consequence.start
  );
  // The earliest modal of the chain in the last four words ("vil kunne få konsekvenser").
  const from = Math.max(0, before.length - 4);
  let at = from;
  while (
    at < before.length &&
    !FUTURE.has(geometry.text.slice(before[at]!.start, before[at]!.end).toLowerCase())
  )
    at++;
  return at < before.length ? before[at]!.start : consequence.start;
}

const CONTENT_TYPES = new Set(["partshøring", "afgørelse"]);

/** "..., og at ..." (@coordinators, @complementizers) or ";": the sentence says more than the threat. */
const SAYS_MORE = new RegExp(
  `\\s(?:${alternation("coordinators")}) (?:${alternation("complementizers")})\\s|;`,
  "iu"
);

/**
 * A sanction threat in one sentence, as the consequence model (src/engine/consequence) reads it.
 * The quoted phrase starts at a modal or future auxiliary close before the consequence in its
 * clause ("vil medføre fradrag", "kan din hjælp blive standset"), so the message quotes what the
 * reader hears.
 */
export function findThreat(text: string): (SanctionHit & { framing: Framing }) | undefined {
  const reading = readConsequence(text);
  if (!reading.threat || !reading.consequence) return undefined;
  const geometry = sentenceGeometry(text);
  const consequence = reading.consequence;
  const clause = clauseAt(geometry, consequence.start);
  const start = Math.min(consequence.start, precedingFuture(geometry, consequence, clause));
  return {
    start,
    end: consequence.end,
    text: text.slice(start, consequence.end),
    framing: reading.framing ?? "conditional",
  };
}

/** What the rule reads from one sentence alone: its threat, topic and whether it says more. */
interface SentenceThreat {
  hit: SanctionHit & { framing: Framing };
  topic: string;
  saysMore: boolean;
}

/**
 * Per sentence text: while the caseworker types, every other sentence of the letter is the same
 * text as before, so only the edited sentence is read anew.
 */
const threatIn = memoByText((text: string): SentenceThreat | undefined => {
  const hit = findThreat(text);
  if (!hit) return undefined;
  return { hit, topic: sanctionTopic(hit.text), saysMore: SAYS_MORE.test(text) };
});

/** The sanction threat in one sentence, if any (the public name of findThreat). */
export function detectSanction(text: string): SanctionHit | undefined {
  const hit = threatIn(text)?.hit;
  return hit && { start: hit.start, end: hit.end, text: hit.text };
}

/** unified plugin: reports conditional sanction threats outside the protected legal blocks. */
export function retextThreatSanction() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    const letter = file.data.letter!;
    for (const sentence of threatSentences(tree, letter)) {
      if (sentence.protected) continue;
      const threat = threatIn(sentence.text);
      if (!threat) continue;
      const hit = threat.hit;
      // In a hearing or a decision, a consequence without a condition is what the letter is
      // about ("Så kan du få trukket 5 dage"), stated for the citizen to answer or appeal.
      if (hit.framing === "risk" && CONTENT_TYPES.has(file.data.letterType ?? "orientering"))
        continue;
      const rewrite = supportiveRewrite(sentence.text, letter);
      const explanation = guidanceExplanation(letter, threat.topic, sentence.blockIndex);
      report(file, {
        ruleId: SANCTION_RULE,
        severity: "warning",
        message: fill(SANCTION_MESSAGES.sanction, "threat", hit.text.replace(/\s+/gu, " ")),
        start: sentence.start,
        end: sentence.end,
        suggestion: { text: rewrite, explanation },
        // Replacing the sentence removes legally required information unless the letter keeps it
        // in a guidance section elsewhere; even then it changes the meaning: never a safe edit.
        ...(replaceable(letter, sentence, threat.saysMore)
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
function replaceable(letter: Letter, sentence: ThreatSentence, saysMore: boolean): boolean {
  return (
    PROSE_KINDS.has(sentence.block.kind) &&
    !saysMore &&
    guidanceElsewhere(letter, sentence.blockIndex) !== undefined
  );
}
