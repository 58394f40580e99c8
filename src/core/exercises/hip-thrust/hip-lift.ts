/**
 * How far the hips have risen above where they rest, and whether the
 * shoulder keypoint stays on the floor as the article's upper back does:
 * a reading of the bridge that needs no shoulder, for views where the
 * shoulder keypoint cannot be trusted.
 *
 * design/exercises.md §4: "upper back on the floor (or on a bench), push the
 * hips up". The shoulders are the pivot and stay where they rest; only the
 * hips rise. Filmed from the feet in close-up (bridge_ballsqueeze), BlazePose
 * Full puts the shoulder on the chest at the top: it rises with the hips,
 * 0.9-1.7 times as far, so the hip angle it makes does not rise at all
 * (-19 to +2 deg at the three holds, where MoveNet reads +28 to +45). On
 * every other reading of the fixture clips (all hip-thrust clips, all four
 * models, side, oblique and the bench clip) the shoulder rises at most 0.30
 * times as far as the hips at a top (MoveNet Lightning on bridge_ballsqueeze
 * 0.15-0.20), in most under 0.2.
 *
 * Heights are image heights (a camera looking across the floor keeps them,
 * from the side or from the feet), measured from the resting level learnt
 * while the hips are down, in torso lengths measured there too (the torso
 * foreshortens at the top when filmed from the feet: 92 -> 79 px).
 * Both sides' mean, so a swap of near and far side changes nothing.
 */
import type { Chain, JointSample } from '../../engine/body.ts';
import { RestLevel } from '../../signal/rest-level.ts';

export class HipLift {
  private readonly hipRest = new RestLevel();
  private readonly shoulderRest = new RestLevel();
  private readonly torsoRest = new RestLevel();
  private readonly hips = new PairHeight();
  private readonly shoulders = new PairHeight();
  private hipHeightPx = Number.NaN;
  private shoulderHeightPx = Number.NaN;
  private torsoPx = Number.NaN;

  /** the hips' height above their resting level, resting torso lengths; NaN while unknown */
  hipLiftTorso = Number.NaN;
  /** the shoulders' height above their resting level, resting torso lengths */
  shoulderLiftTorso = Number.NaN;

  /** This frame's heights and lifts from the body's left and right chains (allocation-free). */
  measure(left: Chain, right: Chain, torsoLengthPx: number): void {
    this.hipHeightPx = this.hips.heightPx(left.hip, right.hip);
    this.shoulderHeightPx = this.shoulders.heightPx(left.shoulder, right.shoulder);
    this.torsoPx = torsoLengthPx;
    const torso = this.torsoRest.level;
    this.hipLiftTorso = torso > 0 ? (this.hipHeightPx - this.hipRest.level) / torso : Number.NaN;
    this.shoulderLiftTorso = torso > 0 ? (this.shoulderHeightPx - this.shoulderRest.level) / torso : Number.NaN;
  }

  /** The hips are down: the resting levels follow this frame (up slowly, down fast: settling lower is still rest). */
  followRest(timestampMs: number, upHalfLifeMs: number, downHalfLifeMs: number): void {
    this.hipRest.follow(this.hipHeightPx, timestampMs, upHalfLifeMs, downHalfLifeMs);
    this.shoulderRest.follow(this.shoulderHeightPx, timestampMs, upHalfLifeMs, downHalfLifeMs);
    this.torsoRest.follow(this.torsoPx, timestampMs, upHalfLifeMs, upHalfLifeMs);
  }

  /** The resting levels were wrong (the hips settled elsewhere, the camera changed): start them again from this frame. */
  restart(timestampMs: number): void {
    if (Number.isFinite(this.hipHeightPx)) this.hipRest.restart(this.hipHeightPx, timestampMs);
    if (Number.isFinite(this.shoulderHeightPx)) this.shoulderRest.restart(this.shoulderHeightPx, timestampMs);
    if (this.torsoPx > 0) this.torsoRest.restart(this.torsoPx, timestampMs);
  }

  /**
   * The shoulder keypoint has left the floor with the hips: the hips clearly
   * up (at least `minHipLiftTorso`) and the shoulder risen at least `ratio`
   * times as far. The upper back stays down in a bridge, so this is the
   * model reading the chest as the shoulder, not the body.
   */
  shoulderFollowsHips(minHipLiftTorso: number, ratio: number): boolean {
    return this.hipLiftTorso >= minHipLiftTorso && this.shoulderLiftTorso >= ratio * this.hipLiftTorso;
  }

  reset(): void {
    this.hipRest.reset();
    this.shoulderRest.reset();
    this.torsoRest.reset();
    this.hips.reset();
    this.shoulders.reset();
    this.hipHeightPx = Number.NaN;
    this.shoulderHeightPx = Number.NaN;
    this.torsoPx = Number.NaN;
    this.hipLiftTorso = Number.NaN;
    this.shoulderLiftTorso = Number.NaN;
  }
}

/**
 * Height on screen (up = +) of a left-right pair of joints: their mean. When
 * one of them is not seen for a frame, the other one stands in, offset by the
 * last difference between the two, so the height does not jump by half that
 * difference (MoveNet's far shoulder, scored near the gate, is up to 20 px off
 * the near one on bridge_ballsqueeze).
 */
class PairHeight {
  private rightBelowLeftPx = 0;

  heightPx(left: JointSample, right: JointSample): number {
    if (left.known && right.known) {
      this.rightBelowLeftPx = right.y - left.y;
      return -(left.y + right.y) / 2;
    }
    if (left.known) return -left.y - this.rightBelowLeftPx / 2;
    if (right.known) return -right.y + this.rightBelowLeftPx / 2;
    return Number.NaN;
  }

  reset(): void {
    this.rightBelowLeftPx = 0;
  }
}
