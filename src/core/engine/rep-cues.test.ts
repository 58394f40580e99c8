import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS, type ExerciseId } from '../exercises/ids.ts';
import { SET_TARGETS } from '../exercises/targets.ts';
import { DEFAULT_CUE_ENGINE } from './cue-engine.ts';
import { CUES, cueKeyOf, type Cue } from './cues.ts';
import { PARTIAL_REASONS, type EngineEvent, type PartialReason } from './events.ts';
import { DEFAULT_START_HOLD_MS, ExerciseEngine } from './exercise-engine.ts';
import { FakeChecker, fault, fullRep, partialRep, repRecord } from './fake-checker.ts';
import { holdCue, partialCue, repCue, repPoints } from './rep-cues.ts';
import { figures, times } from './test-frames.ts';

const STEP = 100;
const HOLD = DEFAULT_START_HOLD_MS;
const { minShowMs, cooldownMs } = DEFAULT_CUE_ENGINE;

/** exercises with a hold at the top, and one without (the good morning's bottom is a turn) */
const WITH_HOLD = EXERCISE_IDS.filter((e) => SET_TARGETS[e].holdS > 0);
const holdOf = (exercise: ExerciseId): number => SET_TARGETS[exercise].holdS;

/** The cues an engine shows while a standing figure holds the start position and the checker does its script. */
function cuesShown(checker: FakeChecker, untilMs: number): { t: number; cue: Cue }[] {
  const engine = new ExerciseEngine(checker);
  const shown: { t: number; cue: Cue }[] = [];
  for (const frame of figures(times(0, untilMs, STEP))) {
    for (const e of engine.update(frame) as readonly EngineEvent[]) if (e.kind === 'cue' && e.cue !== null && e.cue !== 'setup.hold-start') shown.push({ t: e.tMs, cue: e.cue });
  }
  return shown;
}

describe('what a partial rep was missing, as a cue', () => {
  it('every reason leads to a cue in every exercise that has a hold target (hold-longer too)', () => {
    for (const exercise of WITH_HOLD) for (const reason of PARTIAL_REASONS) expect(partialCue(exercise, reason), `${exercise}: ${reason}`).not.toBeNull();
  });

  it('every reason but hold-longer leads to a cue in an exercise without a hold target', () => {
    const withoutHold = EXERCISE_IDS.filter((e) => holdOf(e) === 0);
    expect(withoutHold).toContain('good-morning');
    for (const exercise of withoutHold) {
      for (const reason of PARTIAL_REASONS) expect(partialCue(exercise, reason) === null, `${exercise}: ${reason}`).toBe(reason === 'hold-longer');
    }
  });

  it('hold-longer asks for the exercise’s own target hold', () => {
    for (const exercise of WITH_HOLD) expect(partialCue(exercise, 'hold-longer')).toEqual({ key: 'hold.seconds-at-top', n: holdOf(exercise) });
  });

  it('each reason has its own cue (no two reasons say the same thing), and every cue is a correction', () => {
    for (const exercise of EXERCISE_IDS) {
      const cues = PARTIAL_REASONS.map((r) => partialCue(exercise, r)).filter((c): c is Cue => c !== null);
      expect(new Set(cues.map(cueKeyOf)).size, exercise).toBe(cues.length);
      for (const cue of cues) expect(CUES[cueKeyOf(cue)].kind).toBe('fault');
    }
  });

  it('the hip thrust says "higher" in its own words: the cue of its incomplete-extension fault', () => {
    expect(partialCue('hip-thrust', 'higher')).toBe('ht.hips-higher');
    expect(partialCue('good-morning', 'deeper')).toBe('gm.hinge-further');
    expect(partialCue('superman', 'all-four-together')).toBe('superman.lift-together');
  });
});

describe('repCue: the one cue a finished rep calls for', () => {
  it.each(PARTIAL_REASONS)('a partial rep missing %s gets the cue for it', (reason: PartialReason) => {
    const rep = repRecord(false, 5000, { partialReason: reason });
    expect(repCue('upward-dog', rep)).toEqual(partialCue('upward-dog', reason));
  });

  it('a partial rep without a reason gets none (there is nothing to name)', () => {
    expect(repCue('upward-dog', repRecord(false, 5000))).toBeNull();
  });

  it('a full rep held shorter than the target gets "hold N s at the top", N the target', () => {
    for (const exercise of WITH_HOLD) {
      const target = holdOf(exercise);
      expect(repCue(exercise, repRecord(true, 5000, { holdS: target / 2 }))).toEqual({ key: 'hold.seconds-at-top', n: target });
      expect(repCue(exercise, repRecord(true, 5000, { holdS: target }))).toBeNull();
      // 0.04 s short still reads as the target at the summary's 0.1 s
      expect(repCue(exercise, repRecord(true, 5000, { holdS: target - 0.04 }))).toBeNull();
      expect(repCue(exercise, repRecord(true, 5000, { holdS: target - 0.1 }))).toEqual(holdCue(target));
    }
  });

  it('a full rep of an exercise without a hold target gets none, however short its top', () => {
    expect(repCue('good-morning', repRecord(true, 5000, { holdS: 0 }))).toBeNull();
  });

  it('a partial rep is told what it missed, not its hold', () => {
    expect(repCue('superman', repRecord(false, 5000, { holdS: 0, partialReason: 'higher' }))).toBe('partial.higher');
  });
});

