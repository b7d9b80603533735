/** Byte (code unit) order: the same on every machine and locale, unlike localeCompare. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Stable in-place sort for the short lists of the per-call hot path (a handful of hits per
 * utterance). Same order as Array.prototype.sort, which is stable too, but without the work
 * array V8 allocates on every call: that was the largest source of garbage per call.
 */
export function sortShort<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  for (let i = 1; i < list.length; i++) {
    const item = list[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(list[j] as T, item) > 0) {
      list[j + 1] = list[j] as T;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}
