/**
 * Which body side to measure: the one facing the camera, i.e. the chain the
 * model sees best (design/exercises.md, "Conventions"). Two things make the
 * naive per-frame choice flicker:
 *  - the scores of both chains are close in a clean side view, so the better
 *    side changes every few frames; a switch needs the other side to lead by
 *    a margin for several frames (hysteresis);
 *  - models swap the left/right labels of a side view for a frame or two. A
 *    swap is recognised because the other chain's joints then sit where the
 *    chosen chain's joints just were: that is the same physical side under
 *    the other name, so the choice follows the name at once.
 */
import { CHAIN_JOINTS, chainScore, otherSide, type BodyFrame, type Chain, type Side } from './body.ts';

export interface SideChooserConfig {
  /** score lead the other side needs to take over */
  readonly marginScore: number;
  /** consecutive frames it must lead by that margin */
  readonly framesToSwitch: number;
  /**
   * A label swap is taken when the other chain lies closer to where the chosen
   * chain was than the chosen chain itself, by this fraction of torso length
   * (summed over the joints both frames know).
   */
  readonly swapLeadTorso: number;
}

/**
 * 0.08 of mean chain score and 4 frames (~0.25 s at 15 fps): on the side-view
 * fixture clips the two MoveNet chains differ by 0.02-0.10 frame to frame,
 * while a real turn moves the lead by 0.15 or more for seconds.
 */
export const DEFAULT_SIDE_CHOOSER: SideChooserConfig = { marginScore: 0.08, framesToSwitch: 4, swapLeadTorso: 0.5 };

export class SideChooser {
  private chosen: Side | null = null;
  private leadFrames = 0;
  private readonly last = { x: new Float64Array(CHAIN_JOINTS.length), y: new Float64Array(CHAIN_JOINTS.length), known: new Uint8Array(CHAIN_JOINTS.length) };
  private hasLast = false;
  /** how many label swaps were followed: reported as a warning when frequent */
  swapsFollowed = 0;

  constructor(private readonly config: SideChooserConfig = DEFAULT_SIDE_CHOOSER) {}

  get side(): Side | null {
    return this.chosen;
  }

  update(body: BodyFrame, torsoLengthPx: number): Side | null {
    if (!body.present) return this.chosen;
    if (this.chosen === null) {
      this.chosen = chainScore(body.left) >= chainScore(body.right) ? 'left' : 'right';
    } else {
      const current = body.chain(this.chosen);
      const other = body.chain(otherSide(this.chosen));
      if (this.hasLast && torsoLengthPx > 0) {
        const stay = this.distanceToLast(current);
        const swap = this.distanceToLast(other);
        if (Number.isFinite(stay) && Number.isFinite(swap) && stay - swap > this.config.swapLeadTorso * torsoLengthPx) {
          this.chosen = otherSide(this.chosen);
          this.swapsFollowed++;
          this.leadFrames = 0;
          this.remember(body.chain(this.chosen));
          return this.chosen;
        }
      }
      if (chainScore(other) - chainScore(current) > this.config.marginScore) {
        this.leadFrames++;
        if (this.leadFrames >= this.config.framesToSwitch) {
          this.chosen = otherSide(this.chosen);
          this.leadFrames = 0;
        }
      } else {
        this.leadFrames = 0;
      }
    }
    this.remember(body.chain(this.chosen));
    return this.chosen;
  }

  /** Sum of joint distances (px) between `chain` and the chosen chain of the previous frame, over joints known in both. */
  private distanceToLast(chain: Chain): number {
    let sum = 0;
    let n = 0;
    CHAIN_JOINTS.forEach((j, i) => {
      const p = chain[j];
      if (!p.known || !this.last.known[i]) return;
      sum += Math.hypot(p.x - (this.last.x[i] as number), p.y - (this.last.y[i] as number));
      n++;
    });
    return n >= 3 ? sum : Number.NaN;
  }

  private remember(chain: Chain): void {
    CHAIN_JOINTS.forEach((j, i) => {
      const p = chain[j];
      this.last.x[i] = p.x;
      this.last.y[i] = p.y;
      this.last.known[i] = p.known ? 1 : 0;
    });
    this.hasLast = true;
  }

  reset(): void {
    this.chosen = null;
    this.leadFrames = 0;
    this.hasLast = false;
    this.swapsFollowed = 0;
  }
}
