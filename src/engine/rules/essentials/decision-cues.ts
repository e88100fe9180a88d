import {
  alternation,
  formsOf,
  lemmas,
  lexeme,
  vocabulary,
  type VocabularyEntry,
} from "../../linguistics/vocabulary.js";
import { BODY_CUES, DATE_SCAN, TIME_SCAN } from "./patterns.js";
import { memoByText } from "../../util/text-memo.js";
import { gatedExec, gatedTest, mayMatch } from "../regex-gate.js";

/**
 * Letter-type cues from performatives and structure (issue 8, 3). A decision letter makes its
 * decision in so many words: an authority as subject and a decision verb in the present, the
 * perfect or after a modal ("Vi har besluttet", "Planklagenævnet kan ikke give medhold",
 * "Statsforvaltningen kan imødekomme anmodningen"), a loss stated as fact ("hvorfor der fortsat
 * trækkes kr. 516 af kontanthjælpen"), or an answer to the reader's inquiry that concludes on a
 * right ("Tak for Deres henvendelse ... har derfor ikke mulighed for at indbringe afgørelsen").
 * It is built from titled parts ("AFGØRELSE", "Kendelse af ...", "Begrundelse",
 * "Klagevejledning"). A summons names its meeting ("Du skal møde hos os mandag den 7. december
 * kl. 10.00"). An opinion ("Ombudsmandens udtalelse", "Det er statsforvaltningens
 * opfattelse, at") informs. Every word comes from the vocabularies; this module is the grammar.
 */

export type CueKind =
  | "performative"
  | "statedLoss"
  | "answer"
  | "conclusionOnRight"
  | "decisionTitle"
  | "complaintGuidance"
  | "opinionTitle"
  | "opinionMarker"
  | "summons";

const NOT_LETTER_AFTER = "(?![\\p{L}\\p{N}])";
const NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";

/** "vi" or "Vi": the authority phrases may open the sentence. */
function capitalOptional(form: string): string {
  const first = form[0]!;
  const upper = first.toUpperCase();
  return upper === first ? escape(form) : `[${first}${upper}]${escape(form.slice(1))}`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&").replace(/ /gu, "\\s+");
}

function formsList(
  name: string,
  keep: (form: string, lemma: string, entry: VocabularyEntry) => boolean
): string {
  const forms = new Set<string>();
  for (const entry of vocabulary(name).entries)
    for (const form of entry.forms)
      if (keep(form.toLowerCase(), entry.lemma, entry)) forms.add(form);
  return [...forms]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");
}

const AGENT = (() => {
  const phrases = vocabulary("authorities")
    .entries.flatMap((entry) => entry.forms)
    .sort((a, b) => b.length - a.length)
    .map(capitalOptional)
    .join("|");
  const suffixes = vocabulary("authoritySuffixes")
    .entries.flatMap((entry) => entry.forms)
    .sort((a, b) => b.length - a.length)
    .map(capitalOptional)
    .join("|");
  // A named authority is capitalised: "Planklagenævnet", "Helsingør Kommune".
  return `(?:${phrases}|(?=\\p{Lu})[\\p{L}-]*?(?:${suffixes}))`;
})();

// Present ("afslår"), participle after har/er ("besluttet", "godkendt"), infinitive after a modal.
// The simple past ("besluttede", "afslog") reports an earlier decision and is left out.
const PRESENT = formsList("decisionVerbs", (form, lemma) => form === `${lemma}r`);
const PARTICIPLE = formsList(
  "decisionVerbs",
  (form, lemma) => form.endsWith("t") && form !== lemma
);
const INFINITIVE = formsList("decisionVerbs", (form, lemma) => form === lemma);
// The s-passive ("stadfæstes", "hjemvises"), present and infinitive alike.
const PASSIVE = formsList("decisionVerbs", (form, lemma) => form === `${lemma}s`);
const PHRASES = formsList("decisionPhrases", (_, __, entry) => entry.subject !== "reader");
const READER_PHRASES = formsList("decisionPhrases", (_, __, entry) => entry.subject === "reader");
// Phrases whose verb is an s-passive ("meddeles dispensation"): the first word ends in -s.
const PASSIVE_PHRASES = formsList(
  "decisionPhrases",
  (form, lemma, entry) =>
    entry.subject !== "reader" && /^\p{L}+es\s/u.test(form) && !form.startsWith(lemma)
);
const AUX = `(?:${alternation("decisionAuxiliaries")})`;
const FILLER = "((?:\\p{L}+\\s+){0,3}?)";

