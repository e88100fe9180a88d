/**
 * Clause and word geometry inside one sentence. Danish marks clause edges with commas (the
 * "startkomma" is optional, so not always), semicolons, colons and spaced dashes. Commas between
 * digits ("3,5 timer") and colons in times ("9:15") are not edges.
 */

import { wordSpans } from "../../util/word-scan.js";

export interface Span {
  start: number;
  end: number;
}

const EDGE = /,(?!\d)|;|:(?!\d)|\s[–—-]\s/gu;

export interface SentenceGeometry {
  text: string;
  /** Clause edges (the punctuation itself), in order. */
  edges: Span[];
  words: Span[];
}

export function geometryOf(text: string): SentenceGeometry {
  const edges: Span[] = [];
  for (const match of text.matchAll(EDGE))
    edges.push({ start: match.index, end: match.index + match[0].length });
  // Words as /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu finds them, without a regex to recompile.
  const words: Span[] = wordSpans(text, "-'");
  return { text, edges, words };
}

/** The clause around `offset`: from just after the previous edge to the next edge. */
export function clauseAt(geometry: SentenceGeometry, offset: number): Span {
  let start = 0;
  let end = geometry.text.length;
  for (const edge of geometry.edges) {
    if (edge.end <= offset) start = edge.end;
    else if (edge.start >= offset) {
      end = edge.start;
      break;
    }
  }
  return { start, end };
}

/** The first clause edge at or after `offset`, if any. */
export function nextEdge(geometry: SentenceGeometry, offset: number): Span | undefined {
  return geometry.edges.find((edge) => edge.start >= offset);
}

/** Words lying wholly within [start, end). */
export function wordsBetween(geometry: SentenceGeometry, start: number, end: number): Span[] {
  return geometry.words.filter((word) => word.start >= start && word.end <= end);
}

/**
 * A window of `before` words before and `after` words after `span`, clipped to its clause:
 * negations ("Vi trækker ikke i din hjælp") sit next to what they negate.
 */
export function windowAround(
  geometry: SentenceGeometry,
  span: Span,
  before: number,
  after: number
): Span {
  const clause = clauseAt(geometry, span.start);
  const preceding = wordsBetween(geometry, clause.start, span.start);
  const following = wordsBetween(geometry, span.end, clause.end);
  const start =
    preceding.length > before ? preceding[preceding.length - before]!.start : clause.start;
  const end = following.length > after ? following[after - 1]!.end : clause.end;
  return { start, end };
}
