/**
 * Draws the exercise's key angle (core/engine/key-angle.ts) on the overlay
 * canvas, in the same pixel space as the keypoints: the target band as a
 * thick translucent ring around the vertex, the current value as a bold arc
 * just inside it and a needle through it, in the value's zone colour, and optionally the number in a dark
 * rounded label beside the vertex.
 *
 * The canvas has the video's resolution and is scaled by CSS; `scale` is image
 * pixels per CSS pixel, so every size below is in CSS pixels times `scale` and
 * looks the same on screen whatever the video's size. Nothing is allocated per
 * frame beyond what the canvas calls themselves need (the font string is
 * rebuilt only when its size changes).
 */
import type { KeyAngle, KeyAngleZone } from '../../core/engine/key-angle.ts';

/** an on-screen canvas, or an offscreen one (the annotated recording and export) */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface DrawKeyAngleOptions {
  /** draw the value as a number next to the vertex */
  readonly showValue: boolean;
  /** the number, already formatted (e.g. "63°") */
  readonly valueText: string;
  /** image pixels per CSS pixel */
  readonly scale: number;
  /** the ring's radius in image pixels (default RADIUS_CSS_PX * scale) */
  readonly radius?: number;
}

export const ZONE_COLOURS: Readonly<Record<KeyAngleZone, string>> = { good: '#22c55e', near: '#f59e0b', off: '#ef4444' };

/** sizes on screen, CSS pixels */
const RADIUS_CSS_PX = 72;
const RING_CSS_PX = 16;
/** the value arc runs this far inside the ring, so the whole target band stays in sight */
const VALUE_INSET_CSS_PX = 16;
const VALUE_ARC_CSS_PX = 6;
const NEEDLE_CSS_PX = 4;
const OUTLINE_CSS_PX = 2;
/**
 * The number must be readable from the mat, ~3 m from a laptop screen. A
 * 1280x720 video on a 13-15" laptop shows at ~0.25 mm per CSS pixel; a 64 px
 * bold font has ~11 mm capitals there, about 13 arc minutes at 3 m: 2.5x the
 * 5' of a 20/20 letter, so it reads at a glance, not just at the limit of sight.
 */
const FONT_CSS_PX = 64;
const LABEL_PAD_X_CSS_PX = 14;
const LABEL_PAD_Y_CSS_PX = 8;
const LABEL_RADIUS_CSS_PX = 12;
const RING_ALPHA = 0.55;
const LABEL_BACKGROUND = 'rgba(17, 24, 39, 0.85)';
const OUTLINE = 'rgba(17, 24, 39, 0.9)';
const REFERENCE = 'rgba(255, 255, 255, 0.7)';
const TEXT = '#ffffff';
const RAD = Math.PI / 180;