/**
 * Groups: 1 auxiliary, 2 words between the auxiliary and the verb, 3 the verb or phrase. A
 * template's merge field may close around the authority ("[Myndigheden] afslår").
 */
const PERFORMATIVE = new RegExp(
  `${NOT_LETTER_BEFORE}${AGENT}[\\]}]*\\s+(?:(${AUX})\\s+)?${FILLER}` +
    `(${PRESENT}|${PARTICIPLE}|${INFINITIVE}|${PHRASES})${NOT_LETTER_AFTER}`,
  "gu"
);

/**
 * The case as subject: a definite form ("Sagen", "Klagen": -en, -et, -ne) or the lemma after a
 * genitive or the reader's possessive ("Kommunens afgørelse", "Din ansøgning").
 */
const OBJECT = (() => {
  const byLength = (a: string, b: string) => b.length - a.length;
  const definite = [...formsOf("decisionObjects")]
    .filter((form) => /(?:en|et|ne)$/u.test(form))
    .sort(byLength)
    .map(capitalOptional);
  const owners = [...formsOf("readers")].sort(byLength).map(capitalOptional).join("|");
  const lemmasOnly = vocabulary("decisionObjects")
    .entries.map((entry) => entry.lemma)
    .sort(byLength)
    .map(escape)
    .join("|");
  return `${definite.join("|")}|(?:[\\p{L}-]+s|${owners})\\s+(?:${lemmasOnly})`;
})();

/** "Der" (@expletives) opening the sentence, capitalised. */
const EXPLETIVE = lemmas("expletives")
  .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
  .join("|");

/**
 * The s-passive with the case as subject ("Sagen hjemvises", "Klagen afvises", "Ansøgningen kan
 * ikke imødekommes", "Ansøgningen er imødekommet") or an expletive "Der" opening the sentence
 * ("Der meddeles dispensation"). Same groups as PERFORMATIVE.
 */
const PASSIVE_PERFORMATIVE = new RegExp(
  `(?:${NOT_LETTER_BEFORE}(?:${OBJECT})|^(?:${EXPLETIVE}))\\s+(?:(${AUX})\\s+)?${FILLER}` +
    `(${PASSIVE}|${PARTICIPLE}|${PASSIVE_PHRASES})${NOT_LETTER_AFTER}`,
  "gu"
);

/** The reader receives the decision: "Du får afslag på din ansøgning", "De har fået medhold". */
const READER_PERFORMATIVE = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${formsList("readers", () => true)
    .split("|")
    .map(capitalOptional)
    .join("|")})\\s+(?:(${AUX})\\s+)?${FILLER}(${READER_PHRASES})${NOT_LETTER_AFTER}`,
  "gu"
);

/** Every performative pattern, with its form check: one code path for every decision. */
const PERFORMATIVES: readonly { pattern: RegExp; check: typeof isPerformative }[] = [
  { pattern: PERFORMATIVE, check: isPerformative },
  { pattern: PASSIVE_PERFORMATIVE, check: isPassivePerformative },
  { pattern: READER_PERFORMATIVE, check: isPerformative },
];

/** The performative matches of a sentence that pass their form check. */
function* performativesIn(sentence: string): Generator<RegExpExecArray> {
  for (const { pattern, check } of PERFORMATIVES) {
    pattern.lastIndex = 0;
    if (!mayMatch(pattern, sentence)) continue;
    for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence))
      if (check(match, sentence)) yield match;
  }
}

const PENDING = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${alternation("pendingMarkers")}|${alternation("conditionOpeners")})${NOT_LETTER_AFTER}`,
  "iu"
);
const CONDITION = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${alternation("conditionOpeners")})${NOT_LETTER_AFTER}`,
  "iu"
);
const NEGATION = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${alternation("negations")})${NOT_LETTER_AFTER}`,
  "iu"
);
/** "Vi har tidligere godkendt": an adverb of the past (@pastAdverbs) reports an earlier decision. */
const PAST_ADVERB = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${alternation("pastAdverbs")})${NOT_LETTER_AFTER}`,
  "iu"
);
const REFUSAL_MODAL = new RegExp(`^(?:${alternation("refusalModals")})$`, "iu");
const RISK = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${alternation("riskMarkers")})${NOT_LETTER_AFTER}`,
  "iu"
);

