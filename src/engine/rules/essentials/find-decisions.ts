import type { Fact } from "../../types.js";
import { DECISION_CUES, type DecisionCue } from "./patterns.js";
import { clauseEnd, fact, normalise, scan, startOf } from "./scanning.js";

/**
 * Decision outcomes: "vi har besluttet, at ...", "har truffet afgørelse om, at ...", "du får
 * (ikke) ...", "du skal deltage i ...", "afslag på ...", "du er bevilget ...", and for a
 * partshøring what we intend ("Jobcentret påtænker at ...", value prefixed "påtænker at").
 * The value is the outcome clause, up to a comma, the sentence end or a legal tail. `cues`: the
 * letter's (decisionCuesOf: with its own department as an authority).
 */

export function findDecisions(
  text: string,
  base: number,
  cues: readonly DecisionCue[] = DECISION_CUES
): Fact[] {
  const facts: Fact[] = [];
  for (const cue of cues) {
    for (const match of scan(cue.scan, text)) {
      const start = startOf(match);
      const cueEnd = match.index + match[0].length;
      const end = Math.max(clauseEnd(text, cueEnd), cue.clause === "whole" ? cueEnd : 0);
      if (end <= (cue.clause === "whole" ? start : cueEnd)) continue;
      const clause = normalise(text.slice(cue.clause === "after" ? cueEnd : start, end));
      const value = cue.prefix + clause.charAt(0).toLowerCase() + clause.slice(1);
      facts.push(fact("decision", text, start, end, base, value));
    }
  }
  return facts;
}
