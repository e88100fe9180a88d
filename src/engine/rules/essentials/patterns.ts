import lexicon from "../../lexicons/essentials-patterns.da.json" with { type: "json" };
import { BOUNDARY, DATE_SOURCE, TIME_SOURCE, WEEKDAY_SOURCE } from "./dates.js";
import { alternation } from "../../linguistics/vocabulary.js";

/**
 * Every regular expression of the essentials family, compiled once from
 * essentials-patterns.da.json. Global (g) expressions are scanned per block with lastIndex;
 * sticky (y) ones are tried at one position.
 */

const NOT_LETTER_AFTER = "(?![\\p{L}])";

/** Replace %name% with the named pattern of the decisions section. */
function expand(source: string): string {
  const named: Record<string, string> = {
    authorities: lexicon.decisions.authorities,
    filler: lexicon.decisions.filler,
    outcomes: lexicon.decisions.outcomes,
  };
  return source.replace(/%(\w+)%/gu, (_, name: string) => {
    const value = named[name];
    if (value === undefined)
      throw new Error(`Unknown pattern %${name}% in essentials-patterns.da.json`);
    return value;
  });
}

// Dates and times
export const DATE_SCAN = new RegExp(BOUNDARY + DATE_SOURCE, "giu");
export const TIME_SCAN = new RegExp(BOUNDARY + TIME_SOURCE, "giu");
export const DATE_AT = new RegExp(DATE_SOURCE, "iuy");
export const TIME_AT = new RegExp(TIME_SOURCE, "iuy");
export const TIME_AFTER = new RegExp(`\\s+(?:${TIME_SOURCE})`, "iuy");

// Deadlines: a keyword, then a date, a time, a duration or a weekday.
const deadline = lexicon.deadline;
export const DEADLINE_SCAN = new RegExp(
  `${BOUNDARY}(${deadline.keywords}|${deadline.frameKeywords})\\s+`,
  "giu"
);
export const DAY_OF_AFTER = new RegExp(`\\s+${deadline.dayOf}${NOT_LETTER_AFTER}`, "iuy");
/** Danish number words in durations ("otte dage") and their values. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries(deadline.numberWords)
);
/** Groups: 1 count, 2 unit. */
export const DURATION_AT = new RegExp(
  `(?:de\\s+(?:næste|kommende)\\s+)?(\\d{1,3}|${[...NUMBER_WORDS.keys()].join("|")})\\s+(${deadline.durationUnits})${NOT_LETTER_AFTER}`,
  "iuy"
);
/** What a duration counts from: "efter modtagelsen af afgørelsen", "fra dato for dette brev". */
export const ANCHOR_AT = new RegExp(`\\s+${deadline.anchor}`, "iuy");
export const ANCHOR_MAX_WORDS = deadline.anchorMaxWords;
export const LETTER_DATE_ANCHOR = new RegExp(deadline.letterDateAnchor, "iu");
export const WEEKDAY_AT = new RegExp(`(?:på\\s+)?(?:${WEEKDAY_SOURCE})${NOT_LETTER_AFTER}`, "iuy");

// Places. Street names and towns are capitalised, so these are case-sensitive.
const places = lexicon.places;
const STREET_WORD = "\\p{Lu}[\\p{L}.'-]*";
export const ADDRESS_SCAN = new RegExp(
  `${BOUNDARY}(${STREET_WORD}(?:\\s+(?:${STREET_WORD}|allé|vej|gade|plads|torv|stræde|boulevard)){0,3})` +
    `\\s+(\\d{1,3}[A-Za-z]?)(?:,?\\s+(?:\\d{1,2}\\.\\s*(?:sal|th|tv|mf)\\.?|st\\.?|th\\.?|tv\\.?|mf\\.?))*` +
    `(?:,?\\s+(?:DK-)?(\\d{4})\\s+(\\p{Lu}[\\p{L}-]+(?:\\s+(?:${places.townSuffixes})(?![\\p{L}\\p{N}]))?))?` +
    "(?![\\p{L}\\p{N}])",
  "gu"
);
/** Street-name endings: the shared vocabulary @streetSuffixes. */
export const STREET_SUFFIX = new RegExp(`(?:${alternation("streetSuffixes")})$`, "iu");
export const ORGANISATION_SCAN = new RegExp(
  `${BOUNDARY}((?:${places.organisations})\\s+\\p{Lu}[\\p{L}-]*(?:\\s+(?:${places.organisationSuffixes}))?)(?![\\p{L}\\p{N}])`,
  "gu"
);
export const ROOM_SCAN = new RegExp(`${BOUNDARY}(${places.room})(?![\\p{L}\\p{N}]|\\.\\d)`, "giu");
export type RemoteMode = "phone" | "digital";
export const REMOTE_SCANS = places.remote.map((entry) => ({
  scan: new RegExp(`${BOUNDARY}(${entry.pattern})${NOT_LETTER_AFTER}`, "giu"),
  value: entry.value,
  mode: entry.mode as RemoteMode,
}));
export const REMOTE_NOT_AFTER = new RegExp(places.remoteNotAfter, "iu");

