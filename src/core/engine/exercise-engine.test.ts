import { describe, expect, it } from 'vitest';
import { ABSENT_AFTER_MS, DEFAULT_START_HOLD_MS, ExerciseEngine, OUT_OF_FRAME_AFTER_MS } from './exercise-engine.ts';
import { DEFAULT_VIEW, uprightSpreadTorso } from './view.ts';
import type { EngineEvent, EventKind } from './events.ts';
import type { Cue } from './cues.ts';
import type { PoseFrame } from '../frame/pose-frame.ts';
import { FakeChecker, fault, fullRep, partialRep, phase, warning } from './fake-checker.ts';
import { figure, figures, IMAGE_H, noPerson, times, type FigureOptions } from './test-frames.ts';

const STEP = 100;
const HOLD = DEFAULT_START_HOLD_MS;

type Logged = EngineEvent & { frameMs: number };

/** Feeds frames; returns every event (copied, since the engine reuses its array) with the frame time it came in. */
function feed(engine: ExerciseEngine, frames: readonly PoseFrame[]): Logged[] {
  const log: Logged[] = [];
  for (const f of frames) for (const e of engine.update(f)) log.push({ ...e, frameMs: f.timestampMs });
  return log;
}
const ofKind = <K extends EventKind>(log: readonly Logged[], kind: K): (Extract<EngineEvent, { kind: K }> & { frameMs: number })[] =>
  log.filter((e): e is Extract<EngineEvent, { kind: K }> & { frameMs: number } => e.kind === kind);
const cuesShown = (log: readonly Logged[]): (Cue | null)[] => ofKind(log, 'cue').map((e) => e.cue);

/** A person standing sideways in the start position from `fromMs` to `toMs`. */
const standing = (fromMs: number, toMs: number, options: FigureOptions = {}): PoseFrame[] => figures(times(fromMs, toMs, STEP), options);

/** An engine that has started counting (start position held from 0 to HOLD ms). */
function counting(checker = new FakeChecker()): { engine: ExerciseEngine; checker: FakeChecker } {
  const engine = new ExerciseEngine(checker);
  feed(engine, standing(0, HOLD));
  expect(engine.counting).toBe(true);
  return { engine, checker };
}

