/**
 * Tests of the synthetic keypoint-track generator (test/synthetic/): the
 * expected values come from the body model's formulas and the options, not
 * from running the generator.
 */
import { describe, expect, it } from 'vitest';
import { validateTrack, type KeypointTrack, type TrackFrame } from '../../src/core/track.ts';
import {
  projectPose,
  resolveCamera,
  sagittalSkeleton,
  SEGMENT_TORSO,
  sideAngles,
  sideDirections,
  twoLinkMiddle,
  distance,
  directionDeg,
  wrapDeg,
  type BodyPose,
  type CameraOptions,
  type CocoName,
  type Motion,
  type SideAngles,
} from '../synthetic/body-model.ts';
import {
  distancePx,
  headLineDeg,
  heightAboveLinePx,
  jointAngleDeg,
  keypointOf,
  signedHipAngleDeg,
  torsoElevationDeg,
  torsoInclinationDeg,
  type ImagePoint,
} from '../synthetic/measure.ts';
import {
  getSet,
  goodMorning,
  hipThrust,
  lieDown,
  offFrameU,
  precede,
  repSchedule,
  standingPose,
  superman,
  upwardDog,
  walkIn,
  type BuiltExercise,
} from '../synthetic/motions.ts';
import { mulberry32 } from '../synthetic/prng.ts';
import { synthesize, synthesizeTrack, type TraceOptions } from '../synthetic/trace.ts';

const FPS = 15;

/** A keypoint that must be there. */
function point(frame: TrackFrame | undefined, name: CocoName): ImagePoint & { readonly score: number } {
  const k = frame ? keypointOf(frame, name) : undefined;
  if (!k) throw new Error(`no ${name} in frame`);
  return k;
}

/** The frame nearest to a time. */
function frameAt(track: KeypointTrack, tMs: number): TrackFrame {
  const frame = track.frames[Math.round((tMs * track.fps) / 1000)];
  if (!frame) throw new Error(`no frame at ${tMs} ms`);
  return frame;
}

/** Frames with t in [fromMs, toMs]. */
function framesIn(track: KeypointTrack, fromMs: number, toMs: number): TrackFrame[] {
  return track.frames.filter((f) => f.t >= fromMs && f.t <= toMs && f.keypoints.length > 0);
}

/** A side-view track of a built exercise (right side near: facing +1, unmirrored). */
function sideTrack(built: BuiltExercise, options: Partial<TraceOptions> = {}): KeypointTrack {
  return synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, fps: FPS, ...options });
}

const torsoPx = (f: TrackFrame): number => distancePx(point(f, 'right_shoulder'), point(f, 'right_hip'));
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const max = (xs: readonly number[]): number => Math.max(...xs);
const min = (xs: readonly number[]): number => Math.min(...xs);

/** A random pose: every angle anywhere in a plausible range. */
function randomPose(seed: number): BodyPose {
  const r = mulberry32(seed);
  const side = (): SideAngles => ({ hipDeg: r.uniform(60, 220), kneeDeg: r.uniform(40, 180), shoulderDeg: r.uniform(-40, 200), elbowDeg: r.uniform(30, 180) });
  return { rootU: r.uniform(-1, 1), rootV: r.uniform(0.3, 1.8), torsoDeg: r.uniform(-120, 120), neckDeg: r.uniform(-50, 50), shrugTorso: r.uniform(0, 0.15), near: side(), far: side() };
}

