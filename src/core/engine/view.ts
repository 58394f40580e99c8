/**
 * Where the camera stands relative to the body. In a side view the left and
 * right shoulders (and hips) project onto nearly the same point; turning the
 * body toward the camera spreads them apart by about
 * (shoulder width / torso length) * sin(yaw) ~ 0.75 sin(yaw) torso lengths.
 * Rotation-invariant, so it holds for standing and lying people alike.
 */
export type ViewKind = 'side' | 'oblique' | 'front' | 'unknown';

export interface ViewConfig {
  /** spread (torso lengths) below which the view counts as a side view */
  readonly sideBelow: number;
  /** spread above which the view is frontal: the key angles are no longer measurable */
  readonly frontAbove: number;
  /** half-life of the spread's moving average, ms (views change over seconds, not frames) */
  readonly halfLifeMs: number;
}

/**
 * From the MoveNet Lightning tracks of the fixture clips: true side views
 * spread 0.00-0.12 (good-morning side segment 0.01-0.11), front-oblique
 * segments 0.46-0.59 (about 40-50 degrees of yaw). 0.25 sits between them
 * (yaw ~20 deg); 0.70 is yaw ~70 deg, where a 2D hip or knee angle is mostly
 * projection and no longer the joint's.
 */
export const DEFAULT_VIEW: ViewConfig = { sideBelow: 0.25, frontAbove: 0.7, halfLifeMs: 600 };

export function viewOfSpread(spreadTorso: number, config: ViewConfig = DEFAULT_VIEW): ViewKind {
  if (!Number.isFinite(spreadTorso)) return 'unknown';
  if (spreadTorso < config.sideBelow) return 'side';
  if (spreadTorso > config.frontAbove) return 'front';
  return 'oblique';
}
