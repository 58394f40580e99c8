/**
 * The key angle's scale as a horizontal bar for demo mode: its zones as
 * coloured stretches, the limits as ticks, the live value as a marker, all
 * as percentages of the bar's width, and the target (the good stretch) as a
 * range to write above it. Layout only: the scale is the checker's own
 * (core/engine/key-angle.ts), so a tuned threshold moves the bar with it.
 */
import { OFF_BAND_DISPLAY_DEG, type KeyAngleScale, type KeyAngleZone } from '../../../core/engine/key-angle.ts';

export interface BarStretch {
  readonly fromPct: number;
  readonly toPct: number;
  readonly zone: KeyAngleZone;
}

export interface BandBar {
  readonly stretches: readonly BarStretch[];
  /** each limit of the scale (not the display's own end), with where it sits */
  readonly ticks: readonly { readonly deg: number; readonly pct: number }[];
  /** the value's place on the bar, clamped to its ends; null without a value */
  readonly markerPct: number | null;
  /** the good stretch, deg; null at an open end (below the first or above the last limit) */
  readonly target: { readonly fromDeg: number | null; readonly toDeg: number | null } | null;
}

export function bandBarOf(scale: KeyAngleScale, valueDeg: number | null): BandBar {
  const { edges, zones } = scale;
  const first = edges[0] ?? 0;
  const last = edges[edges.length - 1] ?? first;
  // the scales end on a display-only edge OFF_BAND_DISPLAY_DEG past their last limit; the bar shows as much below the first
  const lo = first - OFF_BAND_DISPLAY_DEG;
  const hi = last > first ? last : first + OFF_BAND_DISPLAY_DEG;
  const pct = (deg: number): number => Math.min(100, Math.max(0, ((deg - lo) / (hi - lo)) * 100));
  const stretches: BarStretch[] = [{ fromPct: 0, toPct: pct(first), zone: scale.below }];
  zones.forEach((zone, i) => stretches.push({ fromPct: pct(edges[i]!), toPct: pct(edges[i + 1] ?? hi), zone }));
  if (hi > last) stretches.push({ fromPct: pct(last), toPct: 100, zone: scale.above });
  // the last edge of every scale is the display's end, not a limit (key-angle.ts OFF_BAND_DISPLAY_DEG)
  const limits = edges.length > 1 ? edges.slice(0, -1) : edges;
  const ticks = limits.map((deg) => ({ deg, pct: pct(deg) }));
  return { stretches: stretches.filter((s) => s.toPct > s.fromPct), ticks, markerPct: valueDeg === null || !Number.isFinite(valueDeg) ? null : pct(valueDeg), target: targetOf(scale) };
}

/** The first stretch of the scale in its good zone, neighbours in it merged, as limits (null where it is open). */
function targetOf(scale: KeyAngleScale): BandBar['target'] {
  const { edges, zones } = scale;
  // every stretch from minus to plus infinity: below the first edge, between each pair, above the last
  const stretches: { fromDeg: number | null; toDeg: number | null; zone: KeyAngleZone }[] = [{ fromDeg: null, toDeg: edges[0] ?? null, zone: scale.below }];
  zones.forEach((zone, i) => stretches.push({ fromDeg: edges[i] ?? null, toDeg: edges[i + 1] ?? null, zone }));
  stretches.push({ fromDeg: edges[edges.length - 1] ?? null, toDeg: null, zone: scale.above });
  const first = stretches.findIndex((s) => s.zone === 'good');
  if (first < 0) return null;
  let last = first;
  while (stretches[last + 1]?.zone === 'good') last++;
  return { fromDeg: stretches[first]!.fromDeg, toDeg: stretches[last]!.toDeg };
}
