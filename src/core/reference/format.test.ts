import { describe, expect, it } from 'vitest';
import { parseReference, REFERENCE_VERSION } from './format.ts';

const rep = { durationMs: 3000, peak: 62.5, toPeakS: 1.4, holdS: 0.5, fromPeakS: 1.6, keyAngle: { sampleMs: 100, deg: Array.from({ length: 31 }, (_, i) => 20 + 40 * Math.sin((Math.PI * i) / 30)) } };
const good = { version: REFERENCE_VERSION, exercise: 'good-morning', variant: null, model: 'movenet-lightning', keyAngle: 'torsoInclination', depthUnit: 'deg', reps: [rep] };

const errorOf = (input: unknown): string => {
  const result = parseReference(input);
  if (result.ok) throw new Error('expected the reference to be refused');
  return result.error;
};

describe('the reference format', () => {
  it('reads a good reference back as it was, through JSON', () => {
    expect(parseReference(JSON.parse(JSON.stringify(good)))).toEqual({ ok: true, reference: good });
  });

  it('reads a rep whose key angle could not be read (null)', () => {
    expect(parseReference({ ...good, reps: [{ ...rep, keyAngle: null }] }).ok).toBe(true);
  });

  it('refuses another version, naming the one it reads', () => {
    expect(errorOf({ ...good, version: 2 })).toBe(`reference.version: unsupported reference version 2: this FormCoach reads version ${REFERENCE_VERSION}`);
  });

  it('refuses a key angle or a unit the exercise does not have (a tampered reference)', () => {
    expect(errorOf({ ...good, keyAngle: 'hipAngle' })).toBe("reference: the good-morning's key angle is torsoInclination, not hipAngle");
    expect(errorOf({ ...good, depthUnit: 'torso' })).toBe("reference: the good-morning's depth is in deg, not torso");
    expect(errorOf({ ...good, variant: 'bench' })).toBe('reference: the good-morning has no variants: variant must be null');
  });

  it('refuses phases that do not make up the rep, or a series that does not span it', () => {
    expect(errorOf({ ...good, reps: [{ ...rep, fromPeakS: 2 }] })).toMatch(/^reference\.reps\.0: toPeakS \+ fromPeakS \(3\.4 s\) must make up the rep's duration \(3 s\)/);
    expect(errorOf({ ...good, reps: [{ ...rep, keyAngle: { sampleMs: 100, deg: rep.keyAngle.deg.slice(0, 20) } }] })).toBe("reference.reps.0: keyAngle: 20 samples every 100 ms do not span the rep's 3000 ms");
  });

  it('refuses angles out of range, an empty list of reps and unknown fields, with where they are', () => {
    expect(errorOf({ ...good, reps: [{ ...rep, keyAngle: { sampleMs: 100, deg: [...rep.keyAngle.deg.slice(0, 30), 400] } }] })).toBe(
      'reference.reps.0.keyAngle.deg.30: keyAngle.deg: expected angles between -180 and 360 deg, got 400',
    );
    expect(errorOf({ ...good, reps: [] })).toBe('reference.reps: a reference needs at least one rep');
    expect(errorOf({ ...good, extra: 1 })).toMatch(/^reference\.extra: /);
    expect(errorOf({ ...good, exercise: 'squat' })).toMatch(/unknown exercise "squat"/);
  });
});
