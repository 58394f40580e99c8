/**
 * Medians without allocation, for the per-frame path: quickselect on a
 * caller-owned scratch buffer.
 */

/**
 * The k-th smallest of a[0..n) (0-based), by quickselect (Hoare partition,
 * middle pivot); reorders a[0..n) so that a[0..k) <= a[k] <= a[k+1..n).
 */
export function selectKth(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const tmp = a[i] as number;
        a[i] = a[j] as number;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] as number;
}

/** The median of values[0..n), using scratch[0..n) (values is left as it was); NaN when n is 0. */
export function medianOf(values: Float64Array, n: number, scratch: Float64Array): number {
  if (n <= 0) return Number.NaN;
  for (let i = 0; i < n; i++) scratch[i] = values[i] as number;
  const upper = selectKth(scratch, n, n >> 1);
  if (n % 2 === 1) return upper;
  // after selection everything left of the upper middle is smaller or equal: the lower middle is their maximum
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n >> 1; i++) lower = Math.max(lower, scratch[i] as number);
  return (lower + upper) / 2;
}