describe('body model', () => {
  const poses: readonly [string, BodyPose][] = [
    ['standing', standingPose()],
    ['good-morning bottom', goodMorning().motion(goodMorning().truth.reps[0]?.peakMs ?? 0)],
    ['prone', superman().startPose],
    ['supine bridge top', hipThrust().motion(hipThrust().truth.reps[0]?.peakMs ?? 0)],
  ];

  it.each(poses)('in a side view the torso (near shoulder to near hip) is cameraDistancePx long: %s', (_, pose) => {
    for (const cameraDistancePx of [60, 100, 140]) {
      for (const yawAxis of ['vertical', 'lengthwise'] as const) {
        const keypoints = projectPose(pose, resolveCamera({ cameraDistancePx, yawAxis }));
        const at = (name: CocoName) => keypoints.find((k) => k.name === name) as ImagePoint;
        expect(distancePx(at('right_shoulder'), at('right_hip'))).toBeCloseTo(cameraDistancePx, 9);
        expect(distancePx(at('left_shoulder'), at('left_hip'))).toBeCloseTo(cameraDistancePx, 9);
      }
    }
  });

  it('in a side view every segment keeps its length, on both sides, for any pose', () => {
    const scalePx = 87;
    for (let seed = 1; seed <= 50; seed++) {
      const pose = randomPose(seed);
      const keypoints = projectPose(pose, resolveCamera({ cameraDistancePx: scalePx, imageWidthPx: 4000, imageHeightPx: 4000, centreXPx: 2000, floorYPx: 2000 }));
      const at = (name: CocoName) => keypoints.find((k) => k.name === name) as ImagePoint;
      for (const side of ['left', 'right'] as const) {
        const length = (a: string, b: string): number => distancePx(at(`${side}_${a}` as CocoName), at(`${side}_${b}` as CocoName)) / scalePx;
        expect(length('shoulder', 'elbow')).toBeCloseTo(SEGMENT_TORSO.upperArm, 9);
        expect(length('elbow', 'wrist')).toBeCloseTo(SEGMENT_TORSO.forearm, 9);
        expect(length('hip', 'knee')).toBeCloseTo(SEGMENT_TORSO.thigh, 9);
        expect(length('knee', 'ankle')).toBeCloseTo(SEGMENT_TORSO.shank, 9);
        expect(length('shoulder', 'hip')).toBeCloseTo(SEGMENT_TORSO.torso, 9);
        expect(length('shoulder', 'ear')).toBeCloseTo(SEGMENT_TORSO.neck - pose.shrugTorso, 9);
      }
      expect(distancePx(at('right_ear'), at('nose')) / scalePx).toBeCloseTo(SEGMENT_TORSO.face, 9);
    }
  });

  it('relative joint angles survive the trip to absolute directions and back', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const pose = randomPose(seed);
      const back = sideAngles(pose.torsoDeg, sideDirections(pose.torsoDeg, pose.near));
      expect(back.hipDeg).toBeCloseTo(pose.near.hipDeg, 9);
      expect(back.kneeDeg).toBeCloseTo(pose.near.kneeDeg, 9);
      expect(back.shoulderDeg).toBeCloseTo(pose.near.shoulderDeg, 9);
      expect(back.elbowDeg).toBeCloseTo(pose.near.elbowDeg, 9);
    }
  });

  it('measures signed hip angles and knee angles on the figure as the pose says', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const pose = randomPose(seed);
      for (const facing of [1, -1] as const) {
        const keypoints = projectPose(pose, resolveCamera({ facing, imageWidthPx: 4000, imageHeightPx: 4000, centreXPx: 2000, floorYPx: 2000 }));
        const near = facing === 1 ? 'right' : 'left';
        const at = (j: string) => keypoints.find((k) => k.name === `${near}_${j}`) as ImagePoint;
        expect(signedHipAngleDeg(at('shoulder'), at('hip'), at('knee'), facing)).toBeCloseTo(pose.near.hipDeg, 6);
        expect(jointAngleDeg(at('hip'), at('knee'), at('ankle'))).toBeCloseTo(180 - Math.abs(wrapDeg(180 - pose.near.kneeDeg)), 6);
      }
    }
  });

  it('spreads the shoulders by 0.75 sin(yaw) torso and the hips by 0.55 sin(yaw) (standing, camera turned about the vertical)', () => {
    const pose = standingPose();
    for (const viewYawDeg of [0, 20, 45, 70, 90]) {
      const keypoints = projectPose(pose, resolveCamera({ viewYawDeg, cameraDistancePx: 100 }));
      const at = (name: CocoName) => keypoints.find((k) => k.name === name) as ImagePoint;
      const yaw = (viewYawDeg * Math.PI) / 180;
      expect(Math.abs(at('left_shoulder').x - at('right_shoulder').x) / 100).toBeCloseTo(0.75 * Math.sin(yaw), 9);
      expect(Math.abs(at('left_hip').x - at('right_hip').x) / 100).toBeCloseTo(0.55 * Math.sin(yaw), 9);
      // the standing torso is vertical: turning about it leaves its length (midpoints: the sides' widths differ)
      const mid = (a: ImagePoint, b: ImagePoint): ImagePoint => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
      expect(distancePx(mid(at('left_shoulder'), at('right_shoulder')), mid(at('left_hip'), at('right_hip'))) / 100).toBeCloseTo(1, 9);
    }
  });

  it('lying, turning the camera about the body lengthwise spreads the sides vertically and keeps the torso length', () => {
    const pose = superman().startPose;
    for (const viewYawDeg of [0, 45, 90]) {
      const keypoints = projectPose(pose, resolveCamera({ viewYawDeg, cameraDistancePx: 100 }));
      const at = (name: CocoName) => keypoints.find((k) => k.name === name) as ImagePoint;
      const spread = distancePx(at('left_shoulder'), at('right_shoulder')) / 100;
      expect(spread).toBeCloseTo(0.75 * Math.sin((viewYawDeg * Math.PI) / 180), 9);
      expect(Math.abs(at('left_shoulder').x - at('right_shoulder').x)).toBeLessThan(1e-9);
      // the lying torso runs along x, which this turn leaves alone
      expect(Math.abs(at('right_shoulder').x - at('right_hip').x) / 100).toBeCloseTo(1, 9);
    }
  });

  it('facing -1 mirrors the image about its centre and makes the left side the near one', () => {
    const pose = goodMorning().motion(2500);
    const right = projectPose(pose, resolveCamera({ facing: 1 }));
    const left = projectPose(pose, resolveCamera({ facing: -1 }));
    expect(resolveCamera({ facing: 1 }).nearSide).toBe('right');
    expect(resolveCamera({ facing: -1 }).nearSide).toBe('left');
    for (const k of right) {
      const mirrored = k.name.startsWith('right_') ? `left_${k.name.slice(6)}` : k.name.startsWith('left_') ? `right_${k.name.slice(5)}` : k.name;
      const other = left.find((m) => m.name === mirrored) as ImagePoint;
      expect(k.x + other.x).toBeCloseTo(640, 9);
      expect(k.y).toBeCloseTo(other.y, 9);
    }
  });

  it('places the middle joint of a pinned limb at both segment lengths, bent the way the joint flexes', () => {
    const hip = { u: 0, v: 1 };
    const ankle = { u: 0.9, v: 0.2 };
    const { middle: knee, reached } = twoLinkMiddle(hip, ankle, 0.8, 0.8, 'knee');
    expect(reached).toBe(true);
    expect(distance(hip, knee)).toBeCloseTo(0.8, 9);
    expect(distance(knee, ankle)).toBeCloseTo(0.8, 9);
    // a flexing knee turns the shank toward larger direction angles
    expect(wrapDeg(directionDeg(knee, ankle) - directionDeg(hip, knee))).toBeGreaterThan(0);
    const wrist = { u: 0.5, v: 0.4 };
    const { middle: elbow, reached: elbowReached } = twoLinkMiddle(hip, wrist, 0.55, 0.5, 'elbow');
    expect(elbowReached).toBe(true);
    expect(distance(hip, elbow)).toBeCloseTo(0.55, 9);
    expect(distance(elbow, wrist)).toBeCloseTo(0.5, 9);
    expect(wrapDeg(directionDeg(elbow, wrist) - directionDeg(hip, elbow))).toBeLessThan(0);
    expect(twoLinkMiddle(hip, { u: 5, v: 1 }, 0.8, 0.8, 'knee').reached).toBe(false);
  });
});

