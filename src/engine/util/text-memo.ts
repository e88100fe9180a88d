/** Every memo made by memoByText, so that forgetTextMemos can empty them all. */
const memos: Map<string, unknown>[] = [];

/**
 * A pure function of a text, remembered per text: the rules ask about the same sentences and
 * blocks again and again (several rules per analysis, every analysis while the caseworker types).
 * Bounded for a long-lived task pane: past `limit` entries the memory starts over; texts longer
 * than `maxLength` (a whole long letter) are computed but not kept.
 */
export function memoByText<T>(
  compute: (text: string) => T,
  limit = 5000,
  maxLength = Number.POSITIVE_INFINITY
): (text: string) => T {
  const memo = new Map<string, T>();
  memos.push(memo);
  return (text) => {
    if (memo.has(text)) return memo.get(text) as T;
    const value = compute(text);
    if (text.length <= maxLength) {
      if (memo.size >= limit) memo.clear();
      memo.set(text, value);
    }
    return value;
  };
}

/**
 * Forget every text memo. For measuring what the rules themselves cost on a letter they have not
 * seen (bench/engine.bench.js analyses the same text many times), and for a host that wants the
 * memory back; results never change, only their speed.
 */
export function forgetTextMemos(): void {
  for (const memo of memos) memo.clear();
}
