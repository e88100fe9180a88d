import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { report } from "../../../report.js";
import { matchersOf, type Matcher } from "../../matchers.js";
import { adjacent, plainSentences, type Token } from "../tokens.js";
import { isEnglishLetter } from "./officialese.js";

export const PASSIVE_RULE = "plain/passive";

type Kind = "be" | "between" | "participle" | "not-passive";

/** The English pack's word lists (src/engine/rules/en/plain/passive.yml), by kind. */
let lists: Record<Kind, ReadonlySet<string>> | undefined;

function wordLists(): Record<Kind, ReadonlySet<string>> {
  if (lists) return lists;
  const sets: Record<Kind, Set<string>> = {
    be: new Set(),
    between: new Set(),
    participle: new Set(),
    "not-passive": new Set(),
  };
  for (const matcher of matchersOf<Matcher & { kind?: Kind }>(PASSIVE_RULE, "en")) {
    if (!matcher.kind) continue;
    for (const form of matcher.forms ?? matcher.words ?? []) sets[matcher.kind].add(form);
  }
  lists = sets;
  return sets;
}

/** An irregular participle from the list, or a regular one: "reduced", "stopped", "required". */
function isParticiple(lower: string, words: Record<Kind, ReadonlySet<string>>): boolean {
  if (words["not-passive"].has(lower)) return false;
  return words.participle.has(lower) || /^\p{L}{3,}ed$/u.test(lower);
}

/**
 * plain/passive for English letters: a form of "be", maybe an adverb ("not", "also"), then a past
 * participle. Advice without an edit: only the writer knows who acts.
 */
export function retextPlainPassiveEnglish() {
  return (tree: Root, file: VFile): void => {
    if (!isEnglishLetter(file)) return;
    const text = file.data.letter.text;
    const words = wordLists();
    for (const { tokens } of plainSentences(tree, file.data.letter)) {
      for (let index = 0; index < tokens.length; index++) {
        if (!words.be.has(tokens[index]!.lower)) continue;
        const end = participleAfter(tokens, index, text, words);
        if (end === undefined) continue;
        const first = tokens[index]!;
        const last = tokens[end]!;
        const written = text.slice(first.start, last.end);
        report(file, {
          ruleId: PASSIVE_RULE,
          severity: "info",
          message: `Passive voice: “${written}”. Say who does what.`,
          start: first.start,
          end: last.end,
          suggestion: {
            text: "Say who acts: “We will send you a letter”, not “A letter will be sent to you”.",
            explanation: "The active voice says who does what and is easier to read.",
          },
          details: { kind: "be-passive", verb: written },
        });
        index = end;
      }
    }
  };
}

/** The index of the participle that makes token `index` ("be") a passive, if there is one. */
function participleAfter(
  tokens: readonly Token[],
  index: number,
  text: string,
  words: Record<Kind, ReadonlySet<string>>
): number | undefined {
  let next = index + 1;
  // "is being reviewed", "is not paid", "will be automatically sent"
  while (
    tokens[next] &&
    adjacent(text, tokens[next - 1]!, tokens[next]!) &&
    words.between.has(tokens[next]!.lower)
  )
    next++;
  const token = tokens[next];
  if (!token || !adjacent(text, tokens[next - 1]!, token)) return undefined;
  return isParticiple(token.lower, words) ? next : undefined;
}