describe('synthesizeTrack', () => {
  const still: Motion = () => standingPose();
  const base: TraceOptions = { durationMs: 40_000, fps: FPS, seed: 7 };

  it('gives the same track for the same seed, and another for another seed', () => {
    const built = goodMorning();
    const options: Partial<TraceOptions> = { noiseSigma: 0.02, dropFraction: 0.05, swaps: 2, seed: 3 };
    expect(sideTrack(built, options)).toEqual(sideTrack(built, options));
    const other = sideTrack(built, { ...options, seed: 4 });
    const same = sideTrack(built, options);
    const differing = same.frames.filter((f, i) => JSON.stringify(f) !== JSON.stringify(other.frames[i])).length;
    expect(differing).toBeGreaterThan(0.9 * same.frames.length);
  });

  it('drops 10% of the frames for dropFraction 0.1, as empty frames with score 0', () => {
    const { track, droppedFrames } = synthesize(still, { ...base, dropFraction: 0.1 });
    const empty = track.frames.flatMap((f, i) => (f.keypoints.length === 0 ? [i] : []));
    expect(track.frames.length).toBe(600);
    expect(empty.length / track.frames.length).toBeGreaterThanOrEqual(0.08);
    expect(empty.length / track.frames.length).toBeLessThanOrEqual(0.12);
    expect(empty).toEqual(droppedFrames);
    for (const i of empty) expect(track.frames[i]?.score).toBe(0);
  });

  it('swaps every left_* with right_* for 1-3 frames per swap, and leaves the other frames alone', () => {
    const built = goodMorning();
    const clean = synthesize(built.motion, { durationMs: built.truth.durationMs, noiseSigma: 0.01, seed: 5 });
    const corrupt = synthesize(built.motion, { durationMs: built.truth.durationMs, noiseSigma: 0.01, seed: 5, swaps: 4 });
    expect(corrupt.swaps).toHaveLength(4);
    const swapped = new Set<number>();
    for (const episode of corrupt.swaps) {
      const length = episode.toFrame - episode.fromFrame + 1;
      expect(length).toBeGreaterThanOrEqual(1);
      expect(length).toBeLessThanOrEqual(3);
      for (let i = episode.fromFrame; i <= episode.toFrame; i++) swapped.add(i);
    }
    corrupt.track.frames.forEach((frame, i) => {
      const before = clean.track.frames[i] as TrackFrame;
      if (!swapped.has(i)) {
        expect(frame).toEqual(before);
        return;
      }
      for (const k of frame.keypoints) {
        const mirrored = k.name.startsWith('left_') ? `right_${k.name.slice(5)}` : k.name.startsWith('right_') ? `left_${k.name.slice(6)}` : k.name;
        const original = point(before, mirrored as CocoName);
        expect([k.x, k.y, k.score]).toEqual([original.x, original.y, original.score]);
      }
      // and it is a real swap: the left shoulder is now where the clean track's right one was, not its own place
      expect(point(frame, 'left_ankle')).not.toEqual(point(before, 'left_ankle'));
    });
  });

  it('adds Gaussian noise of the requested standard deviation (fraction of the torso) to x and y', () => {
    const noiseSigma = 0.02;
    const cameraDistancePx = 100;
    const clean = synthesizeTrack(still, { ...base, cameraDistancePx });
    const noisy = synthesizeTrack(still, { ...base, cameraDistancePx, noiseSigma });
    const residuals: number[] = [];
    noisy.frames.forEach((frame, i) => {
      for (const k of frame.keypoints) {
        const c = point(clean.frames[i], k.name as CocoName);
        residuals.push(k.x - c.x, k.y - c.y);
      }
    });
    const sigmaPx = noiseSigma * cameraDistancePx;
    const m = mean(residuals);
    const sd = Math.sqrt(mean(residuals.map((r) => (r - m) ** 2)));
    expect(residuals.length).toBe(600 * 17 * 2);
    expect(sd).toBeGreaterThan(0.8 * sigmaPx);
    expect(sd).toBeLessThan(1.2 * sigmaPx);
    expect(Math.abs(m)).toBeLessThan(0.1 * sigmaPx);
  });

  it('scores the near side 0.8-0.95, the far side 0.4-0.7, the face 0.6-0.9; a front view uncovers the far side', () => {
    const side = synthesizeTrack(still, base);
    const scores = (track: KeypointTrack, names: (n: string) => boolean): number[] =>
      track.frames.flatMap((f) => f.keypoints.filter((k) => names(k.name)).map((k) => k.score));
    const isFace = (n: string): boolean => n === 'nose' || n.endsWith('_eye') || n.endsWith('_ear');
    const near = scores(side, (n) => n.startsWith('right_') && !isFace(n));
    const far = scores(side, (n) => n.startsWith('left_') && !isFace(n));
    const face = scores(side, isFace);
    expect(near.length).toBe(600 * 6);
    expect(min(near)).toBeGreaterThanOrEqual(0.8);
    expect(max(near)).toBeLessThanOrEqual(0.95);
    expect(min(far)).toBeGreaterThanOrEqual(0.4);
    expect(max(far)).toBeLessThanOrEqual(0.7);
    expect(min(face)).toBeGreaterThanOrEqual(0.6);
    expect(max(face)).toBeLessThanOrEqual(0.9);
    const front = synthesizeTrack(still, { ...base, viewYawDeg: 90 });
    const frontFar = scores(front, (n) => n.startsWith('left_') && !isFace(n));
    expect(Math.abs(mean(frontFar) - mean(near))).toBeLessThan(0.02);
  });

  it('makes the given joints unsure (score < 0.3) only inside their interval', () => {
    const track = synthesizeTrack(still, { ...base, durationMs: 6000, lowScoreJoints: [{ joints: ['right_knee', 'right_ankle'], fromMs: 2000, toMs: 4000 }] });
    for (const frame of track.frames) {
      const inside = frame.t >= 2000 && frame.t < 4000;
      for (const name of ['right_knee', 'right_ankle'] as const) {
        if (inside) expect(point(frame, name).score).toBeLessThan(0.3);
        else expect(point(frame, name).score).toBeGreaterThan(0.3);
      }
      expect(point(frame, 'right_hip').score).toBeGreaterThan(0.3);
    }
  });

  it('has no pose while the figure is outside the image, and walks in to the centre', () => {
    const to = standingPose();
    const segment = walkIn({ to, fromU: offFrameU(640, 100), durationMs: 4000 });
    const track = synthesizeTrack(segment.motion, { durationMs: 4001, fps: FPS });
    expect(track.frames[0]?.keypoints).toEqual([]);
    const last = track.frames[track.frames.length - 1];
    const hipX = (point(last, 'right_hip').x + point(last, 'left_hip').x) / 2;
    expect(hipX).toBeCloseTo(320 + to.rootU * 100, 0);
  });

  it('writes version 1, model "synthetic", the image size and fps, t in ms from i * 1000 / fps', () => {
    const track = synthesizeTrack(still, { durationMs: 1000, fps: 12, imageWidthPx: 480, imageHeightPx: 270, cameraDistancePx: 70 });
    expect([track.version, track.model, track.width, track.height, track.fps]).toEqual([1, 'synthetic', 480, 270, 12]);
    expect(track.frames.map((f) => f.t)).toEqual(Array.from({ length: 12 }, (_, i) => Math.round((i * 1000) / 12)));
    expect(track.source).toMatch(/^synthetic/);
  });
});

