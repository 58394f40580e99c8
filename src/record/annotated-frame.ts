/**
 * The annotated frame: one picture (the camera image, or a decoded frame of a
 * video file) with the coaching overlay burned in, drawn onto a 2D canvas
 * that is then encoded (live recording, file export). It draws what the
 * training view shows, from a plain `OverlayState`, so any caller can fill
 * it: the live set from its coach, the file export from a replayed engine.
 *
 *   - the picture, scaled to the canvas, mirrored when the view is mirrored;
 *   - the skeleton (draw/skeleton.ts) and the exercise's key-angle arc
 *     (draw/arcs.ts) in the picture's pixel space;
 *   - a text band along the bottom: exercise, reps / target, the hold timer
 *     when the exercise holds, elapsed time (mm:ss), and the current cue on
 *     a teal stripe above it. A thin teal rule tops the band: a mark a test
 *     can find in a decoded frame.
 *
 * Texts arrive translated; numbers arrive as numbers. Every size follows the
 * canvas height, so a 360p and a 1080p recording look alike. Runs once per
 * recorded frame: the only per-frame allocations are the few short strings
 * of the band and the mirrored key angle's reuse (no arrays, no objects).
 */
import type { KeyAngle, KeyAngleBand, KeyAngleLabel, KeyAngleZone } from '../core/engine/key-angle.ts';
import type { PoseFrame } from '../core/frame/pose-frame.ts';
import { drawKeyAngle, type Context2D } from '../app/draw/arcs.ts';
import { drawSkeleton } from '../app/draw/skeleton.ts';
import { formatElapsed } from './elapsed.ts';

/** What the overlay shows on one frame; every text already in the user's language. */
export interface OverlayState {
  /** the exercise's name, translated ("Superman") */
  readonly exerciseName: string;
  /** the word before the count, translated ("Reps", "Herhalingen") */
  readonly repsLabel: string;
  readonly reps: number;
  /** the set's target reps; 0: no target (the count is shown alone) */
  readonly targetReps: number;
  /** the word before the hold timer, translated ("Hold"); unused when holdS is null */
  readonly holdLabel: string;
  /** seconds held at the top so far; null: this exercise does not hold (no timer shown) */
  readonly holdS: number | null;
  /** the hold target in seconds; 0: none */
  readonly targetHoldS: number;
  /** the current cue, translated; null or '' when there is none */
  readonly cueText: string | null;
  /** time since the recording (or the clip) started */
  readonly elapsedMs: number;
  /** the key angle to draw (keyAngleOf(checker, body)); null: none this frame */
  readonly keyAngle: KeyAngle | null;
  /** the angle's value as a number beside the arc ("63°"); null: no number */
  readonly keyAngleText: string | null;
  /** the analysed pose, in the pixels of the analysed image (frame.imageWidth x imageHeight) */
  readonly frame: PoseFrame | null;
  /** draw the picture and the pose mirrored (as the camera view shows it); the text stays readable */
  readonly mirror: boolean;
}

/** The band's colours: the app's dark stage and its teal accent (the cue colour of CoachOverlay). */
export const BAND_BACKGROUND = 'rgba(11, 15, 20, 0.82)';
export const BAND_RULE = '#14b8a6';
/** BAND_RULE as RGB, for tests that look for the band in a decoded frame */
export const BAND_RULE_RGB = [0x14, 0xb8, 0xa6] as const;
const CUE_BACKGROUND = 'rgba(15, 118, 110, 0.92)';
const TEXT = '#ffffff';
const MUTED = '#cbd5e0';
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Text height as a share of the canvas height: ~30 px on 720p. The smallest
 * size keeps a 360p recording readable when played full screen.
 */
const FONT_SHARE = 0.042;
const MIN_FONT_PX = 16;

/** A key angle rewritten for the mirrored picture (x -> width - x, direction d -> 180 - d); one object, reused. */
export class MirroredKeyAngle implements KeyAngle {
  vertex = { x: 0, y: 0 };
  fromDeg = 0;
  toDeg = 0;
  valueDeg = 0;
  label: KeyAngleLabel = 'hipAngle';
  zone: KeyAngleZone = 'good';
  bands: { fromDeg: number; toDeg: number; zone: KeyAngleZone }[] = [];

  of(angle: KeyAngle, imageWidth: number): KeyAngle {
    this.vertex.x = imageWidth - angle.vertex.x;
    this.vertex.y = angle.vertex.y;
    this.fromDeg = 180 - angle.fromDeg;
    this.toDeg = 180 - angle.toDeg;
    this.valueDeg = angle.valueDeg;
    this.label = angle.label;
    this.zone = angle.zone;
    // grows to the largest band count once, then reused
    while (this.bands.length < angle.bands.length) this.bands.push({ fromDeg: 0, toDeg: 0, zone: 'good' });
    this.bands.length = angle.bands.length;
    for (let i = 0; i < angle.bands.length; i++) {
      const band: KeyAngleBand | undefined = angle.bands[i];
      const out = this.bands[i];
      if (!band || !out) continue;
      out.fromDeg = 180 - band.fromDeg;
      out.toDeg = 180 - band.toDeg;
      out.zone = band.zone;
    }
    return this;
  }
}

/**
 * Draws annotated frames onto one canvas. Keep one per recording (it caches
 * fonts and the mirrored angle); the canvas keeps whatever size the caller
 * gave it, and the picture is stretched to fill it (give the canvas the
 * picture's aspect ratio: `recordingSizeOf`).
 */
