/**
 * Per-frame reading of the body that every checker needs: which side to
 * measure, torso length for normalisation, the camera view, whether the
 * person stands or lies, which way they face, and whether they are wholly in
 * the frame. One reused object, updated in place each frame.
 */
import type { PoseFrame } from '../frame/pose-frame.ts';
import { elevationAboveHorizontalDeg, inclinationFromVerticalDeg } from '../geometry/angles.ts';
import { BodyFrame, CHAIN_JOINTS, jointDistancePx, otherSide, type Chain, type ChainJoint, type JointSample, type Side } from './body.ts';
import { SideChooser } from './side-chooser.ts';
import { Ema } from '../signal/ema.ts';
import { DEFAULT_VIEW, nextView, yawFromImageDeg, type ViewConfig, type ViewKind } from './view.ts';

export type Posture = 'standing' | 'lying' | 'unknown';

const dist = jointDistancePx;


export class BodyState {
  readonly frame: BodyFrame;
  private readonly chooser = new SideChooser();
  private readonly torso = new Ema(500);
  private readonly spread: Ema;
  private readonly yaw: Ema;
  private readonly edges = new EdgeWatch();
  /** when the yaw average got its first sample, ms (NaN: not yet) */
  private yawSinceMs = Number.NaN;
  /** + when the nose is ahead of the ear toward +x: averaged, because a profile face is small and noisy */
  private readonly noseAhead = new Ema(1500);

  timestampMs = 0;
  present = false;
  side: Side = 'left';
  /** smoothed shoulder-hip distance, px; NaN until known */
  torsoLengthPx = Number.NaN;
  /** smoothed left-right spread of shoulders and hips, in torso lengths (grows with yaw, and as the torso foreshortens) */
  spreadTorso = Number.NaN;
  /** smoothed camera yaw off the person's side, deg: 0 true side view, 90 facing the camera; NaN until known (view.ts) */
  yawDeg = Number.NaN;
  /** the class of yawDeg, with hysteresis (view.ts DEFAULT_VIEW) */
  view: ViewKind = 'unknown';
  posture: Posture = 'unknown';
  /** direction from hips to shoulders along x: +1 head toward +x, -1 toward -x, 0 unknown */
  headDirection: 1 | -1 | 0 = 0;
  /** for a standing person: +1 facing +x, -1 facing -x, 0 unknown */
  standingFacing: 1 | -1 | 0 = 0;
  /** the measured joints (shoulder, hip, knee, ankle of the near side and a head point) are known and inside the image */
  wholeBodyInFrame = false;

  constructor(
    minScore?: number,
    private readonly viewConfig: ViewConfig = DEFAULT_VIEW,
  ) {
    this.frame = new BodyFrame(minScore);
    this.spread = new Ema(viewConfig.halfLifeMs);
    this.yaw = new Ema(viewConfig.halfLifeMs);
  }

  get near(): Chain {
    return this.frame.chain(this.side);
  }

  get far(): Chain {
    return this.frame.chain(otherSide(this.side));
  }

  get nose(): JointSample {
    return this.frame.nose;
  }

  update(pose: PoseFrame): this {
    const f = this.frame.read(pose);
    const t = (this.timestampMs = pose.timestampMs);
    this.present = f.present;
    if (!f.present) {
      this.wholeBodyInFrame = false;
      return this;
    }
    const torsoL = dist(f.left.shoulder, f.left.hip);
    const torsoR = dist(f.right.shoulder, f.right.hip);
    const torsoNow = Number.isNaN(torsoL) ? torsoR : Number.isNaN(torsoR) ? torsoL : (torsoL + torsoR) / 2;
    this.torsoLengthPx = this.torso.update(torsoNow, t);
    this.side = this.chooser.update(f, this.torsoLengthPx) ?? this.side;

    const spreadShoulders = dist(f.left.shoulder, f.right.shoulder);
    const spreadHips = dist(f.left.hip, f.right.hip);
    const spreadNow = Math.max(Number.isNaN(spreadShoulders) ? -1 : spreadShoulders, Number.isNaN(spreadHips) ? -1 : spreadHips);
    this.spreadTorso = this.spread.update(spreadNow >= 0 && torsoNow > 0 ? spreadNow / torsoNow : Number.NaN, t);
    this.yawDeg = this.yaw.update(this.yawNow(), t);
    if (Number.isNaN(this.yawSinceMs) && Number.isFinite(this.yawDeg)) this.yawSinceMs = t;
    // hysteresis holds a class once the average has settled (one half-life of samples); before
    // that, one noisy first frame would otherwise fix the class (a 60 deg view read as 75)
    const settled = t - this.yawSinceMs >= this.viewConfig.halfLifeMs;
    this.view = nextView(settled ? this.view : 'unknown', this.yawDeg, this.viewConfig);
    this.edges.update(f);

    const near = this.near;
    this.posture = postureOf(near);
    const dx = near.shoulder.known && near.hip.known ? near.shoulder.x - near.hip.x : Number.NaN;
    this.headDirection = Number.isNaN(dx) || Math.abs(dx) < 0.2 * (this.torsoLengthPx || 1) ? this.headDirection : dx > 0 ? 1 : -1;
    if (near.ear.known && f.nose.known) {
      const ahead = this.noseAhead.update(Math.sign(f.nose.x - near.ear.x), t);
      if (Math.abs(ahead) > 0.3) this.standingFacing = ahead > 0 ? 1 : -1;
    }
    this.wholeBodyInFrame = this.inFrame();
    return this;
  }