describe('repSchedule', () => {
  const options = { reps: 3, startDelayMs: 1000, downMs: 1200, holdMs: 400, upMs: 800, restMs: 600, depths: [1, 1, 0.5] } as const;
  const schedule = repSchedule(options);
  const repMs = options.downMs + options.holdMs + options.upMs + options.restMs;

  it('lays the reps out from the timing', () => {
    schedule.reps.forEach((rep, i) => {
      const startMs = options.startDelayMs + i * repMs;
      expect(rep).toMatchObject({
        index: i,
        startMs,
        holdStartMs: startMs + options.downMs,
        peakMs: startMs + options.downMs + options.holdMs / 2,
        holdEndMs: startMs + options.downMs + options.holdMs,
        endMs: startMs + options.downMs + options.holdMs + options.upMs,
        depth: options.depths[i],
      });
    });
    expect(schedule.durationMs).toBe(options.startDelayMs + 3 * repMs);
  });

  it('gives progress 0 at rest, the depth at the peak, half of it half-way down (cosine)', () => {
    schedule.reps.forEach((rep) => {
      expect(schedule.progressAt(rep.startMs)).toBe(0);
      expect(schedule.progressAt(rep.startMs + options.downMs / 2)).toBeCloseTo(rep.depth / 2, 12);
      expect(schedule.progressAt(rep.peakMs)).toBe(rep.depth);
      expect(schedule.progressAt(rep.holdEndMs + options.upMs / 2)).toBeCloseTo(rep.depth / 2, 12);
      expect(schedule.progressAt(rep.endMs)).toBe(0);
      expect(schedule.progressAt(rep.endMs + options.restMs / 2)).toBe(0);
    });
    expect(schedule.progressAt(0)).toBe(0);
  });

  it('takes per-rep holds and overrides', () => {
    const s = repSchedule({ reps: 3, startDelayMs: 0, downMs: 1000, upMs: 1000, restMs: 0, holdsMs: [0, 2000, 500], perRep: [{}, {}, { downMs: 300 }] });
    expect(s.reps.map((r) => r.holdMs)).toEqual([0, 2000, 500]);
    expect(s.reps.map((r) => r.startMs)).toEqual([0, 2000, 6000]);
    expect(s.reps[2]?.holdStartMs).toBe(6300);
  });
});

