/**
 * Per-frame reading of the body that every checker needs: which side to
 * measure, torso length for normalisation, the camera view, whether the
 * person stands or lies, which way they face, and whether they are wholly in
 * the frame. One reused object, updated in place each frame.
 */
import type { PoseFrame } from '../frame/pose-frame.ts';
import { elevationAboveHorizontalDeg, inclinationFromVerticalDeg } from '../geometry/angles.ts';
import { BodyFrame, jointDistancePx, otherSide, type Chain, type JointSample, type Side } from './body.ts';
import { SideChooser } from './side-chooser.ts';
import { DEFAULT_VIEW, viewOfSpread, type ViewConfig, type ViewKind } from './view.ts';

export type Posture = 'standing' | 'lying' | 'unknown';

const dist = jointDistancePx;

/** Exponential moving average with a half-life in ms, for irregular frame times. NaN inputs are skipped. */
export class Ema {
  private value = Number.NaN;
  private lastMs = Number.NaN;
  constructor(private readonly halfLifeMs: number) {}
  update(sample: number, timestampMs: number): number {
    if (!Number.isFinite(sample)) return this.value;
    if (Number.isNaN(this.value)) this.value = sample;
    else {
      const dt = Math.max(0, timestampMs - this.lastMs);
      const keep = Math.pow(0.5, dt / this.halfLifeMs);
      this.value = keep * this.value + (1 - keep) * sample;
    }
    this.lastMs = timestampMs;
    return this.value;
  }
  get current(): number {
    return this.value;
  }
  reset(): void {
    this.value = Number.NaN;
    this.lastMs = Number.NaN;
  }
}

export class BodyState {
  readonly frame: BodyFrame;
  private readonly chooser = new SideChooser();
  private readonly torso = new Ema(500);
  private readonly spread = new Ema(DEFAULT_VIEW.halfLifeMs);
  /** + when the nose is ahead of the ear toward +x: averaged, because a profile face is small and noisy */
  private readonly noseAhead = new Ema(1500);

  timestampMs = 0;
  present = false;
  side: Side = 'left';
  /** smoothed shoulder-hip distance, px; NaN until known */
  torsoLengthPx = Number.NaN;
  /** smoothed left-right spread of shoulders and hips, in torso lengths */
  spreadTorso = Number.NaN;
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
    this.view = viewOfSpread(this.spreadTorso, this.viewConfig);

    const near = this.near;
    this.posture = postureOf(near);
    const dx = near.shoulder.known && near.hip.known ? near.shoulder.x - near.hip.x : Number.NaN;
    this.headDirection = Number.isNaN(dx) || Math.abs(dx) < 0.2 * (this.torsoLengthPx || 1) ? this.headDirection : dx > 0 ? 1 : -1;
    if (near.ear.known && f.nose.known) {
      const ahead = this.noseAhead.update(Math.sign(f.nose.x - near.ear.x), t);
      if (Math.abs(ahead) > 0.3) this.standingFacing = ahead > 0 ? 1 : -1;
    }
    this.wholeBodyInFrame = inFrame(near, f.nose, pose.imageWidth, pose.imageHeight);
    return this;
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
    this.noseAhead.reset();
    this.present = false;
    this.torsoLengthPx = Number.NaN;
    this.spreadTorso = Number.NaN;
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

/** 1% of the image: a joint on the very edge is usually a clipped limb. */
const EDGE = 0.01;

function inFrame(near: Chain, nose: JointSample, width: number, height: number): boolean {
  const inside = (p: JointSample): boolean => p.known && p.x >= width * EDGE && p.x <= width * (1 - EDGE) && p.y >= height * EDGE && p.y <= height * (1 - EDGE);
  return inside(near.shoulder) && inside(near.hip) && inside(near.knee) && inside(near.ankle) && (inside(near.ear) || inside(nose));
}