let fontPx = -1;
let font = '';
function fontOf(px: number): string {
  const rounded = Math.round(px);
  if (rounded !== fontPx) {
    fontPx = rounded;
    font = `bold ${rounded}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  }
  return font;
}

function arcPath(ctx: Context2D, x: number, y: number, r: number, fromDeg: number, toDeg: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, fromDeg * RAD, toDeg * RAD, toDeg < fromDeg);
}

function roundedRectPath(ctx: Context2D, x: number, y: number, w: number, h: number, r: number): void {
  const rr = Math.min(r, w / 2, h / 2);
  ctx.beginPath();
  ctx.moveTo(x + rr, y);
  ctx.lineTo(x + w - rr, y);
  ctx.arcTo(x + w, y, x + w, y + rr, rr);
  ctx.lineTo(x + w, y + h - rr);
  ctx.arcTo(x + w, y + h, x + w - rr, y + h, rr);
  ctx.lineTo(x + rr, y + h);
  ctx.arcTo(x, y + h, x, y + h - rr, rr);
  ctx.lineTo(x, y + rr);
  ctx.arcTo(x, y, x + rr, y, rr);
  ctx.closePath();
}

export function drawKeyAngle(ctx: Context2D, angle: KeyAngle, options: DrawKeyAngleOptions): void {
  const { vertex, fromDeg, toDeg, bands } = angle;
  if (!Number.isFinite(vertex.x) || !Number.isFinite(vertex.y) || !Number.isFinite(fromDeg) || !Number.isFinite(toDeg)) return;
  const s = options.scale > 0 && Number.isFinite(options.scale) ? options.scale : 1;
  const r = options.radius !== undefined && options.radius > 0 ? options.radius : RADIUS_CSS_PX * s;
  const { x, y } = vertex;
  const colour = ZONE_COLOURS[angle.zone];

  ctx.save();
  ctx.lineJoin = 'round';

  // the target band: a thick translucent ring
  ctx.globalAlpha = RING_ALPHA;
  ctx.lineCap = 'butt';
  ctx.lineWidth = RING_CSS_PX * s;
  for (const band of bands) {
    if (!Number.isFinite(band.fromDeg) || !Number.isFinite(band.toDeg) || band.fromDeg === band.toDeg) continue;
    ctx.strokeStyle = ZONE_COLOURS[band.zone];
    arcPath(ctx, x, y, r, band.fromDeg, band.toDeg);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;

  // the reference direction (vertical-up, the horizontal, or the torso), thin
  const fromRad = fromDeg * RAD;
  const toRad = toDeg * RAD;
  const outer = r + (RING_CSS_PX / 2 + 6) * s;
  ctx.lineCap = 'round';
  ctx.strokeStyle = REFERENCE;
  ctx.lineWidth = 2 * s;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x + outer * Math.cos(fromRad), y + outer * Math.sin(fromRad));
  ctx.stroke();

  const valueR = Math.max(r * 0.4, r - VALUE_INSET_CSS_PX * s);
  // the value: a bold arc inside the ring and a needle to the measured direction, outlined for contrast on video
  for (let pass = 0; pass < 2; pass++) {
    const outline = pass === 0;
    ctx.strokeStyle = outline ? OUTLINE : colour;
    ctx.lineWidth = (VALUE_ARC_CSS_PX + (outline ? 2 * OUTLINE_CSS_PX : 0)) * s;
    arcPath(ctx, x, y, valueR, fromDeg, toDeg);
    ctx.stroke();
    ctx.lineWidth = (NEEDLE_CSS_PX + (outline ? 2 * OUTLINE_CSS_PX : 0)) * s;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + outer * Math.cos(toRad), y + outer * Math.sin(toRad));
    ctx.stroke();
  }
  ctx.fillStyle = colour;
  ctx.strokeStyle = OUTLINE;
  ctx.lineWidth = OUTLINE_CSS_PX * s;
  ctx.beginPath();
  ctx.arc(x, y, 6 * s, 0, Math.PI * 2);
  ctx.fill();
  ctx.stroke();

  if (options.showValue && options.valueText) {
    ctx.font = fontOf(FONT_CSS_PX * s);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const textW = ctx.measureText(options.valueText).width;
    const w = textW + 2 * LABEL_PAD_X_CSS_PX * s;
    const h = FONT_CSS_PX * s + 2 * LABEL_PAD_Y_CSS_PX * s;
    // on the open side of the vertex, opposite the middle of the arc, clear of the ring
    const mid = (fromRad + toRad) / 2 + Math.PI;
    const ux = Math.cos(mid);
    const uy = Math.sin(mid);
    const reach = 0.35 * r + (Math.abs(ux) * w) / 2 + (Math.abs(uy) * h) / 2;
    let cx = x + reach * ux;
    let cy = y + reach * uy;
    // keep the label on the canvas
    const { width, height } = ctx.canvas;
    cx = Math.min(Math.max(cx, w / 2), Math.max(w / 2, width - w / 2));
    cy = Math.min(Math.max(cy, h / 2), Math.max(h / 2, height - h / 2));
    ctx.fillStyle = LABEL_BACKGROUND;
    roundedRectPath(ctx, cx - w / 2, cy - h / 2, w, h, LABEL_RADIUS_CSS_PX * s);
    ctx.fill();
    ctx.strokeStyle = colour;
    ctx.lineWidth = 3 * s;
    ctx.stroke();
    ctx.fillStyle = TEXT;
    ctx.fillText(options.valueText, cx, cy);
  }
  ctx.restore();
}
