import {
  alternation,
  formsOf,
  vocabulary,
  lexeme,
  type VocabularyEntry,
} from "../linguistics/vocabulary.js";
import { regexesWithRole } from "../rules/matchers.js";
import { clauseAt, geometryOf, type SentenceGeometry, type Span } from "../rules/threat/clauses.js";
import { foldedRegExp } from "../util/folded-regexp.js";
import { memoByText } from "../util/text-memo.js";

/**
 * The consequence model: for one Danish sentence, does it state a negative consequence for the
 * reader's benefit or rights, what triggers it, and how is it framed? threat/* reports the
 * framing; legal/* asks whether sanction guidance is complete. Every word comes from the shared
 * vocabularies (src/engine/vocabularies/da), every form from the Danish Hunspell dictionary;
 * this module holds only the clause geometry.
 */
export type ConsequenceKind = "loss" | "sanction" | "no-benefit" | "impact";
export type Trigger =
  "conditional" | "inverted condition" | "noun phrase" | "ellers" | "relative clause";
export type Framing = "conditional" | "risk";
export type NotThreat =
  | "no consequence"
  | "negated"
  | "question"
  | "not the reader"
  | "neutral condition"
  | "condition content"
  | "stated decision"
  | "rule statement"
  /** The calm rule with its way back: guidance as it should be written (legal/* reads it so). */
  | "way back"
  | "no framing";

export interface Consequence extends Span {
  kind: ConsequenceKind;
  text: string;
  /** A punishment (sanction, karantæne, bøde): a threat under any condition. */
  punitive: boolean;
  /** "konsekvenser", "betydning for": a consequence that names no sanction by itself. */
  vague: boolean;
}

export interface ConsequenceReading {
  threat: boolean;
  consequence?: Consequence;
  trigger?: Trigger;
  framing?: Framing;
  /** Why a sentence with a consequence is no threat. */
  notThreat?: NotThreat;
}

interface Word extends Span {
  lower: string;
  index: number;
}

// ---- vocabularies, compiled once per process ----
const LOSS = indexEntries("lossVerbs");
const ACQUISITION = indexEntries("acquisitionVerbs");
const SANCTION = lexeme("sanctionNouns");
const BENEFIT = lexeme("benefits");
const FAILURE_VERBS = indexEntries("failureVerbs");
const ABSENCE = lexeme("absenceVerbs");
const IMPACT = formsOf("impactNouns");
const GOVERNORS = formsOf("consequenceGovernors");
const RISK = formsOf("riskMarkers");
const NEGATIONS = formsOf("negations");
const READERS = formsOf("readers");
const THIRD = formsOf("thirdParties");
const OPENERS = phrases("conditionOpeners");
const TRIGGERS = phrases("failureTriggers");
const GENERIC_READERS = phrases("genericReaders");
const DELAY = formsOf("delayMarkers");
const STATUS = phrases("statusPredicates");
const HEDGES = phrases("riskHedges");
const WAY_BACK = phrases("wayBack");
const APPEALS = lexeme("appeals");
const REJECTION = formsOf("rejectionVerbs");
const POSSESSIVE = formsOf("secondPersonPossessives");
/** An indirect question ("regler for, hvornår du risikerer ...") names a consequence as a topic. */
const INTERROGATIVES = formsOf("interrogatives");
/** A generic role in a report of what happened ("har undersøgt sager, hvor den sygemeldte ...") is no reader. */
const PAST = formsOf("pastAuxiliaries");
/** "Du bliver trukket i dagpenge": the future passive states a loss to come. */
const FUTURE_PASSIVE = formsOf("futurePassiveAuxiliaries");
// Regex entries of threat/sanction.yml by role (word gaps: beyond the phrase grammar).
const DECISION = wordsRegex(regexesWithRole("threat/sanction", "decisionMarker"));
const RULE_STATEMENT = wordsRegex(regexesWithRole("threat/sanction", "ruleStatement"));
/** Words of a relative clause ("den, der udebliver", "de dage, hvor du ikke ..."). */
const RELATIVE = formsOf("relativeWords");
/** A counterfactual "ellers" ("hvor du ellers ville have fået") is no trigger. */
const COUNTERFACTUAL = formsOf("counterfactualAuxiliaries");
/** Subjects of an inverted condition: "Kommer du ikke ...", "Er man ...". */
const INVERTED_SUBJECTS = formsOf("invertedConditionSubjects");
/** "afgørelse om sanktion", "om ikke": what follows is a topic or a question. */
const TOPIC = formsOf("topicMarkers");
/** "når du betaler bøden": a definite sanction after a paying verb is the one already given. */
const PAYMENT = formsOf("paymentVerbs");
/** "uden": "uden at ..." and "uden rimelig grund" negate no consequence. */
const WITHOUT = formsOf("withoutWords");
const WITHOUT_CONSEQUENCE = wordsRegex(
  phrases("withoutConsequencePhrases").map((p) => p.join(" "))
);
const COMPLEMENTIZERS = formsOf("complementizers");
const UNIVERSAL = formsOf("universalQuantifiers");
const EXCEPTIONS = formsOf("exceptionOpeners");
const OTHERWISE = new Set(phrases("otherwiseMarkers").map((phrase) => phrase.join(" ")));
const RISK_VERBS = formsOf("riskVerbs");
/** "Hvis du vil have dit bødeforlæg annulleret": the reader's own wish, no failure. */
const WISHES = phrases("wishes");
const AVOID = formsOf("avoidVerbs");
const IMPACT_PREPOSITIONS = formsOf("impactPrepositions");
/** Finite forms: the verb that opens a main clause after a fronted condition (V2). */
const FINITE = formsOf("finiteVerbs");
const DEFINITE_SANCTION = /(?:et|en|ne)$/u;
/** Definite benefits stand for the reader's own ("Hjælpen kan ophøre"). */
const DEFINITE = /(?:en|et|ne|erne|ene)$/u;

