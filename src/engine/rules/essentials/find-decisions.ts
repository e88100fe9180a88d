import type { Fact } from "../../types.js";
import { DECISION_CUES } from "./patterns.js";
import { clauseEnd, fact, normalise, scan, startOf } from "./scanning.js";

/**
 * Decision outcomes: "vi har besluttet, at ...", "har truffet afgørelse om, at ...", "du får
 * (ikke) ...", "du skal deltage i ...", "afslag på ...", "du er bevilget ...", and for a
 * partshøring what we intend ("Jobcentret påtænker at ...", value prefixed "påtænker at").
 * The value is the outcome clause, up to a comma, the sentence end or a legal tail.
 */

export function findDecisions(text: string, base: number): Fact[] {
  const facts: Fact[] = [];
  for (const cue of DECISION_CUES) {
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