/** Context shared by every performative: not pending, not conditional, not dated, not negated. */
function decidesHere(match: RegExpExecArray, sentence: string): boolean {
  const aux = match[1];
  const filler = match[2] ?? "";
  // The two words before the subject in its clause: "inden vi træffer afgørelse", "hvis vi".
  const clause = sentence.slice(0, match.index).split(/[,;:]/u).pop() ?? "";
  const before = clause.trim().split(/\s+/u).slice(-2).join(" ");
  if (PENDING.test(before) || PENDING.test(filler)) return false;
  // "har den 22. juli 2002 godkendt": a dated perfect reports an earlier decision.
  if (/\p{N}/u.test(filler) || PAST_ADVERB.test(filler)) return false;
  // "kan ikke imødekomme" refuses; "har ikke besluttet" has not decided yet.
  if (NEGATION.test(filler) && !REFUSAL_MODAL.test(aux ?? "")) return false;
  return true;
}

/**
 * The s-passive decides alone ("Klagen afvises") or refuses after a negated modal ("Ansøgningen
 * kan ikke imødekommes"); "Sagen kan hjemvises" only says what may happen. A participle needs
 * "er" or "har" ("Ansøgningen er imødekommet").
 */
function isPassivePerformative(match: RegExpExecArray, sentence: string): boolean {
  if (!decidesHere(match, sentence)) return false;
  const aux = match[1];
  const verb = (match[3] ?? "").split(/\s+/u)[0]!.toLowerCase();
  if (verb.endsWith("s"))
    return aux === undefined || (REFUSAL_MODAL.test(aux) && NEGATION.test(match[2] ?? ""));
  return aux !== undefined && !REFUSAL_MODAL.test(aux);
}

function isPerformative(match: RegExpExecArray, sentence: string): boolean {
  if (!decidesHere(match, sentence)) return false;
  // The verb's form agrees with the auxiliary: a present stands alone ("afslår"), a participle
  // or an infinitive needs one ("har besluttet", "kan imødekomme"). "Vi vil træffe afgørelse"
  // has none, so it promises a decision rather than making it.
  const verb = (match[3] ?? "").split(/\s+/u)[0]!.toLowerCase();
  const present = verb.endsWith("r");
  return present !== (match[1] !== undefined);
}

/** Passive present of a loss verb ("trækkes", "nedsættes", "standses"). */
const LOSS_PASSIVE = new Set(
  vocabulary("lossVerbs")
    .entries.filter((entry) => !entry.punitive)
    .flatMap((entry) => entry.forms.filter((form) => form === `${entry.lemma}s`))
);
const benefits = lexeme("benefits");
const readers = formsOf("readers");

/** A loss of a benefit stated as fact, with no condition and no modal: a decision. */
function isStatedLoss(sentence: string): boolean {
  if (gatedTest(CONDITION, sentence) || gatedTest(RISK, sentence)) return false;
  const words = sentence.toLowerCase().match(/\p{L}[\p{L}-]*/gu) ?? [];
  if (isSpecificLoss(sentence, words)) return true;
  const at = words.findIndex((word) => LOSS_PASSIVE.has(word));
  if (at < 0 || !words.slice(at + 1, at + 8).some((word) => benefits.has(word))) return false;
  // The reader's benefit ("din hjælp nedsættes") or a conclusion on the reader's case ("hvorfor
  // der fortsat trækkes"); a rule for everyone ("nedsættes boligstøtten for alle") is news.
  return words.some((word) => readers.has(word)) || gatedTest(CONCLUSION, sentence);
}

