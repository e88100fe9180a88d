import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { formsOf, lexeme } from "../../linguistics/vocabulary.js";
import type { Letter } from "../../letter/model.js";
import { report } from "../../report.js";
import { activeInfinitive, activePresent, formsOfRole, presentOfLemma } from "./grammar.js";
import { officialeseMatches } from "./lexicon.js";
import {
  adjacent,
  atSentenceStart,
  capitalise,
  isCapitalised,
  isDanishLetter,
  memoByTokens,
  plainSentences,
  type PlainSentence,
  type Token,
} from "./tokens.js";

export const PASSIVE_RULE = "plain/passive";

/** Word lists from the rule file (src/engine/rules/da/plain/passive.yml) and @vocabularies. */
const MODALS = formsOfRole("modal");
const BLIVE = formsOfRole("auxiliary");
const VOWEL_STEM = formsOfRole("vowelStem");
const NOT_PASSIVE = formsOf("esNonPassives");
/** Deponents and reciprocal verbs (@deponents): -s verbs that are not passive ("skyldes"). */
const DEPONENTS = formsOf("deponents");
const GENITIVE_EXCEPTIONS = formsOf("genitiveSuffixExceptions");
const GENITIVE_DETERMINERS = formsOf("genitiveDeterminers");
const ADVERBS = formsOf("passiveAdverbs");
/** Adverbs an active example keeps (negation first of all); "der", "så", "her" it need not. */
const SENTENCE_ADVERBS = formsOf("sentenceAdverbs");
const SUBJECTS = formsOf("subjectPronouns");
const NOT_PARTICIPLES = formsOf("notParticiples");
const RAISING = formsOfRole("raising");
const NOT_PASSIVE_SUFFIXES = [...formsOf("esNonPassiveSuffixes")];
const GENITIVE_SUFFIXES = [...formsOf("genitivePluralSuffixes")];
const NOT_PARTICIPLE_SUFFIXES = [...formsOf("notParticipleSuffixes")];
/** "der" (@expletives): "der udbetales" is a der-passive. */
const EXPLETIVES = formsOf("expletives");
/** "af" (@agentPrepositions): "du rammes af reglen" names its agent. */
const AGENT_PREPOSITIONS = formsOf("agentPrepositions");
/** Words that end the clause an agent phrase ("af jobcentret") could belong to. */
const CLAUSE_END = /[,.;:!?()–]/u;

type PassiveKind = "s-passiv" | "der-passiv" | "modal" | "blive-passiv";

interface Rewrite {
  start: number;
  end: number;
  text: string;
}

interface PassiveFinding {
  kind: PassiveKind;
  start: number;
  end: number;
  verb: string;
  rewrite?: Rewrite;
  /** Advice when there is no mechanical rewrite: an active example. */
  example: string;
}

/**
 * plain/passive: s-passive (skal sendes, der udbetales, du indkaldes) and blive-passive
 * (bliver trukket, blev indkaldt). Deponents, reciprocal verbs and genitives are excluded from
 * data (src/engine/rules/da/plain/passive.yml and its @vocabularies). A mechanical active rewrite is offered only where the agent is surely
 * the sender and the patient the reader: "Du indkaldes" -> "Vi indkalder dig". Never `safe`.
 */
export function retextPlainPassive() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    const text = file.data.letter.text;
    const sentences = plainSentences(tree, file.data.letter);
    const authority = writerIsAuthority(file.data.letter, sentences);
    for (const { tokens } of sentences) {
      // Only officialese matches with an edit matter: advice-only matches never clash.
      const edits = officialeseMatches(tokens, text).filter((m) => m.replacement !== undefined);
      for (const finding of passivesIn[Number(authority)]!(tokens, text)) {
        // "Der henvises til" -> "Vi henviser til": the officialese edit already makes it active.
        if (edits.some((m) => m.start <= finding.start && finding.end <= m.end)) continue;
        // An officialese edit on the same words wins; two edits on one span cannot both apply.
        if (finding.rewrite && edits.some((m) => m.start < finding.end && m.end > finding.start)) {
          const { kind, start, end, verb, example } = finding;
          reportPassive(file, { kind, start, end, verb, example });
        } else reportPassive(file, finding);
      }
    }
  };
}

const WRITER_PRONOUNS = formsOf("writerPronouns");
/** Block kinds that sign a letter (not language: the Letter model's kinds). */
const SIGNED_BLOCKS: ReadonlySet<string> = new Set(["closing", "signature"]);

