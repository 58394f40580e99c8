import { describe, expect, it } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import type { PoseEstimator } from '../../pose/estimator.ts';
import { Coach } from './coach.svelte.ts';
import { DemoMode } from './demo.svelte.ts';
import { Flow } from './flow.svelte.ts';
import { SetSession } from './set-session.svelte.ts';

const MODEL = 'movenet-lightning';
/** three full hip thrusts from the side in 12.3 s (fixture labels) */
const track = loadTrack('bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', MODEL);

/** The estimator is never called: the frames come from the track. */
const noEstimator = (): Promise<PoseEstimator> => Promise.reject(new Error('not in this test'));

function demoOnASet(flow = new Flow()): { set: SetSession; demo: DemoMode; coach: Coach; flow: Flow } {
  flow.choose('hip-thrust');
  flow.answerSafety(false);
  const set = new SetSession(flow, noEstimator, () => 'en');
  flow.startTraining();
  const coach = new Coach('hip-thrust', MODEL);
  set.live.coach = coach;
  return { set, demo: new DemoMode(set, flow), coach, flow };
}

/** The track's frames as the live session gives them: the coach first, then demo mode (no pictures here). */
function play(coach: Coach, demo: DemoMode, untilMs = Infinity): void {
  for (const f of track.frames) {
    if (f.t > untilMs) break;
    const frame = { timestampMs: f.t, imageWidth: track.width, imageHeight: track.height, score: f.score, keypoints: f.keypoints };
    coach.update(frame);
    demo.tap(frame, null);
  }
}

describe('demo mode', () => {
  it('turns on big text, the numbers and the mirror, and gives them back as they were when turned off', () => {
    const { set, demo } = demoOnASet();
    set.live.sourceKind = 'camera';
    set.live.mirror = false;
    demo.toggle(true);
    expect([set.extraLarge, set.showNumbers, set.live.mirror]).toEqual([true, true, true]);
    demo.toggle(false);
    expect([set.extraLarge, set.showNumbers, set.live.mirror]).toEqual([false, false, false]);
  });

  it('stays on for the next set, and off once turned off', () => {
    const { demo, flow } = demoOnASet();
    demo.toggle(true);
    demo.dispose();
    flow.nextSet();
    const next = demoOnASet(flow);
    expect(next.demo.on).toBe(true);
    expect(next.set.extraLarge).toBe(true);
    next.demo.toggle(false);
    next.demo.dispose();
    expect(demoOnASet(flow).demo.on).toBe(false);
  });

  it('buffers nothing while it is off', () => {
    const { demo, coach } = demoOnASet();
    play(coach, demo);
    expect(coach.reps).toBe(3);
    expect(demo.lastRep).toBeNull();
    expect(demo.scale).toBeNull();
  });

  it('offers the last rep once one has ended, with the live angle and the target band', () => {
    const { demo, coach } = demoOnASet();
    demo.toggle(true);
    play(coach, demo);
    expect(demo.lastRep).toEqual(coach.repRecords[coach.repRecords.length - 1]);
    expect(demo.scale?.label).toBe('hipAngle');
  });

  it('replays the last rep from its first frame, and freezes it at the frame of its top', () => {
    const { demo, coach } = demoOnASet();
    demo.toggle(true);
    play(coach, demo);
    const rep = demo.lastRep!;
    demo.replayLastRep();
    expect(demo.view).toBe('playing');
    expect(demo.repFrame).toBe(0);
    expect(demo.shownMs).toBeGreaterThanOrEqual(rep.startMs);
    expect(demo.frame?.timestampMs).toBe(demo.shownMs);
    expect(demo.repNumber).toBe(3);

    demo.freeze();
    expect(demo.view).toBe('frozen');
    expect(demo.shownMs).toBeLessThanOrEqual(rep.peakMs);
    expect(rep.peakMs - demo.shownMs).toBeLessThan(1000 / track.fps);
    // the angle shown is the one the coach read at that frame, in the rep's full zone
    expect(demo.frame?.keyAngle?.zone).toBe('good');
    expect(demo.frame?.reps).toBe(2);
  });

  it('keeps the frozen frame while the coach counts on and the preview follows the new reps', () => {
    const { demo, coach } = demoOnASet();
    demo.toggle(true);
    play(coach, demo, 9_000);
    const rep = demo.lastRep!;
    demo.freeze();
    const shown = demo.shownMs;
    // the rest of the set happens while the freeze-frame shows
    for (const f of track.frames.filter((x) => x.t > 9_000)) {
      const frame = { timestampMs: f.t, imageWidth: track.width, imageHeight: track.height, score: f.score, keypoints: f.keypoints };
      coach.update(frame);
      demo.tap(frame, null);
    }
    expect(demo.shownMs).toBe(shown);
    expect(demo.rep).toBe(rep);
    expect(demo.frame?.timestampMs).toBe(shown);
    // the preview saw the reps that came meanwhile
    const preview = demo.rejudgement;
    if (!preview?.ok) throw new Error('no preview');
    expect(preview.reps.filter((r) => r.startMs > rep.endMs).length).toBeGreaterThanOrEqual(1);
    demo.backToLive();
    expect(demo.view).toBe('live');
    expect(demo.lastRep?.startMs).toBeGreaterThan(rep.startMs);
  });

  it('judges the buffered reps again as a threshold moves: the hips all the way up turn a full rep partial', () => {
    const { demo, coach } = demoOnASet();
    demo.toggle(true);
    play(coach, demo);
    demo.setOverride('hipsUpToLineDeg', 180);
    const result = demo.rejudgement;
    if (!result?.ok) throw new Error('no preview');
    expect(result.reps.some((r) => r.before?.full === true && r.after?.full === false && r.after.reason === 'higher')).toBe(true);
    demo.resetOverrides();
    const back = demo.rejudgement;
    if (!back?.ok) throw new Error('no preview');
    expect(back.reps.every((r) => r.before?.full === r.after?.full)).toBe(true);
  });

  it('refuses a threshold out of bounds in the preview, and does not hand it to the coach', () => {
    const { set, demo, coach } = demoOnASet();
    demo.toggle(true);
    play(coach, demo);
    demo.setOverride('hipsUpToLineDeg', 200);
    expect(demo.rejudgement).toEqual({ ok: false, error: 'hip-thrust overrides: hipsUpToLineDeg = 200 deg is out of bounds: it must lie in 150..180 deg' });
    demo.apply();
    expect(set.live.coach).toBe(coach);
    expect(demo.applied).toBe(false);
  });

  it('names the set rep a buffered stretch belongs to', () => {
    const { demo, coach } = demoOnASet();
    demo.toggle(true);
    play(coach, demo);
    const second = coach.repRecords[1]!;
    expect(demo.repNumberOf(second.startMs + 100, second.endMs - 100)).toBe(2);
    expect(demo.repNumberOf(-5_000, -4_000)).toBe(0);
  });
});