// A loss verb (@lossVerbs) in the present ("trækker", "nedsætter") and as a participle
// ("trukket", "nedsat", "stoppet"), with the fused particle forms.
const LOSS_FORMS = vocabulary("lossVerbs").entries.flatMap((entry) =>
  [entry.forms, entry.fused ?? []].map((forms) => ({ forms, lemma: entry.lemma }))
);
const lossForms = (keep: (form: string, forms: readonly string[], lemma: string) => boolean) =>
  new Set(
    LOSS_FORMS.flatMap(({ forms, lemma }) => forms.filter((form) => keep(form, forms, lemma)))
  );
const sourceOfForms = (forms: ReadonlySet<string>) =>
  [...forms]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");
// The present is the infinitive with -r ("trækker", "nedsætter"); the participle ends in -t.
const LOSS_PRESENT = sourceOfForms(
  lossForms((form, forms) => form.endsWith("r") && forms.includes(form.slice(0, -1)))
);
const LOSS_PARTICIPLE_FORMS = lossForms((form, forms) => form.endsWith("t") && form !== forms[0]);
const LOSS_PARTICIPLE = sourceOfForms(LOSS_PARTICIPLE_FORMS);
const BECOME = formsList("beAndBecome", (form) => form === "bliver" || form === "blevet");
/**
 * Groups: 1 "har", 2 the words before the verb, 3 the verb, 4 the words after it. The authority makes the loss, present or perfect ("Vi trækker dig
 * i kontanthjælp", "Jobcentret har nedsat din hjælp"); the auxiliary agrees with the form.
 */
const ACTIVE_LOSS = new RegExp(
  `${NOT_LETTER_BEFORE}${AGENT}\\s+(?:(har)\\s+)?((?:\\p{L}+\\s+){0,2}?)(${LOSS_PRESENT}|${LOSS_PARTICIPLE})((?:\\s+\\p{L}+){0,2})${NOT_LETTER_AFTER}`,
  "u"
);
/** The loss in the bliver-passive ("Du bliver trukket", "din hjælp er blevet nedsat"); group 1 the words between. */
const BECOME_LOSS = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${BECOME})\\s+((?:\\p{L}+\\s+){0,2}?)(?:${LOSS_PARTICIPLE})${NOT_LETTER_AFTER}`,
  "iu"
);
/** Number words from two up (@numberWords; "en" and "et" are also articles). */
const COUNTS = new Set(
  vocabulary("numberWords")
    .entries.filter((entry) => (entry.value ?? 0) >= 2)
    .map((entry) => entry.lemma)
);

/**
 * A loss made by the authority or stated in the bliver-passive is the decision when it is this
 * reader's loss of a benefit (a reader word and a benefit in the sentence), not negated, and
 * measured: a number of days, an amount or a date ("for 3 dage", "med 1.200 kr.", "fra den 1.
 * juni"). Without a measure it is the rule for everyone ("Du bliver trukket i din hjælp for de
 * dage, du udebliver"). The caller has ruled out a condition and a risk.
 */
function isSpecificLoss(sentence: string, words: readonly string[]): boolean {
  if (!words.some((word) => readers.has(word)) || !words.some((word) => benefits.has(word)))
    return false;
  if (!/\p{N}/u.test(sentence) && !words.some((word) => COUNTS.has(word))) return false;
  const active = gatedExec(ACTIVE_LOSS, sentence);
  if (active) {
    const before = (sentence.slice(0, active.index).split(/[,;:]/u).pop() ?? "")
      .trim()
      .split(/\s+/u)
      .slice(-2)
      .join(" ");
    const present = !LOSS_PARTICIPLE_FORMS.has(active[3]!.toLowerCase());
    // "Vi trækker ikke i din hjælp": the negation around the verb, not in a reason after it.
    const negated = NEGATION.test(`${active[2] ?? ""} ${active[4] ?? ""}`);
    if (!PENDING.test(before) && !negated && present === (active[1] === undefined)) return true;
  }
  const become = gatedExec(BECOME_LOSS, sentence);
  return become !== null && !NEGATION.test(become[1] ?? "");
}

/** A meeting's date or clock time in the sentence ("mandag den 7. december", "kl. 10.00"). */
export function hasDateOrTime(sentence: string): boolean {
  DATE_SCAN.lastIndex = 0;
  TIME_SCAN.lastIndex = 0;
  return DATE_SCAN.test(sentence) || TIME_SCAN.test(sentence);
}

function phraseScan(name: string, flags = "iu"): RegExp {
  return new RegExp(`${NOT_LETTER_BEFORE}(?:${alternation(name)})${NOT_LETTER_AFTER}`, flags);
}
const ANSWER = phraseScan("answerCues");
const COMPLAINT = phraseScan("complaintCues");
const OPINION = phraseScan("opinionMarkers");
/**
 * A summons phrase may have up to two adverbials after its modal ("Du skal i stedet møde",
 * "Du bedes derfor møde op"): each gap between its words takes them, in group 1 onwards.
 */
const SUMMONS = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${[...formsOf("summonsPhrases")]
    .sort((a, b) => b.length - a.length)
    .map((phrase) =>
      phrase
        .split(/\s+/u)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"))
        .join("\\s+((?:\\p{L}+\\s+){0,2}?)")
    )
    .join("|")})${NOT_LETTER_AFTER}`,
  "iu"
);

