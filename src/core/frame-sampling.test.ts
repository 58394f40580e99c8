import { describe, expect, it } from 'vitest';
import { FrameSampler, sampleCount, sampleFrames, sampleTimeMs, scaledSize } from './frame-sampling.ts';

/** Presentation times of a constant-rate source: frame k at start + k * 1000 * den / num ms (num/den fps, e.g. 30000/1001). */
function cfr(frames: number, num: number, den = 1, startMs = 0): number[] {
  return Array.from({ length: frames }, (_, k) => startMs + (k * 1000 * den) / num);
}

/**
 * The rule written as its formula, for a constant-rate source at num/den fps:
 * sample n is frame k = ceil((n * 1000 / 15 - 1) * num / (1000 * den)), the
 * first frame at or after the sample time less 1 ms.
 */
function expectedCfr(samples: number, num: number, den = 1): number[] {
  return Array.from({ length: samples }, (_, n) => Math.max(0, Math.ceil((((n * 1000) / 15 - 1) * num) / (1000 * den) - 1e-9)));
}

/** Brute force: for each sample n, the first frame (in order) whose offset from frame 0 reaches n * 1000 / 15 - 1 and that fills nothing earlier. */
function bruteForce(pts: readonly number[]): number[] {
  const out: number[] = [];
  let best = -Infinity; // the latest offset seen: a frame fills only while it moves forward
  const t0 = pts[0] ?? 0;
  for (let n = 0; ; n++) {
    const target = (n * 1000) / 15 - 1;
    let found = -1;
    best = -Infinity;
    for (let k = 0; k < pts.length; k++) {
      const offset = pts[k]! - t0;
      if (offset > best) best = offset;
      else continue; // duplicates and frames out of order fill no sample
      if (offset >= target) {
        found = k;
        break;
      }
    }
    if (found < 0) return out;
    out.push(found);
  }
}

describe('sampleTimeMs', () => {
  it('stamps sample n at exactly n * 1000 / fps', () => {
    expect(sampleTimeMs(0)).toBe(0);
    expect(sampleTimeMs(3)).toBe(200);
    expect(sampleTimeMs(1)).toBe(1000 / 15);
    expect(sampleTimeMs(45)).toBe(3000);
    expect(sampleTimeMs(7, 10)).toBe(700);
  });
});

describe('FrameSampler on constant-rate sources', () => {
  it.each([
    [30, 1, 'every 2nd frame'],
    [60, 1, 'every 4th frame'],
    [15, 1, 'every frame'],
  ])('%i fps: %s', (num, den) => {
    const pts = cfr(91 * (num / 30), num, den);
    const step = num / 15;
    const frames = sampleFrames(pts);
    expect(frames).toEqual(Array.from({ length: sampleCount(pts[0]!, pts.at(-1)!) }, (_, n) => n * step));
  });

  it.each([
    [30000, 1001],
    [60000, 1001],
    [24, 1],
    [25, 1],
    [30, 1],
    [60, 1],
    [10, 1],
    [12, 1],
  ])('%i/%i fps: sample n is frame ceil((n/15 s - 1 ms) * fps), over a minute', (num, den) => {
    const seconds = 60;
    const pts = cfr(Math.floor((seconds * num) / den), num, den);
    const count = sampleCount(pts[0]!, pts.at(-1)!);
    expect(sampleFrames(pts)).toEqual(expectedCfr(count, num, den));
  });

  it('29.97 fps: every 2nd frame for the first 32 s, then the frame before it (the clock drifts 0.1%)', () => {
    // frame 2n is at 2n * 1001/30 ms = n * 66.733 ms; frame 2n-1 reaches n * 66.667 - 1 once 0.0667 n >= 32.37, n >= 486
    const frames = sampleFrames(cfr(30 * 60, 30000, 1001));
    expect(frames.slice(0, 486)).toEqual(Array.from({ length: 486 }, (_, n) => 2 * n));
    expect(frames[486]).toBe(2 * 486 - 1);
  });

  it('59.94 fps: every 4th frame, late by n / 15 ms (the 0.1% slower clock), for the first 15.6 s; then one frame earlier', () => {
    // frame 4n is at n * 66.733 ms; frame 4n-1 (16.68 ms earlier) reaches n * 66.667 - 1 once 0.0667 n >= 15.68, n >= 236
    const pts = cfr(60 * 20, 60000, 1001);
    const frames = sampleFrames(pts);
    frames.slice(0, 236).forEach((k, n) => {
      expect(k).toBe(4 * n);
      expect(pts[k]! - sampleTimeMs(n)).toBeCloseTo(n / 15, 9);
    });
    expect(frames[236]).toBe(4 * 236 - 1);
  });

  it('24 and 25 fps: the first frame shown at or after the sample time, at most one frame later', () => {
    for (const fps of [24, 25]) {
      const pts = cfr(fps * 20, fps);
      sampleFrames(pts).forEach((k, n) => {
        const lag = pts[k]! - sampleTimeMs(n);
        expect(lag).toBeGreaterThanOrEqual(-1);
        expect(lag).toBeLessThan(1000 / fps);
        if (k > 0) expect(pts[k - 1]!).toBeLessThan(sampleTimeMs(n) - 1);
      });
    }
  });

  it('counts floor((last - first + 1 ms) * 15 / 1000) + 1 samples: one per 1/15 s up to the last frame', () => {
    // the 3.03 s, 30 fps hip-thrust fixture: 91 frames, last at 3000 ms: 46 samples
    expect(sampleFrames(cfr(91, 30))).toHaveLength(46);
    expect(sampleCount(0, 3000)).toBe(46);
    // a 59.94 fps clip of 669 frames (the superman fixture): last at 668 * 1001/60 = 11144.5 ms: 168 samples
    expect(sampleFrames(cfr(669, 60000, 1001, 16))).toHaveLength(168);
    expect(sampleCount(16, 16 + (668 * 1001) / 60)).toBe(168);
    expect(sampleCount(0, 0)).toBe(1);
    expect(sampleCount(10, 5)).toBe(0);
  });
});

