import { describe, it, expect } from 'vitest';
import { RepCounter, validateRepCounterConfig, type RepCounterConfig } from './rep-counter.ts';

const CONFIG: RepCounterConfig = { startAbove: 20, restBelow: 12, fullAt: 45, partialFrom: 28, topBand: 4, minRepMs: 600, maxRepMs: 20_000, maxGapMs: 1500 };
const FPS = 15;
const DT = 1000 / FPS;

/** A smooth rep: rest -> peak over riseMs, hold, back over fallMs, then rest; returns [t, value] samples. */
function rep(peak: number, riseMs: number, holdMs: number, fallMs: number, startMs = 0, rest = 5): [number, number][] {
  const out: [number, number][] = [];
  const total = riseMs + holdMs + fallMs + 1000;
  for (let t = 0; t <= total; t += DT) {
    let v = rest;
    if (t < riseMs) v = rest + (peak - rest) * (1 - Math.cos((Math.PI * t) / riseMs)) / 2;
    else if (t < riseMs + holdMs) v = peak;
    else if (t < riseMs + holdMs + fallMs) v = peak - (peak - rest) * (1 - Math.cos((Math.PI * (t - riseMs - holdMs)) / fallMs)) / 2;
    out.push([startMs + t, v]);
  }
  return out;
}

function run(samples: [number, number][], counter = new RepCounter(CONFIG)) {
  const outcomes = [];
  for (const [t, v] of samples) {
    const o = counter.update(v, t);
    if (o) outcomes.push({ ...o });
  }
  return outcomes;
}

describe('RepCounter', () => {
  it('counts one full rep with its peak, timing and hold', () => {
    const [o, ...rest] = run(rep(60, 1500, 1000, 1500));
    expect(rest).toHaveLength(0);
    expect(o?.full).toBe(true);
    expect(o?.peak).toBeCloseTo(60, 5);
    // the hold is the time within topBand of the peak: the flat top plus the cosine's
    // near-peak stretches, where 60 - 55*(1-cos)/2 >= 56: acos(1 - 8/55) of each ramp
    const nearPeakMs = (acosMs: number) => (Math.acos(1 - (2 * 4) / 55) / Math.PI) * acosMs;
    expect(o!.holdS * 1000).toBeGreaterThanOrEqual(1000);
    expect(o!.holdS * 1000).toBeLessThanOrEqual(1000 + nearPeakMs(1500) * 2 + 2 * DT);
  });

  it('reports a rep that stops short of fullAt as partial', () => {
    const [o] = run(rep(35, 1200, 300, 1200));
    expect(o).toMatchObject({ full: false });
  });

  it('ignores an excursion that never reaches partialFrom', () => {
    expect(run(rep(25, 1000, 0, 1000))).toHaveLength(0);
  });

  it('does not double count jitter around the start threshold (hysteresis)', () => {
    const samples: [number, number][] = [];
    for (let i = 0; i < 90; i++) samples.push([i * DT, 20 + (i % 2 ? 3 : -3)]);
    expect(run(samples)).toHaveLength(0);
  });

  it('counts each of several reps once', () => {
    const samples = [...rep(60, 1500, 500, 1500, 0), ...rep(62, 1500, 500, 1500, 6000), ...rep(58, 1500, 500, 1500, 12_000)];
    expect(run(samples).map((o) => o.full)).toEqual([true, true, true]);
  });

  it('drops a rep shorter than minRepMs', () => {
    expect(run(rep(60, 150, 0, 150))).toHaveLength(0);
  });

  it('drops a rep interrupted by a gap of unknown signal longer than maxGapMs', () => {
    const samples = rep(60, 1500, 3000, 1500).map(([t, v]): [number, number] => [t, t > 1600 && t < 1600 + CONFIG.maxGapMs + 300 ? Number.NaN : v]);
    expect(run(samples)).toHaveLength(0);
  });

  it('keeps a rep across a short gap of unknown signal', () => {
    const samples = rep(60, 1500, 1000, 1500).map(([t, v]): [number, number] => [t, t > 1600 && t < 2000 ? Number.NaN : v]);
    expect(run(samples)).toHaveLength(1);
  });

  it('goes rest -> rising -> top -> lowering -> rest', () => {
    const counter = new RepCounter(CONFIG);
    const phases: string[] = [];
    for (const [t, v] of rep(60, 1500, 1000, 1500)) {
      counter.update(v, t);
      if (phases[phases.length - 1] !== counter.phase) phases.push(counter.phase);
    }
    expect(phases).toEqual(['rest', 'rising', 'top', 'lowering', 'rest']);
  });

  it('validates its configuration with specific messages', () => {
    expect(() => validateRepCounterConfig('x', { ...CONFIG, restBelow: 25 })).toThrow(/restBelow \(25\) must be below startAbove \(20\)/);
    expect(() => validateRepCounterConfig('x', { ...CONFIG, fullAt: 25 })).toThrow(/fullAt \(25\) must be at least partialFrom/);
    expect(() => validateRepCounterConfig('x', { ...CONFIG, topBand: 0 })).toThrow(/topBand/);
  });
});

describe('RepCounter after a dropped rep', () => {
  it('waits for rest before counting again, so a rep seen only from its top never counts', () => {
    const counter = new RepCounter(CONFIG);
    // a rep that lasts too long is dropped while the signal is still high...
    for (let t = 0; t <= CONFIG.maxRepMs + 500; t += DT) counter.update(60, t);
    // ...and coming down from there is not a rep
    expect(run(rep(60, 10, 500, 1500, CONFIG.maxRepMs + 600, 5).slice(3), counter)).toHaveLength(0);
    // a proper rep afterwards counts
    expect(run(rep(60, 1500, 500, 1500, CONFIG.maxRepMs + 5000), counter)).toHaveLength(1);
  });
});

describe('RepCounter phases on a still hold', () => {
  it('reaches the top while a smoothed signal still creeps up a held top', () => {
    const counter = new RepCounter(CONFIG);
    let reachedTop = false;
    // rise to 50, then creep up 0.05 a frame for 2 s: a still hold seen through a filter
    for (let t = 0, v = 5; t < 4000; t += DT) {
      v = t < 1000 ? 5 + (45 * t) / 1000 : v + 0.05;
      counter.update(v, t);
      if (t > 1500 && counter.phase === 'top') reachedTop = true;
    }
    expect(reachedTop).toBe(true);
  });
});
