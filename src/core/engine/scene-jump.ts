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
import { CHAIN_JOINTS, type BodyFrame, type Chain } from './body.ts';
import { medianOf } from '../signal/median.ts';

export const SCENE_JUMP_TORSO = 0.35;

const POINTS = CHAIN_JOINTS.length * 2;

export class SceneJump {
  private readonly x = new Float64Array(POINTS);
  private readonly y = new Float64Array(POINTS);
  private readonly known = new Uint8Array(POINTS);
  private readonly moved = new Float64Array(POINTS);
  private readonly scratch = new Float64Array(POINTS);
  private hasPrevious = false;

  constructor(private readonly thresholdTorso = SCENE_JUMP_TORSO) {}

  /** Reads a frame; true when the picture jumped since the previous frame with a pose. */
  update(frame: BodyFrame, torsoPx: number): boolean {
    if (!frame.present || !(torsoPx > 0)) return false;
    const n = this.read(frame.right, this.read(frame.left, 0, 0), CHAIN_JOINTS.length);
    this.hasPrevious = true;
    // at least 4 joints seen in both frames, or nothing can be said
    if (n < 4) return false;
    return medianOf(this.moved, n, this.scratch) / torsoPx > this.thresholdTorso;
  }

  /** Takes one chain's joints from slot `first` on, appending their moves after `n`; returns the new count. */
  private read(chain: Chain, n: number, first: number): number {
    for (let j = 0; j < CHAIN_JOINTS.length; j++) {
      const p = chain[CHAIN_JOINTS[j]!];
      const i = first + j;
      if (p.known && this.hasPrevious && this.known[i]) this.moved[n++] = Math.hypot(p.x - this.x[i]!, p.y - this.y[i]!);
      this.x[i] = p.x;
      this.y[i] = p.y;
      this.known[i] = p.known ? 1 : 0;
    }
    return n;
  }

  reset(): void {
    this.hasPrevious = false;
    this.known.fill(0);
  }
}