/** A summons in the sentence, not negated in its gaps ("Du skal ikke møde op"). */
function isSummons(sentence: string): boolean {
  const match = gatedExec(SUMMONS, sentence);
  return match !== null && !match.slice(1).some((gap) => gap && NEGATION.test(gap));
}
const CONCLUSION = phraseScan("conclusionMarkers");
const RIGHT = phraseScan("rightPredicates");
/** "Naturklagenævnets afgørelse af ...": an authority's name in the genitive before the title. */
const AUTHORITY_GENITIVE = `(?:(?=\\p{Lu})[\\p{L}-]*?(?:${vocabulary("authoritySuffixes")
  .entries.flatMap((entry) => entry.forms)
  .map(capitalOptional)
  .join("|")})s\\s+)`;
const TITLE_PREPOSITION = alternation("titlePrepositions");
/** A title alone, or before @titlePrepositions or @partTitlePrepositions ("Afgørelse om ..."). */
const DECISION_TITLE = new RegExp(
  `^(?:${alternation("decisionTitles")})(?:$|\\s+(?:${TITLE_PREPOSITION}|${alternation("partTitlePrepositions")})\\s|[:.]?$)`,
  "iu"
);
const OPENING_TITLE = new RegExp(
  `^${AUTHORITY_GENITIVE}?(?:${alternation("decisionTitles")})\\s+(?:${TITLE_PREPOSITION})\\s`,
  "u"
);
const OPINION_TITLE = phraseScan("opinionTitles");
const TITLE_MAX_WORDS = 8;

/** Sentences of a block: split after . ! ? followed by a capital, and at line breaks. */
function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}"«»“])|\n+/u).filter((part) => part.trim());
}

/**
 * Per block text: the cancellation, the prose cues and the mention prose each read a block's
 * sentences, so a fresh analysis splits each block once. Shared lists: read, never changed.
 */
const sentences: (text: string) => readonly string[] = memoByText(splitSentences);

/**
 * Who a meeting is about. A third party (@thirdParties: "den sygemeldte", "borgeren"; not the
 * writer speaking as the authority, @authorities: "jeg") with no reader word in the sentence
 * (@readers, @objectPronouns) is someone else, as in the consequence model.
 */
const AUTHORITY_WORDS = formsOf("authorities");
const OTHERS = new Set([...formsOf("thirdParties")].filter((word) => !AUTHORITY_WORDS.has(word)));
const READER_WORDS = new Set(
  [...formsOf("readers"), ...formsOf("objectPronouns")].map((word) => word.toLowerCase())
);

function isAboutOthers(sentence: string): boolean {
  const words = sentence.toLowerCase().match(/\p{L}[\p{L}-]*/gu) ?? [];
  return words.some((word) => OTHERS.has(word)) && !words.some((word) => READER_WORDS.has(word));
}

/**
 * The prose in which a mention of a meeting ("indkaldt", "samtale") may speak of the reader's
 * own meeting: every sentence but one about someone else that names no date or time. "Jobcentret
 * vil ofte indkalde den sygemeldte til samtaler" states a practice; "Vi indkalder alle
 * sygemeldte til et informationsmøde den 3. maj kl. 10.00" still calls to a meeting.
 */