  /**
   * This frame's yaw (view.ts yawFromImageDeg): the shoulder line against the
   * torso from the hip midpoint to the shoulder midpoint, or the near side's
   * torso when a hip is unknown. NaN without both shoulders.
   */
  private yawNow(): number {
    const { left, right } = this.frame;
    if (!left.shoulder.known || !right.shoulder.known) return Number.NaN;
    const sx = left.shoulder.x - right.shoulder.x;
    const sy = left.shoulder.y - right.shoulder.y;
    let tx: number;
    let ty: number;
    if (left.hip.known && right.hip.known) {
      tx = (left.shoulder.x + right.shoulder.x - left.hip.x - right.hip.x) / 2;
      ty = (left.shoulder.y + right.shoulder.y - left.hip.y - right.hip.y) / 2;
    } else {
      const chain = this.near.hip.known ? this.near : this.far;
      if (!chain.hip.known) return Number.NaN;
      tx = chain.shoulder.x - chain.hip.x;
      ty = chain.shoulder.y - chain.hip.y;
    }
    return yawFromImageDeg(tx, ty, sx, sy, this.viewConfig.shoulderWidthTorso);
  }

  /**
   * The near side's joint `j` is gone from the picture, not merely near its
   * edge: unknown (below the score gate), placed far outside the image, or
   * clamped to its border (EdgeWatch). A joint the model places at the edge
   * with a usable score is there: a knee touching the top of a tight frame.
   */
  jointGone(j: ChainJoint): boolean {
    return this.edges.gone(this.side, j, this.near[j]);
  }

  private inFrame(): boolean {
    const f = this.frame;
    const head = !this.jointGone('ear') || (f.nose.known && !farOutside(f.nose, f.imageWidth, f.imageHeight));
    return !this.jointGone('shoulder') && !this.jointGone('hip') && !this.jointGone('knee') && !this.jointGone('ankle') && head;
  }

  /** Signed-angle facing for the current posture (see signedJointAngleDeg): standing: the way they face; prone: head direction; supine: against it. */
  frontFacing(lying: 'prone' | 'supine' | 'standing'): 1 | -1 | 0 {
    if (lying === 'standing') return this.standingFacing;
    if (this.headDirection === 0) return 0;
    return lying === 'prone' ? this.headDirection : this.headDirection === 1 ? -1 : 1;
  }

  reset(): void {
    this.chooser.reset();
    this.torso.reset();
    this.spread.reset();
    this.yaw.reset();
    this.yawSinceMs = Number.NaN;
    this.edges.reset();
    this.noseAhead.reset();
    this.present = false;
    this.torsoLengthPx = Number.NaN;
    this.spreadTorso = Number.NaN;
    this.yawDeg = Number.NaN;
    this.view = 'unknown';
    this.posture = 'unknown';
    this.headDirection = 0;
    this.standingFacing = 0;
    this.wholeBodyInFrame = false;
  }

  get swapsFollowed(): number {
    return this.chooser.swapsFollowed;
  }
}

