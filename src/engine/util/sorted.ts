/**
 * The first index in [0, length) at which `before` is false, for a `before` that is true on a
 * prefix and false after it (a partition point, by binary search): where a sorted list's items
 * stop lying before a value.
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