export function mentionProse(texts: readonly string[]): string {
  return texts
    .flatMap(sentences)
    .filter((sentence) => !isAboutOthers(sentence) || hasDateOrTime(sentence))
    .join("\n\n");
}

function isTitleLine(line: string): boolean {
  const trimmed = line.trim();
  return (
    trimmed.length > 0 &&
    !/[.!?,;]$/u.test(trimmed) &&
    trimmed.split(/\s+/u).length <= TITLE_MAX_WORDS
  );
}

/**
 * The first line of every block that reads as a title ("AFGØRELSE", "Kendelse af ..."). The
 * letter's opening block is its title whatever its length ("Naturklagenævnets afgørelse af 27.
 * august 2002 om fredning af ..."), when it names the decision with its authority.
 */
export function titleLines(texts: readonly string[]): string[] {
  const lines = texts.map((text) => text.split("\n")[0]!.trim());
  const titles = lines.filter(isTitleLine);
  // The opening: the first block, or the one after a sender's name ("NATURKLAGENÆVNET").
  const openings = isTitleLine(lines[0] ?? "") ? lines.slice(0, 2) : lines.slice(0, 1);
  for (const opening of openings) if (OPENING_TITLE.test(opening)) titles.push(opening);
  return titles;
}

/** A subject line that names an opinion or an information letter ("Ombudsmandens udtalelse"). */
export function isOpinionTitle(line: string): boolean {
  return isTitleLine(line) && OPINION_TITLE.test(line);
}

const CANCELLATION_WORDS = [...formsOf("cancellationMarkers")].filter((form) => !/\s/u.test(form));
const CANCELLATION_LINE = new RegExp(
  `^(?:${CANCELLATION_WORDS.map((word) => [word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()].map(escape).join("|")).join("|")})(?![\\p{L}])`,
  "u"
);
const CANCELLATION = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${[...formsOf("cancellationMarkers")]
    .filter((form) => /\s/u.test(form) || form.endsWith("s"))
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})${NOT_LETTER_AFTER}`,
  "iu"
);

/**
 * Whether a letter calls its meeting off: a line that is the marker ("AFLYST", "Aflyst") or a
 * sentence that cancels now ("Din samtale den 3. maj er aflyst"), not under a condition.
 */
export function isCancellation(texts: readonly string[]): boolean {
  return texts.some(cancels);
}

/** Per block text: while the caseworker types, only the edited block is read anew. */
const cancels = memoByText((text) => {
  for (const line of text.split("\n")) if (CANCELLATION_LINE.test(line.trim())) return true;
  for (const sentence of sentences(text))
    if (gatedTest(CANCELLATION, sentence) && !gatedTest(CONDITION, sentence)) return true;
  return false;
});

/** The cue kinds one block's prose shows, per block text: only an edited block is read anew. */
const proseCues = memoByText((text): CueKind[] => {
  const found = new Set<CueKind>();
  if (gatedTest(ANSWER, text)) found.add("answer");
  if (gatedTest(COMPLAINT, text)) found.add("complaintGuidance");
  if (gatedTest(OPINION, text)) found.add("opinionMarker");
  for (const sentence of sentences(text)) {
    if (!found.has("performative") && !performativesIn(sentence).next().done)
      found.add("performative");
    if (!found.has("statedLoss") && isStatedLoss(sentence)) found.add("statedLoss");
    if (isSummons(sentence) && hasDateOrTime(sentence)) found.add("summons");
    if (gatedTest(CONCLUSION, sentence) && gatedTest(RIGHT, sentence))
      found.add("conclusionOnRight");
  }
  return [...found];
});

/** Which cue kinds a letter's prose shows (each once). */
export function decisionCues(prose: readonly string[], titles: readonly string[]): Set<CueKind> {
  const found = new Set<CueKind>();
  for (const title of titles) {
    if (DECISION_TITLE.test(title) || OPENING_TITLE.test(title)) found.add("decisionTitle");
    if (OPINION_TITLE.test(title)) found.add("opinionTitle");
  }
  for (const text of prose) for (const cue of proseCues(text)) found.add(cue);
  // A conclusion on a right decides only in an answer to the reader's own inquiry.
  if (!found.has("answer")) found.delete("conclusionOnRight");
  return found;
}

const GRANT = new RegExp(`^(?:${alternation("grantVerbs")})$`, "iu");
const REFUSAL = phraseScan("refusalMarkers");
const APPEAL_BODY = new RegExp(
  `[\\p{L}-]*(?:${alternation("appealBodies")})${NOT_LETTER_AFTER}`,
  "iu"
);

/** Why a decision needs no klagevejledning (forvaltningsloven § 25, stk. 1). */
export type KlagevejledningExemption = "fullGrant" | "finalAppealBody" | "statedFinal" | "fine";
const FINAL = phraseScan("finalityMarkers");
/** Letter-type cues (essentials/missing) whose decision needs no klagevejledning, by why. */
const exemptCues = (why: "fullGrant" | "fineNotice") =>
  BODY_CUES.filter((cue) => cue.exemption === why).map((cue) => cue.pattern);
const GRANT_CUES = exemptCues("fullGrant");
const FINE_CUES = exemptCues("fineNotice");
/** "Din ansøgning om kontaktlinser er ikke blevet godkendt": a grant refused elsewhere in the letter. */
const NEGATED_GRANT = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${alternation("negations")})\\s+(?:\\p{L}+\\s+){0,2}?(?:${alternation("grantVerbs")})${NOT_LETTER_AFTER}`,
  "iu"
);

