import type { Fact, FactKind } from "../../types.js";
import { NEVER_FINAL_ABBREVIATIONS as NEVER_FINAL } from "../../linguistics/abbreviations.js";
import { CLAUSE_MAX_WORDS, CLAUSE_STOP } from "./patterns.js";
import { mayMatchAmongMany } from "../regex-gate.js";

/** Small tools shared by the fact finders: scanning a block with compiled patterns. */

export function fact(
  kind: FactKind,
  text: string,
  start: number,
  end: number,
  base: number,
  value: string
): Fact {
  return { kind, text: text.slice(start, end), value, start: base + start, end: base + end };
}

/** Drop facts lying inside another fact of the same kind (the longer one says more). O(n log n). */
export function dropContained(facts: Fact[]): Fact[] {
  const sorted = [...facts].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Fact[] = [];
  let reach = -1;
  for (const candidate of sorted) {
    if (candidate.end <= reach) continue; // an earlier fact starts no later and ends no sooner
    kept.push(candidate);
    reach = candidate.end;
  }
  return kept;
}

/**
 * Every match of a global pattern; none, without running it, where its gate finds no literal.
 * Every fact pattern scans the same block: its gates share one pass (mayMatchAmongMany).
 */
export function* scan(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  if (!mayMatchAmongMany(pattern, text)) return;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    yield match;
    if (match[0].length === 0) pattern.lastIndex++;
  }
}

/** Offset where the match proper starts, after the consumed left boundary (group 1). */
export function startOf(match: RegExpExecArray): number {
  return match.index + (match[1]?.length ?? 0);
}

export function stickyAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

export const normalise = (value: string) => value.replace(/\s+/gu, " ").trim();

/** End of the outcome clause starting at `from`: a comma, a sentence end, a legal tail, or N words. */
export function clauseEnd(text: string, from: number, maxWords = CLAUSE_MAX_WORDS): number {
  const window = text.slice(from, from + 600);
  let end = window.length;
  const punctuation = /[,;:()]|[!?]|\.(?=\s+\p{Lu}|\s*$)/gu;
  for (let match = punctuation.exec(window); match; match = punctuation.exec(window)) {
    if (match[0] === ".") {
      const word = /([\p{L}.]+)$/u.exec(window.slice(0, match.index))?.[1]?.toLowerCase();
      if (word && NEVER_FINAL.has(word)) continue;
    }
    end = match.index;
    break;
  }
  const stop = CLAUSE_STOP.exec(window.slice(0, end));
  if (stop) end = stop.index;
  const words = /\S+/gu;
  let count = 0;
  for (let match = words.exec(window); match && match.index < end; match = words.exec(window)) {
    if (++count > maxWords) {
      end = match.index;
      break;
    }
  }
  const trimmed = window.slice(0, end).replace(/[\s.]+$/u, "");
  return from + trimmed.length;
}
