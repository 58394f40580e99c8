import { describe, it, expect } from 'vitest';
import { PeopleSchedule, PEOPLE_QUIET_MS, WATCH_EVERY_FRAMES, WATCH_EVERY_MS, WATCH_WITH_OTHERS_EVERY_MS, type PeopleMode } from './people-schedule.ts';
import { SubjectPicker } from './subject-picker.ts';
import type { PeopleFrame, TrackedPose } from './people-frame.ts';
import type { Keypoint } from '../frame/pose-frame.ts';

/** A person as a box of 17 confident keypoints around (x, y). */
function person(id: number, x: number, y = 200, size = 100): TrackedPose {
  const keypoints: Keypoint[] = Array.from({ length: 17 }, (_, i) => ({ name: `k${i}`, x: x - size / 2 + ((i * 7) % 17) * (size / 16), y: y - size / 2 + ((i * 5) % 17) * (size / 16), score: 0.9 }));
  return { id, score: 0.8, keypoints };
}
const frameOf = (tMs: number, poses: TrackedPose[]): PeopleFrame => ({ timestampMs: tMs, imageWidth: 640, imageHeight: 360, poses });

/** The modes over `durationMs` at 15 fps, the picker seeing `people(t)` on every frame that looks at everyone. */
function modes(durationMs: number, people: (tMs: number) => TrackedPose[], picker = new SubjectPicker()): PeopleMode[] {
  const schedule = new PeopleSchedule();
  const out: PeopleMode[] = [];
  for (let t = 0; t <= durationMs; t += 1000 / 15) {
    const mode = schedule.next(t, picker);
    out.push(mode);
    if (mode !== 'single') picker.updatePeople(frameOf(t, people(t)));
  }
  return out;
}

describe('PeopleSchedule', () => {
  it(`looks at everyone every ${WATCH_EVERY_MS} ms while the subject is alone`, () => {
    const got = modes(3000, () => [person(1, 200)]);
    // every 15th frame at 15 fps: 3 or 4 looks in 3 s
    const watches = got.filter((m) => m === 'watch').length;
    expect(watches).toBeGreaterThanOrEqual(Math.floor(3000 / WATCH_EVERY_MS));
    expect(watches).toBeLessThanOrEqual(Math.floor(3000 / WATCH_EVERY_MS) + 1);
  });

  it(`looks no more often than every ${WATCH_EVERY_FRAMES}th frame on a slow machine (5 fps)`, () => {
    const schedule = new PeopleSchedule();
    const picker = new SubjectPicker();
    const got: PeopleMode[] = [];
    for (let t = 0; t < 10_000; t += 200) got.push(schedule.next(t, picker));
    expect(got.filter((m) => m === 'watch').length).toBeLessThanOrEqual(Math.ceil(got.length / WATCH_EVERY_FRAMES));
    expect(got).not.toContain('people');
  });

  it(`looks every ${WATCH_WITH_OTHERS_EVERY_MS} ms while someone else is in view, and slows down ${PEOPLE_QUIET_MS} ms after they left`, () => {
    const got = modes(12_000, (t) => (t >= 2000 && t < 5000 ? [person(1, 200), person(2, 500)] : [person(1, 200)]));
    const perSecond = (fromMs: number): number => got.slice(Math.round((fromMs / 1000) * 15), Math.round((fromMs / 1000 + 1) * 15)).filter((m) => m === 'watch').length;
    expect(perSecond(3000)).toBeGreaterThanOrEqual(4);
    expect(perSecond(10_000)).toBeLessThanOrEqual(2);
  });

  it('runs the people model alone on every frame while a locked subject is lost, until they are found again', () => {
    const picker = new SubjectPicker();
    picker.updatePeople(frameOf(0, [person(1, 200)]));
    picker.lock();
    const got = modes(4000, (t) => (t < 1000 || t > 3000 ? [person(1, 200)] : []), picker);
    const at = (tMs: number): PeopleMode => got[Math.round((tMs / 1000) * 15)]!;
    expect(at(2500)).toBe('people');
    expect(at(3900)).not.toBe('people');
  });
});