function indexEntries(name: string): Map<string, VocabularyEntry[]> {
  const index = new Map<string, VocabularyEntry[]>();
  for (const entry of vocabulary(name).entries) {
    const forms = entry.particle ? entry.forms : [...entry.forms, ...(entry.fused ?? [])];
    for (const form of forms) push(index, form.toLowerCase(), entry);
    // Fused particle forms ("nedsat", "bortfalder") stand alone: no particle to look for.
    if (entry.particle)
      for (const form of entry.fused ?? [])
        push(index, form.toLowerCase(), { ...entry, particle: undefined });
  }
  return index;
}

function push(index: Map<string, VocabularyEntry[]>, key: string, entry: VocabularyEntry): void {
  const list = index.get(key);
  if (list) list.push(entry);
  else index.set(key, [entry]);
}

function phrases(name: string): string[][] {
  return vocabulary(name).entries.map((entry) => entry.lemma.toLowerCase().split(/\s+/u));
}

function wordsRegex(fragments: readonly string[]): RegExp {
  const source = fragments.map((fragment) => fragment.replace(/ /gu, "\\s+")).join("|");
  return foldedRegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, "iu");
}

/**
 * A sentence's words, lower-cased, with their index. Fields written out: an object spread per word
 * (`{ ...span, index, lower }`) cost V8 about 13 times as much, a third of a fresh analysis.
 */
function sentenceWords(geometry: SentenceGeometry): Word[] {
  const text = geometry.text;
  return geometry.words.map((span, index) => ({
    start: span.start,
    end: span.end,
    index,
    lower: text.slice(span.start, span.end).toLowerCase(),
  }));
}

// ---- reading one sentence ----
/** threat/* and legal/* read the same sentences: read each once. */
/** A sentence's clause geometry, words and consequences: read once, whoever asks. */
interface ParsedSentence {
  geometry: SentenceGeometry;
  words: Word[];
  /** Each word's clause (clauseIndex), read the first time a reading needs it. */
  clauses?: ClauseIndex;
  /** findConsequences, read the first time a reading needs it. */
  consequences?: Consequence[];
  /** The three readings, each read the first time it is asked for (null: no duty). */
  reading?: ConsequenceReading;
  legal?: SentenceConsequences;
  duty?: DutyReading | null;
}

/**
 * threat/* asks readConsequence, legal/* consequencesIn and the duty rules readDuty about the
 * same sentences: each sentence's geometry, words and consequences are read once for all three,
 * and the readings are kept with them: one memo by sentence text, not four (a fresh analysis
 * hashes and stores every new sentence once, not once per reading).
 */
const parsed = memoByText((text): ParsedSentence => {
  const geometry = geometryOf(text);
  return { geometry, words: sentenceWords(geometry) };
});

/** A sentence's clause geometry, as the consequence model read it (shared with its readers). */
export function sentenceGeometry(text: string): SentenceGeometry {
  return parsed(text).geometry;
}

function consequencesOf(sentence: ParsedSentence): Consequence[] {
  return (sentence.consequences ??= findConsequences(
    sentence.geometry,
    sentence.words,
    clausesOf(sentence)
  ));
}

/** threat/* (through findConsequences) and legal/* (readConsequences) both need it. */
function clausesOf(sentence: ParsedSentence): ClauseIndex {
  return (sentence.clauses ??= clauseIndex(sentence.geometry, sentence.words));
}

export function readConsequence(text: string): ConsequenceReading {
  const sentence = parsed(text);
  return (sentence.reading ??= read(text, sentence));
}