describe('exercise motions', () => {
  it('good morning at depthDeg 70: peak torso inclination 70 +- 1 on the keypoints, upright between reps', () => {
    const built = goodMorning({ depthDeg: 70 });
    const track = sideTrack(built);
    const inclination = (f: TrackFrame): number => torsoInclinationDeg(point(f, 'right_hip'), point(f, 'right_shoulder'));
    expect(built.truth.reps).toHaveLength(3);
    for (const rep of built.truth.reps) {
      const peak = max(framesIn(track, rep.startMs, rep.endMs).map(inclination));
      expect(Math.abs(peak - 70)).toBeLessThanOrEqual(1);
      expect(inclination(frameAt(track, rep.peakMs))).toBeCloseTo(70, 0);
      expect(inclination(frameAt(track, rep.startMs))).toBeLessThan(20);
      expect(rep.full).toBe(true);
    }
    expect([built.truth.fullReps, built.truth.partialReps]).toEqual([3, 0]);
    // soft knees at the bottom: 180 - kneeBendDeg
    const bottom = frameAt(track, built.truth.reps[0]?.peakMs ?? 0);
    expect(jointAngleDeg(point(bottom, 'right_hip'), point(bottom, 'right_knee'), point(bottom, 'right_ankle'))).toBeCloseTo(165, 0);
  });

  it('good morning with a half-depth rep: two full reps and one partial one', () => {
    const built = goodMorning({ depthDeg: 70, depths: [1, 1, 0.5] });
    expect([built.truth.fullReps, built.truth.partialReps]).toEqual([2, 1]);
    const track = sideTrack(built);
    const third = built.truth.reps[2];
    const f = frameAt(track, third?.peakMs ?? 0);
    expect(torsoInclinationDeg(point(f, 'right_hip'), point(f, 'right_shoulder'))).toBeCloseTo(35, 0);
  });

  it('good morning faults show on the keypoints where the truth says', () => {
    const built = goodMorning({ reps: 5, faults: { squat: [0], roundedBack: [1], shallow: [2], leanBack: [3], fast: [4] } });
    const track = sideTrack(built);
    const [squat, rounded, shallow, lean, fast] = built.truth.reps;
    const at = (t: number) => frameAt(track, t);
    const knee = (f: TrackFrame) => jointAngleDeg(point(f, 'right_hip'), point(f, 'right_knee'), point(f, 'right_ankle'));
    const headLine = (f: TrackFrame) => headLineDeg(point(f, 'right_ear'), point(f, 'right_shoulder'), point(f, 'right_hip'));
    expect(knee(at(squat?.peakMs ?? 0))).toBeLessThan(135);
    expect(knee(at(rounded?.peakMs ?? 0))).toBeGreaterThan(160);
    expect(headLine(at(rounded?.peakMs ?? 0))).toBeLessThan(150);
    expect(headLine(at(squat?.peakMs ?? 0))).toBeGreaterThan(170);
    expect(torsoInclinationDeg(point(at(shallow?.peakMs ?? 0), 'right_hip'), point(at(shallow?.peakMs ?? 0), 'right_shoulder'))).toBeLessThan(45);
    expect(shallow?.full).toBe(false);
    // leaning back: the shoulders behind the hips (toward -x for facing +1) by more than 10 deg, in the fault's interval
    const leanFault = built.truth.faults.find((f) => f.fault === 'leanBack');
    const backLean = (f: TrackFrame) => -(Math.atan2(point(f, 'right_shoulder').x - point(f, 'right_hip').x, point(f, 'right_hip').y - point(f, 'right_shoulder').y) * 180) / Math.PI;
    expect(max(framesIn(track, leanFault?.fromMs ?? 0, leanFault?.toMs ?? 0).map(backLean))).toBeGreaterThan(10);
    expect(max(framesIn(track, lean?.startMs ?? 0, lean?.endMs ?? 0).map(backLean))).toBeLessThan(1);
    expect(fast?.downMs).toBeLessThan(500);
    expect(fast?.upMs).toBeLessThan(500);
    expect(built.truth.faults.map((f) => [f.fault, f.repIndex])).toEqual([['squat', 0], ['roundedBack', 1], ['shallow', 2], ['leanBack', 3], ['fast', 4]]);
  });

  it('hip thrust on the floor: hips on the knee-shoulder line (180) with the knees at 90 at the top; shoulders on the floor', () => {
    const built = hipThrust();
    const track = sideTrack(built);
    for (const rep of built.truth.reps) {
      const f = frameAt(track, rep.peakMs);
      const [s, h, k, a] = [point(f, 'right_shoulder'), point(f, 'right_hip'), point(f, 'right_knee'), point(f, 'right_ankle')];
      expect(signedHipAngleDeg(s, h, k, 1)).toBeCloseTo(180, 0);
      expect(jointAngleDeg(h, k, a)).toBeCloseTo(90, 0);
      expect(rep.full).toBe(true);
      expect(rep.holdS).toBe(1);
    }
    const floorY = resolveCamera().floorYPx;
    for (const f of track.frames) expect((floorY - point(f, 'right_shoulder').y) / torsoPx(f)).toBeCloseTo(0.2, 2);
    // the knees bent well past 90 at the bottom (the brief's ~60-75)
    const bottom = frameAt(track, 0);
    expect(jointAngleDeg(point(bottom, 'right_hip'), point(bottom, 'right_knee'), point(bottom, 'right_ankle'))).toBeLessThan(80);
  });

  it('hip thrust faults: low hips, over-arch above the line, no pause, feet placement', () => {
    const built = hipThrust({ faults: { lowHips: [0], overArch: [1], noPause: [2] } });
    const track = sideTrack(built);
    const atPeak = (i: number) => frameAt(track, built.truth.reps[i]?.peakMs ?? 0);
    const hipAngle = (f: TrackFrame) => signedHipAngleDeg(point(f, 'right_shoulder'), point(f, 'right_hip'), point(f, 'right_knee'), 1);
    const aboveLine = (f: TrackFrame) => heightAboveLinePx(point(f, 'right_hip'), point(f, 'right_knee'), point(f, 'right_shoulder')) / torsoPx(f);
    expect(hipAngle(atPeak(0))).toBeLessThan(165);
    expect(aboveLine(atPeak(0))).toBeLessThan(-0.1);
    expect(hipAngle(atPeak(1))).toBeGreaterThan(190);
    expect(aboveLine(atPeak(1))).toBeGreaterThan(0.1);
    expect(Math.abs(aboveLine(atPeak(2)))).toBeLessThan(0.01);
    expect(built.truth.reps.map((r) => r.full)).toEqual([false, true, true]);
    expect(built.truth.reps.map((r) => r.holdS)).toEqual([1, 1, 0]);
    for (const [fault, kneeDeg] of [['kneeTooOpen', 125], ['kneeTooClosed', 62]] as const) {
      const feet = hipThrust({ faults: { [fault]: true } });
      const f = frameAt(sideTrack(feet), feet.truth.reps[0]?.peakMs ?? 0);
      expect(jointAngleDeg(point(f, 'right_hip'), point(f, 'right_knee'), point(f, 'right_ankle'))).toBeCloseTo(kneeDeg, 0);
      expect(feet.truth.faultNames).toEqual([fault]);
    }
  });

  it('hip thrust on a bench: shoulders 0.9 torso above the floor, body about horizontal at the top', () => {
    const built = hipThrust({ variant: 'bench' });
    const track = sideTrack(built);
    const floorY = resolveCamera().floorYPx;
    const f = frameAt(track, built.truth.reps[0]?.peakMs ?? 0);
    expect((floorY - point(f, 'right_shoulder').y) / torsoPx(f)).toBeCloseTo(0.9, 2);
    expect(Math.abs(torsoElevationDeg(point(f, 'right_hip'), point(f, 'right_shoulder')))).toBeLessThan(5);
    expect(signedHipAngleDeg(point(f, 'right_shoulder'), point(f, 'right_hip'), point(f, 'right_knee'), 1)).toBeCloseTo(180, 0);
    expect(built.truth.variant).toBe('bench');
  });

  it('superman: chest up by liftDeg, hips extended past 180, knees and elbows off the floor', () => {
    const built = superman({ liftDeg: 15 });
    const track = sideTrack(built);
    for (const rep of built.truth.reps) {
      const top = frameAt(track, rep.peakMs);
      const rest = frameAt(track, rep.startMs);
      expect(torsoElevationDeg(point(top, 'right_hip'), point(top, 'right_shoulder'))).toBeCloseTo(15, 0);
      expect(signedHipAngleDeg(point(top, 'right_shoulder'), point(top, 'right_hip'), point(top, 'right_knee'), 1)).toBeGreaterThan(190);
      for (const joint of ['right_knee', 'right_elbow'] as const) {
        expect((point(rest, joint).y - point(top, joint).y) / torsoPx(top)).toBeGreaterThan(0.1);
      }
    }
    expect(built.truth.fullReps).toBe(3);
  });

  it('alternating superman: no full reps; the near elbow and knee peak at different times', () => {
    const built = superman({ alternating: true, reps: 4 });
    const track = sideTrack(built);
    expect(built.truth.fullReps).toBe(0);
    expect(built.truth.reps.map((r) => r.lifted)).toEqual(['near-arm+far-leg', 'far-arm+near-leg', 'near-arm+far-leg', 'far-arm+near-leg']);
    const highest = (name: CocoName): number => {
      const frames = track.frames.filter((f) => f.keypoints.length > 0);
      return frames.reduce((best, f) => (point(f, name).y < point(best, name).y ? f : best)).t;
    };
    const elbowPeakMs = highest('right_elbow');
    const kneePeakMs = highest('right_knee');
    const repOf = (t: number) => built.truth.reps.findIndex((r) => t >= r.startMs && t <= r.endMs);
    expect(repOf(elbowPeakMs) % 2).toBe(0);
    expect(repOf(kneePeakMs) % 2).toBe(1);
  });

  it('superman faults: over-arch beyond 25 deg, feet only (knees stay down), head cranked', () => {
    const built = superman({ faults: { overArch: [0], feetOnly: [1], headCranked: [2], fast: [2] } });
    const track = sideTrack(built);
    const [arch, feet, head] = built.truth.reps;
    const top = (t: number) => frameAt(track, t);
    expect(torsoElevationDeg(point(top(arch?.peakMs ?? 0), 'right_hip'), point(top(arch?.peakMs ?? 0), 'right_shoulder'))).toBeGreaterThan(25);
    const feetTop = top(feet?.peakMs ?? 0);
    const feetRest = top(feet?.startMs ?? 0);
    const lift = (joint: CocoName) => (point(feetRest, joint).y - point(feetTop, joint).y) / torsoPx(feetTop);
    expect(lift('right_knee')).toBeLessThan(0.03);
    expect(lift('right_elbow')).toBeLessThan(0.03);
    expect(lift('right_ankle')).toBeGreaterThan(0.3);
    expect(lift('right_wrist')).toBeGreaterThan(0.2);
    expect(feet?.full).toBe(false);
    const h = top(head?.peakMs ?? 0);
    expect(headLineDeg(point(h, 'right_ear'), point(h, 'right_shoulder'), point(h, 'right_hip'))).toBeLessThan(150);
    expect(head?.downMs).toBeLessThan(500);
  });

  it('upward dog: torso elevation at the top as asked, wrists under the shoulders and on the floor', () => {
    const built = upwardDog({ peakElevationDeg: 35 });
    const track = sideTrack(built);
    for (const rep of built.truth.reps) {
      const f = frameAt(track, rep.peakMs);
      expect(torsoElevationDeg(point(f, 'right_hip'), point(f, 'right_shoulder'))).toBeCloseTo(35, 0);
      expect(Math.abs(point(f, 'right_wrist').x - point(f, 'right_shoulder').x) / torsoPx(f)).toBeLessThan(0.02);
      expect(jointAngleDeg(point(f, 'right_hip'), point(f, 'right_knee'), point(f, 'right_ankle'))).toBeGreaterThan(170);
      expect(rep.full).toBe(true);
    }
    // the hands stay planted on the floor line (wrist 0.1 torso up) through the whole set
    const floorY = resolveCamera().floorYPx;
    for (const f of track.frames) expect((floorY - point(f, 'right_wrist').y) / torsoPx(f)).toBeCloseTo(0.1, 2);
    const rest = frameAt(track, 0);
    expect(torsoElevationDeg(point(rest, 'right_hip'), point(rest, 'right_shoulder'))).toBeLessThan(5);
  });

  it('upward dog faults: hands forward, knees bent, a depth jump, shrugged shoulders, head back', () => {
    const built = upwardDog({ reps: 4, faults: { kneesBent: [0], depthJump: true, shouldersShrugged: [2], headBack: [3] } });
    const track = sideTrack(built);
    const top = (i: number) => frameAt(track, built.truth.reps[i]?.peakMs ?? 0);
    const elevation = (f: TrackFrame) => torsoElevationDeg(point(f, 'right_hip'), point(f, 'right_shoulder'));
    expect(jointAngleDeg(point(top(0), 'right_hip'), point(top(0), 'right_knee'), point(top(0), 'right_ankle'))).toBeLessThan(155);
    // depthJump: true puts the jump on the second rep
    expect(elevation(top(1)) - elevation(top(0))).toBeGreaterThan(15);
    const earShoulder = (f: TrackFrame) => distancePx(point(f, 'right_ear'), point(f, 'right_shoulder')) / torsoPx(f);
    expect(earShoulder(top(2)) / earShoulder(top(3))).toBeLessThan(0.8);
    const headLine = (f: TrackFrame) => headLineDeg(point(f, 'right_ear'), point(f, 'right_shoulder'), point(f, 'right_hip'));
    expect(headLine(top(3))).toBeLessThan(headLine(top(2)) - 30);
    const forward = upwardDog({ faults: { handsForward: true } });
    const f = frameAt(sideTrack(forward), forward.truth.reps[0]?.peakMs ?? 0);
    expect((point(f, 'right_wrist').x - point(f, 'right_shoulder').x) / torsoPx(f)).toBeGreaterThan(0.25);
  });

  it('upward dog from a plank: starts with straight arms high off the floor, then presses up from a low push-up', () => {
    const built = upwardDog({ fromPlank: true });
    const track = sideTrack(built);
    const first = frameAt(track, 0);
    expect(jointAngleDeg(point(first, 'right_shoulder'), point(first, 'right_elbow'), point(first, 'right_wrist'))).toBeGreaterThan(170);
    expect(signedHipAngleDeg(point(first, 'right_shoulder'), point(first, 'right_hip'), point(first, 'right_knee'), 1)).toBeCloseTo(180, 0);
    const start = frameAt(track, built.truth.reps[0]?.startMs ?? 0);
    expect(jointAngleDeg(point(start, 'right_shoulder'), point(start, 'right_elbow'), point(start, 'right_wrist'))).toBeLessThan(120);
    expect(built.truth.reps.every((r) => r.full)).toBe(true);
  });

  const everyBuild: readonly [string, BuiltExercise][] = [
    ['good morning', goodMorning({ faults: { squat: [0], roundedBack: [1], leanBack: [2] } })],
    ['hip thrust floor', hipThrust({ faults: { overArch: [0], lowHips: [1] } })],
    ['hip thrust bench', hipThrust({ variant: 'bench', faults: { kneeTooOpen: true, overArch: [2] } })],
    ['superman', superman({ faults: { feetOnly: [0], overArch: [1] } })],
    ['superman alternating', superman({ alternating: true })],
    ['upward dog', upwardDog({ faults: { kneesBent: [0], depthJump: true } })],
    ['upward dog hands forward', upwardDog({ faults: { handsForward: true } })],
    ['upward dog from plank', upwardDog({ fromPlank: true })],
  ];

  it.each(everyBuild)('%s: no joint goes through the floor, the truth lies inside the track', (_, built) => {
    for (let t = 0; t <= built.truth.durationMs; t += 20) {
      const skeleton = sagittalSkeleton(built.motion(t));
      for (const side of ['near', 'far'] as const) for (const p of Object.values(skeleton[side])) expect(p.v).toBeGreaterThanOrEqual(0);
      expect(skeleton.nose.v).toBeGreaterThanOrEqual(0);
    }
    for (const fault of built.truth.faults) {
      expect(fault.fromMs).toBeGreaterThanOrEqual(0);
      expect(fault.toMs).toBeLessThanOrEqual(built.truth.durationMs);
      expect(built.truth.reps[fault.repIndex]?.faults).toContain(fault.fault);
    }
    expect(built.truth.fullReps + built.truth.partialReps).toBe(built.truth.reps.length);
  });

  it.each(everyBuild)('%s: every track validates, however corrupted and however filmed', (_, built) => {
    const views: readonly CameraOptions[] = [{}, { viewYawDeg: 45, facing: -1 }, { viewYawDeg: 80, yawAxis: 'vertical', cameraDistancePx: 140 }, { nearSide: 'left', cameraDistancePx: 60 }];
    for (const view of views) {
      const track = sideTrack(built, { ...view, noiseSigma: 0.03, dropFraction: 0.1, swaps: 3, lowScoreJoints: [{ joints: ['left_wrist'], fromMs: 0, toMs: 3000 }] });
      const checked = validateTrack(JSON.parse(JSON.stringify(track)));
      expect(checked.ok ? 'ok' : checked.error).toBe('ok');
    }
  });
});

