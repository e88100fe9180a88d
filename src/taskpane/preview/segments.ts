/**
 * Tracked-change text for the preview's letter surface: a block's text as segments that are
 * unchanged, inserted or deleted. The visible text (what the engine reads) leaves deletions out.
 */

export type SegmentKind = "same" | "ins" | "del";

export interface Segment {
  kind: SegmentKind;
  text: string;
}

export function visibleText(segments: readonly Segment[]): string {
  let text = "";
  for (const segment of segments) if (segment.kind !== "del") text += segment.text;
  return text;
}

export function hasChanges(segments: readonly Segment[]): boolean {
  return segments.some((segment) => segment.kind !== "same");
}

/**
 * Replace the visible range [from, to) with `text`, as a tracked change: unchanged text in the
 * range becomes a deletion, text inserted earlier simply goes, and the new text is an insertion
 * placed right after what it replaces (as Word shows it).
 */
export function replaceRange(
  segments: readonly Segment[],
  from: number,
  to: number,
  text: string
): Segment[] {
  const out: Segment[] = [];
  let position = 0;
  let inserted = false;
  const insert = () => {
    if (!inserted && text) out.push({ kind: "ins", text });
    inserted = true;
  };
  for (const segment of segments) {
    if (segment.kind === "del") {
      out.push(segment);
      continue;
    }
    const start = position;
    const end = position + segment.text.length;
    position = end;
    const cutFrom = Math.max(start, Math.min(from, end));
    const cutTo = Math.max(start, Math.min(to, end));
    if (cutFrom > start)
      out.push({ kind: segment.kind, text: segment.text.slice(0, cutFrom - start) });
    if (cutTo > cutFrom && segment.kind === "same") {
      out.push({ kind: "del", text: segment.text.slice(cutFrom - start, cutTo - start) });
    }
    if (to <= end) insert();
    if (cutTo < end) out.push({ kind: segment.kind, text: segment.text.slice(cutTo - start) });
  }
  insert();
  return normalize(out);
}

/** Accept every change: insertions become text, deletions go. */
export function acceptSegments(segments: readonly Segment[]): Segment[] {
  return normalize(
    segments.filter((s) => s.kind !== "del").map((s) => ({ kind: "same" as const, text: s.text }))
  );
}

/** Reject every change: insertions go, deletions come back. */
export function rejectSegments(segments: readonly Segment[]): Segment[] {
  return normalize(
    segments.filter((s) => s.kind !== "ins").map((s) => ({ kind: "same" as const, text: s.text }))
  );
}

/** Merge neighbours of the same kind and drop empty segments. */
export function normalize(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    if (!segment.text) continue;
    const last = out[out.length - 1];
    if (last && last.kind === segment.kind) last.text += segment.text;
    else out.push({ ...segment });
  }
  return out;
}

/**
 * Indexes that stay put when blocks are reordered: the longest increasing subsequence of the
 * new order. Everything else is shown as moved, which keeps "moved" markers to a minimum.
 */
export function unmovedIndexes(order: readonly number[]): Set<number> {
  const tails: number[] = [];
  const tailAt: number[] = [];
  const previous: number[] = new Array<number>(order.length).fill(-1);
  order.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tails[mid]! < value) low = mid + 1;
      else high = mid;
    }
    tails[low] = value;
    tailAt[low] = i;
    previous[i] = low > 0 ? tailAt[low - 1]! : -1;
  });
  const keep = new Set<number>();
  let i = tails.length > 0 ? tailAt[tails.length - 1]! : -1;
  while (i >= 0) {
    keep.add(order[i]!);
    i = previous[i]!;
  }
  return keep;
}
