/**
 * Draws a pose onto a canvas the size of the analysed image. Joints are drawn
 * by confidence: known joints solid, unknown ones (below the score threshold)
 * faded and hollow, so the person sees where the model is unsure. Returns the
 * number of known joints drawn.
 */
import type { PoseFrame } from '../../core/frame/pose-frame.ts';
import { SKELETON, formatOfKeypointCount } from '../../core/frame/skeleton.ts';
import { DEFAULT_MIN_KEYPOINT_SCORE, keypointAlpha } from '../../core/frame/confidence.ts';
import type { Context2D } from './arcs.ts';

const LEFT = '#4fd1c5';
const RIGHT = '#f6ad55';
const MIDDLE = '#f7fafc';

const colourOf = (name: string): string => (name.startsWith('left_') ? LEFT : name.startsWith('right_') ? RIGHT : MIDDLE);

export function drawSkeleton(
  ctx: Context2D,
  frame: PoseFrame | null,
  minScore = DEFAULT_MIN_KEYPOINT_SCORE,
  /** false: draw over what is there (the annotated recording draws the skeleton over the camera image) */
  clear = true,
): number {
  const { canvas } = ctx;
  if (clear) ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (!frame || frame.keypoints.length === 0) return 0;
  const format = formatOfKeypointCount(frame.keypoints.length);
  // line widths in image pixels, so the overlay looks the same at any resolution
  const unit = Math.max(2, Math.min(frame.imageWidth, frame.imageHeight) / 160);
  const kps = frame.keypoints;

  ctx.lineCap = 'round';
  if (format) {
    for (const [a, b] of SKELETON[format]) {
      const p = kps[a];
      const q = kps[b];
      if (!p || !q) continue;
      ctx.globalAlpha = Math.min(keypointAlpha(p.score, minScore), keypointAlpha(q.score, minScore));
      ctx.strokeStyle = p.name.startsWith('left_') && q.name.startsWith('left_') ? LEFT : p.name.startsWith('right_') && q.name.startsWith('right_') ? RIGHT : MIDDLE;
      ctx.lineWidth = unit * 1.5;
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(q.x, q.y);
      ctx.stroke();
    }
  }

  let known = 0;
  for (const k of kps) {
    const isKnown = k.score >= minScore;
    ctx.globalAlpha = keypointAlpha(k.score, minScore);
    ctx.beginPath();
    ctx.arc(k.x, k.y, unit * (isKnown ? 2.2 : 1.8), 0, Math.PI * 2);
    if (isKnown) {
      known++;
      ctx.fillStyle = colourOf(k.name);
      ctx.fill();
      ctx.lineWidth = unit * 0.6;
      ctx.strokeStyle = '#1a202c';
      ctx.stroke();
    } else {
      ctx.lineWidth = unit * 0.8;
      ctx.strokeStyle = colourOf(k.name);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  return known;
}
