/**
 * A jump of the whole picture between two frames: a camera cut in an edited
 * clip, or a laptop knocked while it films. The median joint moves further
 * than a body can move in one frame. Checkers that remember positions in the
 * image (the superman's floor levels) start them again after one.
 *
 * Median joint displacement between consecutive frames, in torso lengths
 * (npm run eval's clips, MoveNet Lightning and BlazePose Full): movement
 * reads at most 0.28 (the front-view good morning, whose torso shortens),
 * 0.17 for a quick superman lift; camera changes read 0.38-0.47 (the
 * superman 6-rep clip's cut at 11.2 s) and 0.75-0.77
 * (superman_klarfit's hard cut at 1.87 s). 0.35 lies between.
 */
import { CHAIN_JOINTS } from './body.ts';
import type { BodyFrame } from './body.ts';

export const SCENE_JUMP_TORSO = 0.35;

const POINTS = CHAIN_JOINTS.length * 2;

export class SceneJump {
  private readonly x = new Float64Array(POINTS);
  private readonly y = new Float64Array(POINTS);
  private readonly known = new Uint8Array(POINTS);
  private readonly moved = new Float64Array(POINTS);
  private hasPrevious = false;

  constructor(private readonly thresholdTorso = SCENE_JUMP_TORSO) {}

  /** Reads a frame; true when the picture jumped since the previous frame with a pose. */
  update(frame: BodyFrame, torsoPx: number): boolean {
    if (!frame.present || !(torsoPx > 0)) return false;
    let n = 0;
    let i = 0;
    for (const chain of [frame.left, frame.right]) {
      for (const joint of CHAIN_JOINTS) {
        const p = chain[joint];
        if (p.known && this.hasPrevious && this.known[i]) this.moved[n++] = Math.hypot(p.x - this.x[i]!, p.y - this.y[i]!);
        this.x[i] = p.x;
        this.y[i] = p.y;
        this.known[i] = p.known ? 1 : 0;
        i++;
      }
    }
    this.hasPrevious = true;
    // at least 4 joints seen in both frames, or nothing can be said
    if (n < 4) return false;
    return medianOfFirst(this.moved, n) / torsoPx > this.thresholdTorso;
  }

  reset(): void {
    this.hasPrevious = false;
    this.known.fill(0);
  }
}

/** Median of the first n values, sorting them in place (n is at most 14). */
function medianOfFirst(values: Float64Array, n: number): number {
  for (let i = 1; i < n; i++) {
    const v = values[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > v) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = v;
  }
  return n % 2 ? values[(n - 1) / 2]! : (values[n / 2 - 1]! + values[n / 2]!) / 2;
}