describe('ExerciseEngine', () => {
  describe('start of counting', () => {
    it(`does not count until the start position has held for startHoldMs (${HOLD} ms by default)`, () => {
      const checker = new FakeChecker().at(500, fullRep());
      const engine = new ExerciseEngine(checker);
      const log = feed(engine, standing(0, HOLD + 500));
      expect(ofKind(log, 'counting-started')).toEqual([{ kind: 'counting-started', tMs: HOLD, frameMs: HOLD }]);
      // the checker only runs from the frame where counting starts: the "rep" at 500 ms never happened
      expect(checker.updatedAt[0]).toBe(HOLD);
      expect(engine.reps).toBe(0);
    });

    it('takes startHoldMs from the options', () => {
      const engine = new ExerciseEngine(new FakeChecker(), { startHoldMs: 300 });
      expect(ofKind(feed(engine, standing(0, 1000)), 'counting-started').map((e) => e.tMs)).toEqual([300]);
    });

    it('restarts the hold when the start position is left before it has held long enough', () => {
      const engine = new ExerciseEngine(new FakeChecker());
      const frames = [...standing(0, 500), figure({ t: 600, armsRaised: true }), ...standing(700, 2500)];
      expect(ofKind(feed(engine, frames), 'counting-started').map((e) => e.tMs)).toEqual([700 + HOLD]);
    });

    it('says "hold still" while the start position is held but not yet long enough', () => {
      const engine = new ExerciseEngine(new FakeChecker({ startCue: 'setup.stand-tall' }));
      const log = feed(engine, [figure({ t: 0, armsRaised: true }), ...standing(3000, 3000 + HOLD)]);
      expect(ofKind(log, 'cue').map((e) => [e.tMs, e.cue])).toContainEqual([3000, 'setup.hold-start']);
      expect(ofKind(log, 'counting-started').map((e) => e.tMs)).toEqual([3000 + HOLD]);
    });

    it('asks for the start position (the checker start cue) while the person is not in it', () => {
      const engine = new ExerciseEngine(new FakeChecker({ startCue: 'setup.stand-tall' }));
      const log = feed(engine, figures(times(0, 3000, STEP), { armsRaised: true }));
      expect(engine.counting).toBe(false);
      expect(ofKind(log, 'setup')[0]).toMatchObject({ ready: false, problems: ['not-in-start-position'] });
      expect(cuesShown(log)).toEqual(['setup.stand-tall']);
    });

    it('reports ready once the setup problems are gone', () => {
      const engine = new ExerciseEngine(new FakeChecker());
      const log = feed(engine, [figure({ t: 0, armsRaised: true }), figure({ t: 100 })]);
      expect(ofKind(log, 'setup').map((e) => [e.tMs, e.ready, e.problems])).toEqual([
        [0, false, ['not-in-start-position']],
        [100, true, []],
      ]);
    });

    it('asks for the start position while the person lies instead of standing (wrong posture)', () => {
      const engine = new ExerciseEngine(new FakeChecker());
      const log = feed(engine, figures(times(0, 3000, STEP), { posture: 'prone' }));
      expect(engine.counting).toBe(false);
      expect(ofKind(log, 'setup')[0]?.problems).toContain('wrong-posture');
      expect(cuesShown(log)).toEqual(['setup.stand-tall']);
    });
  });

  describe('setup problems', () => {
    it(`gives 'no-person' and the step-into-view cue once nobody has been seen for ABSENT_AFTER_MS (${ABSENT_AFTER_MS} ms)`, () => {
      const engine = new ExerciseEngine(new FakeChecker());
      const log = feed(engine, times(0, 3000, STEP).map((t) => noPerson(t)));
      expect(ofKind(log, 'setup')).toEqual([{ kind: 'setup', tMs: ABSENT_AFTER_MS, frameMs: ABSENT_AFTER_MS, ready: false, view: 'unknown', problems: ['no-person'] }]);
      expect(ofKind(log, 'cue')).toMatchObject([{ tMs: ABSENT_AFTER_MS, cue: 'setup.step-into-view' }]);
      expect(engine.counting).toBe(false);
    });

    it('skips a dropout of the pose shorter than ABSENT_AFTER_MS: no problem, no reset, counting goes on', () => {
      const checker = new FakeChecker();
      const { engine } = counting(checker);
      checker.updatedAt = [];
      const gapEnd = HOLD + ABSENT_AFTER_MS - STEP;
      const gap = times(HOLD + STEP, gapEnd, STEP);
      const log = feed(engine, [...gap.map((t) => noPerson(t)), ...standing(gapEnd + STEP, gapEnd + 1000)]);
      expect(ofKind(log, 'setup')).toEqual([]);
      expect(cuesShown(log)).toEqual([]);
      expect(engine.counting).toBe(true);
      // the checker did not see the empty frames, and ran again right after them
      expect(checker.updatedAt[0]).toBe(gapEnd + STEP);
    });

    it('a longer dropout becomes the no-person problem', () => {
      const { engine } = counting();
      const gap = times(HOLD + STEP, HOLD + STEP + ABSENT_AFTER_MS, STEP);
      const log = feed(engine, gap.map((t) => noPerson(t)));
      expect(ofKind(log, 'setup')).toMatchObject([{ tMs: HOLD + STEP + ABSENT_AFTER_MS, problems: ['no-person'] }]);
    });

    it("blocks counting in a frontal view with 'front-view', a warning and the turn-sideways cue", () => {
      const checker = new FakeChecker();
      const engine = new ExerciseEngine(checker);
      const log = feed(engine, standing(0, 3000, { spread: uprightSpreadTorso(DEFAULT_VIEW.frontAboveDeg + 5) }));
      expect(engine.body.view).toBe('front');
      expect(engine.counting).toBe(false);
      expect(checker.updatedAt).toEqual([]);
      expect(ofKind(log, 'setup')[0]).toMatchObject({ ready: false, view: 'front', problems: ['front-view'] });
      expect(ofKind(log, 'warning').map((e) => e.warning)).toEqual(['front-view']);
      expect(cuesShown(log)).toEqual(['setup.turn-sideways']);
    });

    it('stops feeding the checker while the view is frontal once counting has started', () => {
      const { engine, checker } = counting();
      checker.updatedAt = [];
      const frontal = standing(HOLD + STEP, HOLD + 4000, { spread: 1.5 });
      const frontMs: number[] = [];
      for (const f of frontal) {
        engine.update(f);
        if (engine.body.view === 'front') frontMs.push(f.timestampMs);
      }
      expect(frontMs.length).toBeGreaterThan(0);
      expect(checker.updatedAt.filter((t) => frontMs.includes(t))).toEqual([]);
    });

    it("warns once about an oblique view ('oblique-view'), offers the side-view tip, and still counts", () => {
      const engine = new ExerciseEngine(new FakeChecker());
      const oblique = { spread: uprightSpreadTorso((DEFAULT_VIEW.obliqueAboveDeg + DEFAULT_VIEW.frontAboveDeg) / 2) };
      const log = feed(engine, [...standing(0, 2000, oblique), ...standing(2100, 6000), ...standing(6100, 9000, oblique)]);
      const views = new Set(ofKind(log, 'setup').map((e) => e.view));
      expect(views).toEqual(new Set(['oblique', 'side']));
      expect(ofKind(log, 'warning').map((e) => [e.tMs, e.warning])).toEqual([[0, 'oblique-view']]);
      // "hold still" (a setup status) goes first; the tip follows as soon as counting starts
      expect(cuesShown(log).slice(0, 2)).toEqual(['setup.hold-start', 'setup.side-view-better']);
      expect(ofKind(log, 'cue').find((e) => e.cue === 'setup.side-view-better')?.tMs).toBe(HOLD);
      expect(ofKind(log, 'counting-started').map((e) => e.tMs)).toEqual([HOLD]);
    });

    it(`gives 'not-whole-body' and the whole-body cue once a required joint has been out of the image for OUT_OF_FRAME_AFTER_MS (${OUT_OF_FRAME_AFTER_MS} ms)`, () => {
      const engine = new ExerciseEngine(new FakeChecker());
      const log = feed(engine, standing(0, 3000, { set: { left_ankle: { y: IMAGE_H + 20 } } }));
      expect(engine.counting).toBe(false);
      expect(ofKind(log, 'setup')).toMatchObject([{ tMs: OUT_OF_FRAME_AFTER_MS, problems: ['not-whole-body'] }]);
      expect(cuesShown(log)).toEqual(['setup.whole-body']);
    });

    it('skips a required joint lost for less than OUT_OF_FRAME_AFTER_MS', () => {
      const engine = new ExerciseEngine(new FakeChecker());
      const lost = { set: { left_knee: { score: 0.05 } } } satisfies FigureOptions;
      const frames = [...standing(0, 300), ...standing(400, 400 + OUT_OF_FRAME_AFTER_MS - STEP, lost), ...standing(400 + OUT_OF_FRAME_AFTER_MS, 2000)];
      const log = feed(engine, frames);
      expect(ofKind(log, 'setup').flatMap((e) => e.problems)).toEqual([]);
      expect(engine.counting).toBe(true);
    });

    it("warns once about frequent left/right label swaps ('label-swaps')", () => {
      const engine = new ExerciseEngine(new FakeChecker());
      const frames = times(0, 2000, STEP).map((t, i) => figure({ t, spread: 0.5, swapLabels: i % 2 === 1 }));
      const log = feed(engine, frames);
      expect(engine.body.swapsFollowed).toBeGreaterThanOrEqual(5);
      expect(ofKind(log, 'warning').filter((e) => e.warning === 'label-swaps')).toHaveLength(1);
    });
  });

  describe('while counting', () => {
    it('counts full reps with indices 1..n and partial reps separately', () => {
      const checker = new FakeChecker()
        .at(HOLD + 200, fullRep())
        .at(HOLD + 500, partialRep())
        .at(HOLD + 900, fullRep({ faults: ['rounded-back'] }));
      const { engine } = counting(checker);
      const log = feed(engine, standing(HOLD + STEP, HOLD + 1500));
      expect(ofKind(log, 'rep').map((e) => [e.tMs, e.rep.index, e.rep.full])).toEqual([
        [HOLD + 200, 1, true],
        [HOLD + 900, 2, true],
      ]);
      expect(ofKind(log, 'partial-rep').map((e) => [e.tMs, e.rep.index, e.rep.full])).toEqual([[HOLD + 500, 0, false]]);
      expect(engine.reps).toBe(2);
      expect(engine.partialReps).toBe(1);
    });

    it('praises a clean first rep but not a rep with faults', () => {
      const clean = counting(new FakeChecker().at(HOLD + 200, fullRep()));
      expect(cuesShown(feed(clean.engine, standing(HOLD + STEP, HOLD + 300)))).toEqual(['praise.good-rep']);
      const faulty = counting(new FakeChecker().at(HOLD + 200, fullRep({ faults: ['too-fast'] })));
      expect(cuesShown(feed(faulty.engine, standing(HOLD + STEP, HOLD + 300)))).toEqual([]);
    });

    it("turns a fault into a 'fault' event and its cue", () => {
      const { engine } = counting(new FakeChecker().at(HOLD + 300, fault('rounded-back', 'gm.long-back')));
      const log = feed(engine, standing(HOLD + STEP, HOLD + 500));
      expect(ofKind(log, 'fault')).toEqual([{ kind: 'fault', tMs: HOLD + 300, frameMs: HOLD + 300, fault: 'rounded-back', cue: 'gm.long-back' }]);
      expect(ofKind(log, 'cue')).toMatchObject([{ tMs: HOLD + 300, cue: 'gm.long-back' }]);
      expect(engine.currentCue).toBe('gm.long-back');
    });

    it('reports phase changes once each', () => {
      const { engine } = counting(new FakeChecker().at(HOLD + 100, phase('rising')).at(HOLD + 200, phase('rising')).at(HOLD + 300, phase('top')));
      const log = feed(engine, standing(HOLD + STEP, HOLD + 400));
      expect(ofKind(log, 'phase').map((e) => [e.tMs, e.phase])).toEqual([
        [HOLD + 100, 'rising'],
        [HOLD + 300, 'top'],
      ]);
      expect(engine.phase).toBe('top');
    });

    it("passes the checker's warnings on, with their detail", () => {
      const { engine } = counting(new FakeChecker().at(HOLD + 100, warning('alternating-lifts', 'one side at a time')).at(HOLD + 200, warning('alternating-lifts')));
      const log = feed(engine, standing(HOLD + STEP, HOLD + 300));
      expect(ofKind(log, 'warning').map(({ frameMs: _f, ...e }) => e)).toEqual([
        { kind: 'warning', tMs: HOLD + 100, warning: 'alternating-lifts', detail: 'one side at a time' },
        { kind: 'warning', tMs: HOLD + 200, warning: 'alternating-lifts' },
      ]);
    });

    it('does not ask for the start position again once counting (leaving it is the exercise)', () => {
      const { engine } = counting();
      const log = feed(engine, standing(HOLD + STEP, HOLD + 3000, { armsRaised: true }));
      expect(engine.counting).toBe(true);
      expect(cuesShown(log)).toEqual([]);
    });
  });

  it('reuses its events array between updates', () => {
    const engine = new ExerciseEngine(new FakeChecker());
    const first = engine.update(figure({ t: 0, armsRaised: true }));
    expect(first.some((e) => e.kind === 'setup' && !e.ready)).toBe(true);
    const second = engine.update(figure({ t: 100 }));
    expect(second).toBe(first);
    expect(second.some((e) => e.kind === 'setup' && e.ready)).toBe(true);
    const third = engine.update(figure({ t: 200 }));
    expect(third).toBe(first);
    expect(third).toEqual([]);
  });

  it('reset starts over: no reps, not counting, checker reset, warnings may come again', () => {
    const checker = new FakeChecker().at(HOLD + 100, fullRep(), partialRep());
    const oblique = { spread: 0.5 };
    const engine = new ExerciseEngine(checker);
    feed(engine, standing(0, HOLD + 500, oblique));
    expect([engine.reps, engine.partialReps, engine.counting]).toEqual([1, 1, true]);
    engine.reset();
    expect(engine).toMatchObject({ reps: 0, partialReps: 0, counting: false, phase: 'rest', currentCue: null });
    expect(checker.resets).toBe(1);
    const log = feed(engine, standing(10_000, 10_000 + HOLD + 500, oblique));
    expect(ofKind(log, 'counting-started').map((e) => e.tMs)).toEqual([10_000 + HOLD]);
    expect(ofKind(log, 'warning').map((e) => e.warning)).toEqual(['oblique-view']);
    expect(ofKind(log, 'setup')[0]?.tMs).toBe(10_000);
  });
});

describe('ExerciseEngine.startCounting', () => {
  it('starts counting at once, without the start-position hold (the start-set button)', () => {
    const checker = new FakeChecker();
    const engine = new ExerciseEngine(checker);
    feed(engine, figures(times(0, 500, STEP), { armsRaised: true }));
    expect(engine.counting).toBe(false);
    engine.startCounting(550);
    expect(engine.counting).toBe(true);
    feed(engine, figures(times(600, 800, STEP), { armsRaised: true }));
    expect(checker.updatedAt[0]).toBe(600);
  });
});