/**
 * Whether the letter's writer is the acting authority, so that "vi" may be named as the agent of
 * a passive: the letter is signed (closing or signature), or its prose speaks as "vi/os/vores".
 * A web page or a sentence quoted on its own does neither, and "vi" would name the wrong agent.
 */
export function writerIsAuthority(letter: Letter, sentences: readonly PlainSentence[]): boolean {
  if (letter.blocks.some((block) => SIGNED_BLOCKS.has(block.kind))) return true;
  return sentences.some(({ tokens }) => tokens.some((token) => WRITER_PRONOUNS.has(token.lower)));
}

/** Active present of a past participle: inviteret -> inviterer, sendt -> sender, trukket -> trækker. */
export function presentOfParticiple(participle: string): string {
  const word = participle.toLowerCase();
  // trukket, sat, gjort: a form of a verb in @irregularParticipleVerbs; its present by lemma.
  const irregular = lexeme("irregularParticipleVerbs").match(word);
  if (irregular) return presentOfLemma(irregular.lemma);
  return word.endsWith("et") ? `${word.slice(0, -2)}er` : `${word.slice(0, -1)}er`;
}

/** Who acts in an example: "vi" when the writer is the authority, else left for the writer. */
function agentOf(authority: boolean): string {
  return authority ? "vi" : "[hvem]";
}

/** findPassives per sentence, kept while the sentence stands (index: whether "vi" may act). */
const passivesIn = [false, true].map((authority) =>
  memoByTokens(
    (tokens, text) => findPassives(tokens, text, authority),
    (found, by) => found.map((finding) => movePassive(finding, by))
  )
);

function movePassive(finding: PassiveFinding, by: number): PassiveFinding {
  const moved = { ...finding, start: finding.start + by, end: finding.end + by };
  if (finding.rewrite) {
    moved.rewrite = {
      ...finding.rewrite,
      start: finding.rewrite.start + by,
      end: finding.rewrite.end + by,
    };
  }
  return moved;
}

/** Passive constructions in one sentence, left to right. */
export function findPassives(
  tokens: readonly Token[],
  text: string,
  authority = true
): PassiveFinding[] {
  const found: PassiveFinding[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (BLIVE.has(token.lower)) {
      const participle = participleAfter(tokens, index, text);
      if (participle !== undefined) {
        const end = tokens[participle]!;
        found.push({
          kind: "blive-passiv",
          start: token.start,
          end: end.end,
          verb: text.slice(token.start, end.end),
          example: withAdverbs(
            `${agentOf(authority)} ${presentOfParticiple(end.lower)}`,
            adverbsAround(tokens, index, participle, text)
          ),
        });
        index = participle;
      }
      continue;
    }
    if (!isSPassive(tokens, index, text)) continue;
    found.push(classify(tokens, index, text, authority));
  }
  return found;
}

function isSPassive(tokens: readonly Token[], index: number, text: string): boolean {
  const token = tokens[index]!;
  const word = token.lower;
  if (!(word.endsWith("es") && word.length >= 5) && !VOWEL_STEM.has(word)) return false;
  if (NOT_PASSIVE.has(word) || DEPONENTS.has(word) || !/^\p{L}+$/u.test(word)) return false;
  // A capital mid-sentence is a name (Hannes, Mercedes).
  if (isCapitalised(token.text) && !atSentenceStart(tokens, index, text)) return false;
  if (NOT_PASSIVE_SUFFIXES.some((suffix) => word.endsWith(suffix))) return false;
  if (GENITIVE_SUFFIXES.some((suffix) => word.endsWith(suffix)) && !GENITIVE_EXCEPTIONS.has(word))
    return false;
  // "en kommunes pligt": an indefinite genitive after a determiner, before a noun.
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (
    previous &&
    GENITIVE_DETERMINERS.has(previous.lower) &&
    next &&
    !ADVERBS.has(next.lower) &&
    adjacent(text, token, next)
  ) {
    return false;
  }
  return true;
}

/**
 * The sentence adverbs that belong to a passive (negation first of all): those just before its
 * first word, between its words and just after its last, in the same clause. Dropping "ikke" from
 * the example would turn its meaning round ("bliver ikke trukket" -> "[hvem] trækker ikke …").
 */
