import { describe, expect, it } from 'vitest';
import type { KeyAngle, KeyAngleZone } from '../engine/key-angle.ts';
import type { RepRecord } from '../engine/events.ts';
import type { PoseFrame } from '../frame/pose-frame.ts';
import { RollingBuffer, type CoachMoment } from './rolling-buffer.ts';

const frameAt = (timestampMs: number): PoseFrame => ({ timestampMs, imageWidth: 640, imageHeight: 360, score: 0.9, keypoints: [{ name: 'nose', x: timestampMs, y: 1, score: 0.9 }] });
const moment = (reps = 0): CoachMoment => ({ reps, partialReps: 0, holdS: 0, phase: 'rest', cue: null });
const rep = (startMs: number, endMs: number): RepRecord => ({
  index: 1,
  full: true,
  startMs,
  peakMs: (startMs + endMs) / 2,
  endMs,
  peak: 170,
  toPeakS: 1,
  fromPeakS: 1,
  holdS: 0,
  metrics: {},
  faults: [],
});

function fill(buffer: RollingBuffer, fromMs: number, toMs: number, stepMs: number): void {
  for (let t = fromMs; t <= toMs; t += stepMs) buffer.push(frameAt(t), moment(), null);
}

describe('the rolling buffer of a live set', () => {
  it('keeps the last 12 seconds of frames, oldest first', () => {
    const buffer = new RollingBuffer({ durationMs: 12_000, maxFps: 30, bandCount: 3 });
    fill(buffer, 0, 20_000, 100);
    expect(buffer.newestMs).toBe(20_000);
    expect(buffer.oldestMs).toBe(8_000);
    expect(buffer.length).toBe(121);
    for (let i = 1; i < buffer.length; i++) expect(buffer.at(i).timestampMs).toBeGreaterThan(buffer.at(i - 1).timestampMs);
  });

  it('never holds more frames than its capacity, however fast they come (the window gets shorter instead)', () => {
    const buffer = new RollingBuffer({ durationMs: 1_000, maxFps: 10, bandCount: 0 });
    expect(buffer.capacity).toBe(11);
    fill(buffer, 0, 5_000, 10);
    expect(buffer.length).toBe(11);
    expect(buffer.newestMs).toBe(5_000);
    expect(buffer.oldestMs).toBe(4_900);
  });

  it('reuses its slots instead of making new ones', () => {
    const buffer = new RollingBuffer({ durationMs: 1_000, maxFps: 10, bandCount: 0 });
    fill(buffer, 0, 1_000, 100);
    const slots = new Set(Array.from({ length: buffer.length }, (_, i) => buffer.at(i)));
    fill(buffer, 1_100, 9_000, 100);
    for (let i = 0; i < buffer.length; i++) expect(slots.has(buffer.at(i))).toBe(true);
  });

  it('starts again when the time goes back (a new source)', () => {
    const buffer = new RollingBuffer({ bandCount: 0 });
    fill(buffer, 5_000, 6_000, 100);
    buffer.push(frameAt(0), moment(), null);
    expect(buffer.length).toBe(1);
    expect(buffer.oldestMs).toBe(0);
  });

  it('keeps a copy of the key angle and its band, not the reused object', () => {
    const buffer = new RollingBuffer({ bandCount: 2 });
    const angle = {
      vertex: { x: 10, y: 20 },
      fromDeg: -90,
      toDeg: -30,
      valueDeg: 60,
      label: 'torsoInclination' as const,
      zone: 'near' as const,
      bands: [
        { fromDeg: -90, toDeg: -45, zone: 'near' as KeyAngleZone },
        { fromDeg: -45, toDeg: 0, zone: 'good' as KeyAngleZone },
      ],
    } satisfies KeyAngle;
    buffer.push(frameAt(0), moment(), angle);
    angle.vertex.x = 99;
    angle.valueDeg = 1;
    angle.bands[1]!.zone = 'off';
    buffer.push(frameAt(100), moment(), null);
    const kept = buffer.at(0).keyAngle;
    expect(kept?.vertex.x).toBe(10);
    expect(kept?.valueDeg).toBe(60);
    expect(kept?.bands.map((b) => b.zone)).toEqual(['near', 'good']);
    expect(buffer.at(1).keyAngle).toBeNull();
  });

  it('keeps what the coach showed with each frame', () => {
    const buffer = new RollingBuffer({ bandCount: 0 });
    buffer.push(frameAt(0), { reps: 2, partialReps: 1, holdS: 1.5, phase: 'top', cue: 'praise.good-rep' }, null);
    expect(buffer.at(0)).toMatchObject({ reps: 2, partialReps: 1, holdS: 1.5, phase: 'top', cue: 'praise.good-rep', score: 0.9 });
  });

  it('finds the frame at or before a time', () => {
    const buffer = new RollingBuffer({ bandCount: 0 });
    fill(buffer, 1_000, 2_000, 100);
    expect(buffer.indexAt(1_450)).toBe(4);
    expect(buffer.indexAt(1_500)).toBe(5);
    expect(buffer.indexAt(0)).toBe(0);
    expect(buffer.indexAt(9_999)).toBe(10);
    expect(new RollingBuffer({ bandCount: 0 }).indexAt(0)).toBe(-1);
  });

  it('gives the last rep whose every frame is kept, and lets older events go with their frames', () => {
    const buffer = new RollingBuffer({ durationMs: 5_000, bandCount: 0 });
    fill(buffer, 0, 4_000, 100);
    buffer.pushEvent({ kind: 'rep', tMs: 3_000, rep: rep(500, 3_000) });
    buffer.pushEvent({ kind: 'cue', tMs: 3_000, cue: 'praise.good-rep' });
    expect(buffer.lastRep()?.startMs).toBe(500);
    fill(buffer, 4_100, 6_000, 100);
    // the rep began at 0.5 s; the oldest frame is now 1 s: it can no longer be replayed whole
    expect(buffer.lastRep()).toBeNull();
    expect(buffer.eventList()).toHaveLength(2);
    fill(buffer, 6_100, 8_500, 100);
    expect(buffer.eventList()).toEqual([]);
  });

  it('keeps at most its event slots, dropping the oldest', () => {
    const buffer = new RollingBuffer({ bandCount: 0, eventSlots: 2 });
    fill(buffer, 0, 1_000, 100);
    for (const t of [100, 200, 300]) buffer.pushEvent({ kind: 'cue', tMs: t, cue: null });
    expect(buffer.eventList().map((e) => e.tMs)).toEqual([200, 300]);
  });

  it('refuses a size that makes no sense, saying which', () => {
    expect(() => new RollingBuffer({ durationMs: 0, bandCount: 0 })).toThrow('durationMs must be a positive number of ms, got 0');
    expect(() => new RollingBuffer({ maxFps: Number.NaN, bandCount: 0 })).toThrow('maxFps must be a positive number');
    expect(() => new RollingBuffer({ bandCount: -1 })).toThrow('bandCount must be a whole number >= 0');
  });

  it('copies a stretch of frames that stays as it was while the buffer rolls on', () => {
    const buffer = new RollingBuffer({ durationMs: 1_000, maxFps: 10, bandCount: 1 });
    const angle: KeyAngle = { vertex: { x: 1, y: 2 }, fromDeg: 0, toDeg: 30, valueDeg: 30, label: 'hipAngle', zone: 'good', bands: [{ fromDeg: 0, toDeg: 20, zone: 'near' }] };
    for (let t = 0; t <= 1_000; t += 100) buffer.push(frameAt(t), moment(t / 100), t === 500 ? angle : null);
    const copy = buffer.copyRange(400, 600);
    expect(copy.map((f) => f.timestampMs)).toEqual([400, 500, 600]);
    fill(buffer, 1_100, 5_000, 100);
    expect(copy.map((f) => [f.timestampMs, f.reps])).toEqual([
      [400, 4],
      [500, 5],
      [600, 6],
    ]);
    expect(copy[1]!.keyAngle?.valueDeg).toBe(30);
    expect(copy[1]!.keyAngle?.bands[0]?.zone).toBe('near');
    expect(copy[0]!.keyAngle).toBeNull();
  });
});