function read(text: string, sentence: ParsedSentence): ConsequenceReading {
  const { geometry, words } = sentence;
  // A question asks; someone else's consequence is news: whatever the words, no threat.
  if (/\?\s*["»”)]*\s*$/u.test(text)) return { threat: false, notThreat: "question" };
  const readers = words.some((word) => READERS.has(word.lower)) || genericReader(words);
  if (!readers && words.some((word) => THIRD.has(word.lower))) {
    return { threat: false, notThreat: "not the reader" };
  }
  const candidates = consequencesOf(sentence);
  if (candidates.length === 0) return { threat: false, notThreat: "no consequence" };
  if (!readers && !aboutReader(words, candidates)) return refuse(candidates[0]!, "not the reader");

  let last: ConsequenceReading | undefined;
  // A sentence rarely states more than a few consequences; a pathological one must stay linear.
  for (const consequence of candidates.slice(0, 8)) {
    const reading = readOne(geometry, words, consequence);
    if (reading.threat) return reading;
    last ??= reading;
  }
  return last!;
}

/**
 * A generic role standing for the reader ("En dagpengemodtager kan få karantæne, hvis
 * vedkommende udebliver") in a sentence that states a rule, not a report of past cases.
 */
function genericReader(words: Word[]): boolean {
  return (
    findPhrase(words, GENERIC_READERS) !== undefined && !words.some((word) => PAST.has(word.lower))
  );
}

function refuse(consequence: Consequence, why: NotThreat): ConsequenceReading {
  return { threat: false, consequence, notThreat: why };
}

function readOne(
  geometry: SentenceGeometry,
  words: Word[],
  consequence: Consequence
): ConsequenceReading {
  // "Du kan ikke afvise jobbet, uden at det har konsekvenser": two negations make a condition.
  if (doubleNegation(geometry, words, consequence)) {
    return { threat: true, consequence, trigger: "conditional", framing: "conditional" };
  }
  if (consequence.kind !== "no-benefit" && negated(geometry, words, consequence)) {
    return refuse(consequence, "negated");
  }
  const trigger = findTrigger(geometry, words, consequence);
  if (trigger === "condition content") return refuse(consequence, "condition content");
  const risk = riskFramed(geometry, words, consequence);
  if (trigger === "neutral") {
    // "Får du sygedagpenge, ..., kan kommunen i visse tilfælde stoppe for udbetalingen": the
    // condition only says whom it concerns; the hedge leaves the real conditions unsaid, so the
    // modal holds a loss over the reader. "Hvis du får arbejde, kan hjælpen stoppe" is a rule.
    if (risk && consequence.kind === "loss" && findPhrase(words, HEDGES)) {
      return { threat: true, consequence, framing: "risk" };
    }
    return refuse(consequence, "neutral condition");
  }
  const clause = clauseAt(geometry, consequence.start);
  const opening = words.find((word) => word.start >= clause.start);
  // "Det er en periode, hvor du ikke kan modtage dagpenge": a relative clause describes.
  if (!trigger && opening && RELATIVE.has(opening.lower) && opening.start < consequence.start) {
    return refuse(consequence, "rule statement");
  }
  const clausal = trigger === "conditional" || trigger === "inverted condition";
  // "Vi har besluttet, at du får fradrag ..., fordi du udeblev uden rimelig grund": the failure
  // is the decision's reason, not a condition.
  if (!clausal && DECISION.test(geometry.text) && !risk)
    return refuse(consequence, "stated decision");
  // "..., får du ikke kontanthjælp for de dage, der går, indtil du kontakter os igen": the calm
  // rule with its way back, as the guidance should be written.
  if (consequence.kind === "no-benefit" && wayBackAfter(words, consequence)) {
    return refuse(consequence, "way back");
  }
  // "vi trækker i hjælpen for de dage, hvor du uden en rimelig grund ikke kommer": the rule for
  // the days a failure happened, stated without a modal, is no warning of what may come.
  if (trigger && !clausal && RULE_STATEMENT.test(geometry.text) && !risk) {
    return refuse(consequence, "rule statement");
  }
  if (trigger) return { threat: true, consequence, trigger, framing: "conditional" };
  // "Du får karantæne": a punishment stated for the reader is a threat even without a modal.
  if (consequence.punitive && !DECISION.test(geometry.text)) {
    return { threat: true, consequence, framing: "risk" };
  }
  // "Gentagne udeblivelser vil kunne medføre en sanktion": an absence as the subject of a
  // consequence to come is a noun-phrase trigger.
  if (risk && absenceBefore(words, consequence)) {
    return { threat: true, consequence, trigger: "noun phrase", framing: "conditional" };
  }
  if (risk) return { threat: true, consequence, framing: "risk" };
  return refuse(consequence, "no framing");
}

/** Consequences in text order: loss verbs, sanction nouns, "ikke få <ydelse>", "betydning for". */
function findConsequences(
  geometry: SentenceGeometry,
  words: Word[],
  clauses: ClauseIndex
): Consequence[] {
  const found: Consequence[] = [];
  const add = (first: Word, last: Word, kind: ConsequenceKind, punitive = false) =>
    found.push({
      start: first.start,
      end: last.end,
      kind,
      punitive,
      vague: kind === "impact" || IMPACT.has(first.lower),
      text: geometry.text.slice(first.start, last.end),
    });
  // What each clause holds, counted when a word that can start a consequence is met.
  let stats: ClauseStats[] | undefined;
  const sameClause = (a: Word, b: Word | undefined) =>
    b !== undefined && clauses.of[a.index] === clauses.of[b.index];
  const within = (word: Word, from: number, to: number, test: (other: Word) => boolean) => {
    for (
      let at = Math.max(0, word.index + from);
      at <= word.index + to && at < words.length;
      at++
    ) {
      const other = words[at]!;
      if (other !== word && sameClause(word, other) && test(other)) return other;
    }
    return undefined;
  };
  for (const word of words) {
    // Most words can start no consequence: one lookup (and the sanction compounds) passes them.
    if (!STARTERS.has(word.lower) && !SANCTION.match(word.lower)) continue;
    stats ??= clauseStats(words, clauses);
    const stat = stats[clauses.of[word.index]!]!;
    // "Afgørelse om fradrag", "om stop af hjælpen": right after a topic marker no form of a verb
    // stands (a clause after "om" opens with its subject), so a loss verb's form there is the
    // noun it shares its spelling with: the imperative "fradrag", "stop", "ophør".
    const loss = TOPIC.has(words[word.index - 1]?.lower ?? "") ? undefined : LOSS.get(word.lower);
    if (loss) {
      const particleEnd = loss.some((entry) => !entry.particle)
        ? word
        : particleAfter(words, word, loss);
      const punitive = loss.some((entry) => entry.punitive === true);
      if (particleEnd && (stat.benefit > 0 || (punitive && stat.reader > 0))) {
        add(word, particleEnd, "loss", punitive);
        continue;
      }
    }
    const sanction = SANCTION.match(word.lower);
    // "Fradraget vil blive foretaget ...": a definite sanction opening the sentence is the one
    // already decided, not a consequence to come.
    const decided =
      (sanction && word.index === 0 && DEFINITE_SANCTION.test(word.lower)) ||
      // "afgørelse om sanktion", "vejledning om fradrag": the sanction is a topic.
      TOPIC.has(words[word.index - 1]?.lower ?? "") ||
      // "afsluttes sagen, når du betaler bødeforlægget": the fine already given is paid.
      (sanction &&
        DEFINITE_SANCTION.test(word.lower) &&
        PAYMENT.has(words[word.index - 1]?.lower ?? ""));
    if (sanction && !decided) {
      const self = GOVERNORS.has(word.lower) || RISK.has(word.lower) || LOSS.has(word.lower);
      // "Sanktion – hvis du ikke deltager": a heading whose condition governs the sanction.
      const headed = word.index === 0 && OPENERS.some((opener) => opener[0] === words[1]?.lower);
      if (stat.governor - (self ? 1 : 0) > 0 || headed) {
        // A headed sanction is only as punitive as its condition is a failure.
        add(word, word, "sanction", sanction.punitive === true && !headed);
        continue;
      }
    }
    if (ACQUISITION.has(word.lower)) {
      // "kan du ikke få dagpenge"; "bevilges du først ydelse fra den dag ...": a delay is a loss.
      const negation = within(
        word,
        -3,
        3,
        (other) => NEGATIONS.has(other.lower) || DELAY.has(other.lower)
      );
      const benefit = within(word, 1, 5, (other) => BENEFIT.has(other.lower));
      if (negation && benefit) {
        add(negation.index < word.index ? negation : word, benefit, "no-benefit");
        continue;
      }
    }
    // "ellers vil man afvise din klage", "kan din anke blive afvist": a right lost, no sanction.
    // Only the reader's own appeal, and not a rejection already made ("Vi har afvist din klage").
    if (REJECTION.has(word.lower) && !PAST.has(words[word.index - 1]?.lower ?? "")) {
      const appeal = within(
        word,
        -4,
        3,
        (other) => APPEALS.has(other.lower) && POSSESSIVE.has(words[other.index - 1]?.lower ?? "")
      );
      if (appeal) {
        const first = appeal.index < word.index ? appeal : word;
        const last = appeal.index < word.index ? word : appeal;
        found.push({
          start: first.start,
          end: last.end,
          kind: "loss",
          punitive: false,
          vague: true,
          text: geometry.text.slice(first.start, last.end),
        });
        continue;
      }
    }
    // "betyder det, at du ikke står til rådighed": the standing a benefit depends on is lost.
    if (NEGATIONS.has(word.lower)) {
      const status = phraseAt(words, word.index + 1, STATUS);
      if (status && sameClause(word, status)) {
        add(word, status, "no-benefit");
        continue;
      }
    }
    // "du risikerer at måtte acceptere afgørelsen": the reader is told of a risk, whatever it is.
    // "du risikerer at", "risikerer du at": the reader is the subject next to the verb.
    const inverted = READERS.has(words[word.index + 1]?.lower ?? "") ? 1 : 0;
    if (
      RISK_VERBS.has(word.lower) &&
      !INTERROGATIVES.has(firstInClause(words, clauses, word)?.lower ?? "") &&
      COMPLEMENTIZERS.has(words[word.index + 1 + inverted]?.lower ?? "") &&
      (inverted === 1 ||
        READERS.has(words[word.index - 1]?.lower ?? "") ||
        READERS.has(words[word.index - 2]?.lower ?? ""))
    ) {
      const object = words[word.index + 2 + inverted];
      if (object && sameClause(word, object) && !LOSS.has(object.lower)) {
        add(word, object, "impact");
        continue;
      }
    }
    if (IMPACT.has(word.lower)) {
      const next = words[word.index + 1];
      const target = within(word, 2, 5, (other) => BENEFIT.has(other.lower));
      if (IMPACT_PREPOSITIONS.has(next?.lower ?? "") && target) add(word, target, "impact");
    }
  }
  return found;
}

/**
 * The first word of the clause `word` stands in. A helper, not a closure over `word`: a closure
 * over the loop's word made V8 allocate a context for every word of every sentence.
 */
function firstInClause(words: Word[], clauses: ClauseIndex, word: Word): Word | undefined {
  const clause = clauses.of[word.index];
  for (const other of words) if (clauses.of[other.index] === clause) return other;
  return undefined;
}

/**
 * Every word a consequence other than a sanction noun can start at: the words findConsequences
 * tests one by one (a sanction noun may be a compound, so the lexeme is asked for those).
 */
const STARTERS: ReadonlySet<string> = new Set([
  ...LOSS.keys(),
  ...ACQUISITION.keys(),
  ...REJECTION,
  ...NEGATIONS,
  ...RISK_VERBS,
  ...IMPACT,
]);

interface ClauseStats {
  benefit: number;
  reader: number;
  governor: number;
}

/** What each clause holds: benefit, reader and governor words (one pass over the words). */
function clauseStats(words: Word[], clauses: ClauseIndex): ClauseStats[] {
  const stats = clauses.spans.map(() => ({ benefit: 0, reader: 0, governor: 0 }));
  for (const word of words) {
    const stat = stats[clauses.of[word.index]!]!;
    if (BENEFIT.has(word.lower)) stat.benefit++;
    if (READERS.has(word.lower)) stat.reader++;
    if (GOVERNORS.has(word.lower) || RISK.has(word.lower) || LOSS.has(word.lower)) stat.governor++;
  }
  return stats;
}

interface ClauseIndex {
  spans: Span[];
  /** Each word's clause, by word index. */
  of: number[];
}

/** Each word's clause (by index into `spans`), found in one merge of words and clause edges. */
function clauseIndex(geometry: SentenceGeometry, words: Word[]): ClauseIndex {
  const spans: Span[] = [];
  let start = 0;
  for (const edge of geometry.edges) {
    spans.push({ start, end: edge.start });
    start = edge.end;
  }
  spans.push({ start, end: geometry.text.length });
  const of: number[] = [];
  let clause = 0;
  for (const word of words) {
    while (clause < spans.length - 1 && word.start >= spans[clause]!.end) clause++;
    of.push(clause);
  }
  return { spans, of };
}

/** The last word of a particle verb's particle ("trækker [dig] i", "sat ned"), if it follows. */
function particleAfter(words: Word[], verb: Word, entries: VocabularyEntry[]): Word | undefined {
  for (const entry of entries) {
    const particle = entry.particle!.toLowerCase().split(/\s+/u);
    for (let at = verb.index + 1; at <= verb.index + 6 && at < words.length; at++) {
      if (particle.every((part, offset) => words[at + offset]?.lower === part)) {
        return words[at + particle.length - 1];
      }
    }
  }
  return undefined;
}

/** A negation next to the consequence, in its clause: "Vi trækker ikke i din hjælp". */
function negated(geometry: SentenceGeometry, words: Word[], consequence: Consequence): boolean {
  const clause = clauseAt(geometry, consequence.start);
  const first = words.find((word) => word.start >= consequence.start)!;
  return (
    words.some(
      (word) =>
        word.start >= clause.start &&
        word.end <= clause.end &&
        NEGATIONS.has(word.lower) &&
        !openerBefore(words, clause, word) &&
        word.index >= first.index - 3 &&
        word.index <= first.index + 2 &&
        // "om ikke ...": a negation right after a topic marker asks, it negates nothing.
        !TOPIC.has(words[word.index - 1]?.lower ?? "")
    ) ||
    WITHOUT.has(words[first.index - 1]?.lower ?? "") ||
    WITHOUT_CONSEQUENCE.test(geometry.text.slice(clause.start, consequence.end))
  );
}

/** "Hvis du ikke møder op mister du ...": the negation belongs to a comma-less condition. */
function openerBefore(words: Word[], clause: Span, negation: Word): boolean {
  return words.some(
    (word) =>
      word.start >= clause.start &&
      word.index < negation.index &&
      OPENERS.some((opener) => opener[0] === word.lower)
  );
}

/** A reader word, or a definite benefit standing for the reader's own ("Hjælpen kan ophøre"). */
function aboutReader(words: Word[], candidates: Consequence[]): boolean {
  if (words.some((word) => READERS.has(word.lower))) return true;
  if (words.some((word) => THIRD.has(word.lower))) return false;
  // "alle, der modtager kontanthjælp": everyone in the reader's situation.
  if (
    words.some(
      (word) => UNIVERSAL.has(word.lower) && RELATIVE.has(words[word.index + 1]?.lower ?? "")
    )
  )
    return true;
  // In a letter, a consequence with no one named is the reader's ("Gentagne udeblivelser kan
  // medføre en sanktion"); a sanction only named beside an authority's act is not.
  if (candidates.some((candidate) => candidate.kind !== "sanction" || candidate.punitive))
    return true;
  // "Udeblivelse fra aktiviteten vil medføre fradrag": the reader's failure is the subject.
  if (candidates.some((candidate) => absenceBefore(words, candidate))) return true;
  return candidates.some((candidate) =>
    words.some(
      (word) =>
        word.start >= candidate.start - 40 && BENEFIT.has(word.lower) && DEFINITE.test(word.lower)
    )
  );
}

type TriggerReading = Trigger | "neutral" | "condition content" | undefined;

function findTrigger(
  geometry: SentenceGeometry,
  words: Word[],
  consequence: Consequence
): TriggerReading {
  const punitive = consequence.punitive;
  const opener = findPhrase(words, OPENERS);
  if (opener) {
    const region = conditionRegion(geometry, words, opener, consequence);
    if (!region || wished(geometry, words, opener.end.index + 1, consequence))
      return "condition content";
    // "Medmindre du har en rimelig grund, ...": an exception is a failure turned round.
    const unless = EXCEPTIONS.has(opener.start.lower);
    // "Hvis du vil undgå at miste din hjælp, skal du møde op": the loss avoided is held over the
    // reader as surely as one that follows a failure.
    if (
      punitive ||
      unless ||
      avoidsBefore(words, region.start, consequence) ||
      failureIn(geometry, words, region)
    )
      return "conditional";
  }
  const inverted = invertedRegion(geometry, words, consequence);
  // "Vil du have dit bødeforlæg annulleret, ...": an inverted wish, the verb before its subject.
  if (
    inverted &&
    wished(geometry, words, words.find((w) => w.start >= inverted.start)?.index ?? -1, consequence)
  )
    return "condition content";
  if (inverted && (punitive || failureIn(geometry, words, inverted))) return "inverted condition";
  const trigger = phraseTrigger(words, consequence);
  if (trigger) return trigger;
  if (relativeFailure(geometry, words)) return "relative clause";
  // "..., ligesom eventuel udeblivelse ... vil kunne få konsekvenser": the failure is the
  // consequence's own subject, whatever the condition said.
  const clause = clauseAt(geometry, consequence.start);
  if (
    words.some(
      (word) =>
        word.start >= clause.start && word.end <= consequence.start && ABSENCE.has(word.lower)
    )
  ) {
    return "noun phrase";
  }
  if (opener || inverted) return "neutral";
  return undefined;
}

/** An avoiding verb (@avoidVerbs) from `from` up to the consequence: "Hvis du vil undgå at miste ...". */
function avoidsBefore(words: Word[], from: number, consequence: Consequence): boolean {
  return words.some(
    (word) => word.start >= from && word.end <= consequence.start && AVOID.has(word.lower)
  );
}

/**
 * Whether the condition from word `at` on is the reader's own wish (@wishes) and the consequence
 * is what is wished for: "Hvis du vil have dit bødeforlæg annulleret", "Hvis man gerne vil have
 * fradraget fjernet", "Vil du have bøden nedsat" (subject before or after the wish). A wish is
 * no failure, so a sanction named in it is the condition's content, not a threat. Not a refusal
 * ("Hvis du ikke vil deltage") nor a wish to avoid a loss ("Hvis du vil undgå en sanktion").
 */
function wished(
  geometry: SentenceGeometry,
  words: Word[],
  at: number,
  consequence: Consequence
): boolean {
  let wish = phraseAt(words, at, WISHES);
  if (
    wish ? !READERS.has(words[wish.index + 1]?.lower ?? "") : !READERS.has(words[at]?.lower ?? "")
  )
    return false;
  wish ??= phraseAt(words, at + 1, WISHES);
  if (!wish || wish.end > consequence.start) return false;
  const clause = clauseAt(geometry, wish.start);
  if (consequence.start >= clause.end) return false;
  return !words.some(
    (word) =>
      word.start >= clause.start &&
      word.end <= consequence.start &&
      (NEGATIONS.has(word.lower) || AVOID.has(word.lower))
  );
}

/** A phrase list's phrases by their first word, in list order. */
const byFirstWord = new WeakMap<string[][], Map<string, string[][]>>();
const NO_PHRASES: string[][] = [];

/**
 * The phrases of `list` that open with `word`, in list order: only they can start there. A new
 * sentence is read word by word against lists of up to some forty phrases, which after an idle
 * pause runs unoptimised: one lookup per word instead of one test per phrase.
 */
export function startingWith(list: string[][], word: string | undefined): readonly string[][] {
  return (word !== undefined && firstWordIndex(list).get(word)) || NO_PHRASES;
}

/** A phrase list's phrases by their first word: looked up once per walk over a sentence's words. */
function firstWordIndex(list: string[][]): Map<string, string[][]> {
  let index = byFirstWord.get(list);
  if (!index) {
    index = new Map();
    for (const phrase of list) {
      const same = index.get(phrase[0]!);
      if (same) same.push(phrase);
      else index.set(phrase[0]!, [phrase]);
    }
    byFirstWord.set(list, index);
  }
  return index;
}

/** Whether `phrase` stands in `words` from word `at` on. */
function phraseStandsAt(words: Word[], at: number, phrase: string[]): boolean {
  for (let offset = 0; offset < phrase.length; offset++) {
    if (words[at + offset]?.lower !== phrase[offset]) return false;
  }
  return true;
}

/** The last word of a phrase from `list` that starts at word `at`, if one does. */
function phraseAt(words: Word[], at: number, list: string[][]): Word | undefined {
  for (const phrase of startingWith(list, words[at]?.lower)) {
    if (phraseStandsAt(words, at, phrase)) {
      return words[at + phrase.length - 1];
    }
  }
  return undefined;
}

/**
 * "kan du ikke afvise det, uden at det har konsekvenser for din dagpengeret": a consequence
 * after "uden at" whose preceding clause is negated holds when the reader does the act.
 */
function doubleNegation(
  geometry: SentenceGeometry,
  words: Word[],
  consequence: Consequence
): boolean {
  const clause = clauseAt(geometry, consequence.start);
  const opening = words.filter((word) => word.start >= clause.start).slice(0, 2);
  if (
    !WITHOUT.has(opening[0]?.lower ?? "") ||
    !COMPLEMENTIZERS.has(opening[1]?.lower ?? "") ||
    clause.start === 0
  ) {
    return false;
  }
  const before = clauseAt(geometry, Math.max(0, clause.start - 2));
  return words.some(
    (word) => word.start >= before.start && word.end <= before.end && NEGATIONS.has(word.lower)
  );
}

function findPhrase(words: Word[], list: string[][]): { start: Word; end: Word } | undefined {
  const index = firstWordIndex(list);
  for (const word of words) {
    const phrases = index.get(word.lower);
    if (!phrases) continue;
    for (const phrase of phrases) {
      if (phraseStandsAt(words, word.index, phrase)) {
        return { start: word, end: words[word.index + phrase.length - 1]! };
      }
    }
  }
  return undefined;
}

/**
 * The condition's words: from the opener to the clause of the consequence when the consequence
 * follows ("Hvis de vurderer, at du ikke står til rådighed, | kan de ..."), or to the sentence end
 * when it comes first ("Du mister hjælpen, hvis ..."). Undefined when the consequence lies inside
 * the condition ("Hvis du mister dit job, kan du kontakte os").
 */
function conditionRegion(
  geometry: SentenceGeometry,
  words: Word[],
  opener: { start: Word; end: Word },
  consequence: Consequence
): Span | undefined {
  const text = geometry.text;
  if (consequence.start < opener.start.start)
    return { start: opener.start.start, end: text.length };
  const clause = clauseAt(geometry, consequence.start);
  if (clause.start > opener.start.start) return { start: opener.start.start, end: clause.start };
  // "Hvis du har fået en sanktion, kan du klage": a condition fronted in its sentence ends where
  // the main clause's finite verb follows it (V2), so a consequence before that lies inside it;
  // unless the condition is to avoid it ("Hvis du vil undgå en sanktion, skal du møde op").
  const next = words.find((word) => word.start >= clause.end);
  if (
    opener.start.index === 0 &&
    next !== undefined &&
    FINITE.has(next.lower) &&
    !avoidsBefore(words, opener.start.start, consequence)
  )
    return undefined;
  // The same clause (no comma after the condition): the condition reaches its own verb.
  const between = words.filter(
    (word) => word.start > opener.end.end && word.end <= consequence.start
  );
  const reach = { start: opener.start.start, end: consequence.start };
  // "Hvis du udebliver trækkes du i hjælp": a failure before the consequence ends the condition.
  if (between.length >= 3 || failureIn(geometry, words, reach)) return reach;
  // "..., hvis du:" - a list of conditions follows: an open failure list.
  return undefined;
}

/** A failure: a negated duty ("ikke møder op"), an absence ("udebliver"), or a trigger phrase. */
function failureIn(geometry: SentenceGeometry, words: Word[], region: Span): boolean {
  const inside = words.filter((word) => word.start >= region.start && word.end <= region.end);
  // "..., hvis du:" - the conditions follow as a list: the pages list failures there.
  if (inside.length <= 3 && endsWithColon(geometry.text)) return true;
  if (inside.some((word) => ABSENCE.has(word.lower))) return true;
  if (phraseIn(inside, TRIGGERS)) return true;
  const negation = inside.findIndex((word) => NEGATIONS.has(word.lower));
  if (negation < 0) return false;
  // "hvis du ikke er til rådighed": the standing a benefit depends on is a duty failed.
  if (phraseAt(inside, negation + 1, STATUS)) return true;
  return inside
    .slice(Math.max(0, negation - 2), negation + 5)
    .some((word) => FAILURE_VERBS.has(word.lower));
}

/** /:\s*$/ without scanning the whole text: legal/* asks every clause of a long sentence. */
function endsWithColon(text: string): boolean {
  let at = text.length - 1;
  while (at >= 0 && /\s/u.test(text[at]!)) at--;
  return text[at] === ":";
}

function phraseIn(inside: Word[], list: string[][]): boolean {
  const index = firstWordIndex(list);
  for (let at = 0; at < inside.length; at++) {
    for (const phrase of index.get(inside[at]!.lower) ?? NO_PHRASES) {
      if (phraseStandsAt(inside, at, phrase)) return true;
    }
  }
  return false;
}

/** "Kommer du ikke til samtalen, ...", "Afleveres skemaet ikke, ...", "Er man selvforskyldt ledig". */
function invertedRegion(
  geometry: SentenceGeometry,
  words: Word[],
  consequence: Consequence
): Span | undefined {
  for (const clauseStart of [
    0,
    ...geometry.edges.filter((edge) => geometry.text[edge.start] === ":").map((edge) => edge.end),
  ]) {
    const first = words.find((word) => word.start >= clauseStart);
    if (!first || first.start >= consequence.start) continue;
    const second = words[first.index + 1];
    const subjectFirst = second && INVERTED_SUBJECTS.has(second.lower);
    const passive =
      /es$/u.test(first.lower) &&
      words.slice(first.index + 1, first.index + 4).some((word) => NEGATIONS.has(word.lower));
    if (!subjectFirst && !passive) continue;
    if (READERS.has(first.lower) || /^(?:hvis|når|der|det|den|de|som)$/u.test(first.lower))
      continue;
    const clause = clauseAt(geometry, consequence.start);
    const end = clause.start > first.start ? clause.start : consequence.start;
    return { start: first.start, end };
  }
  return undefined;
}

function phraseTrigger(words: Word[], consequence: Consequence): Trigger | undefined {
  const index = firstWordIndex(TRIGGERS);
  for (const word of words) {
    for (const phrase of index.get(word.lower) ?? NO_PHRASES) {
      if (!phraseStandsAt(words, word.index, phrase)) continue;
      if (OTHERWISE.has(phrase.join(" "))) {
        if (COUNTERFACTUAL.has(words[word.index + 1]?.lower ?? "")) continue;
        return "ellers";
      }
      if (word.start >= consequence.start && word.start < consequence.end) continue;
      return "noun phrase";
    }
  }
  return undefined;
}

function wayBackAfter(words: Word[], consequence: Consequence): boolean {
  return words.some(
    (word) => word.start >= consequence.end && phraseAt(words, word.index, WAY_BACK) !== undefined
  );
}

function absenceBefore(words: Word[], consequence: Consequence): boolean {
  return words.some((word) => word.end <= consequence.start && ABSENCE.has(word.lower));
}

/** "Den, der udebliver ...", "for de dage, hvor du ikke er mødt op". */
function relativeFailure(geometry: SentenceGeometry, words: Word[]): boolean {
  return words.some((word) => {
    if (!RELATIVE.has(word.lower)) return false;
    const clause = clauseAt(geometry, word.start);
    return failureIn(geometry, words, { start: word.start, end: clause.end });
  });
}

/** A modal or risk word before the consequence in its clause ("kan ophøre", "risikerer at miste"). */
function riskFramed(geometry: SentenceGeometry, words: Word[], consequence: Consequence): boolean {
  const clause = clauseAt(geometry, consequence.start);
  // "Det kan betyde, at du ikke længere er berettiget til ...": the modal governs the at-clause.
  if (clause.start > 0) {
    const before = clauseAt(geometry, Math.max(0, clause.start - 2));
    const lead = words.filter((word) => word.start >= before.start && word.end <= before.end);
    if (
      // A duty modal ("skal") frames a duty, not a risk.
      lead.some((word) => RISK.has(word.lower) && !DUTY_MODALS.has(word.lower)) &&
      lead.some((word) => GOVERNORS.has(word.lower))
    )
      return true;
  }
  const first = words.find((word) => word.start >= consequence.start)!;
  // "Du bliver trukket i dagpenge", "bliver du trukket": the reader is the passive's subject
  // ("Du får at vide, at din SU bliver stoppet" reports a decision).
  const passive = [words[first.index - 1], words[first.index - 2]].find(
    (word) => word && word.start >= clause.start && FUTURE_PASSIVE.has(word.lower)
  );
  if (
    consequence.kind === "loss" &&
    passive &&
    [words[passive.index - 1], words[passive.index + 1]].some(
      (word) => word && READERS.has(word.lower)
    )
  ) {
    return true;
  }
  return words.some(
    (word) =>
      word.start >= clause.start &&
      word.end <= clause.end &&
      RISK.has(word.lower) &&
      !DUTY_MODALS.has(word.lower) &&
      word.index >= first.index - 6 &&
      word.index <= first.index + 1
  );
}

/**
 * For legal/* (issue 8, 3: one consequence model): every consequence the model finds in one
 * sentence, in text order, and whether the sentence states a failure of the reader's (what a
 * sanction is for: an absence, a negated duty, a trigger phrase). Read once per sentence.
 */
export interface SentenceConsequences {
  consequences: Consequence[];
  failure: boolean;
}

export function consequencesIn(text: string): SentenceConsequences {
  const sentence = parsed(text);
  return (sentence.legal ??= readConsequences(sentence));
}

function readConsequences(sentence: ParsedSentence): SentenceConsequences {
  const { geometry, words } = sentence;
  // Clause by clause: "Du får ikke hjælp, hvis du ikke kommer" has its failure in the second.
  // Each clause gets only its own words, so a sentence of many clauses stays linear.
  const clauses = clausesOf(sentence);
  const wordsOf = clauses.spans.map((): Word[] => []);
  for (const word of words) wordsOf[clauses.of[word.index]!]!.push(word);
  return {
    consequences: consequencesOf(sentence),
    failure: clauses.spans.some((clause, at) => failureIn(geometry, wordsOf[at]!, clause)),
  };
}

/** Whether a sentence names the reader (@readers: du, dig, din, man ...). */
export function namesReader(text: string): boolean {
  return (text.toLowerCase().match(/[\p{L}]+/gu) ?? []).some((word) => READERS.has(word));
}

// ---- duties: obligation framing ----
const DUTY_VERBS = formsOf("dutyVerbs");
const DUTY_NOUNS = lexeme("dutyNouns");
/** "skal have" (receive) and "skal klage" (a right the reader may use) state no duty. */
const NOT_DUTY = formsOf("notDutyAfterSkal");
const OBLIGATORY = foldedRegExp(
  `(?<![\\p{L}])(?:${alternation("requirementWords")})(?![\\p{L}])`,
  "iu"
);
const OTHER_HOLDERS = lexeme("otherDutyHolders");
const READER_POSSESSIVES = formsOf("readerPossessives");
const DUTY_MODALS = formsOf("dutyModals");
const READER_SUBJECTS = formsOf("readerSubjects");
const DUTY_GOALS = formsOf("dutyGoalPrepositions");
const PROHIBITIONS = phrases("prohibitions");
const DUTY_HOLDING = formsOf("dutyHoldingVerbs");

export interface DutyReading extends Span {
  text: string;
}

/**
 * A duty put on the reader: "du skal møde op", "skal du melde dig ledig", "har du mødepligt",
 * "Du må ikke omadressere", "Det er obligatorisk at deltage", "Kommunen skal oplyses om ...".
 * Not: the authority's duties ("Kommunen skal give dig besked"), "du skal ikke", "du skal have",
 * a question, someone else's duty.
 */
export function readDuty(text: string): DutyReading | undefined {
  const sentence = parsed(text);
  if (sentence.duty === undefined) sentence.duty = dutyOf(text, sentence) ?? null;
  return sentence.duty ?? undefined;
}

function dutyOf(text: string, sentence: ParsedSentence): DutyReading | undefined {
  if (/\?\s*["»”)]*\s*$/u.test(text)) return undefined;
  const { words } = sentence;
  const readers = words.some((word) => READERS.has(word.lower));
  if (!readers && words.some((word) => THIRD.has(word.lower))) return undefined;
  const span = (first: Word, last: Word) => ({
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
  });
  for (const word of words) {
    const next = words[word.index + 1];
    const previous = words[word.index - 1];
    if (DUTY_MODALS.has(word.lower)) {
      // "du skal", "skal du", "man skal"; a passive duty: "Kommunen skal oplyses om ...".
      const subject = [previous, next].find((other) => other && READER_SUBJECTS.has(other.lower));
      const verbAt = subject === next ? word.index + 2 : word.index + 1;
      const window = words.slice(verbAt, verbAt + 3);
      if (window[0] && NOT_DUTY.has(window[0].lower)) continue;
      const verb = window.find(
        (other) => DUTY_VERBS.has(other.lower) || DUTY_GOALS.has(other.lower)
      );
      if (subject && verb) return span(subject.index < word.index ? subject : word, verb);
      const passive = words[word.index + 1];
      if (
        !subject &&
        passive &&
        /es$/u.test(passive.lower) &&
        DUTY_VERBS.has(passive.lower.slice(0, -1))
      ) {
        return span(word, passive);
      }
    }
    // "du må ikke", "man må ikke".
    const prohibition = phraseAt(words, word.index, PROHIBITIONS);
    if (prohibition && previous && READER_SUBJECTS.has(previous.lower)) {
      return span(previous, prohibition);
    }
    // "har du mødepligt", "din oplysningspligt" - the reader holds the duty ("rettigheder og
    // pligter" and "de har tavshedspligt" are no duty on the reader).
    if (DUTY_NOUNS.has(word.lower) && !/er$/u.test(word.lower)) {
      const before = words
        .slice(Math.max(0, word.index - 3), word.index)
        .map((other) => other.lower);
      const held =
        READER_POSSESSIVES.has(previous?.lower ?? "") ||
        (before.some((other) => READER_SUBJECTS.has(other)) &&
          before.some((other) => DUTY_HOLDING.has(other)));
      if (held) return span(word, word);
    }
  }
  const obligatory = OBLIGATORY.exec(text);
  if (obligatory && !words.some((word) => OTHER_HOLDERS.has(word.lower))) {
    return {
      start: obligatory.index,
      end: obligatory.index + obligatory[0].length,
      text: obligatory[0],
    };
  }
  return undefined;
}