function adverbsAround(
  tokens: readonly Token[],
  first: number,
  last: number,
  text: string
): string[] {
  const sameClause = (a: number, b: number) =>
    !CLAUSE_END.test(text.slice(tokens[a]!.end, tokens[b]!.start));
  const before: string[] = [];
  for (let back = first - 1; back >= 0 && sameClause(back, back + 1); back--) {
    if (!SENTENCE_ADVERBS.has(tokens[back]!.lower)) break;
    before.unshift(tokens[back]!.lower);
  }
  const between = tokens
    .slice(first + 1, last)
    .filter((token) => SENTENCE_ADVERBS.has(token.lower))
    .map((token) => token.lower);
  const after: string[] = [];
  for (let next = last + 1; next < tokens.length && sameClause(next - 1, next); next++) {
    if (!SENTENCE_ADVERBS.has(tokens[next]!.lower)) break;
    after.push(tokens[next]!.lower);
  }
  return [...before, ...between, ...after];
}

/** "[hvem] trækker" + ["ikke"] -> "[hvem] trækker ikke …" (main-clause order, agent first). */
function withAdverbs(active: string, adverbs: readonly string[]): string {
  return [active, ...adverbs, "…"].join(" ");
}

/** Index of the participle after a form of "blive", skipping adverbs and one subject pronoun. */
function participleAfter(
  tokens: readonly Token[],
  index: number,
  text: string
): number | undefined {
  let skipped = 0;
  for (let next = index + 1; next < tokens.length && skipped <= 2; next++) {
    const token = tokens[next]!;
    if (CLAUSE_END.test(text.slice(tokens[next - 1]!.end, token.start))) return undefined;
    if (ADVERBS.has(token.lower) || SUBJECTS.has(token.lower)) {
      skipped++;
      continue;
    }
    return isParticiple(token) ? next : undefined;
  }
  return undefined;
}

function isParticiple(token: Token): boolean {
  const word = token.lower;
  if (token.text !== word || !/^\p{L}{3,}$/u.test(word) || !word.endsWith("t")) return false;
  if (NOT_PARTICIPLES.has(word)) return false;
  return !NOT_PARTICIPLE_SUFFIXES.some((suffix) => word.endsWith(suffix));
}

function classify(
  tokens: readonly Token[],
  index: number,
  text: string,
  authority: boolean
): PassiveFinding {
  const verb = tokens[index]!;
  const agent = agentOf(authority);
  const base: PassiveFinding = {
    kind: "s-passiv",
    start: verb.start,
    end: verb.end,
    verb: verb.text,
    example: withAdverbs(
      `${agent} ${activePresent(verb.lower)}`,
      adverbsAround(tokens, index, index, text)
    ),
  };
  const previous = tokens[index - 1];
  const next = tokens[index + 1];

  // "der udbetales", "der ikke modtages", "udbetales der".
  const derBefore = lookBack(tokens, index, text, (t) => EXPLETIVES.has(t.lower));
  if (derBefore !== undefined || EXPLETIVES.has(next?.lower ?? "")) {
    return { ...base, kind: "der-passiv" };
  }

  // "skal sendes", "kan beløbet ikke udbetales", "du kan indkaldes".
  const modalIndex = lookBack(tokens, index, text, (t) => MODALS.has(t.lower), 3);
  if (modalIndex !== undefined) {
    const modal = tokens[modalIndex]!;
    const infinitive = activeInfinitive(verb.lower);
    // The agent first and the adverbs kept ("må ikke forveksles" -> "[hvem] må ikke forveksle …"):
    // that order holds in main and subordinate clauses, and dropping "ikke" would turn the
    // meaning round. The passive's subject ("kan de ikke overholdes") becomes the object in "…".
    const adverbs = tokens
      .slice(modalIndex + 1, index)
      .filter((t) => ADVERBS.has(t.lower))
      .map((t) => t.lower);
    const active = [modal.lower, ...adverbs, infinitive, "…"].join(" ");
    const finding: PassiveFinding = {
      ...base,
      kind: "modal",
      start: modal.start,
      example: authority ? `vi ${active} / du ${active}` : `[hvem] ${active}`,
    };
    const rewrite = authority ? modalRewrite(tokens, modalIndex, index, text) : undefined;
    if (rewrite) finding.rewrite = rewrite;
    return finding;
  }

  // "Du indkaldes" -> "Vi indkalder dig"; "indkaldes du" -> "indkalder vi dig".
  if (authority && canRewrite(tokens, index, text)) {
    if (previous?.lower === "du" && adjacent(text, previous, verb)) {
      const capital = isCapitalised(previous.text);
      const words = `vi ${activePresent(verb.lower)} dig`;
      base.start = previous.start;
      base.rewrite = {
        start: previous.start,
        end: verb.end,
        text: capital ? capitalise(words) : words,
      };
    } else if (next?.lower === "du" && adjacent(text, verb, next)) {
      const words = `${activePresent(verb.lower)} vi dig`;
      base.end = next.end;
      base.rewrite = {
        start: verb.start,
        end: next.end,
        text: isCapitalised(verb.text) ? capitalise(words) : words,
      };
    }
  }
  return base;
}

