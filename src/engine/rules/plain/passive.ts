import type { Root } from "nlcst";
import type { VFile } from "vfile";
import data from "../../lexicons/passive.da.json" with { type: "json" };
import { formsOf } from "../../linguistics/vocabulary.js";
import { report } from "../../report.js";
import { activeInfinitive, activePresent } from "./grammar.js";
import { officialeseMatches } from "./lexicon.js";
import {
  adjacent,
  atSentenceStart,
  capitalise,
  isCapitalised,
  isDanishLetter,
  plainSentences,
  type Token,
} from "./tokens.js";

export const PASSIVE_RULE = "plain/passive";

const MODALS = new Set(data.modals);
const BLIVE = new Set(data.bliveForms);
const VOWEL_STEM = new Set(data.vowelStemPassives);
const NOT_PASSIVE = new Set(data.notPassive);
/** Deponents and reciprocal verbs (@deponents): -s verbs that are not passive ("skyldes"). */
const DEPONENTS = formsOf("deponents");
const GENITIVE_EXCEPTIONS = new Set(data.genitiveSuffixExceptions);
const GENITIVE_DETERMINERS = new Set(data.genitiveDeterminers);
const ADVERBS = new Set(data.adverbs);
const SUBJECTS = new Set(data.subjectPronouns.map((word) => word.toLowerCase()));
const NOT_PARTICIPLES = new Set(data.notParticiples);
const RAISING = new Set(data.raisingVerbs);
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
 * data (passive.da.json). A mechanical active rewrite is offered only where the agent is surely
 * the sender and the patient the reader: "Du indkaldes" -> "Vi indkalder dig". Never `safe`.
 */
export function retextPlainPassive() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    const text = file.data.letter.text;
    for (const { tokens } of plainSentences(tree, file.data.letter)) {
      // Only officialese matches with an edit matter: advice-only matches never clash.
      const edits = officialeseMatches(tokens, text).filter((m) => m.replacement !== undefined);
      for (const finding of findPassives(tokens, text)) {
        // "Der henvises til" -> "Vi henviser til": the officialese edit already makes it active.
        if (edits.some((m) => m.start <= finding.start && finding.end <= m.end)) continue;
        // An officialese edit on the same words wins; two edits on one span cannot both apply.
        if (finding.rewrite && edits.some((m) => m.start < finding.end && m.end > finding.start)) {
          delete finding.rewrite;
        }
        reportPassive(file, finding);
      }
    }
  };
}

/** Passive constructions in one sentence, left to right. */
export function findPassives(tokens: readonly Token[], text: string): PassiveFinding[] {
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
          example: "Vi …",
        });
        index = participle;
      }
      continue;
    }
    if (!isSPassive(tokens, index, text)) continue;
    found.push(classify(tokens, index, text));
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
  if (data.notPassiveSuffixes.some((suffix) => word.endsWith(suffix))) return false;
  if (
    data.genitiveSuffixes.some((suffix) => word.endsWith(suffix)) &&
    !GENITIVE_EXCEPTIONS.has(word)
  )
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
  return !data.notParticipleSuffixes.some((suffix) => word.endsWith(suffix));
}

function classify(tokens: readonly Token[], index: number, text: string): PassiveFinding {
  const verb = tokens[index]!;
  const base: PassiveFinding = {
    kind: "s-passiv",
    start: verb.start,
    end: verb.end,
    verb: verb.text,
    example: `vi ${activePresent(verb.lower)} …`,
  };
  const previous = tokens[index - 1];
  const next = tokens[index + 1];

  // "der udbetales", "der ikke modtages", "udbetales der".
  const derBefore = lookBack(tokens, index, text, (t) => t.lower === "der");
  if (derBefore !== undefined || next?.lower === "der") {
    return { ...base, kind: "der-passiv", example: `vi ${activePresent(verb.lower)} …` };
  }

  // "skal sendes", "kan beløbet ikke udbetales", "du kan indkaldes".
  const modalIndex = lookBack(tokens, index, text, (t) => MODALS.has(t.lower), 3);
  if (modalIndex !== undefined) {
    const modal = tokens[modalIndex]!;
    const infinitive = activeInfinitive(verb.lower);
    const finding: PassiveFinding = {
      ...base,
      kind: "modal",
      start: modal.start,
      example: `${modal.lower} vi ${infinitive} / ${modal.lower} du ${infinitive}`,
    };
    const rewrite = modalRewrite(tokens, modalIndex, index, text);
    if (rewrite) finding.rewrite = rewrite;
    return finding;
  }

  // "Du indkaldes" -> "Vi indkalder dig"; "indkaldes du" -> "indkalder vi dig".
  if (canRewrite(tokens, index, text)) {
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
    if (tokens[next]!.lower === "af") return false;
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
    : `Skriv hvem der gør hvad, fx »${finding.example}« eller »Du …«.`;
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