describe('FrameSampler timing', () => {
  it('counts time from the first frame, whatever the start offset', () => {
    const zero = sampleFrames(cfr(600, 60000, 1001));
    for (const start of [16, 33.3667, 1234.5, -50]) {
      expect(sampleFrames(cfr(600, 60000, 1001, start))).toEqual(zero);
    }
    const sampler = new FrameSampler();
    expect(sampler.push(1016)).toEqual([0]);
    expect(sampler.firstFrameMs).toBe(1016);
    expect(sampler.push(1016 + 1000 / 15)).toEqual([1]);
  });

  it('absorbs container times rounded to milliseconds (WebM) or to a 1/15360 time base', () => {
    const exact = sampleFrames(cfr(300, 30));
    expect(sampleFrames(cfr(300, 30).map(Math.round))).toEqual(exact);
    expect(sampleFrames(cfr(300, 30).map(Math.floor))).toEqual(exact);
    expect(sampleFrames(cfr(300, 30).map((t) => (Math.round((t * 15360) / 1000) * 1000) / 15360))).toEqual(exact);
    expect(sampleFrames(cfr(600, 60000, 1001).map(Math.round))).toEqual(sampleFrames(cfr(600, 60000, 1001)));
  });

  it('answers each frame the moment it is pushed', () => {
    const sampler = new FrameSampler();
    const answers = cfr(9, 30).map((t) => sampler.push(t));
    expect(answers).toEqual([[0], [], [1], [], [2], [], [3], [], [4]]);
    expect(sampler.sampleCount).toBe(5);
    expect(sampler.timeOf(4)).toBeCloseTo(266.667, 3);
  });
});