describe('lead-ins', () => {
  it('walking in and lying down before a superman: the truth moves by the lead-in, the reps stay where they were', () => {
    const exercise = superman();
    const standing = standingPose({ ankleU: exercise.startPose.rootU - 0.8 });
    const walk = walkIn({ to: standing, fromU: offFrameU(640, 100), durationMs: 3000 });
    const down = lieDown({ from: standing, to: exercise.startPose, durationMs: 3000 });
    const built = precede([walk, down], exercise);
    expect(built.truth.durationMs).toBe(exercise.truth.durationMs + 6000);
    built.truth.reps.forEach((rep, i) => {
      const original = exercise.truth.reps[i];
      expect(rep.peakMs).toBe((original?.peakMs ?? 0) + 6000);
      expect(built.motion(rep.peakMs)).toEqual(exercise.motion(original?.peakMs ?? 0));
    });
    const track = synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, fps: FPS });
    expect(track.frames[0]?.keypoints).toEqual([]);
    const inclination = (f: TrackFrame) => torsoInclinationDeg(point(f, 'right_hip'), point(f, 'right_shoulder'));
    expect(inclination(frameAt(track, 3000))).toBeLessThan(10);
    expect(inclination(frameAt(track, 6000))).toBeCloseTo(90, 0);
    // the camera decided its axis on the first (standing) frame and kept it
    expect(synthesize(built.motion, { durationMs: 1000 }).camera.yawAxis).toBe('vertical');
    expect(validateTrack(JSON.parse(JSON.stringify(track))).ok).toBe(true);
  });

  it('getting set starts and ends in the pose and moves in between', () => {
    const pose = hipThrust().startPose;
    const segment = getSet({ pose, durationMs: 3000, seed: 2 });
    expect(segment.motion(0)).toEqual(pose);
    const end = segment.motion(3000);
    expect(end.rootU).toBeCloseTo(pose.rootU, 9);
    expect(end.torsoDeg).toBeCloseTo(pose.torsoDeg, 9);
    expect(end.near.hipDeg).toBeCloseTo(pose.near.hipDeg, 9);
    expect(max(Array.from({ length: 31 }, (_, i) => Math.abs(segment.motion(i * 100).rootU - pose.rootU)))).toBeGreaterThan(0.01);
    for (let seed = 1; seed <= 10; seed++) {
      const wobbling = getSet({ pose, durationMs: 3000, seed });
      // IDLE.getSetAngleDeg is 5: two half-amplitude sines under a sine envelope reach a degree or more, never past 5
      const torsoWobble = max(Array.from({ length: 31 }, (_, i) => Math.abs(wobbling.motion(i * 100).torsoDeg - pose.torsoDeg)));
      expect(torsoWobble).toBeGreaterThan(1);
      expect(torsoWobble).toBeLessThanOrEqual(5);
    }
  });
});