/**
 * Standing when the ankle->shoulder axis is within 40 deg of vertical, lying
 * when it is within 35 deg of horizontal (an upward dog at the top raises the
 * shoulders ~30 deg above the feet; a good-morning at 70 deg of hinge still
 * keeps the shoulders within ~35 deg of above the ankles).
 */
export function postureOf(chain: Chain): Posture {
  const low = chain.ankle.known ? chain.ankle : chain.knee.known ? chain.knee : null;
  if (!low || !chain.shoulder.known) return 'unknown';
  const inclination = inclinationFromVerticalDeg(low, chain.shoulder);
  if (inclination < 40) return 'standing';
  const elevation = Math.abs(elevationAboveHorizontalDeg(low, chain.shoulder));
  if (elevation < 35) return 'lying';
  return 'unknown';
}

/**
 * How a joint at the image border is read. Models do place joints on and a
 * little past the edge of a tight frame, with good scores: MoveNet puts the
 * ankle of superman_klarfit's close shot 2-4 px outside the 338 px frame at
 * 0.39-0.77, and BlazePose extrapolates the feet up to 18 px out at 0.9.
 * Such a joint is near the edge, not missing. It is gone when:
 *  - it is unknown (score below the gate): the model does not see it;
 *  - it lies outside the image by more than `outsideFraction` of the
 *    image's width or height: an extrapolated limb out of the picture
 *    (3% of 338 px is 10 px: past MoveNet's 4, short of BlazePose's 18);
 *  - it is clamped: pinned on the border (at or past the outermost pixel)
 *    at the same coordinate across it, within `pinnedPx`, for `clampedAfterMs`.
 *    A placed joint jitters by a pixel or more from frame to frame (the
 *    MoveNet ankle above moves 2 px); a clamped one (a pipeline that
 *    clamps, the synthetic tracks' off-image joints) does not move at all.
 */
export const EDGE_RULES = { outsideFraction: 0.03, pinnedPx: 0.5, clampedAfterMs: 1000 } as const;

function farOutside(p: JointSample, width: number, height: number): boolean {
  const mx = width * EDGE_RULES.outsideFraction;
  const my = height * EDGE_RULES.outsideFraction;
  return p.x < -mx || p.x > width + mx || p.y < -my || p.y > height + my;
}

/** Per chain joint of both sides: since when it has been pinned to the image border (NaN: not pinned). */
class EdgeWatch {
  private readonly lastX = new Float64Array(2 * CHAIN_JOINTS.length).fill(Number.NaN);
  private readonly lastY = new Float64Array(2 * CHAIN_JOINTS.length).fill(Number.NaN);
  private readonly pinnedSince = new Float64Array(2 * CHAIN_JOINTS.length).fill(Number.NaN);
  private width = 0;
  private height = 0;
  private t = 0;

  update(f: BodyFrame): void {
    this.width = f.imageWidth;
    this.height = f.imageHeight;
    this.t = f.timestampMs;
    CHAIN_JOINTS.forEach((j, i) => {
      this.follow(i, f.left[j]);
      this.follow(CHAIN_JOINTS.length + i, f.right[j]);
    });
  }

  private follow(i: number, p: JointSample): void {
    const pin = EDGE_RULES.pinnedPx;
    const onX = p.x <= pin || p.x >= this.width - 1 - pin;
    const onY = p.y <= pin || p.y >= this.height - 1 - pin;
    const pinned = (onX && Math.abs(p.x - (this.lastX[i] as number)) <= pin) || (onY && Math.abs(p.y - (this.lastY[i] as number)) <= pin);
    if (!pinned) this.pinnedSince[i] = Number.NaN;
    else if (Number.isNaN(this.pinnedSince[i] as number)) this.pinnedSince[i] = this.t;
    this.lastX[i] = p.x;
    this.lastY[i] = p.y;
  }

  gone(side: Side, j: ChainJoint, p: JointSample): boolean {
    if (!p.known || farOutside(p, this.width, this.height)) return true;
    const since = this.pinnedSince[(side === 'left' ? 0 : CHAIN_JOINTS.length) + CHAIN_JOINTS.indexOf(j)] as number;
    return this.t - since >= EDGE_RULES.clampedAfterMs;
  }

  reset(): void {
    this.lastX.fill(Number.NaN);
    this.lastY.fill(Number.NaN);
    this.pinnedSince.fill(Number.NaN);
  }
}
