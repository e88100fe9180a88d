import { partitionPoint } from "../../util/sorted.js";

/** A half-open stretch of letter text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Stretches of text already recognised as guidance, kept sorted and disjoint (overlapping spans
 * are merged), so asking whether a new span overlaps one is a binary search, not a scan: a letter
 * of pasted guidance can hold thousands.
 */
export class SpanSet {
  private readonly spans: Span[] = [];

  add(span: Span): void {
    const at = this.firstEndingAfter(span.start);
    let start = span.start;
    let end = span.end;
    let count = 0;
    for (let next = at; next < this.spans.length && this.spans[next]!.start < end; next++) {
      start = Math.min(start, this.spans[next]!.start);
      end = Math.max(end, this.spans[next]!.end);
      count++;
    }
    this.spans.splice(at, count, { start, end });
  }

  overlaps(span: Span): boolean {
    const other = this.spans[this.firstEndingAfter(span.start)];
    return other !== undefined && other.start < span.end && span.start < other.end;
  }

  /** Index of the first span that ends after `offset`. */
  private firstEndingAfter(offset: number): number {
    return partitionPoint(this.spans.length, (index) => this.spans[index]!.end <= offset);
  }
}