// Actions
const actions = lexicon.actions;
export interface VerbEntry {
  value: string;
  object: boolean;
  particle?: string;
}
export const VERBS: VerbEntry[] = actions.verbs.map((verb) => {
  const entry: VerbEntry = { value: verb.value, object: verb.object };
  if ("particle" in verb && typeof verb.particle === "string") entry.particle = verb.particle;
  return entry;
});
/** One alternation with a named group per verb entry (v0, v1 ...), so a match tells its entry. */
function verbAlternation(form: "imperative" | "infinitive" | "passive"): string {
  return actions.verbs
    .map((verb, index) => (verb[form] ? `(?<v${index}>${verb[form]})` : ""))
    .filter(Boolean)
    .join("|");
}
const SENTENCE_START =
  "(^\\s*(?:[-*•–]\\s+|\\d{1,2}[.)]\\s+)?|[.!?:]\\s+|\\n\\s*(?:[-*•–]\\s+|\\d{1,2}[.)]\\s+)?|,\\s+så\\s+)";
export const IMPERATIVE_SCAN = new RegExp(
  `${SENTENCE_START}(?:${verbAlternation("imperative")})${NOT_LETTER_AFTER}`,
  "giu"
);
export const MODAL_SCAN = new RegExp(
  `${BOUNDARY}(?:${actions.modal})\\s+(?:(?:${actions.adverbs})\\s+){0,3}(?:${verbAlternation("infinitive")})${NOT_LETTER_AFTER}`,
  "giu"
);
export const PASSIVE_SCAN = new RegExp(
  `${BOUNDARY}(?:(\\p{L}+)\\s+)?(?:bedes|skal)\\s+(?:(\\p{L}+)\\s+)?(?:venligst\\s+)?(?:${verbAlternation("passive")})${NOT_LETTER_AFTER}`,
  "giu"
);
export const OBJECT_SKIP_AT = new RegExp(`\\s+(?:${actions.objectSkip})${NOT_LETTER_AFTER}`, "iuy");
export const DETERMINER_AT = new RegExp(`\\s+(${actions.determiners})${NOT_LETTER_AFTER}`, "iuy");
export const WORD_AT = new RegExp("\\s+(\\p{L}[\\p{L}-]*)", "uy");
export const IS_DETERMINER = new RegExp(`^(?:${actions.determiners})$`, "iu");
export const DROP_DETERMINER = new RegExp(`^(?:${actions.dropDeterminers})$`, "iu");
export const OBJECT_STOP = new RegExp(`^(?:${actions.objectStop})$`, "iu");
export const OBJECT_MAX_WORDS = actions.objectMaxWords;
export const ADVERB_AT = new RegExp(`\\s+(?:${actions.adverbs})${NOT_LETTER_AFTER}`, "iuy");

// Decisions
export interface DecisionCue {
  scan: RegExp;
  /** "after": the outcome clause starts after the cue; "whole": the cue is part of it. */
  clause: "after" | "whole";
  prefix: string;
}
export const DECISION_CUES: DecisionCue[] = lexicon.decisions.cues.map((cue) => ({
  scan: new RegExp(`${BOUNDARY}(${expand(cue.pattern)})`, "giu"),
  clause: cue.clause as "after" | "whole",
  prefix: cue.prefix,
}));
/** Decisions that show a decision is stated but say too little to write a lead from. */
export const DECISION_NOT_FOR_LEAD: readonly RegExp[] = lexicon.decisions.cues
  .filter((cue) => !cue.useInLead)
  .map((cue) => new RegExp(`^(?:${expand(cue.pattern)})`, "iu"));
export const CLAUSE_STOP = new RegExp(lexicon.decisions.clauseStops, "iu");
export const CLAUSE_MAX_WORDS = lexicon.decisions.clauseMaxWords;

// Letter type
export type TypedLetter = "partshøring" | "afgørelse" | "indkaldelse" | "anmodning";
const letterTypes = lexicon.letterTypes;
export const SUBJECT_PRIORITY = letterTypes.subjectPriority as TypedLetter[];
export const BODY_PRIORITY = letterTypes.bodyPriority as TypedLetter[];
export const SUBJECT_CUES = SUBJECT_PRIORITY.map((type) => ({
  type,
  pattern: new RegExp(`(?:^|[^\\p{L}])(?:${letterTypes.subject[type]})`, "iu"),
}));
export const SUBJECT_ORIENTERING = new RegExp(
  `(?:^|[^\\p{L}])(?:${letterTypes.subjectOrientering})`,
  "iu"
);
export const BODY_CUES = letterTypes.body.map((cue) => ({
  type: cue.type as TypedLetter,
  pattern: new RegExp(`(?:^|[^\\p{L}])(?:${cue.pattern})`, "iu"),
  weight: cue.weight,
}));
export const LEGAL_ID_CUES = letterTypes.legalIds.map((cue) => ({
  idContains: cue.idContains,
  type: cue.type as TypedLetter,
  weight: cue.weight,
}));
export const TYPE_THRESHOLD = letterTypes.threshold;

// Guidance (sanction warnings, rights, legal basis)
const guidance = lexicon.guidance;
export const GUIDANCE = new RegExp(
  `(?:^|[^\\p{L}])(?:${guidance.sanction}|${guidance.rights}|${guidance.legalBasis})`,
  "iu"
);

/** Mode of a remote place by its normalised value ("telefonisk" -> phone). */
export const REMOTE_MODE_BY_VALUE: ReadonlyMap<string, RemoteMode> = new Map(
  REMOTE_SCANS.map((remote) => [remote.value, remote.mode])
);
