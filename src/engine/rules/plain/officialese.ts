import type { Root } from "nlcst";
import type { VFile } from "vfile";
import { report } from "../../report.js";
import { officialeseMatches, type LexiconMatch } from "./lexicon.js";
import { isDanishLetter, plainSentences } from "./tokens.js";

export const OFFICIALESE_RULE = "plain/officialese";

/**
 * plain/officialese: kancellisprog from the rule file src/engine/rules/da/plain/officialese.yml
 * (såfremt, i henhold til, bedes ...).
 * Every finding carries the plain alternative; a concrete replacement also carries an edit, and
 * `safe` marks the swaps that keep the meaning in every context ("Anvend alle sikre forslag").
 */
export function retextPlainOfficialese() {
  return (tree: Root, file: VFile): void => {
    if (!isDanishLetter(file)) return;
    const letter = file.data.letter;
    for (const { tokens } of plainSentences(tree, letter)) {
      for (const match of officialeseMatches(tokens, letter.text)) reportMatch(file, match);
    }
  };
}

function reportMatch(file: VFile, match: LexiconMatch): void {
  const { entry } = match.pattern;
  const concrete = match.replacement !== undefined;
  const proposal = concrete ? proposalText(match) : match.advice;
  report(file, {
    ruleId: OFFICIALESE_RULE,
    severity: "warning",
    message: messageFor(match, proposal),
    start: match.start,
    end: match.end,
    suggestion: { text: proposal, explanation: entry.reason },
    ...(concrete && {
      edit: {
        kind: "replace" as const,
        start: match.editStart,
        end: match.editEnd,
        text: match.replacement!,
        ruleId: OFFICIALESE_RULE,
      },
    }),
    safe: concrete && match.safe,
    details: { entry: entry.id, form: match.pattern.source },
  });
}

function messageFor(match: LexiconMatch, proposal: string): string {
  if (match.replacement === undefined)
    return `»${match.text}« er kancellisprog. Skriv fx »${proposal}«.`;
  if (match.pattern.replacement === "") return `»${match.text}« er kancellisprog og kan slettes.`;
  return `»${match.text}« er kancellisprog. Skriv »${proposal}«.`;
}

/** What the reader sees as the proposal: a deletion says so instead of showing nothing. */
function proposalText(match: LexiconMatch): string {
  return match.pattern.replacement === "" ? `(slet »${match.text}«)` : match.replacement!;
}