/**
 * A decision needs no klagevejledning when no other authority can hear an appeal (an appeal
 * body's final decision: its name is the letter's first line, "Planklagenævnet", "ERHVERVSANKENÆVNET",
 * or the decision says so itself, "afgørelsen er endelig") or
 * when it grants the request in full (every performative grants, "Statsforvaltningen kan
 * imødekomme anmodningen", or the reader's own request is approved, "Din anmodning ... er blevet
 * godkendt", and nothing refuses or grants only in part), or when it imposes a fine (a
 * bødeforlæg is accepted or left to the police and the courts; no authority hears an appeal).
 */
export function klagevejledningExemption(text: string): KlagevejledningExemption | undefined {
  const blocks = text
    .split(/\n\s*\n/u)
    .map((block) => block.trim())
    .filter(Boolean);
  // The sender's name heads the letter: the first line, a title line, not a sentence.
  const head = blocks[0]?.split("\n")[0] ?? "";
  if (isTitleLine(head) && APPEAL_BODY.test(head)) return "finalAppealBody";
  // "Nævnets afgørelse er endelig og kan ikke indbringes for anden administrativ myndighed".
  if (gatedTest(FINAL, text)) return "statedFinal";
  if (gatedTest(REFUSAL, text)) return undefined;
  // "Derfor får du nu et bødeforlæg": a fine is accepted or left to the police and the courts,
  // unless the letter also refuses or takes something (checked first, above and below).
  const fine = FINE_CUES.some((cue) => cue.test(text));
  let granted = false;
  for (const sentence of blocks.flatMap(sentences)) {
    if (isStatedLoss(sentence)) return undefined;
    if (fine) continue;
    for (const match of performativesIn(sentence)) {
      if (!GRANT.test(match[3]!.replace(/\s+/gu, " ")) || NEGATION.test(match[2] ?? ""))
        return undefined;
      granted = true;
    }
  }
  if (fine) return "fine";
  // "Din anmodning om flytning ... er blevet godkendt": the reader's own request approved.
  // Only when no grant is refused in so many words ("er ikke blevet godkendt").
  if (!granted && !NEGATED_GRANT.test(text)) granted = GRANT_CUES.some((cue) => cue.test(text));
  return granted ? "fullGrant" : undefined;
}

/** The patterns this module runs behind their gates (regex-gate.ts), for the gate's tests. */
export const GATED_PATTERNS: readonly RegExp[] = [
  PERFORMATIVE,
  PASSIVE_PERFORMATIVE,
  READER_PERFORMATIVE,
  CONDITION,
  RISK,
  CONCLUSION,
  RIGHT,
  ACTIVE_LOSS,
  BECOME_LOSS,
  SUMMONS,
  CANCELLATION,
  ANSWER,
  COMPLAINT,
  OPINION,
  FINAL,
  REFUSAL,
];
