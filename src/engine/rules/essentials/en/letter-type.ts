import { PROSE_KINDS, type Letter } from "../../../letter/model.js";
import { lemmas } from "../../../linguistics/vocabulary.js";
import type { LetterType } from "../../../types.js";
import { headerEnd, subjectIndex } from "../structure.js";

/**
 * The type of an English letter from the phrases of the shared English vocabularies
 * (@summonsPhrases, @decisionPhrases, @hearingPhrases, @requestPhrases): each phrase counts once,
 * in the subject line three times. Ties go to the more specific type (a hearing names the
 * decision it prepares; a decision may ask for documents). Anything else informs. The types keep
 * the engine's identifiers: summons = indkaldelse, decision = afgørelse, hearing = partshøring,
 * request = anmodning, information = orientering.
 */
const CUES: Array<{ type: LetterType; pattern: RegExp[] }> = [
  { type: "partshøring", pattern: patterns("hearingPhrases") },
  { type: "afgørelse", pattern: patterns("decisionPhrases") },
  { type: "anmodning", pattern: patterns("requestPhrases") },
  { type: "indkaldelse", pattern: patterns("summonsPhrases") },
];
const SUBJECT_WEIGHT = 3;

function patterns(name: string): RegExp[] {
  return lemmas(name, "en").map(
    (phrase) =>
      new RegExp(
        `(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/\s+/gu, "\\s+")}(?![\\p{L}])`,
        "iu"
      )
  );
}

export function classifyEnglishLetterType(letter: Letter): LetterType {
  const subject = letter.blocks[subjectIndex(letter)];
  const header = headerEnd(letter);
  const body = letter.blocks
    .filter(
      (block, index) =>
        block !== subject &&
        (PROSE_KINDS.has(block.kind) || block.kind === "heading") &&
        index >= header
    )
    .map((block) => block.text)
    .join("\n\n");
  let best: LetterType = "orientering";
  let bestScore = 0;
  for (const cue of CUES) {
    let score = 0;
    for (const pattern of cue.pattern) {
      if (subject && pattern.test(subject.text)) score += SUBJECT_WEIGHT;
      if (pattern.test(body)) score += 1;
    }
    if (score > bestScore) {
      best = cue.type;
      bestScore = score;
    }
  }
  return best;
}