describe('FrameSampler on irregular sources', () => {
  it('gives the first frame after a gap every sample the gap held, so the rate stays fixed', () => {
    // 30 fps with frames 5..24 missing (a 0.67 s stall): samples 3..12 (200..800 ms) all wait for frame 25 (833 ms)
    const pts = cfr(60, 30).filter((_, k) => k < 5 || k >= 25);
    const sampler = new FrameSampler();
    const filled = pts.map((t) => sampler.push(t));
    const frame25 = pts.indexOf(cfr(26, 30)[25]!);
    expect(filled[frame25]).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(sampleFrames(pts)).toEqual(bruteForce(pts));
    expect(sampleFrames(pts)).toHaveLength(sampleFrames(cfr(60, 30)).length);
  });

  it('a single missing frame: its sample takes the next frame', () => {
    const pts = cfr(30, 30).filter((_, k) => k !== 6);
    // sample 3 (200 ms) was frame 6; now frame 7 (233 ms), at index 6 of the shorter list
    expect(sampleFrames(pts)).toEqual([0, 2, 4, 6, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27]);
  });

  it('a duplicate frame (same time) fills no sample', () => {
    const base = cfr(20, 30);
    const pts = [...base.slice(0, 5), base[4]!, ...base.slice(5)];
    const sampler = new FrameSampler();
    const filled = pts.map((t) => sampler.push(t));
    expect(filled[4]).toEqual([2]);
    expect(filled[5]).toEqual([]);
    expect(sampleFrames(pts)).toEqual([0, 2, 4, 7, 9, 11, 13, 15, 17, 19]);
  });

  it('a frame earlier than the one before it (out of order) fills no sample', () => {
    const pts = [0, 66.7, 40, 133.4, 120, 200];
    expect(sampleFrames(pts)).toEqual([0, 1, 3, 5]);
    expect(sampleFrames(pts)).toEqual(bruteForce(pts));
  });

  it('ignores a frame without a time (NaN)', () => {
    const sampler = new FrameSampler();
    expect(sampler.push(Number.NaN)).toEqual([]);
    expect(sampler.push(10)).toEqual([0]);
    expect(sampler.firstFrameMs).toBe(10);
  });

  it('variable frame rate: matches the brute-force rule on random phone-like timing', () => {
    let seed = 12345;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 20; trial++) {
      const pts: number[] = [];
      let t = 100 * random();
      for (let k = 0; k < 400; k++) {
        const r = random();
        // mostly 30 fps, sometimes 24 or 60 fps, sometimes a stall, sometimes a duplicate
        t += r < 0.6 ? 33.3 : r < 0.75 ? 41.7 : r < 0.9 ? 16.7 : r < 0.97 ? 150 * random() : 0;
        pts.push(Math.round(t * 90) / 90);
      }
      const frames = sampleFrames(pts);
      expect(frames).toEqual(bruteForce(pts));
      expect(frames).toHaveLength(sampleCount(pts[0]!, pts.at(-1)!));
      // every sample's frame is at or after its time (less 1 ms), and the frame before it is not
      frames.forEach((k, n) => {
        expect(pts[k]! - pts[0]!).toBeGreaterThanOrEqual(sampleTimeMs(n) - 1 - 1e-9);
      });
    }
  });

  it('a source slower than the rate gives some frames two samples', () => {
    // 10 fps: frame k at 100k ms, sample n at 66.67n ms: frame ceil(n * 2/3), so 0, 1, 2, 2, 3, 4, 4, ...
    expect(sampleFrames(cfr(7, 10))).toEqual([0, 1, 2, 2, 3, 4, 4, 5, 6, 6]);
  });
});

describe('FrameSampler arguments', () => {
  it('rejects a rate that is not positive and an epsilon of half a sample or more', () => {
    expect(() => new FrameSampler(0)).toThrow(RangeError);
    expect(() => new FrameSampler(-15)).toThrow(RangeError);
    expect(() => new FrameSampler(Number.NaN)).toThrow(RangeError);
    expect(() => new FrameSampler(15, -1)).toThrow(RangeError);
    expect(() => new FrameSampler(15, 1000 / 30)).toThrow(RangeError);
    expect(() => new FrameSampler(15, 0)).not.toThrow();
  });

  it('with epsilon 0, a frame exactly at a sample time (float-rounded) still fills it', () => {
    expect(sampleFrames(cfr(91, 30), 15, 0)).toEqual(Array.from({ length: 46 }, (_, n) => 2 * n));
    expect(sampleFrames(cfr(91, 30), 10, 0)).toEqual(Array.from({ length: 31 }, (_, n) => 3 * n));
  });
});

describe('scaledSize (the analysed frame size, both edges)', () => {
  it('scales the longer side down to 640 by default and keeps a small video as it is', () => {
    expect(scaledSize(1280, 720)).toEqual({ width: 640, height: 360 });
    expect(scaledSize(640, 480)).toEqual({ width: 640, height: 480 });
    expect(scaledSize(320, 240)).toEqual({ width: 320, height: 240 });
    expect(scaledSize(1080, 1920)).toEqual({ width: 360, height: 640 });
  });
});
