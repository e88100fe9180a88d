import { BOUNDARY, DATE_SOURCE, TIME_SOURCE, WEEKDAY_SOURCE } from "./dates.js";
import { alternation, formSource, vocabulary } from "../../linguistics/vocabulary.js";
import {
  actionFormsOf,
  entriesOf,
  formsSource,
  roleSource,
  sourceOf,
  type EssentialEntry,
} from "./entries.js";
import { missingData, notInLeadData } from "./wording.js";

/**
 * Every regular expression of the essentials family, compiled once from the entries of the
 * essentials rule files (`matchers:` by their `essential:` role; see entries.ts). Global (g)
 * expressions are scanned per block with lastIndex; sticky (y) ones are tried at one position.
 */

const limits = notInLeadData();

const NOT_LETTER_AFTER = "(?![\\p{L}])";

/**
 * Replace %name% in a decision entry with the named part: the authorities (or the letter's own
 * department, `authorities`), a filler, the outcomes.
 */
function expand(source: string, authorities = roleSource("decisionAuthority")): string {
  const named: Record<string, string> = {
    authorities,
    // No negation in the gap (@negations): "vi har ikke besluttet" makes no decision; no adverb
    // of the past (@pastAdverbs): "vi har tidligere besluttet" reports an earlier one.
    filler: `(?:(?!(?:${alternation("negations")}|${alternation("pastAdverbs")})\\s)\\p{L}+\\s+){0,${limits.decisionFillerMaxWords!}}?`,
    outcomes: roleSource("decisionOutcome"),
  };
  return source.replace(/%(\w+)%/gu, (_, name: string) => {
    const value = named[name];
    if (value === undefined) throw new Error(`Unknown pattern %${name}% in an essentials entry`);
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
export const DEADLINE_SCAN = new RegExp(
  `${BOUNDARY}(${roleSource("deadlineKeyword")}|(?:${roleSource("deadlineFrame")})(?:\\s+er|:))\\s+`,
  "giu"
);
export const DAY_OF_AFTER = new RegExp(`\\s+(?:${roleSource("dayOf")})${NOT_LETTER_AFTER}`, "iuy");
/** Danish number words in durations ("otte dage") and their values. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  vocabulary("numberWords").entries.map((entry) => [entry.lemma, entry.value ?? 0] as const)
);
/** What a duration unit counts in, by form: "dage" -> day, "hverdage" -> businessDay. */
export const DURATION_UNITS: ReadonlyMap<string, string> = new Map(
  entriesOf("durationUnit").flatMap((entry) =>
    (entry.forms ?? []).map((form) => [form, String(entry.value)] as const)
  )
);
/** A deadline keyword that frames a date ("fristen er", "svarfrist:"): it counts only with a date. */
export const DEADLINE_FRAME = new RegExp(`^(?:${roleSource("deadlineFrame")})`, "iu");
/** Groups: 1 count, 2 unit. */
export const DURATION_AT = new RegExp(
  `(?:(?:${roleSource("durationLead")})\\s+)?(\\d{1,3}|${roleSource("numberWord")})\\s+(${roleSource("durationUnit")})${NOT_LETTER_AFTER}`,
  "iuy"
);
/** What a duration counts from: "efter modtagelsen af afgørelsen", "fra dato for dette brev". */
export const ANCHOR_AT = new RegExp(`\\s+(?:${roleSource("durationAnchor")})\\s+`, "iuy");
export const ANCHOR_MAX_WORDS = limits.anchorMaxWords!;
export const LETTER_DATE_ANCHOR = new RegExp(`^(?:${roleSource("letterDateAnchor")})$`, "iu");
export const WEEKDAY_AT = new RegExp(
  `(?:(?:${alternation("weekdayPrepositions")})\\s+)?(?:${WEEKDAY_SOURCE})${NOT_LETTER_AFTER}`,
  "iuy"
);

// Places. Street names and towns are capitalised, so these are case-sensitive: the entries' forms
// (lower-case) are matched capitalised, postal districts in capitals.
const capitalised = (form: string) => form.charAt(0).toUpperCase() + form.slice(1);
const upper = (form: string) => form.toUpperCase();
function casedSource(role: string, cased: (form: string) => string): string {
  return formsSource(entriesOf(role).flatMap((entry) => (entry.forms ?? []).map(cased)));
}
const STREET_WORD = "\\p{Lu}[\\p{L}.'-]*";
/** "2. sal", "1. th.", "st.", "tv.": a floor after its number (@floorNumberWords) or alone (@floorSideWords). */
const FLOOR = `\\d{1,2}\\.\\s*(?:${alternation("floorNumberWords")})\\.?|(?:${alternation("floorSideWords")})\\.?`;
export const ADDRESS_SCAN = new RegExp(
  `${BOUNDARY}(${STREET_WORD}(?:\\s+(?:${STREET_WORD}|${alternation("streetSuffixes")})){0,3})` +
    `\\s+(\\d{1,3}[A-Za-z]?)(?:,?\\s+(?:${FLOOR}))*` +
    `(?:,?\\s+(?:DK-)?(\\d{4})\\s+(\\p{Lu}[\\p{L}-]+(?:\\s+(?:${casedSource("townSuffix", upper)})(?![\\p{L}\\p{N}]))?))?` +
    "(?![\\p{L}\\p{N}])",
  "gu"
);
/** Street-name endings: the shared vocabulary @streetSuffixes. */
export const STREET_SUFFIX = new RegExp(`(?:${alternation("streetSuffixes")})$`, "iu");
export const ORGANISATION_SCAN = new RegExp(
  `${BOUNDARY}((?:${casedSource("organisation", capitalised)})\\s+\\p{Lu}[\\p{L}-]*(?:\\s+(?:${casedSource("organisationSuffix", capitalised)}))?)(?![\\p{L}\\p{N}])`,
  "gu"
);
export const ROOM_SCAN = new RegExp(
  `${BOUNDARY}(${roleSource("room")})(?![\\p{L}\\p{N}]|\\.\\d)`,
  "giu"
);
export type RemoteMode = "phone" | "digital";
export const REMOTE_SCANS = entriesOf("remote").map((entry) => ({
  scan: new RegExp(`${BOUNDARY}(${sourceOf(entry)})${NOT_LETTER_AFTER}`, "giu"),
  value: String(entry.value),
  mode: entry.mode as RemoteMode,
}));
/**
 * "send det online": a remote word right after a verb or noun of answering (one word may stand
 * between). No left boundary: a compound with one of them as its head counts ("tilmeld dig online").
 */
export const REMOTE_NOT_AFTER = new RegExp(
  `(?:${roleSource("remoteNotAfter")})\\s+(?:\\p{L}+\\s+)?$`,
  "iu"
);

// Actions
export interface VerbEntry {
  value: string;
  object: boolean;
  particle?: string;
}
const ACTION_ENTRIES = entriesOf("action");
/** One entry per action (its value), in file order; a match's group v<index> names it. */
export const VERBS: VerbEntry[] = [];
for (const entry of ACTION_ENTRIES) {
  if (VERBS.some((verb) => verb.value === entry.value)) continue;
  const verb: VerbEntry = { value: String(entry.value), object: entry.object ?? false };
  if (entry.particle !== undefined) verb.particle = entry.particle;
  VERBS.push(verb);
}
/** One alternation with a named group per verb entry (v0, v1 ...), so a match tells its entry. */
function verbAlternation(form: "imperative" | "infinitive" | "passive"): string {
  return VERBS.map((verb, index) => {
    const entries = ACTION_ENTRIES.filter((entry) => entry.value === verb.value);
    // Word forms longest first ("mød op" before "mød"), then slots written as regex.
    const words = entries.flatMap((entry) => (entry.regex ? [] : actionFormsOf(entry, form)));
    const slots = entries
      .filter((entry) => entry.regex !== undefined && entry.verbForm === form)
      .map(sourceOf);
    const sources = [...(words.length > 0 ? [formsSource(words)] : []), ...slots];
    return sources.length > 0 ? `(?<v${index}>${sources.join("|")})` : "";
  })
    .filter(Boolean)
    .join("|");
}
/** Where a request can start: a sentence, a list item, or after ", så" (@resumptiveAdverbs). */
const SENTENCE_START = `(^\\s*(?:[-*•–]\\s+|\\d{1,2}[.)]\\s+)?|[.!?:]\\s+|\\n\\s*(?:[-*•–]\\s+|\\d{1,2}[.)]\\s+)?|,\\s+(?:${alternation("resumptiveAdverbs")})\\s+)`;
export const IMPERATIVE_SCAN = new RegExp(
  `${SENTENCE_START}(?:${verbAlternation("imperative")})${NOT_LETTER_AFTER}`,
  "giu"
);
export const MODAL_SCAN = new RegExp(
  `${BOUNDARY}(?:${roleSource("actionLead")})\\s+(?:(?:${roleSource("actionAdverb")})\\s+){0,3}(?:${verbAlternation("infinitive")})${NOT_LETTER_AFTER}`,
  "giu"
);
export const PASSIVE_SCAN = new RegExp(
  `${BOUNDARY}(?:(\\p{L}+)\\s+)?(?:${roleSource("passiveLead")})\\s+(?:(\\p{L}+)\\s+)?(?:(?:${alternation("politeAdverbs")})\\s+)?(?:${verbAlternation("passive")})${NOT_LETTER_AFTER}`,
  "giu"
);
export const OBJECT_SKIP_AT = new RegExp(
  `\\s+(?:${roleSource("objectSkip")})${NOT_LETTER_AFTER}`,
  "iuy"
);
export const DETERMINER_AT = new RegExp(
  `\\s+(${roleSource("determiner")})${NOT_LETTER_AFTER}`,
  "iuy"
);
export const WORD_AT = new RegExp("\\s+(\\p{L}[\\p{L}-]*)", "uy");
export const IS_DETERMINER = new RegExp(`^(?:${roleSource("determiner")})$`, "iu");
export const DROP_DETERMINER = new RegExp(`^(?:${roleSource("dropDeterminer")})$`, "iu");
export const OBJECT_STOP = new RegExp(`^(?:${roleSource("objectStop")})$`, "iu");
export const OBJECT_MAX_WORDS = limits.objectMaxWords!;
export const ADVERB_AT = new RegExp(
  `\\s+(?:${roleSource("actionAdverb")})${NOT_LETTER_AFTER}`,
  "iuy"
);

// Decisions
export interface DecisionCue {
  scan: RegExp;
  /** "after": the outcome clause starts after the cue; "whole": the cue is part of it. */
  clause: "after" | "whole";
  prefix: string;
}
const DECISION_ENTRIES = entriesOf("decision");
/** A decision entry as a cue; `authorities` as in expand. */
function decisionCue(entry: EssentialEntry, authorities?: string): DecisionCue {
  return {
    scan: new RegExp(`${BOUNDARY}(${expand(sourceOf(entry), authorities)})`, "giu"),
    clause: entry.clause ?? "whole",
    prefix: String(entry.value ?? ""),
  };
}
export const DECISION_CUES: DecisionCue[] = DECISION_ENTRIES.map((entry) => decisionCue(entry));
/**
 * The letter's own department, opening a sentence: a proper name of at least two capitalised
 * words (Danish capitalises no common noun), then a departmentAct entry ("Børn og Unge har den
 * 05-10-2026 modtaget din ansøgning", "Børn og Unge har truffet afgørelse om"). Case matters, so
 * no i flag. Group 1: the name.
 */
export const DEPARTMENT_ACT = new RegExp(
  `(?:^|[.!?]\\s+)(\\p{Lu}[\\p{L}-]*(?:\\s+(?:\\p{Ll}{1,3}\\s+)?\\p{Lu}[\\p{L}-]*)+)\\s+(?:${roleSource("departmentAct")})`,
  "u"
);
/** A name the decision entries already read as an authority ("Jobcenter Aarhus"). */
export const KNOWN_AUTHORITY = new RegExp(`^(?:${roleSource("decisionAuthority")})$`, "iu");
const OWN_AUTHORITY_ENTRIES = DECISION_ENTRIES.filter((cue) =>
  sourceOf(cue).includes("%authorities%")
);
const cuesBySender = new Map<string, readonly DecisionCue[]>();
/**
 * The decision cues of a letter: every entry, and when the letter names its own department
 * (DEPARTMENT_ACT), the authority entries again with that name as the authority. Kept per name.
 */
export function decisionCuesOf(sender: string | undefined): readonly DecisionCue[] {
  if (sender === undefined) return DECISION_CUES;
  let cues = cuesBySender.get(sender);
  if (!cues) {
    const name = formSource(sender);
    cues = [...DECISION_CUES, ...OWN_AUTHORITY_ENTRIES.map((entry) => decisionCue(entry, name))];
    // A long session meets few departments; bound the memo all the same.
    if (cuesBySender.size >= 32) cuesBySender.clear();
    cuesBySender.set(sender, cues);
  }
  return cues;
}
/** Decisions that show a decision is stated but say too little to write a lead from. */
export const DECISION_NOT_FOR_LEAD: readonly RegExp[] = DECISION_ENTRIES.filter(
  (cue) => cue.useInLead === false
).map((cue) => new RegExp(`^(?:${expand(sourceOf(cue))})`, "iu"));
export const CLAUSE_STOP = new RegExp(roleSource("clauseStop"), "iu");
export const CLAUSE_MAX_WORDS = limits.clauseMaxWords!;

// Letter type: the classifier's cues, the entries of the essentials/missing rule file (the rule
// that names the type) by their role, letterTypeSubject or letterTypeBody, and its data.
export type TypedLetter = "partshøring" | "afgørelse" | "indkaldelse" | "anmodning";
const MISSING_RULE = "essentials/missing";
const TYPED: readonly string[] = ["partshøring", "afgørelse", "indkaldelse", "anmodning"];
const letterTypeData = missingData().letterType!;
function cueType(entry: EssentialEntry): TypedLetter | "orientering" {
  const type = String(entry.value);
  if (type !== "orientering" && !TYPED.includes(type))
    throw new Error(`essentials/missing: letter-type cue with unknown type '${type}'`);
  return type as TypedLetter | "orientering";
}
const cuePattern = (source: string) => new RegExp(`(?:^|[^\\p{L}])(?:${source})`, "iu");
const SUBJECT_ENTRIES = entriesOf("letterTypeSubject", "da", MISSING_RULE);
/** The typed subject cues' types, in file order: the first that names a type decides. */
export const SUBJECT_PRIORITY: TypedLetter[] = [
  ...new Set(SUBJECT_ENTRIES.map(cueType).filter((type) => type !== "orientering")),
];
export const BODY_PRIORITY = letterTypeData.bodyPriority as TypedLetter[];
/** One pattern per type, its entries as one alternation. */
const subjectSource = (type: string) =>
  SUBJECT_ENTRIES.filter((entry) => cueType(entry) === type)
    .map(sourceOf)
    .join("|");
export const SUBJECT_CUES = SUBJECT_PRIORITY.map((type) => ({
  type,
  pattern: cuePattern(subjectSource(type)),
}));
export const SUBJECT_ORIENTERING = cuePattern(subjectSource("orientering"));
export const BODY_CUES = entriesOf("letterTypeBody", "da", MISSING_RULE).map((cue) => ({
  type: cueType(cue) as TypedLetter,
  pattern: cuePattern(sourceOf(cue)),
  weight: cue.weight ?? 1,
  /** A mention, not an act: counts only in a letter that names a date or a time. */
  dated: cue.dated === true,
  /** A decision proposed, not made ("påtænkt afgørelse"): see letter-type.ts. */
  proposal: cue.proposal === true,
  /** A decision that needs no klagevejledning: see klagevejledningExemption (decision-cues.ts). */
  exemption: cue.exemption,
}));
export const LEGAL_ID_CUES = letterTypeData.legalIds.map((cue) => ({
  idContains: cue.idContains,
  type: cue.type as TypedLetter,
  weight: cue.weight,
}));
export const TYPE_THRESHOLD = letterTypeData.threshold;

// Guidance (sanction warnings, rights, legal basis)
export const GUIDANCE = new RegExp(
  `(?:^|[^\\p{L}])(?:${roleSource("guidance", "da", "essentials/reorder")})`,
  "iu"
);

/** Mode of a remote place by its normalised value ("telefonisk" -> phone). */
export const REMOTE_MODE_BY_VALUE: ReadonlyMap<string, RemoteMode> = new Map(
  REMOTE_SCANS.map((remote) => [remote.value, remote.mode])
);
