import { describe, expect, it } from 'vitest';
import { HipThrustChecker } from './checker.ts';
import { HIP_THRUST_DEFAULTS, hipThrustConfigFor, validateHipThrustConfig, type HipThrustConfig } from './config.ts';
import { createChecker } from '../registry.ts';

const withChange = (change: Partial<HipThrustConfig>): HipThrustConfig => ({ ...HIP_THRUST_DEFAULTS, ...change });

describe('hip thrust config validation', () => {
  it('accepts the defaults and every model adjustment', () => {
    expect(validateHipThrustConfig(HIP_THRUST_DEFAULTS)).toBe(HIP_THRUST_DEFAULTS);
    for (const model of ['movenet-lightning', 'movenet-thunder', 'blazepose-full', 'blazepose-lite', 'unknown-model', undefined]) {
      expect(() => validateHipThrustConfig(hipThrustConfigFor(model))).not.toThrow();
    }
  });

  it.each<[string, Partial<HipThrustConfig>, RegExp]>([
    ['a side counter whose rest lies above its start', { sideCounter: { ...HIP_THRUST_DEFAULTS.sideCounter, restBelow: 150, startAbove: 146 } }, /hip-thrust sideCounter: restBelow \(150\) must be below startAbove \(146\)/],
    ['a "hips up to the line" angle past straight', { sideCounter: { ...HIP_THRUST_DEFAULTS.sideCounter, fullAt: 185 } }, /sideCounter\.fullAt \(185\) must lie in 90\.\.180/],
    ['an oblique rise that starts below zero', { obliqueCounter: { ...HIP_THRUST_DEFAULTS.obliqueCounter, restBelow: -2 } }, /obliqueCounter\.restBelow \(-2\) must be >= 0/],
    ['a view threshold beyond a torso length', { obliqueSpreadAbove: 1.2 }, /obliqueSpreadAbove \(1\.2\) must lie between 0 and 1/],
    ['hips "down" above the line', { startHipBelowLineTorso: 0.1 }, /startHipBelowLineTorso \(0\.1\) must be negative/],
    ['straight knees as the start', { startKneeMaxDeg: 180 }, /startKneeMaxDeg \(180\) must lie between 0 and 180/],
    ['an over-arch threshold below the line', { overArchAboveLineTorso: 0 }, /overArchAboveLineTorso \(0\) must be > 0/],
    ['a knee range that leaves out 90 deg', { kneeAtTop: { ...HIP_THRUST_DEFAULTS.kneeAtTop, bench: { closedBelowDeg: 95, openAboveDeg: 120 } } }, /kneeAtTop\.bench must keep 90 deg inside it/],
    ['a negative pause', { minPauseS: -0.1 }, /minPauseS must be >= 0/],
    ['a lifted rest threshold that would start above full extension', { sideRestBelowMaxDeg: 170 }, /sideRestBelowMaxDeg \(170\) must lie between sideCounter\.restBelow and fullAt/],
    ['a settling time longer than a rep may last', { obliqueMaxRiseMs: 30_000 }, /obliqueMaxRiseMs \(30000\) must lie between 0 and obliqueCounter\.maxRepMs/],
    ['a smoothing with no cutoff', { smoothing: { minCutoffHz: 0, beta: 0.02, derivativeCutoffHz: 1 } }, /smoothing: cutoffs must be > 0 Hz/],
    ['a lift smoothing with a negative beta', { liftSmoothing: { minCutoffHz: 1, beta: -1, derivativeCutoffHz: 1 } }, /liftSmoothing: cutoffs must be > 0 Hz and beta >= 0/],
    ['a hip lift that starts below the resting height', { obliqueLiftCounter: { ...HIP_THRUST_DEFAULTS.obliqueLiftCounter, restBelow: -0.01 } }, /obliqueLiftCounter\.restBelow \(-0\.01\) must be >= 0/],
    ['a shoulder that "follows" the hips at more than their own lift', { shoulderFollowsHipsRatio: 1.5 }, /shoulderFollowsHipsRatio \(1\.5\) must lie in \(0, 1\]/],
  ])('rejects %s, saying which number and why', (_what, change, message) => {
    expect(() => validateHipThrustConfig(withChange(change))).toThrow(message);
  });

  it('lists every problem at once', () => {
    expect(() => validateHipThrustConfig(withChange({ minPauseS: -1, overArchAboveLineTorso: -1 }))).toThrow(/overArchAboveLineTorso .*; minPauseS/);
  });

  it('the checker refuses an invalid config', () => {
    expect(() => new HipThrustChecker({ config: withChange({ pauseBandDeg: 0 }) })).toThrow(/pauseBandDeg must be > 0/);
  });
});

describe('hip thrust thresholds per pose model', () => {
  it('MoveNet Lightning, the live default, gets the defaults; so does BlazePose lite, which reads the tops alike', () => {
    expect(hipThrustConfigFor('movenet-lightning')).toBe(HIP_THRUST_DEFAULTS);
    expect(hipThrustConfigFor('blazepose-lite')).toBe(HIP_THRUST_DEFAULTS);
    expect(hipThrustConfigFor(undefined)).toBe(HIP_THRUST_DEFAULTS);
  });

  it.each(['movenet-thunder', 'blazepose-full'])('%s keeps the article\'s "hips up to the line" threshold; only the over-arch height moves with the model', (model) => {
    const c = hipThrustConfigFor(model);
    expect(c.sideCounter.fullAt).toBe(HIP_THRUST_DEFAULTS.sideCounter.fullAt);
    expect(c.overArchAboveLineTorso).toBeCloseTo(HIP_THRUST_DEFAULTS.overArchAboveLineTorso + 0.03, 10);
    expect(c.sideCounter.restBelow).toBe(HIP_THRUST_DEFAULTS.sideCounter.restBelow);
    expect(c.sideCounter.startAbove).toBe(HIP_THRUST_DEFAULTS.sideCounter.startAbove);
  });
});

describe('the registry', () => {
  it('creates the hip thrust checker with the variant the user picked, or none to detect it', () => {
    const picked = createChecker({ exercise: 'hip-thrust', variant: 'bench', model: 'movenet-thunder' });
    expect(picked.exercise).toBe('hip-thrust');
    expect(picked.variant).toBe('bench');
    expect(createChecker({ exercise: 'hip-thrust' }).variant).toBeNull();
  });

  it('refuses an unknown variant by name', () => {
    expect(() => createChecker({ exercise: 'hip-thrust', variant: 'wall' })).toThrow(/unknown variant "wall" \(expected floor or bench/);
  });
});
