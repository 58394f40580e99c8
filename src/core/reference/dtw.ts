/**
 * Dynamic time warping of two series (key angles, deg) within a Sakoe-Chiba
 * band, written here because the npm packages for it are unmaintained.
 *
 * The cost of a cell is |a[i] - b[j]|; a path runs from (0, 0) to
 * (n - 1, m - 1) by steps (+1, 0), (0, +1) and (+1, +1), and the distance is
 * the least sum of cell costs along such a path:
 *
 *   D(i, j) = |a[i] - b[j]| + min(D(i - 1, j), D(i, j - 1), D(i - 1, j - 1))
 *
 * The band keeps the path near the diagonal: cell (i, j) is allowed when
 * |i (m - 1) - j (n - 1)| <= radius * max(n - 1, m - 1), i.e. |i - j| <= radius
 * for series of one length, and the same band along the stretched diagonal
 * for different lengths. A radius under |n - m| is raised to |n - m|, so the
 * last cell can always be reached.
 *
 * O(n m) time at most, O(n m) memory for the path. One Dtw object keeps its
 * buffers and its result between calls: a call allocates nothing once the
 * buffers are big enough (they grow to the largest series seen).
 */

export interface DtwResult {
  /** the least sum of |a[i] - b[j]| along a path, in the series' unit; Infinity when no series was given */
  cost: number;
  /** cells on the path (max(n, m) <= pathLength <= n + m - 1) */
  pathLength: number;
  /** cost / pathLength: the mean difference along the aligned path, in the series' unit */
  meanCost: number;
  /** the path's cells in order from (0, 0): pathA[k] indexes a, pathB[k] indexes b, for k < pathLength (reused: copy what you keep) */
  readonly pathA: Int32Array;
  readonly pathB: Int32Array;
}

export class Dtw {
  private cumulative = new Float64Array(0);
  private pathAFlipped = new Int32Array(0);
  private pathBFlipped = new Int32Array(0);
  private readonly result: { cost: number; pathLength: number; meanCost: number; pathA: Int32Array; pathB: Int32Array } = {
    cost: Number.POSITIVE_INFINITY,
    pathLength: 0,
    meanCost: Number.POSITIVE_INFINITY,
    pathA: new Int32Array(0),
    pathB: new Int32Array(0),
  };

  /** Buffers for series up to these lengths, allocated now (they also grow on demand). */
  constructor(maxLengthA = 0, maxLengthB = maxLengthA) {
    this.ensure(maxLengthA, maxLengthB);
  }

  private ensure(n: number, m: number): void {
    if (this.cumulative.length < n * m) this.cumulative = new Float64Array(n * m);
    if (this.result.pathA.length < n + m) {
      this.result.pathA = new Int32Array(n + m);
      this.result.pathB = new Int32Array(n + m);
      this.pathAFlipped = new Int32Array(n + m);
      this.pathBFlipped = new Int32Array(n + m);
    }
  }

  /**
   * Warps the first `n` values of `a` onto the first `m` of `b` within the
   * band (`radius` in samples, >= 0; Infinity for no band). The result is
   * this object's own, rewritten by the next call.
   */
  run(a: ArrayLike<number>, n: number, b: ArrayLike<number>, m: number, radius: number): DtwResult {
    const result = this.result;
    if (!(n >= 1 && m >= 1 && n <= a.length && m <= b.length)) throw new RangeError(`Dtw.run: need 1 <= n <= a.length and 1 <= m <= b.length, got n ${n} of ${a.length}, m ${m} of ${b.length}`);
    if (!(radius >= 0)) throw new RangeError(`Dtw.run: the band radius must be >= 0, got ${radius}`);
    this.ensure(n, m);
    const D = this.cumulative;
    const span = Math.max(n - 1, m - 1);
    const r = Math.max(radius, Math.abs(n - m));
    // |i (m-1) - j (n-1)| <= r span, as integers when both sides are (the usual case), so no rounding decides a cell
    const reach = r * span;
    const inf = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const ai = a[i]!;
      const row = i * m;
      const scaled = i * (m - 1);
      for (let j = 0; j < m; j++) {
        const off = scaled - j * (n - 1);
        if (off > reach || -off > reach) {
          D[row + j] = inf;
          continue;
        }
        const c = Math.abs(ai - b[j]!);
        if (i === 0 && j === 0) {
          D[0] = c;
          continue;
        }
        let best = inf;
        if (i > 0) {
          const up = D[row - m + j]!;
          if (up < best) best = up;
          if (j > 0) {
            const diag = D[row - m + j - 1]!;
            if (diag < best) best = diag;
          }
        }
        if (j > 0) {
          const left = D[row + j - 1]!;
          if (left < best) best = left;
        }
        D[row + j] = c + best;
      }
    }
    // back from the end: the diagonal wins ties (the shortest path among equals)
    const flipA = this.pathAFlipped;
    const flipB = this.pathBFlipped;
    let i = n - 1;
    let j = m - 1;
    let k = 0;
    flipA[k] = i;
    flipB[k] = j;
    k++;
    while (i > 0 || j > 0) {
      if (i === 0) j--;
      else if (j === 0) i--;
      else {
        const diag = D[(i - 1) * m + j - 1]!;
        const up = D[(i - 1) * m + j]!;
        const left = D[i * m + j - 1]!;
        if (diag <= up && diag <= left) {
          i--;
          j--;
        } else if (up <= left) i--;
        else j--;
      }
      flipA[k] = i;
      flipB[k] = j;
      k++;
    }
    const pathA = result.pathA;
    const pathB = result.pathB;
    for (let s = 0; s < k; s++) {
      pathA[s] = flipA[k - 1 - s]!;
      pathB[s] = flipB[k - 1 - s]!;
    }
    result.cost = D[n * m - 1]!;
    result.pathLength = k;
    result.meanCost = result.cost / k;
    return result;
  }
}