export class AnnotatedFrameCompositor {
  private readonly mirrored = new MirroredKeyAngle();
  private fontPx = -1;
  private font = '';
  private smallFont = '';

  constructor(readonly ctx: Context2D) {}

  private fonts(height: number): number {
    const px = Math.max(MIN_FONT_PX, Math.round(height * FONT_SHARE));
    if (px !== this.fontPx) {
      this.fontPx = px;
      this.font = `bold ${px}px ${FONT_FAMILY}`;
      this.smallFont = `600 ${Math.round(px * 0.8)}px ${FONT_FAMILY}`;
    }
    return px;
  }

  /** Draws `image` (null: a black picture) with the overlay of `state`, filling the canvas. */
  draw(image: CanvasImageSource | null, state: OverlayState): void {
    const { ctx } = this;
    const width = ctx.canvas.width;
    const height = ctx.canvas.height;
    ctx.save();
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#000000';
    ctx.fillRect(0, 0, width, height);
    if (state.mirror) {
      ctx.translate(width, 0);
      ctx.scale(-1, 1);
    }
    if (image) ctx.drawImage(image, 0, 0, width, height);
    ctx.restore();

    this.drawPose(state, width, height);
    this.drawBand(state, width, height);
  }

  private drawPose(state: OverlayState, width: number, height: number): void {
    const { frame } = state;
    if (!frame || frame.imageWidth <= 0 || frame.imageHeight <= 0) return;
    const { ctx } = this;
    const sx = width / frame.imageWidth;
    const sy = height / frame.imageHeight;
    ctx.save();
    if (state.mirror) {
      ctx.setTransform(-sx, 0, 0, sy, width, 0);
    } else {
      ctx.setTransform(sx, 0, 0, sy, 0, 0);
    }
    drawSkeleton(ctx, frame, undefined, false);
    ctx.restore();
    if (!state.keyAngle) return;
    // the arc carries text (its value): drawn unmirrored, from a mirrored copy of the angle
    const angle = state.mirror ? this.mirrored.of(state.keyAngle, frame.imageWidth) : state.keyAngle;
    ctx.save();
    ctx.setTransform(sx, 0, 0, sy, 0, 0);
    // arcs.ts sizes in "CSS pixels x scale": here one 720p-high screen's worth, in image pixels
    const scale = frame.imageHeight / 720;
    drawKeyAngle(ctx, angle, { showValue: state.keyAngleText !== null, valueText: state.keyAngleText ?? '', scale: Math.max(0.35, scale) });
    ctx.restore();
  }

  private drawBand(state: OverlayState, width: number, height: number): void {
    const { ctx } = this;
    const px = this.fonts(height);
    const pad = Math.round(px * 0.5);
    const lineH = Math.round(px * 1.35);
    const bandH = lineH + 2 * pad;
    const bandY = height - bandH;
    const rule = Math.max(2, Math.round(px / 8));

    ctx.save();
    ctx.globalAlpha = 1;
    ctx.fillStyle = BAND_BACKGROUND;
    ctx.fillRect(0, bandY, width, bandH);
    ctx.fillStyle = BAND_RULE;
    ctx.fillRect(0, bandY, width, rule);

    const midY = bandY + rule + (bandH - rule) / 2;
    ctx.textBaseline = 'middle';

    // left: the exercise; right: elapsed time; middle: reps and hold
    ctx.font = this.smallFont;
    ctx.fillStyle = MUTED;
    ctx.textAlign = 'left';
    const third = width / 3;
    ctx.fillText(state.exerciseName, pad, midY, third - 2 * pad);
    ctx.textAlign = 'right';
    ctx.font = this.font;
    ctx.fillStyle = TEXT;
    ctx.fillText(formatElapsed(state.elapsedMs), width - pad, midY, third - 2 * pad);

    ctx.textAlign = 'center';
    const reps = state.targetReps > 0 ? `${state.repsLabel} ${state.reps} / ${state.targetReps}` : `${state.repsLabel} ${state.reps}`;
    const hold =
      state.holdS === null ? '' : state.targetHoldS > 0 ? `   ${state.holdLabel} ${Math.floor(state.holdS)} / ${state.targetHoldS} s` : `   ${state.holdLabel} ${Math.floor(state.holdS)} s`;
    ctx.fillText(hold ? reps + hold : reps, width / 2, midY, third * 1.2);

    if (state.cueText) {
      ctx.font = this.font;
      const maxW = width - 4 * pad;
      const textW = Math.min(maxW, ctx.measureText(state.cueText).width);
      const boxW = textW + 2 * pad;
      const boxH = lineH + pad;
      const boxX = (width - boxW) / 2;
      const boxY = bandY - boxH - pad;
      ctx.fillStyle = CUE_BACKGROUND;
      ctx.fillRect(boxX, boxY, boxW, boxH);
      ctx.fillStyle = TEXT;
      ctx.fillText(state.cueText, width / 2, boxY + boxH / 2, maxW);
    }
    ctx.restore();
  }
}

/**
 * The recording's size for a picture of `width` x `height`: the picture's own
 * size, scaled down to at most `maxLongSide` on its long side, both even (the
 * encoders' 4:2:0 chroma needs even sizes).
 */
export function recordingSizeOf(width: number, height: number, maxLongSide = 1280): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) throw new Error(`a picture of ${width} x ${height} pixels cannot be recorded`);
  const scale = Math.min(1, maxLongSide / Math.max(width, height));
  const even = (n: number): number => Math.max(2, 2 * Math.round((n * scale) / 2));
  return { width: even(width), height: even(height) };
}
