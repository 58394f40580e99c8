/**
 * The floor under each joint, learned from the frames: lying prone, every
 * joint that rests on the floor sits at its own height above it (the hip
 * keypoint higher than the knee's: body thickness), so instead of one floor
 * line each joint keeps its own resting image height, and its lift is how
 * far above that resting height it is now, in torso lengths.
 *
 * The resting height follows a joint that sinks below it quickly (the first
 * frames, a joint that settles) and rises toward one above it slowly, and
 * only while the caller says nothing is being lifted: a held superman must
 * not become the new floor. Image-fixed on purpose: the camera stands still
 * while the person lifts, and a lift is a rise in the image; a view change
 * (a camera moved) is re-learned within a few seconds.
 *
 * Per named side (left/right), not near/far: the near side may change
 * between frames and each physical limb keeps its own floor.
 */
import type { BodyFrame, Side } from '../../engine/body.ts';
import type { FloorConfig } from './config.ts';

export const FLOOR_POINTS = ['shoulder', 'elbow', 'wrist', 'hip', 'knee', 'ankle'] as const;
export type FloorPoint = (typeof FLOOR_POINTS)[number];

const COUNT = FLOOR_POINTS.length * 2;
const slot = (side: Side, point: FloorPoint): number => (side === 'left' ? 0 : FLOOR_POINTS.length) + FLOOR_POINTS.indexOf(point);
const keep = (dtMs: number, halfLifeMs: number): number => Math.pow(0.5, Math.max(0, dtMs) / halfLifeMs);

export class FloorLevels {
  /** smoothed image y of each joint, px; NaN when not known this frame */
  private readonly y = new Float64Array(COUNT).fill(Number.NaN);
  /** resting image y of each joint, px (larger = lower on screen); NaN until seen */
  private readonly floorY = new Float64Array(COUNT).fill(Number.NaN);
  private readonly lastSeenMs = new Float64Array(COUNT).fill(Number.NaN);
  private lastMs = Number.NaN;

  constructor(private readonly config: FloorConfig) {}

  /** Reads one frame. `mayRise`: nothing is being lifted, so a floor level may rise toward its joint. */
  update(frame: BodyFrame, timestampMs: number, mayRise: boolean): void {
    if (timestampMs === this.lastMs) return;
    const c = this.config;
    for (let s = 0; s < 2; s++) {
      const side: Side = s === 0 ? 'left' : 'right';
      const chain = frame.chain(side);
      for (let j = 0; j < FLOOR_POINTS.length; j++) {
        const i = s * FLOOR_POINTS.length + j;
        const p = chain[FLOOR_POINTS[j]!];
        if (!frame.present || !p.known) {
          this.y[i] = Number.NaN;
          continue;
        }
        const previous = this.y[i]!;
        const seen = this.lastSeenMs[i]!;
        const fresh = Number.isNaN(seen) || timestampMs - seen > c.restartAfterMs;
        const dt = fresh ? 0 : timestampMs - seen;
        const y = fresh || Number.isNaN(previous) ? p.y : previous + (p.y - previous) * (1 - keep(dt, c.smoothHalfLifeMs));
        this.y[i] = y;
        this.lastSeenMs[i] = timestampMs;
        const floor = this.floorY[i]!;
        if (Number.isNaN(floor)) this.floorY[i] = y;
        else if (y > floor) this.floorY[i] = floor + (y - floor) * (1 - keep(dt, c.downHalfLifeMs));
        else if (mayRise) this.floorY[i] = floor + (y - floor) * (1 - keep(dt, c.upHalfLifeMs));
      }
    }
    this.lastMs = timestampMs;
  }

  /** How far the joint is above its floor level now, in torso lengths; NaN when unknown. */
  liftTorso(side: Side, point: FloorPoint, torsoPx: number): number {
    const i = slot(side, point);
    if (!(torsoPx > 0)) return Number.NaN;
    return (this.floorY[i]! - this.y[i]!) / torsoPx;
  }

  reset(): void {
    this.y.fill(Number.NaN);
    this.floorY.fill(Number.NaN);
    this.lastSeenMs.fill(Number.NaN);
    this.lastMs = Number.NaN;
  }
}
