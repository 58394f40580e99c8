/**
 * Small numeric helpers the motions use to pin joints to the floor: a root
 * finder and the chord of a two-segment limb.
 */

/** Finds x in [low, high] where f crosses zero: a scan for the first sign change, then bisection. */
export function solveRoot(f: (x: number) => number, low: number, high: number, what: string): number {
  const steps = 200;
  let a = low;
  let fa = f(a);
  if (fa === 0) return a;
  for (let i = 1; i <= steps; i++) {
    const b = low + ((high - low) * i) / steps;
    const fb = f(b);
    if (fb === 0) return b;
    if (Math.sign(fa) !== Math.sign(fb)) {
      let lo = a;
      let hi = b;
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (Math.sign(f(mid)) === Math.sign(fa)) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    }
    a = b;
    fa = fb;
  }
  throw new Error(`no ${what} in [${low}, ${high}]`);
}

/**
 * A limb of two segments whose second one turns by bendDeg from the first:
 * the length of the chord from its root to its end, and the angle from the
 * first segment to the chord (toward the bend).
 */
export function limbChord(firstLength: number, secondLength: number, bendDeg: number): { readonly length: number; readonly offsetDeg: number } {
  const bend = (bendDeg * Math.PI) / 180;
  const along = firstLength + secondLength * Math.cos(bend);
  const across = secondLength * Math.sin(bend);
  return { length: Math.hypot(along, across), offsetDeg: (Math.atan2(across, along) * 180) / Math.PI };
}