describe('SubjectPicker', () => {
  it('says when someone else steps in and when they have left', () => {
    const picker = new SubjectPicker();
    const kinds: string[] = [];
    for (let t = 0; t < 6000; t += 100) {
      picker.updatePeople(frameOf(t, t >= 1000 && t < 3000 ? [person(1, 200), person(2, 500)] : [person(1, 200)]));
      kinds.push(...picker.events.map((e) => e.kind));
    }
    expect(kinds).toEqual(['other-person-in-view', 'other-person-left']);
  });

  it('does not take a single detection of someone else for a person in view', () => {
    const picker = new SubjectPicker();
    for (let t = 0; t < 2000; t += 100) picker.updatePeople(frameOf(t, t === 500 ? [person(1, 200), person(2, 500)] : [person(1, 200)]));
    expect(picker.otherInView).toBe(false);
  });

  it('before the set, watches the next person when the first does not take the start position', () => {
    const picker = new SubjectPicker({ nextCandidateAfterMs: 1000 });
    const chosen = new Set<number>();
    for (let t = 0; t < 2500; t += 100) {
      const frame = picker.updatePeople(frameOf(t, [person(1, 200, 200, 150), person(2, 500)]), true);
      chosen.add(Math.round(frame.keypoints[0]!.x) < 350 ? 1 : 2);
    }
    expect([...chosen]).toEqual([1, 2]);
  });

  it('after the set started, refuses a new id far from where the subject was, and takes one where they were', () => {
    const picker = new SubjectPicker();
    picker.updatePeople(frameOf(0, [person(1, 200)]));
    picker.lock();
    expect(picker.updatePeople(frameOf(100, [person(7, 500)])).keypoints).toHaveLength(0);
    expect(picker.updatePeople(frameOf(200, [person(7, 500), person(9, 205)])).keypoints[0]!.x).toBeLessThan(350);
  });

  it('passes the single pose on while it stays with the subject, and refuses it when it jumps', () => {
    const picker = new SubjectPicker();
    const single = (t: number, x: number) => ({ timestampMs: t, imageWidth: 640, imageHeight: 360, score: 0.8, keypoints: person(0, x).keypoints });
    expect(picker.updateSingle(single(0, 200)).keypoints).toHaveLength(17);
    expect(picker.updateSingle(single(66, 210)).keypoints).toHaveLength(17);
    expect(picker.updateSingle(single(133, 500)).keypoints).toHaveLength(0);
  });
});

describe('SubjectPicker, the subject back after leaving', () => {
  it('takes the one person in view for the subject when the subject left alone, wherever they are now', () => {
    const picker = new SubjectPicker();
    const kinds: string[] = [];
    let last = 0;
    for (let t = 0; t < 12_000; t += 100) {
      // there until 2 s, away until 7 s, back 250 px further right
      const poses = t < 2000 ? [person(1, 200)] : t < 7000 ? [] : [person(5, 450)];
      if (t === 500) picker.lock();
      last = picker.updatePeople(frameOf(t, poses)).keypoints.length;
      kinds.push(...picker.events.map((e) => e.kind));
    }
    expect(last).toBe(17);
    expect(kinds).toEqual(['subject-lost', 'subject-found']);
  });

  it('never takes the person who was in view beside the subject when the subject left', () => {
    const picker = new SubjectPicker();
    let passed = 0;
    for (let t = 0; t < 12_000; t += 100) {
      const poses = t < 2000 ? [person(1, 200), person(2, 500)] : [person(2, 500)];
      if (t === 500) picker.lock();
      const frame = picker.updatePeople(frameOf(t, poses));
      if (t >= 2000) passed += frame.keypoints.length;
    }
    expect(passed).toBe(0);
  });
});
