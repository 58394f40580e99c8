import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHIME_TONES, RepChime } from './sound.ts';

type Event = readonly [string, number, number];

class FakeParam {
  events: Event[] = [];
  setValueAtTime(v: number, t: number): this {
    this.events.push(['set', v, t]);
    return this;
  }
  linearRampToValueAtTime(v: number, t: number): this {
    this.events.push(['linear', v, t]);
    return this;
  }
  exponentialRampToValueAtTime(v: number, t: number): this {
    if (!(v > 0)) throw new RangeError('exponential ramp to a value <= 0');
    this.events.push(['exp', v, t]);
    return this;
  }
}

class FakeNode {
  connectedTo: unknown[] = [];
  disconnected = false;
  connect<T>(to: T): T {
    this.connectedTo.push(to);
    return to;
  }
  disconnect(): void {
    this.disconnected = true;
  }
}

class FakeOscillator extends FakeNode {
  type = 'sine';
  frequency = new FakeParam();
  startAt = Number.NaN;
  stopAt = Number.NaN;
  onended: (() => void) | null = null;
  start(t: number): void {
    this.startAt = t;
  }
  stop(t: number): void {
    this.stopAt = t;
  }
}

class FakeGain extends FakeNode {
  gain = new FakeParam();
}

class FakeAudioContext {
  static created: FakeAudioContext[] = [];
  state: 'suspended' | 'running' | 'closed' = 'running';
  currentTime = 12.5;
  destination = { name: 'destination' };
  oscillators: FakeOscillator[] = [];
  gains: FakeGain[] = [];
  resumes = 0;
  closes = 0;
  constructor() {
    FakeAudioContext.created.push(this);
  }
  createOscillator(): FakeOscillator {
    const o = new FakeOscillator();
    this.oscillators.push(o);
    return o;
  }
  createGain(): FakeGain {
    const g = new FakeGain();
    this.gains.push(g);
    return g;
  }
  resume(): Promise<void> {
    this.resumes++;
    this.state = 'running';
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.closes++;
    this.state = 'closed';
    return Promise.resolve();
  }
}

const g = globalThis as Record<string, unknown>;

describe('RepChime with Web Audio', () => {
  beforeEach(() => {
    FakeAudioContext.created = [];
    g['AudioContext'] = FakeAudioContext;
  });
  afterEach(() => {
    delete g['AudioContext'];
    delete g['webkitAudioContext'];
  });

  it('creates no AudioContext until it is used', () => {
    new RepChime({ enabled: true });
    expect(FakeAudioContext.created).toHaveLength(0);
  });

  it('plays two rising tones of ~120 ms in all, into the destination', () => {
    const chime = new RepChime({ enabled: true });
    chime.play();
    expect(FakeAudioContext.created).toHaveLength(1);
    const ctx = FakeAudioContext.created[0]!;
    expect(ctx.oscillators).toHaveLength(2);
    const [a, b] = ctx.oscillators as [FakeOscillator, FakeOscillator];
    expect(a.frequency.events[0]![1]).toBeLessThan(b.frequency.events[0]![1]);
    expect(a.startAt).toBeGreaterThanOrEqual(ctx.currentTime);
    expect(b.startAt).toBeGreaterThan(a.startAt);
    const total = Math.max(a.stopAt, b.stopAt) - a.startAt;
    expect(total).toBeGreaterThan(0.1);
    expect(total).toBeLessThan(0.16);
    for (const [i, osc] of ctx.oscillators.entries()) {
      const gain = ctx.gains[i]!;
      expect(osc.connectedTo).toEqual([gain]);
      expect(gain.connectedTo).toEqual([ctx.destination]);
    }
  });

  it('ramps each tone in from silence and out to silence before it stops (no clicks)', () => {
    const chime = new RepChime({ enabled: true, volume: 0.5 });
    chime.play();
    const ctx = FakeAudioContext.created[0]!;
    ctx.gains.forEach((gain, i) => {
      const ev = gain.gain.events;
      const osc = ctx.oscillators[i]!;
      expect(ev[0]).toEqual(['set', 0, osc.startAt]);
      expect(ev[1]![0]).toBe('linear');
      expect(ev[1]![1]).toBeCloseTo(0.5 * CHIME_TONES[i]!.gain, 9);
      expect(ev[1]![2] - osc.startAt).toBeLessThanOrEqual(0.01);
      const last = ev[ev.length - 1]!;
      expect(last[0]).toBe('exp');
      expect(last[1]).toBeLessThanOrEqual(0.001);
      expect(last[2]).toBeLessThanOrEqual(osc.stopAt);
    });
  });

  it('reuses one context, resumes a suspended one, and disconnects the nodes when a tone ends', () => {
    const chime = new RepChime({ enabled: true });
    chime.unlock();
    const ctx = FakeAudioContext.created[0]!;
    ctx.state = 'suspended';
    chime.play();
    expect(ctx.resumes).toBe(1);
    chime.play();
    expect(FakeAudioContext.created).toHaveLength(1);
    expect(ctx.oscillators).toHaveLength(4);
    ctx.oscillators[0]!.onended?.();
    expect(ctx.oscillators[0]!.disconnected).toBe(true);
    expect(ctx.gains[0]!.disconnected).toBe(true);
  });

  it('is silent while disabled', () => {
    const chime = new RepChime({ enabled: false });
    chime.play();
    expect(FakeAudioContext.created).toHaveLength(0);
    chime.setEnabled(true);
    chime.play();
    expect(FakeAudioContext.created[0]!.oscillators).toHaveLength(2);
    chime.setEnabled(false);
    chime.play();
    expect(FakeAudioContext.created[0]!.oscillators).toHaveLength(2);
  });

  it('dispose closes the context and silences it', () => {
    const chime = new RepChime({ enabled: true });
    chime.play();
    chime.dispose();
    const ctx = FakeAudioContext.created[0]!;
    expect(ctx.closes).toBe(1);
    chime.play();
    expect(FakeAudioContext.created).toHaveLength(1);
    expect(ctx.oscillators).toHaveLength(2);
  });

  it('falls back on webkitAudioContext', () => {
    delete g['AudioContext'];
    g['webkitAudioContext'] = FakeAudioContext;
    new RepChime({ enabled: true }).play();
    expect(FakeAudioContext.created).toHaveLength(1);
  });

  it('swallows errors from Web Audio', () => {
    g['AudioContext'] = class {
      constructor() {
        throw new Error('no audio device');
      }
    };
    const chime = new RepChime({ enabled: true });
    expect(() => chime.play()).not.toThrow();
    expect(() => chime.unlock()).not.toThrow();
  });
});

describe('RepChime without Web Audio', () => {
  it('does nothing and throws nothing', () => {
    delete g['AudioContext'];
    delete g['webkitAudioContext'];
    const chime = new RepChime({ enabled: true });
    expect(chime.supported).toBe(false);
    expect(() => {
      chime.unlock();
      chime.play();
      chime.setEnabled(false);
      chime.dispose();
    }).not.toThrow();
  });
});