describe('the engine says it, within the cue engine’s spacing rules', () => {
  const PARTIAL_MS = HOLD + 500;

  it('shows the cue for what a partial rep was missing when the rep ends', () => {
    const checker = new FakeChecker({ exercise: 'upward-dog' }).at(PARTIAL_MS, partialRep({ partialReason: 'straighten-arms' }));
    expect(cuesShown(checker, PARTIAL_MS + 500)).toEqual([{ t: PARTIAL_MS, cue: 'updog.straighten-arms' }]);
  });

  it('counts a full rep held short as full, and shows "hold N s at the top" instead of praise', () => {
    const target = holdOf('superman');
    const checker = new FakeChecker({ exercise: 'superman' }).at(PARTIAL_MS, fullRep({ holdS: target / 4 }));
    const engine = new ExerciseEngine(checker);
    const shown: Cue[] = [];
    for (const f of figures(times(0, PARTIAL_MS + minShowMs * 3, STEP))) for (const e of engine.update(f)) if (e.kind === 'cue' && e.cue !== null) shown.push(e.cue);
    expect(engine.reps).toBe(1);
    expect(shown.filter((c) => c !== 'setup.hold-start')).toEqual([{ key: 'hold.seconds-at-top', n: target }]);
  });

  it('still praises a clean rep that held its target', () => {
    const checker = new FakeChecker({ exercise: 'superman' }).at(PARTIAL_MS, fullRep({ holdS: holdOf('superman') }));
    expect(cuesShown(checker, PARTIAL_MS + 500).map((c) => c.cue)).toEqual(['praise.good-rep']);
  });

  it('says it once when the rep’s fault gives the same cue (the good morning’s too-shallow and "deeper")', () => {
    const checker = new FakeChecker({ exercise: 'good-morning' }).at(PARTIAL_MS, fault('too-shallow', 'gm.hinge-further'), partialRep({ partialReason: 'deeper', faults: ['too-shallow'] }));
    expect(cuesShown(checker, PARTIAL_MS + 3 * minShowMs)).toEqual([{ t: PARTIAL_MS, cue: 'gm.hinge-further' }]);
  });

  it('does not repeat a reason within the cooldown, and says it again after', () => {
    const again = PARTIAL_MS + cooldownMs;
    const checker = new FakeChecker({ exercise: 'superman' })
      .at(PARTIAL_MS, partialRep({ partialReason: 'higher' }))
      .at(PARTIAL_MS + cooldownMs / 2, partialRep({ partialReason: 'higher' }))
      .at(again, partialRep({ partialReason: 'higher' }));
    expect(cuesShown(checker, again + 500)).toEqual([
      { t: PARTIAL_MS, cue: 'partial.higher' },
      { t: again, cue: 'partial.higher' },
    ]);
  });

  it('shows one cue at a time: a second rep’s reason waits until the first has been up for minShowMs', () => {
    const checker = new FakeChecker({ exercise: 'superman' })
      .at(PARTIAL_MS, partialRep({ partialReason: 'all-four-together' }))
      .at(PARTIAL_MS + STEP, partialRep({ partialReason: 'higher' }));
    expect(cuesShown(checker, PARTIAL_MS + minShowMs + 500)).toEqual([
      { t: PARTIAL_MS, cue: 'superman.lift-together' },
      { t: PARTIAL_MS + minShowMs, cue: 'partial.higher' },
    ]);
  });
});

describe('repPoints: what the summary says about a rep', () => {
  const FAULT_CUES = new Map([
    ['too-shallow', 'gm.hinge-further'],
    ['rounded-back', 'gm.long-back'],
  ] as const);

  it('a partial rep: what was missing first, then its faults, the reason’s own cue not twice', () => {
    const rep = repRecord(false, 5000, { partialReason: 'deeper', faults: ['too-shallow', 'rounded-back'] });
    expect(repPoints('good-morning', rep, FAULT_CUES)).toEqual({ missing: 'gm.hinge-further', cues: ['gm.long-back'], uncued: [] });
  });

  it('a full rep held short: its faults, then the hold', () => {
    const target = holdOf('upward-dog');
    const rep = repRecord(true, 5000, { holdS: target - 1, faults: ['rounded-back'] });
    expect(repPoints('upward-dog', rep, FAULT_CUES)).toEqual({ missing: null, cues: ['gm.long-back', holdCue(target)], uncued: [] });
  });

  it('a clean full rep that held: nothing to watch', () => {
    expect(repPoints('upward-dog', repRecord(true, 5000, { holdS: holdOf('upward-dog') }), FAULT_CUES)).toEqual({ missing: null, cues: [], uncued: [] });
  });

  it('a fault without a cue is passed on by name', () => {
    // FAULT_CUES maps no cue to 'too-fast'
    expect(repPoints('good-morning', repRecord(true, 5000, { faults: ['too-fast'] }), FAULT_CUES).uncued).toEqual(['too-fast']);
  });
});
