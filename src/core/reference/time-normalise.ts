/**
 * A rep's key angle on normalised time: `out.length` samples from the rep's
 * start (0) to its end (1), linear between the stored samples, so reps of
 * different durations compare sample by sample and tempo is left to the
 * tempo score. Writes into `out` (no allocation).
 */
export function timeNormalise(deg: ArrayLike<number>, out: Float64Array): Float64Array {
  const n = deg.length;
  const L = out.length;
  if (n === 0 || L === 0) throw new RangeError('timeNormalise: need at least one sample in and out');
  if (n === 1 || L === 1) {
    out.fill(deg[0]!);
    return out;
  }
  const step = (n - 1) / (L - 1);
  for (let k = 0; k < L; k++) {
    const x = k * step;
    const i = Math.min(n - 2, Math.floor(x));
    const f = x - i;
    out[k] = deg[i]! + (deg[i + 1]! - deg[i]!) * f;
  }
  return out;
}
