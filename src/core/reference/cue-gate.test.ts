import { describe, expect, it } from 'vitest';
import { DEFAULT_CUE_ENGINE } from '../engine/cue-engine.ts';
import type { ReferenceCue } from './cue.ts';
import { ReferenceCueGate } from './cue-gate.ts';

const deeper: ReferenceCue = { kind: 'deeper', unit: 'deg', byDeg: 10 };
const slower: ReferenceCue = { kind: 'slower-down' };
const matches: ReferenceCue = { kind: 'matches' };

describe('saying the reference cue beside the cue engine', () => {
  it('says a rep’s cue at once when the cue engine shows nothing', () => {
    const gate = new ReferenceCueGate();
    gate.offer(deeper, 1000);
    expect(gate.update(1000, false)).toEqual(deeper);
    expect(gate.update(1100, false)).toBeNull();
  });

  it('waits while the cue engine shows a cue, and says it once that cue is gone', () => {
    const gate = new ReferenceCueGate();
    gate.offer(deeper, 1000);
    expect(gate.update(1000, true)).toBeNull();
    expect(gate.update(2500, true)).toBeNull();
    expect(gate.update(3000, false)).toEqual(deeper);
  });

  it('drops a cue that waited longer than the cue engine lets a correction wait', () => {
    const gate = new ReferenceCueGate();
    gate.offer(deeper, 1000);
    expect(gate.update(1000 + DEFAULT_CUE_ENGINE.maxWaitMs - 1, true)).toBeNull();
    expect(gate.update(1000 + DEFAULT_CUE_ENGINE.maxWaitMs + 1, false)).toBeNull();
  });

  it('does not repeat the same cue within the cooldown, but says another one', () => {
    const gate = new ReferenceCueGate();
    gate.offer(deeper, 0);
    expect(gate.update(0, false)).toEqual(deeper);
    gate.offer(deeper, 5000);
    expect(gate.update(5000, false)).toBeNull();
    gate.offer(slower, 6000);
    expect(gate.update(6000, false)).toEqual(slower);
    gate.offer(deeper, DEFAULT_CUE_ENGINE.cooldownMs + 1);
    expect(gate.update(DEFAULT_CUE_ENGINE.cooldownMs + 1, false)).toEqual(deeper);
  });

  it('leaves time to hear one reference cue before the next', () => {
    const gate = new ReferenceCueGate();
    gate.offer(deeper, 0);
    expect(gate.update(0, false)).toEqual(deeper);
    gate.offer(slower, 1000);
    expect(gate.update(1000, false)).toBeNull();
    expect(gate.update(DEFAULT_CUE_ENGINE.minShowMs, false)).toEqual(slower);
  });

  it('praises a matching rep the first time, then every third one', () => {
    const gate = new ReferenceCueGate({ ...DEFAULT_CUE_ENGINE, cooldownMs: 0 });
    const said: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const t = i * 10_000;
      gate.offer(matches, t);
      said.push(gate.update(t, false) !== null);
    }
    expect(said).toEqual([true, false, false, true, false]);
  });
});
