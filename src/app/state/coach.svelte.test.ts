import { analyzeTrack } from '../../core/engine/analysis.ts';
import { createChecker } from '../../core/exercises/registry.ts';
import { keyAngleOf } from '../../core/engine/key-angle.ts';
import { describe, it, expect } from 'vitest';
import { Coach } from './coach.svelte.ts';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import type { PoseFrame } from '../../core/frame/pose-frame.ts';
import type { Cue } from '../../core/engine/cues.ts';

const CLIP = 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4';

function frames(): PoseFrame[] {
  const track = loadTrack(CLIP, 'movenet-lightning');
  return track.frames.map((f) => ({ timestampMs: f.t, imageWidth: track.width, imageHeight: track.height, score: f.score, keypoints: f.keypoints }));
}

describe('Coach', () => {
  it('mirrors the engine: the real clip’s three reps, their records, the cues, to its listeners', () => {
    const coach = new Coach('good-morning', 'movenet-lightning');
    const cues: (Cue | null)[] = [];
    let repsHeard = 0;
    coach.listen({ cue: (c) => cues.push(c), rep: () => repsHeard++ });
    for (const f of frames()) coach.update(f);
    expect(coach.reps).toBe(3);
    expect(coach.repRecords.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(repsHeard).toBe(3);
    expect(coach.counting).toBe(true);
    expect(cues).toContain('praise.good-rep');
    // the checker measured the key angle of the last frame (the arc on the video draws it)
    expect(keyAngleOf(coach.engine.checker, coach.engine.body)).not.toBeNull();
  });

  it('reports the set exactly as a replay of its track does (the session record and the CLI agree)', () => {
    const track = loadTrack(CLIP, 'movenet-lightning');
    const coach = new Coach('good-morning', 'movenet-lightning');
    for (const f of frames()) coach.update(f);
    coach.finish();
    const live = coach.report({ model: track.model, source: track.source, lang: 'nl' });
    const replay = analyzeTrack(track, createChecker({ exercise: 'good-morning', model: 'movenet-lightning' }), { lang: 'nl' });
    expect(live.reps).toBe(3);
    expect(live).toEqual(replay);
  });

  it('judges with the thresholds it is given (a program item): a hinge depth beyond these reps turns them partial', () => {
    const strict = new Coach('good-morning', 'movenet-lightning', undefined, { overrides: { hingeDepthDeg: 90, minRepSeconds: 0.5 } });
    for (const f of frames()) strict.update(f);
    strict.finish();
    expect(strict.reps).toBe(0);
    expect(strict.partialReps).toBe(3);
  });

  it('counts nothing while paused', () => {
    const coach = new Coach('good-morning', 'movenet-lightning');
    coach.paused = true;
    for (const f of frames()) coach.update(f);
    expect(coach.reps).toBe(0);
    expect(coach.counting).toBe(false);
  });

  it('starts counting at once with startNow (the start-set button)', () => {
    const coach = new Coach('good-morning', 'movenet-lightning');
    const all = frames();
    coach.update(all[0] as PoseFrame);
    coach.startNow();
    expect(coach.counting).toBe(true);
    expect(coach.engine.counting).toBe(true);
  });

  it('measures the hold at the top of a rep live and resets it after', () => {
    const coach = new Coach('good-morning', 'movenet-lightning');
    let maxHold = 0;
    for (const f of frames()) {
      coach.update(f);
      maxHold = Math.max(maxHold, coach.holdS);
    }
    expect(maxHold).toBeGreaterThan(0.3);
    expect(coach.holdS).toBe(0);
  });

  it('stops the hold timer while the person is out of view at the top, instead of counting on', () => {
    const track = loadTrack('hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4', 'movenet-lightning');
    const coach = new Coach('hip-thrust', 'movenet-lightning');
    let last: PoseFrame | null = null;
    // up to the first moment at the top with half a second held
    for (const f of track.frames) {
      last = { timestampMs: f.t, imageWidth: track.width, imageHeight: track.height, score: f.score, keypoints: f.keypoints };
      coach.update(last);
      if (coach.phase === 'top' && coach.holdS >= 0.5) break;
    }
    expect(coach.phase).toBe('top');
    const heldS = coach.holdS;
    // then 20 s with nobody in the picture
    for (let k = 1; k <= 300 && last; k++) coach.update({ ...last, timestampMs: last.timestampMs + (k * 1000) / 15, score: 0, keypoints: [] });
    expect(coach.problems).toContain('no-person');
    // it may run on for the moment before "nobody there" is confirmed, not for the 20 s
    expect(coach.holdS).toBeLessThan(heldS + 2);
  });
});

describe('the hold the coach shows', () => {
  const HOLD_CLIP = 'upward_dog/updog_fitbod_SIDEONLY_1hold_derived.mp4';
  const holdFrames = (): PoseFrame[] => {
    const track = loadTrack(HOLD_CLIP, 'movenet-lightning');
    return track.frames.map((f) => ({ timestampMs: f.t, imageWidth: track.width, imageHeight: track.height, score: f.score, keypoints: f.keypoints }));
  };

  it('does not run on over a minute the set was paused (a hidden tab) in the middle of the hold, nor records a minute-long hold', () => {
    const all = holdFrames();
    const reference = new Coach('upward-dog', 'movenet-lightning');
    let topAt = -1;
    all.forEach((f, i) => {
      reference.update(f);
      if (topAt < 0 && reference.holdS > 0.5) topAt = i;
    });
    expect(topAt).toBeGreaterThan(0);

    const coach = new Coach('upward-dog', 'movenet-lightning');
    for (const f of all.slice(0, topAt + 1)) coach.update(f);
    const held = coach.holdS;
    // paused a minute: a few frames reach the paused coach, then the clip goes on a minute later
    coach.paused = true;
    for (const f of all.slice(topAt + 1, topAt + 4)) coach.update(f);
    coach.paused = false;
    let most = 0;
    for (const f of all.slice(topAt + 4)) {
      coach.update({ ...f, timestampMs: f.timestampMs + 60_000 });
      most = Math.max(most, coach.holdS);
    }
    coach.finish();
    // the hold shown went on from where it was, or started again: never by the minute
    expect(most).toBeLessThan(held + (all.at(-1)?.timestampMs ?? 0) / 1000);
    expect(most).toBeLessThan(30);
    for (const rep of coach.repRecords) expect(rep.holdS).toBeLessThan(30);
  });
});
