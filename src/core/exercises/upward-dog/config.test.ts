import { describe, expect, it } from 'vitest';
import { createChecker } from '../registry.ts';
import { UpwardDogChecker } from './checker.ts';
import { UPWARD_DOG_DEFAULTS, upwardDogConfigForModel, validateUpwardDogConfig, type UpwardDogConfig } from './config.ts';

const withChange = (change: Partial<UpwardDogConfig>): UpwardDogConfig => ({ ...UPWARD_DOG_DEFAULTS, ...change });
const withCounter = (change: Partial<UpwardDogConfig['counter']>): UpwardDogConfig => ({ ...UPWARD_DOG_DEFAULTS, counter: { ...UPWARD_DOG_DEFAULTS.counter, ...change } });

describe('upward dog config', () => {
  it('accepts the defaults', () => {
    expect(validateUpwardDogConfig(UPWARD_DOG_DEFAULTS)).toBe(UPWARD_DOG_DEFAULTS);
  });

  it.each(['movenet-lightning', 'movenet-thunder', 'blazepose-full', 'blazepose-lite', 'some-future-model', undefined])('gives a valid config for model %s', (model) => {
    expect(() => validateUpwardDogConfig(upwardDogConfigForModel(model))).not.toThrow();
  });

  it('lowers the hip-lift limit for BlazePose, which puts the hip keypoint lower, and only that', () => {
    for (const model of ['blazepose-full', 'blazepose-lite']) {
      const config = upwardDogConfigForModel(model);
      expect(config.topMinHipLiftTorso).toBeLessThan(UPWARD_DOG_DEFAULTS.topMinHipLiftTorso);
      expect({ ...config, topMinHipLiftTorso: UPWARD_DOG_DEFAULTS.topMinHipLiftTorso }).toEqual(UPWARD_DOG_DEFAULTS);
    }
    expect(upwardDogConfigForModel('movenet-thunder')).toEqual(UPWARD_DOG_DEFAULTS);
  });

  it('is what the registry builds for the exercise', () => {
    const checker = createChecker({ exercise: 'upward-dog', model: 'movenet-lightning' });
    expect(checker).toBeInstanceOf(UpwardDogChecker);
    expect(checker.exercise).toBe('upward-dog');
    expect(checker.posture).toBe('lying');
    expect((checker as UpwardDogChecker).config).toEqual(upwardDogConfigForModel('movenet-lightning'));
  });

  it.each<[string, UpwardDogConfig, RegExp]>([
    ['a counter that rests above where it starts', withCounter({ restBelow: 30, startAbove: 27 }), /upward-dog counter: restBelow \(30\) must be below startAbove \(27\)/],
    ['a full rep below the partial threshold', withCounter({ fullAt: 20 }), /fullAt \(20\) must be at least partialFrom/],
    ['no spread at which the torso can be read', withChange({ maxSpreadTorso: 0 }), /maxSpreadTorso must be > 0/],
    ['a filter with no cutoff', withChange({ elevationFilter: { minCutoffHz: 0, beta: 0.02, derivativeCutoffHz: 1 } }), /elevationFilter needs minCutoffHz > 0/],
    ['a start range upside down', withChange({ startMinElevationDeg: 30, startMaxElevationDeg: 10 }), /startMinElevationDeg \(30\) must be below startMaxElevationDeg \(10\)/],
    ['a start position as high as a full top', withChange({ startMaxElevationDeg: 80 }), /startMaxElevationDeg \(80\) must be below topMaxElevationDeg \(76\)/],
    ['a start knee angle past straight', withChange({ startMinKneeDeg: 200 }), /startMinKneeDeg \(200\) must lie between 0 and 180/],
    ['a top limit below the full threshold', withChange({ topMaxElevationDeg: 25 }), /topMaxElevationDeg \(25\) must lie between counter.fullAt \(30\) and 90/],
    ['a negative hip lift', withChange({ topMinHipLiftTorso: -0.1 }), /topMinHipLiftTorso \(-0.1\) must lie in \[0, 2\)/],
    ['an elbow limit that is a right angle', withChange({ topMinElbowDeg: 90 }), /topMinElbowDeg \(90\) must lie in \(90, 180\]/],
    ['no rise to settle on', withChange({ settleRiseDeg: 0 }), /settleRiseDeg must be > 0/],
    ['a negative settle time', withChange({ settleMs: -1 }), /settleMs must be >= 0/],
    ['a negative live delay', withChange({ liveFaultAfterMs: -1 }), /liveFaultAfterMs must be >= 0/],
    ['a negative live persistence', withChange({ liveFaultPersistMs: -1 }), /liveFaultPersistMs must be >= 0/],
    ['no room for the hands ahead', withChange({ handsAheadMaxTorso: 0 }), /handsAheadMaxTorso must be > 0/],
    ['no room for the hands behind', withChange({ handsBehindMaxTorso: 0 }), /handsBehindMaxTorso must be > 0/],
    ['a knee limit past straight', withChange({ minKneeDeg: 185 }), /minKneeDeg \(185\) must lie between 90 and 180/],
    ['an oblique allowance that leaves no knee limit', withChange({ obliqueKneeAllowanceDeg: 70 }), /obliqueKneeAllowanceDeg \(70\) must be >= 0 and keep the oblique knee limit above 90/],
    ['an arrival band wider than the top band', withChange({ topArrivalBandDeg: 9 }), /topArrivalBandDeg \(9\) must lie in \(0, counter.topBand \(8\)\]/],
    ['no depth jump allowed at all', withChange({ buildUpJumpDeg: 0 }), /buildUpJumpDeg must be > 0/],
    ['a build-up over one rep', withChange({ buildUpReps: 1 }), /buildUpReps \(1\) must be an integer >= 2/],
    ['a shrug ratio of one', withChange({ minEarShoulderRatio: 1 }), /minEarShoulderRatio \(1\) must lie between 0 and 1/],
    ['a head line limit below straight', withChange({ maxHeadLineDeg: 170 }), /maxHeadLineDeg \(170\) must lie between 180 and 300/],
  ])('rejects %s with a message that says what is wrong', (_what, config, message) => {
    expect(() => validateUpwardDogConfig(config)).toThrow(message);
    expect(() => new UpwardDogChecker(config)).toThrow(RangeError);
  });

  it('lists every problem at once', () => {
    const config = withChange({ settleRiseDeg: 0, buildUpJumpDeg: 0 });
    expect(() => validateUpwardDogConfig(config)).toThrow(/settleRiseDeg must be > 0; buildUpJumpDeg must be > 0/);
  });
});
