/**
 * Feet and hands up while the knees and elbows stay on the floor
 * (design/exercises.md §2: "lift the knees and elbows toward the ceiling
 * rather than the hands and feet"). Such a lift is no superman rep: the
 * count runs on the knees and elbows, so it never starts one. This watch
 * sees it instead: an excursion of the feet and hands (the lower of the
 * higher ankle and the higher wrist) above `onTorso`, ended below
 * `offTorso`, that lasted at least `minMs`; with the highest knee-and-elbow
 * lift (the count's signal) seen during it, so the checker can tell a real
 * rep (the joints rose too) from a feet-and-hands-only lift.
 */
export interface ExtremityLift {
  startMs: number;
  peakMs: number;
  endMs: number;
  /** highest feet-and-hands lift, torso lengths */
  extremityPeak: number;
  /** highest lift of the higher knee and the higher elbow meanwhile (the lower of the two), torso lengths */
  jointPeak: number;
}

export class ExtremityLiftWatch {
  private up = false;
  private readonly lift: ExtremityLift = { startMs: 0, peakMs: 0, endMs: 0, extremityPeak: 0, jointPeak: Number.NEGATIVE_INFINITY };

  constructor(
    private readonly onTorso: number,
    private readonly offTorso: number,
    private readonly minMs: number,
  ) {
    if (!(onTorso > offTorso)) throw new RangeError(`ExtremityLiftWatch: onTorso (${onTorso}) must be above offTorso (${offTorso})`);
  }

  get active(): boolean {
    return this.up;
  }

  /** One frame; returns the lift when one just ended (reused object: copy what you keep), else null. */
  update(extremityTorso: number, jointTorso: number, tMs: number): Readonly<ExtremityLift> | null {
    const l = this.lift;
    if (!this.up) {
      if (!(extremityTorso > this.onTorso)) return null;
      this.up = true;
      l.startMs = l.peakMs = tMs;
      l.extremityPeak = extremityTorso;
      l.jointPeak = Number.isFinite(jointTorso) ? jointTorso : Number.NEGATIVE_INFINITY;
      return null;
    }
    if (extremityTorso > l.extremityPeak) {
      l.extremityPeak = extremityTorso;
      l.peakMs = tMs;
    }
    if (jointTorso > l.jointPeak) l.jointPeak = jointTorso;
    if (!(extremityTorso < this.offTorso)) return null;
    this.up = false;
    l.endMs = tMs;
    return tMs - l.startMs >= this.minMs ? l : null;
  }

  reset(): void {
    this.up = false;
  }
}