/** "Du kan [adverbs] indkaldes" -> "Vi kan [adverbs] indkalde dig"; "kan du indkaldes" likewise. */
function modalRewrite(
  tokens: readonly Token[],
  modalIndex: number,
  verbIndex: number,
  text: string
): Rewrite | undefined {
  if (!canRewrite(tokens, verbIndex, text)) return undefined;
  const modal = tokens[modalIndex]!;
  const verb = tokens[verbIndex]!;
  const before = tokens[modalIndex - 1];
  const after = tokens[modalIndex + 1];
  const middle = (from: number) => tokens.slice(from, verbIndex);
  const plain = (list: Token[]) => list.every((t) => ADVERBS.has(t.lower));
  const infinitive = activeInfinitive(verb.lower);
  const gaps = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (!adjacent(text, tokens[i]!, tokens[i + 1]!)) return false;
    return true;
  };

  if (before?.lower === "du" && plain(middle(modalIndex + 1)) && gaps(modalIndex - 1, verbIndex)) {
    const words = [
      "vi",
      modal.lower,
      ...middle(modalIndex + 1).map((t) => t.text),
      infinitive,
      "dig",
    ].join(" ");
    return {
      start: before.start,
      end: verb.end,
      text: isCapitalised(before.text) ? capitalise(words) : words,
    };
  }
  if (after?.lower === "du" && plain(middle(modalIndex + 2)) && gaps(modalIndex, verbIndex)) {
    const words = [
      modal.lower,
      "vi",
      ...middle(modalIndex + 2).map((t) => t.text),
      infinitive,
      "dig",
    ].join(" ");
    return {
      start: modal.start,
      end: verb.end,
      text: isCapitalised(modal.text) ? capitalise(words) : words,
    };
  }
  return undefined;
}

/**
 * Whether "du <verb>es" can become "vi <verb>er dig": not a raising verb ("du forventes at"), and
 * no "af" later in the clause ("du rammes af reglen": the agent is not us).
 */
function canRewrite(tokens: readonly Token[], index: number, text: string): boolean {
  if (RAISING.has(tokens[index]!.lower)) return false;
  for (let next = index + 1; next < tokens.length; next++) {
    if (CLAUSE_END.test(text.slice(tokens[next - 1]!.end, tokens[next]!.start))) break;
    if (AGENT_PREPOSITIONS.has(tokens[next]!.lower)) return false;
  }
  return true;
}

/** The nearest earlier token (within `reach` words, same clause) that passes `test`. */
function lookBack(
  tokens: readonly Token[],
  index: number,
  text: string,
  test: (t: Token) => boolean,
  reach = 2
): number | undefined {
  for (let back = index - 1; back >= 0 && back >= index - reach; back--) {
    if (CLAUSE_END.test(text.slice(tokens[back]!.end, tokens[back + 1]!.start))) return undefined;
    if (test(tokens[back]!)) return back;
  }
  return undefined;
}

function reportPassive(file: VFile, finding: PassiveFinding): void {
  const { rewrite } = finding;
  const explanation = rewrite
    ? "Aktiv form siger hvem der gør hvad og er lettere at læse."
    : `Skriv hvem der gør hvad, fx »${finding.example}«.`;
  report(file, {
    ruleId: PASSIVE_RULE,
    severity: "info",
    message: `Passiv form: »${finding.verb}«. Skriv hvem der gør hvad.`,
    start: rewrite?.start ?? finding.start,
    end: rewrite?.end ?? finding.end,
    suggestion: { text: rewrite?.text ?? finding.example, explanation },
    ...(rewrite && { edit: { kind: "replace" as const, ...rewrite, ruleId: PASSIVE_RULE } }),
    safe: false,
    details: { kind: finding.kind, verb: finding.verb },
  });
}
