/**
 * A pure function of a text, remembered per text: the rules ask about the same sentences and
 * blocks again and again (several rules per analysis, every analysis while the caseworker types).
 * Bounded for a long-lived task pane: past `limit` entries the memory starts over.
 */
export function memoByText<T>(compute: (text: string) => T, limit = 5000): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (memo.has(text)) return memo.get(text) as T;
    if (memo.size > limit) memo.clear();
    const value = compute(text);
    memo.set(text, value);
    return value;
  };
}
