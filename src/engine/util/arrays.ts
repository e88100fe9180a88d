/**
 * Array helpers whose cost does not depend on the engine's stack: `target.push(...items)` and
 * `Math.max(...items)` pass every item as an argument and throw a RangeError once a long letter
 * gives them some hundred thousand items.
 */

/** Append every item to `target` (a loop, not a spread). */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The smallest value, or `undefined` for none. */
export function minOf(values: Iterable<number>): number | undefined {
  let min: number | undefined;
  for (const value of values) if (min === undefined || value < min) min = value;
  return min;
}

/** The largest value, or `undefined` for none. */
export function maxOf(values: Iterable<number>): number | undefined {
  let max: number | undefined;
  for (const value of values) if (max === undefined || value > max) max = value;
  return max;
}
