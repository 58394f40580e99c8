import { describe, expect, it } from 'vitest';
import { CueEngine, DEFAULT_CUE_ENGINE, type CueEngineConfig } from './cue-engine.ts';
import { CUES, cueTopic, type Cue, type CueKey, type NumberedCue } from './cues.ts';

const CONFIG: CueEngineConfig = { minShowMs: 1000, cooldownMs: 5000, maxWaitMs: 2000, praiseEvery: 3 };
const { minShowMs, cooldownMs, maxWaitMs } = CONFIG;

// two corrections of different priority, and two setup cues
const HIGH: CueKey = 'gm.long-back';
const LOW: CueKey = 'gm.hinge-further';
const SETUP: CueKey = 'setup.turn-sideways';
const SETUP_URGENT: CueKey = 'setup.step-into-view';

/** Calls update at each time; returns the non-undefined results with their times. */
function run(cues: CueEngine, ts: readonly number[]): [number, Cue | null][] {
  const out: [number, Cue | null][] = [];
  for (const t of ts) {
    const r = cues.update(t);
    if (r !== undefined) out.push([t, r]);
  }
  return out;
}
const every = (from: number, to: number, step = 100): number[] => Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

describe('CueEngine', () => {
  it('the test cues have the priorities and kinds the tests assume', () => {
    expect(CUES[HIGH].priority).toBeGreaterThan(CUES[LOW].priority);
    expect(CUES[HIGH].kind).toBe('fault');
    expect(CUES[LOW].kind).toBe('fault');
    expect(CUES[SETUP].kind).toBe('setup');
    expect(CUES[SETUP_URGENT].priority).toBeGreaterThan(CUES[SETUP].priority);
  });

  it('returns undefined while nothing changes', () => {
    const cues = new CueEngine(CONFIG);
    expect(cues.update(0)).toBeUndefined();
    expect(cues.current).toBeNull();
  });

  it('shows an offered cue at the next update, and clears it (null) after minShowMs', () => {
    const cues = new CueEngine(CONFIG);
    cues.offer(LOW, 0);
    expect(cues.update(0)).toBe(LOW);
    expect(cues.current).toBe(LOW);
    expect(run(cues, every(100, 3000))).toEqual([[minShowMs, null]]);
    expect(cues.current).toBeNull();
  });

  it('shows one cue at a time: the highest priority first, the other after minShowMs', () => {
    const cues = new CueEngine(CONFIG);
    cues.offer(LOW, 0);
    cues.offer(HIGH, 0);
    expect(run(cues, every(0, 3000))).toEqual([
      [0, HIGH],
      [minShowMs, LOW],
      [2 * minShowMs, null],
    ]);
  });

  it('keeps a shown cue up for minShowMs even when a more urgent one arrives', () => {
    const cues = new CueEngine(CONFIG);
    cues.offer(LOW, 0);
    cues.update(0);
    cues.offer(HIGH, 100);
    expect(run(cues, every(100, minShowMs))).toEqual([[minShowMs, HIGH]]);
  });

  it('does not show the same correction again within cooldownMs of showing it', () => {
    const cues = new CueEngine(CONFIG);
    cues.offer(HIGH, 0);
    cues.update(0);
    cues.update(minShowMs); // cleared
    cues.offer(HIGH, cooldownMs - 1);
    expect(cues.update(cooldownMs - 1)).toBeUndefined();
    cues.offer(HIGH, cooldownMs);
    expect(cues.update(cooldownMs)).toBe(HIGH);
  });

  it('drops a waiting cue that could not be shown within maxWaitMs', () => {
    // a setup cue holds the screen; a correction waits behind it
    const shownAfter = (setupEndsMs: number): [number, Cue | null][] => {
      const cues = new CueEngine(CONFIG);
      cues.setSetup([SETUP]);
      cues.update(0);
      cues.offer(LOW, 0);
      run(cues, every(100, setupEndsMs - 100));
      cues.setSetup([]);
      return run(cues, [setupEndsMs]);
    };
    expect(shownAfter(maxWaitMs)).toEqual([[maxWaitMs, LOW]]);
    expect(shownAfter(maxWaitMs + 100)).toEqual([[maxWaitMs + 100, null]]);
  });

  describe('numbered cues', () => {
    const HOLD_5: NumberedCue = { key: 'hold.seconds-at-top', n: 5 };

    it('shows a numbered cue with its number, under the same spacing rules', () => {
      const cues = new CueEngine(CONFIG);
      cues.offer(HOLD_5, 0);
      expect(cues.update(0)).toEqual(HOLD_5);
      expect(cues.current).toEqual(HOLD_5);
      expect(run(cues, every(100, 3000))).toEqual([[minShowMs, null]]);
      cues.offer(HOLD_5, minShowMs + 100);
      expect(cues.update(minShowMs + 100)).toBeUndefined(); // within its cooldown
    });

    it('refuses a numbered cue without its number: it could not be shown or said', () => {
      const cues = new CueEngine(CONFIG);
      expect(() => cues.offer('hold.seconds-at-top', 0)).toThrow(RangeError);
    });

    it('takes no numbered cue as a setup cue (a setup status has no number)', () => {
      const cues = new CueEngine(CONFIG);
      cues.setSetup(['hold.seconds-at-top']);
      expect(cues.update(0)).toBeUndefined();
    });
  });

  describe('cues of one topic (the same correction in other words)', () => {
    // the hip thrust's own "pause at the top" and the set target's "hold N s at the top"
    const PAUSE: CueKey = 'ht.pause-at-top';
    const HOLD: NumberedCue = { key: 'hold.seconds-at-top', n: 1 };

    it('the test cues share a topic, and the hold cue is the more urgent', () => {
      expect(cueTopic(PAUSE)).toBe(cueTopic(HOLD.key));
      expect(CUES[HOLD.key].priority).toBeGreaterThan(CUES[PAUSE].priority);
    });

    it('shows one of them, the more urgent, whichever was offered first', () => {
      for (const order of [[PAUSE, HOLD], [HOLD, PAUSE]] as const) {
        const cues = new CueEngine(CONFIG);
        for (const cue of order) cues.offer(cue, 0);
        expect(run(cues, every(0, 3000))).toEqual([
          [0, HOLD],
          [minShowMs, null],
        ]);
      }
    });

    it('share one cooldown: the other is not shown within cooldownMs of the first', () => {
      const cues = new CueEngine(CONFIG);
      cues.offer(HOLD, 0);
      cues.update(0);
      cues.offer(PAUSE, minShowMs);
      expect(run(cues, every(minShowMs, cooldownMs - 100))).toEqual([[minShowMs, null]]);
      cues.offer(PAUSE, cooldownMs);
      expect(cues.update(cooldownMs)).toBe(PAUSE);
    });

    it('a replacing cue keeps the waiting time of the one it replaced (maxWaitMs counts from the first offer)', () => {
      const cues = new CueEngine(CONFIG);
      cues.setSetup([SETUP]);
      cues.update(0);
      cues.offer(PAUSE, 0);
      cues.offer(HOLD, maxWaitMs / 2);
      cues.setSetup([]);
      expect(cues.update(maxWaitMs + 100)).toBeNull();
    });
  });

  describe('setup cues', () => {
    it('hold while their condition lasts, however long, and are replaced when it ends', () => {
      const cues = new CueEngine(CONFIG);
      cues.setSetup([SETUP]);
      expect(cues.update(0)).toBe(SETUP);
      for (const t of every(100, 10 * minShowMs)) {
        cues.setSetup([SETUP]);
        expect(cues.update(t)).toBeUndefined();
      }
      cues.offer(LOW, 10 * minShowMs);
      cues.setSetup([]);
      expect(cues.update(10 * minShowMs + 100)).toBe(LOW);
    });

    it('clear (null) as soon as their condition ends, even within minShowMs: a setup cue is a status, not advice', () => {
      const cues = new CueEngine(CONFIG);
      cues.setSetup([SETUP]);
      cues.update(0);
      expect(cues.update(minShowMs / 4)).toBeUndefined();
      cues.setSetup([]);
      expect(cues.update(minShowMs / 2)).toBeNull();
    });

    it('go before waiting corrections, and the correction follows when the setup ends', () => {
      const cues = new CueEngine(CONFIG);
      cues.offer(HIGH, 0);
      cues.setSetup([SETUP]);
      expect(cues.update(0)).toBe(SETUP);
      cues.setSetup([]);
      expect(cues.update(minShowMs)).toBe(HIGH);
    });

    it('a more urgent setup cue replaces the one shown once minShowMs has passed', () => {
      const cues = new CueEngine(CONFIG);
      cues.setSetup([SETUP]);
      cues.update(0);
      cues.setSetup([SETUP, SETUP_URGENT]);
      expect(cues.update(minShowMs - 1)).toBeUndefined();
      expect(cues.update(minShowMs)).toBe(SETUP_URGENT);
    });

    it('have no cooldown: they come back as soon as their condition does', () => {
      const cues = new CueEngine(CONFIG);
      cues.setSetup([SETUP]);
      cues.update(0);
      cues.setSetup([]);
      expect(cues.update(minShowMs)).toBeNull();
      cues.setSetup([SETUP]);
      expect(cues.update(minShowMs + 100)).toBe(SETUP);
    });
  });

  describe('praise', () => {
    /** Clean reps spaced past the cooldown; returns the reps (1-based) that brought praise. */
    function praisedReps(config: CueEngineConfig, reps: number): number[] {
      const cues = new CueEngine(config);
      const praised: number[] = [];
      for (let i = 1; i <= reps; i++) {
        const t = i * (config.cooldownMs + 2 * config.minShowMs);
        cues.cleanRep(t);
        if (cues.update(t) === 'praise.good-rep') praised.push(i);
        cues.update(t + config.minShowMs); // clears it
      }
      return praised;
    }

    it('praises the first clean rep, then every praiseEvery-th', () => {
      expect(praisedReps(CONFIG, 10)).toEqual([1, 4, 7, 10]);
      expect(praisedReps({ ...CONFIG, praiseEvery: 1 }, 4)).toEqual([1, 2, 3, 4]);
      expect(praisedReps({ ...CONFIG, praiseEvery: 5 }, 11)).toEqual([1, 6, 11]);
    });

    it('gives way to a correction', () => {
      const cues = new CueEngine(CONFIG);
      cues.cleanRep(0);
      cues.offer(LOW, 0);
      expect(cues.update(0)).toBe(LOW);
      expect(cues.update(minShowMs)).toBe('praise.good-rep');
    });
  });

  it('reset forgets the shown cue, the cooldowns and the rep count', () => {
    const cues = new CueEngine(CONFIG);
    cues.cleanRep(0);
    cues.update(0);
    cues.cleanRep(100);
    cues.offer(HIGH, 100);
    cues.reset();
    expect(cues.current).toBeNull();
    expect(cues.update(200)).toBeUndefined(); // nothing waits any more
    cues.offer('praise.good-rep', 300); // no cooldown left from before the reset
    expect(cues.update(300)).toBe('praise.good-rep');
    const fresh = new CueEngine(CONFIG);
    fresh.reset();
    fresh.cleanRep(0); // the first clean rep after a reset is praised again
    expect(fresh.update(0)).toBe('praise.good-rep');
  });

  describe('config', () => {
    it('accepts the defaults', () => {
      expect(() => new CueEngine(DEFAULT_CUE_ENGINE)).not.toThrow();
      expect(() => new CueEngine()).not.toThrow();
    });

    it.each<[string, Partial<CueEngineConfig>]>([
      ['negative minShowMs', { minShowMs: -1 }],
      ['negative cooldownMs', { cooldownMs: -1 }],
      ['negative maxWaitMs', { maxWaitMs: -1 }],
      ['praiseEvery 0', { praiseEvery: 0 }],
      ['NaN minShowMs', { minShowMs: Number.NaN }],
      ['NaN praiseEvery', { praiseEvery: Number.NaN }],
    ])('rejects %s', (_name, bad) => {
      expect(() => new CueEngine({ ...CONFIG, ...bad })).toThrow(RangeError);
    });
  });
});
