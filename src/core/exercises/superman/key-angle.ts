/**
 * The superman's key angle: the torso's elevation at the hip (read as for the
 * upward dog), with its band from the checker's config: flat is fine, amber
 * just before the arch limit, red past it.
 */
import { OFF_BAND_DISPLAY_DEG, type KeyAngleScale } from '../../engine/key-angle.ts';
import type { SupermanConfig } from './config.ts';

/**
 * Display only, not a checker threshold: the arch limit has no warning level
 * in the config, so the last 5 deg before it show amber (fixture tops raise
 * the torso 6-14 deg, config.ts maxArchDeg).
 */
const NEAR_MARGIN_DEG = 5;

export function supermanKeyAngleScale(c: SupermanConfig): KeyAngleScale {
  const nearFrom = Math.max(0, c.maxArchDeg - NEAR_MARGIN_DEG);
  return {
    label: 'torsoElevation',
    edges: [
      0, // the torso flat on the floor (display: where the green band starts)
      nearFrom, // NEAR_MARGIN_DEG short of the arch limit: amber
      c.maxArchDeg, // too big an arch past this: red
      c.maxArchDeg + OFF_BAND_DISPLAY_DEG,
    ],
    zones: ['good', 'near', 'off'],
    // the chest on the floor, or the shoulders below the hips, is no arch at all
    below: 'good',
    above: 'off',
  };
}
