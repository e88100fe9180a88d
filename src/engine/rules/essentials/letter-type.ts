import { PROSE_KINDS, type Letter } from "../../letter/model.js";
import type { LetterType } from "../../types.js";
import {
  BODY_CUES,
  BODY_PRIORITY,
  LEGAL_ID_CUES,
  SUBJECT_CUES,
  SUBJECT_ORIENTERING,
  TYPE_THRESHOLD,
  type TypedLetter,
} from "./patterns.js";
import { headerEnd, subjectIndex } from "./structure.js";
import { formsOf } from "../../linguistics/vocabulary.js";
import { gatedTest } from "../regex-gate.js";
import {
  decisionCues,
  hasDateOrTime,
  isCancellation,
  mentionProse,
  isOpinionTitle,
  titleLines,
  type CueKind,
} from "./decision-cues.js";

/** What each performative or structural cue (decision-cues.ts) weighs, and for which type. */
const CUE_WEIGHTS: Record<CueKind, { type: TypedLetter | "orientering"; weight: number }> = {
  performative: { type: "afgørelse", weight: 3 },
  statedLoss: { type: "afgørelse", weight: 3 },
  decisionTitle: { type: "afgørelse", weight: 3 },
  complaintGuidance: { type: "afgørelse", weight: 3 },
  conclusionOnRight: { type: "afgørelse", weight: 2 },
  answer: { type: "afgørelse", weight: 1 },
  opinionTitle: { type: "orientering", weight: 3 },
  opinionMarker: { type: "orientering", weight: 2 },
  summons: { type: "indkaldelse", weight: 3 },
};

/** The decision parts a proposed decision carries too: not weighed in a letter that proposes. */
const PROPOSAL_PARTS: ReadonlySet<CueKind> = new Set(["decisionTitle", "complaintGuidance"]);

/** Blocks whose first line may be a title: "AFGØRELSE", "Kendelse af 18. oktober 2012". */
const TITLED_KINDS = new Set(["subject", "heading", "paragraph"]);
const FINITE_VERBS = formsOf("finiteVerbs");

/**
 * The letter's type. The subject line decides when it names one (cues tried in priority order:
 * "Partshøring før afgørelse om ..." is a partshøring; "Orientering om ..." an orientering).
 * Otherwise body cues and protected legal blocks (a klagevejledning means an afgørelse) are
 * weighed, each cue once; the best type at or above the threshold wins, ties in body priority
 * order (an afgørelse often mentions the earlier partshøring). Anything else is an orientering.
 */
export function classifyLetterType(letter: Letter): LetterType {
  const top = letter.blocks[subjectIndex(letter)];
  // A top line that is a whole clause ("Samtaler med jobcenteret bliver digitale", "Det glæder
  // os at kunne invitere dig til") is a headline or the letter's first sentence, not a title
  // naming the letter: it is read with the body, and the body decides.
  const subject = top && !isClause(top.text) ? top : undefined;
  // A letter that calls its meeting off informs, whatever its subject line names ("Samtale
  // 3. maj", "Offentligt møde ..."), unless it also calls to a new meeting.
  if (isCancellation(letter.blocks.filter((block) => !block.legal).map((block) => block.text))) {
    const prose = letter.blocks.filter((block) => block !== subject && !block.legal);
    if (
      !decisionCues(
        prose.map((block) => block.text),
        []
      ).has("summons")
    )
      return "orientering";
  }
  if (subject) {
    const hit = SUBJECT_CUES.find((cue) => gatedTest(cue.pattern, subject.text));
    if (hit) return hit.type;
    if (gatedTest(SUBJECT_ORIENTERING, subject.text) || isOpinionTitle(subject.text))
      return "orientering";
  }

  const header = headerEnd(letter);
  const bodyBlocks = letter.blocks.filter(
    (block, index) =>
      block !== subject &&
      (PROSE_KINDS.has(block.kind) ||
        block.kind === "heading" ||
        (block === top && block.kind === "subject")) &&
      (index >= header || block === top)
  );
  const body = bodyBlocks.map((block) => block.text).join("\n\n");
  const scores = new Map<TypedLetter | "orientering", number>();
  const add = (type: TypedLetter | "orientering", weight: number) =>
    scores.set(type, (scores.get(type) ?? 0) + weight);
  const titled = letter.blocks.filter((block) => TITLED_KINDS.has(block.kind));
  const cues = decisionCues(
    bodyBlocks.map((block) => block.text),
    titleLines(titled.map((block) => block.text))
  );
  // A decision proposed, not made ("påtænkt afgørelse"), is written out as the decision would be,
  // titled parts and klagevejledning included: in a letter that decides nothing itself (no
  // performative, no stated loss) those parts are the proposal's and do not weigh.
  const proposal =
    !cues.has("performative") &&
    !cues.has("statedLoss") &&
    BODY_CUES.some((cue) => cue.proposal && cue.pattern.test(body));
  for (const cue of cues)
    if (!(proposal && PROPOSAL_PARTS.has(cue))) add(CUE_WEIGHTS[cue].type, CUE_WEIGHTS[cue].weight);
  // A letter that calls the reader names the meeting or performs the call; one that only speaks
  // of meetings ("de samtaler, du er indkaldt til") without a date or time calls no one.
  const dated = bodyBlocks.some((block) => hasDateOrTime(block.text));
  // A mention about someone else ("vil ofte indkalde den sygemeldte til samtaler") is no call
  // to the reader either: mentions are read only in the sentences that may be about the reader.
  const mentions = mentionProse(bodyBlocks.map((block) => block.text));
  for (const cue of BODY_CUES) {
    if (cue.dated && !dated) continue;
    if (gatedTest(cue.pattern, cue.dated ? mentions : body, true)) add(cue.type, cue.weight);
  }
  for (const cue of LEGAL_ID_CUES) {
    if (proposal && cue.type === "afgørelse") continue;
    if (letter.blocks.some((block) => block.legal?.id.includes(cue.idContains)))
      add(cue.type, cue.weight);
  }

  let best: TypedLetter | undefined;
  for (const type of BODY_PRIORITY) {
    const score = scores.get(type) ?? 0;
    if (score >= TYPE_THRESHOLD && (best === undefined || score > (scores.get(best) ?? 0)))
      best = type;
  }
  // An opinion that weighs as much as the best type's cues informs rather than decides.
  if (best !== undefined && (scores.get("orientering") ?? 0) >= (scores.get(best) ?? 0))
    return "orientering";
  return best ?? "orientering";
}

/** A finite verb (@finiteVerbs) among the words: the line is a clause, not a title. */
function isClause(line: string): boolean {
  return (line.toLowerCase().match(/\p{L}+/gu) ?? []).some((word) => FINITE_VERBS.has(word));
}
