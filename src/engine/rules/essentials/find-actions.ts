import type { Fact } from "../../types.js";
import {
  ADVERB_AT,
  DETERMINER_AT,
  DROP_DETERMINER,
  IMPERATIVE_SCAN,
  IS_DETERMINER,
  MODAL_SCAN,
  OBJECT_MAX_WORDS,
  OBJECT_SKIP_AT,
  OBJECT_STOP,
  PASSIVE_SCAN,
  VERBS,
  WORD_AT,
  type VerbEntry,
} from "./patterns.js";
import { fact, scan, startOf, stickyAt } from "./scanning.js";

/**
 * Required actions, in three shapes: an imperative at a sentence start ("Send os dine lønsedler"),
 * a modal addressed to the reader ("du skal møde op", "Du bedes medbringe dokumentation"), and the
 * officialese passive ("bemærkninger bedes fremsendt", "skal afbud meddeles"). Values are the
 * normalised verb phrase: "send dine lønsedler", "mød op", "giv besked", "tag en liste med".
 */

function verbOf(match: RegExpExecArray): VerbEntry | undefined {
  const groups = match.groups ?? {};
  for (const [name, value] of Object.entries(groups)) {
    if (value !== undefined && name.startsWith("v")) return VERBS[Number(name.slice(1))];
  }
  return undefined;
}

/** The object after a verb: "send os dine lønsedler" -> "dine lønsedler". */
function objectAfter(text: string, at: number): { words: string[]; end: number } | undefined {
  let position = at;
  for (
    let skip = stickyAt(OBJECT_SKIP_AT, text, position);
    skip;
    skip = stickyAt(OBJECT_SKIP_AT, text, position)
  ) {
    position += skip[0].length;
  }
  const words: string[] = [];
  for (let count = 0; count < 2; count++) {
    const determiner = stickyAt(DETERMINER_AT, text, position);
    if (!determiner) break;
    if (!DROP_DETERMINER.test(determiner[1]!)) words.push(determiner[1]!.toLowerCase());
    position += determiner[0].length;
  }
  // Up to OBJECT_MAX_WORDS words after the determiners: "et skriftligt overslag", "dit CV".
  let end = position;
  for (let count = 0; count < OBJECT_MAX_WORDS; count++) {
    const word = stickyAt(WORD_AT, text, end);
    if (!word || OBJECT_STOP.test(word[1]!) || IS_DETERMINER.test(word[1]!)) break;
    words.push(word[1]!);
    end += word[0].length;
  }
  if (end === position) return undefined;
  return { words, end };
}

/** "tag gerne en liste med" -> words ["en", "liste"], end after "med". */
function particleObjectAfter(text: string, at: number, particle: string) {
  let position = at;
  for (
    let skip = stickyAt(ADVERB_AT, text, position);
    skip;
    skip = stickyAt(ADVERB_AT, text, position)
  ) {
    position += skip[0].length;
  }
  const words: string[] = [];
  for (let count = 0; count < 4; count++) {
    const word = stickyAt(WORD_AT, text, position);
    if (!word) return undefined;
    position += word[0].length;
    if (word[1]!.toLowerCase() === particle && words.length > 0) return { words, end: position };
    if (OBJECT_STOP.test(word[1]!) && !IS_DETERMINER.test(word[1]!)) return undefined;
    words.push(word[1]!);
  }
  return undefined;
}

/** A word that may stand first in its sentence, in running-text case ("Bemærkninger" -> "bemærkninger", "CV" stays). */
function sentenceCase(word: string): string {
  return /^\p{Lu}{2}/u.test(word) ? word : word.charAt(0).toLowerCase() + word.slice(1);
}

function actionValue(verb: VerbEntry, object: string[] | undefined): string {
  if (verb.particle) return `${verb.value.split(" ")[0]} ${object!.join(" ")} ${verb.particle}`;
  return object && verb.object ? `${verb.value} ${object.join(" ")}` : verb.value;
}

export function findActions(text: string, base: number): Fact[] {
  const facts: Fact[] = [];
  const active = (match: RegExpExecArray) => {
    const verb = verbOf(match);
    if (!verb) return;
    const start = startOf(match);
    let end = match.index + match[0].length;
    let object: string[] | undefined;
    if (verb.particle) {
      const found = particleObjectAfter(text, end, verb.particle);
      if (!found) return; // "tage stilling til" is not "tag ... med"
      object = found.words;
      end = found.end;
    } else if (verb.object) {
      const found = objectAfter(text, end);
      if (found) {
        object = found.words;
        end = found.end;
      }
    }
    facts.push(fact("action", text, start, end, base, actionValue(verb, object)));
  };
  for (const match of scan(IMPERATIVE_SCAN, text)) active(match);
  for (const match of scan(MODAL_SCAN, text)) active(match);

  for (const match of scan(PASSIVE_SCAN, text)) {
    const verb = verbOf(match);
    if (!verb || verb.particle) continue;
    // "bemærkninger bedes fremsendt" / "skal afbud meddeles": the object stands before the verb.
    const before = match[2];
    const between = match[3];
    const usable = (word: string | undefined) =>
      word !== undefined && !OBJECT_STOP.test(word) && !IS_DETERMINER.test(word);
    const object = usable(between) ? between : usable(before) ? before : undefined;
    const matchStart = startOf(match);
    let start = matchStart;
    if (before !== undefined && object !== before) {
      // Start at the modal ("skal afbud meddeles"), not at the unrelated word before it.
      const afterBefore = matchStart + before.length;
      start =
        afterBefore + (/^\s*/u.exec(text.slice(afterBefore, afterBefore + 20))?.[0].length ?? 0);
    }
    const end = match.index + match[0].length;
    facts.push(
      fact(
        "action",
        text,
        start,
        end,
        base,
        actionValue(verb, object ? [object === before ? sentenceCase(object) : object] : undefined)
      )
    );
  }
  return facts;
}
