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
  const memo = newMemo();
  // Written out rather than over memoByKey: that would allocate a closure per call, hit or miss.
  return (text) => {
    const known = memo.get(text);
    if (known !== undefined) return (known === UNDEFINED ? undefined : known) as T;
    const value = compute(text);
    keep(memo, text, value, limit, maxLength);
    return value;
  };
}

/**
 * One memoByText per key (a way of writing dates, a language): `remember(key, text)` is
 * `compute(key, text)`, remembered per key and text. Keys are few and live as long as the module.
 */
export function memoByTextPer<K, T>(
  compute: (key: K, text: string) => T
): (key: K, text: string) => T {
  const byKey = new Map<K, (text: string) => T>();
  return (key, text) => {
    let memo = byKey.get(key);
    if (!memo) byKey.set(key, (memo = memoByText((value) => compute(key, value))));
    return memo(text);
  };
}

/**
 * The same memory for a value that is a function of a text but computed from something that
 * stands for it (a block's parse is a function of its kind and text): `remember(text, compute)`
 * calls `compute` only on a miss. The caller must make sure `compute` depends on nothing but
 * what the text determines.
 */
export function memoByKey<T>(
  limit = 5000,
  maxLength = Number.POSITIVE_INFINITY
): (text: string, compute: () => T) => T {
  const memo = newMemo();
  return (text, compute) => {
    const known = memo.get(text);
    if (known !== undefined) return (known === UNDEFINED ? undefined : known) as T;
    const value = compute();
    keep(memo, text, value, limit, maxLength);
    return value;
  };
}

/**
 * Stands for a remembered `undefined`, so that one `get` tells a hit from a miss: `has` and then
 * `get` looked every text up twice, and a fresh analysis looks up hundreds of texts.
 */
const UNDEFINED = Symbol("undefined");

function newMemo(): Map<string, unknown> {
  const memo = new Map<string, unknown>();
  memos.push(memo);
  return memo;
}

function keep(
  memo: Map<string, unknown>,
  text: string,
  value: unknown,
  limit: number,
  maxLength: number
): void {
  if (text.length > maxLength) return;
  if (memo.size >= limit) memo.clear();
  memo.set(text, value === undefined ? UNDEFINED : value);
}

/**
 * Forget every text memo. For measuring what the rules themselves cost on a letter they have not
 * seen (bench/engine.bench.js analyses the same text many times), and for a host that wants the
 * memory back; results never change, only their speed.
 */
export function forgetTextMemos(): void {
  for (const memo of memos) memo.clear();
}
