/** The superman config: the defaults are valid, and each kind of mistake is named. */
import { describe, expect, it } from 'vitest';
import { SUPERMAN_DEFAULTS, supermanConfigForModel, validateSupermanConfig, type SupermanConfig } from './config.ts';
import { SupermanChecker } from './checker.ts';

const withChange = (change: (c: SupermanConfig) => SupermanConfig): (() => SupermanConfig) => () => validateSupermanConfig(change(SUPERMAN_DEFAULTS));

describe('superman config', () => {
  it('accepts the defaults, and gives every model a valid config', () => {
    expect(validateSupermanConfig(SUPERMAN_DEFAULTS)).toBe(SUPERMAN_DEFAULTS);
    for (const model of ['movenet-lightning', 'movenet-thunder', 'blazepose-full', 'blazepose-lite', undefined, 'some-new-model']) {
      expect(() => validateSupermanConfig(supermanConfigForModel(model))).not.toThrow();
      expect(SupermanChecker.forModel(model).exercise).toBe('superman');
    }
  });

  it.each([
    ['a rest threshold above the start threshold', (c: SupermanConfig) => ({ ...c, counter: { ...c.counter, restBelow: c.counter.startAbove + 0.01 } }), /superman counter: restBelow .* must be below startAbove/],
    ['a full-rep threshold below the partial one', (c: SupermanConfig) => ({ ...c, counter: { ...c.counter, fullAt: c.counter.partialFrom - 0.01 } }), /fullAt .* must be at least partialFrom/],
    ['a floor that rises faster than it sinks', (c: SupermanConfig) => ({ ...c, floor: { ...c.floor, downHalfLifeMs: c.floor.upHalfLifeMs * 2 } }), /floor.downHalfLifeMs .* must be below floor.upHalfLifeMs/],
    ['a zero smoothing half-life', (c: SupermanConfig) => ({ ...c, floor: { ...c.floor, smoothHalfLifeMs: 0 } }), /floor half-lives and restartAfterMs must be > 0/],
    ['an arm weight above 1', (c: SupermanConfig) => ({ ...c, limbs: { ...c.limbs, armToLeg: 1.5 } }), /limbs.armToLeg must lie in \(0, 1\], got 1.5/],
    ['an ankle weight of 0', (c: SupermanConfig) => ({ ...c, limbs: { ...c.limbs, ankleToKnee: 0 } }), /limbs.ankleToKnee must lie in \(0, 1\]/],
    ['a one-sided lift that ends above where it starts', (c: SupermanConfig) => ({ ...c, alternating: { ...c.alternating, pairOffTorso: c.alternating.pairOnTorso } }), /alternating.pairOffTorso .* must lie between 0 and alternating.pairOnTorso/],
    ['a together fraction of 1', (c: SupermanConfig) => ({ ...c, alternating: { ...c.alternating, maxTogetherFraction: 1 } }), /alternating.maxTogetherFraction must lie in \(0, 1\)/],
    ['a negative one-sided duration', (c: SupermanConfig) => ({ ...c, alternating: { ...c.alternating, minMs: -1 } }), /alternating.minMs must be >= 0/],
    ['a spread limit of 0', (c: SupermanConfig) => ({ ...c, maxSpreadTorso: 0 }), /maxSpreadTorso must be > 0/],
    ['a knee threshold for long legs of 80 deg', (c: SupermanConfig) => ({ ...c, legsLongMinKneeDeg: 80 }), /legsLongMinKneeDeg must lie between 90 and 180/],
    ['a knee/elbow lift threshold above the extremity one', (c: SupermanConfig) => ({ ...c, kneeElbowMinLiftTorso: c.extremityLiftTorso }), /kneeElbowMinLiftTorso .* must lie between 0 and extremityLiftTorso/],
    ['an arch threshold of 0', (c: SupermanConfig) => ({ ...c, maxArchDeg: 0 }), /maxArchDeg must lie between 0 and 90/],
    ['a head threshold of 90', (c: SupermanConfig) => ({ ...c, maxHeadUpDeg: 90 }), /maxHeadUpDeg must lie between 0 and 90/],
    ['a nose threshold of 2 torso lengths', (c: SupermanConfig) => ({ ...c, maxNoseAboveBackTorso: 2 }), /maxNoseAboveBackTorso must lie between -1 and 1/],
    ['a lift time of 0', (c: SupermanConfig) => ({ ...c, minLiftS: 0 }), /minLiftS must be > 0/],
    ['a speed window of 0', (c: SupermanConfig) => ({ ...c, speedWindowMs: 0 }), /speedWindowMs must be > 0/],
  ] as const)('rejects %s, saying which number is wrong', (_what, change, message) => {
    expect(withChange(change)).toThrow(message);
  });

  it('lists every problem at once', () => {
    expect(withChange((c) => ({ ...c, maxArchDeg: -1, minLiftS: -1 }))).toThrow(/maxArchDeg .*; minLiftS/);
  });

  it('refuses to build a checker on a bad config', () => {
    expect(() => new SupermanChecker({ ...SUPERMAN_DEFAULTS, speedWindowMs: -5 })).toThrow(RangeError);
  });
});
