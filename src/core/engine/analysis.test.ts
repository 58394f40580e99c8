import { describe, expect, it } from 'vitest';
import { analyzeTrack, MIN_HOLD_S } from './analysis.ts';
import { DEFAULT_START_HOLD_MS } from './exercise-engine.ts';
import { DEFAULT_CUE_ENGINE } from './cue-engine.ts';
import type { EngineEvent } from './events.ts';
import { CUE_TEXTS, cueText } from '../i18n/cue-texts.ts';
import { LANGUAGES } from '../i18n/messages.ts';
import { SET_TARGETS } from '../exercises/targets.ts';
import { partialCue } from './rep-cues.ts';
import type { NumberedCue } from './cues.ts';
import { FakeChecker, fault, fullRep, partialRep } from './fake-checker.ts';
import { figures, times, trackOf } from './test-frames.ts';

const HOLD = DEFAULT_START_HOLD_MS;
const STEP = 100;
const END = HOLD + 5000;
const roundHold = (s: number): number => Math.round(s * 10) / 10;

// a set: two full reps (the first held long enough to be a hold, the second not), a partial rep, a fault
const LONG_HOLD_S = MIN_HOLD_S + 0.74;
const SHORT_HOLD_S = MIN_HOLD_S - 0.2;
const REP1_MS = HOLD + 200;
const REP2_MS = HOLD + 600;
const PARTIAL_MS = HOLD + 800;
const FAULT_MS = HOLD + 1000;

const scriptedChecker = (options: ConstructorParameters<typeof FakeChecker>[0] = {}): FakeChecker =>
  new FakeChecker({ exercise: 'hip-thrust', variant: 'floor', ...options })
    .at(REP1_MS, fullRep({ holdS: LONG_HOLD_S }))
    .at(REP2_MS, fullRep({ holdS: SHORT_HOLD_S, faults: ['rounded-back'] }))
    .at(PARTIAL_MS, partialRep({ holdS: LONG_HOLD_S }))
    .at(FAULT_MS, fault('rounded-back', 'gm.long-back'));

const setTrack = trackOf(figures(times(0, END, STEP)), 'set.mp4', 'movenet-lightning');

describe('analyzeTrack', () => {
  it('reports reps, partial reps, holds, faults and when counting started', () => {
    const report = analyzeTrack(setTrack, scriptedChecker());
    expect(report).toMatchObject({ exercise: 'hip-thrust', variant: 'floor', model: 'movenet-lightning', source: 'set.mp4' });
    expect(report.reps).toBe(2);
    expect(report.partialReps).toBe(1);
    expect(report.countingStartedMs).toBe(HOLD);
    expect(report.repDetails.map((r) => [r.index, r.full, r.endMs])).toEqual([
      [1, true, REP1_MS],
      [2, true, REP2_MS],
      [0, false, PARTIAL_MS],
    ]);
    // only full reps held at least MIN_HOLD_S, rounded to 0.1 s
    expect(report.holds).toEqual([roundHold(LONG_HOLD_S)]);
    expect(report.faults).toEqual([{ t: FAULT_MS, fault: 'rounded-back' }]);
    expect(report.warnings).toEqual([]);
  });

  it('lists the cues shown, with their English text', () => {
    const report = analyzeTrack(setTrack, scriptedChecker());
    // praise for the clean first rep; the fault's cue waits until the praise has been up for minShowMs
    expect(report.cues.filter((c) => c.key !== 'setup.hold-start')).toEqual([
      { t: REP1_MS, key: 'praise.good-rep', text: CUE_TEXTS.en['praise.good-rep'] },
      { t: REP1_MS + DEFAULT_CUE_ENGINE.minShowMs, key: 'gm.long-back', text: CUE_TEXTS.en['gm.long-back'] },
    ]);
  });

  it('gives the cue texts in Dutch with lang: nl', () => {
    const report = analyzeTrack(setTrack, scriptedChecker(), { lang: 'nl' });
    expect(report.cues.map((c) => c.text)).toEqual([CUE_TEXTS.nl['setup.hold-start'], CUE_TEXTS.nl['praise.good-rep'], CUE_TEXTS.nl['gm.long-back']]);
    expect(report.cues.map((c) => c.text)).not.toEqual([CUE_TEXTS.en['praise.good-rep'], CUE_TEXTS.en['gm.long-back']]);
  });

  it('lists no holds for an exercise without holds (countsHolds: false)', () => {
    const report = analyzeTrack(setTrack, scriptedChecker({ countsHolds: false }));
    expect(report.reps).toBe(2);
    expect(report.holds).toEqual([]);
  });

  it("warns 'counting never started' at the last frame when the start position is never held", () => {
    const track = trackOf(figures(times(0, END, STEP), { armsRaised: true }));
    const report = analyzeTrack(track, scriptedChecker());
    expect(report.countingStartedMs).toBeNull();
    expect(report.reps).toBe(0);
    expect(report.warnings).toEqual([{ t: END, key: 'not-in-start-position', detail: expect.stringContaining('counting never started') }]);
    // the setup cue asked for the start position meanwhile
    expect(report.cues.map((c) => c.key)).toEqual(['setup.stand-tall']);
  });

  it('warns at t = 0 for an empty track', () => {
    const report = analyzeTrack(trackOf([]), new FakeChecker());
    expect(report.warnings).toEqual([{ t: 0, key: 'not-in-start-position', detail: expect.stringContaining('counting never started') }]);
  });

  it('lists each partial rep with why it was partial, in the report\'s language', () => {
    const LOW_MS = HOLD + 400;
    const checker = new FakeChecker({ exercise: 'hip-thrust', variant: 'floor' })
      .at(LOW_MS, partialRep({ partialReason: 'higher', peak: 150 }))
      .at(PARTIAL_MS, partialRep());
    const why = partialCue('hip-thrust', 'higher');
    expect(why).not.toBeNull();
    for (const lang of LANGUAGES) {
      const report = analyzeTrack(setTrack, checker, { lang });
      expect(report.partials).toEqual([
        { startMs: LOW_MS - 2000, endMs: LOW_MS, peak: 150, reason: 'higher', text: why === null ? null : cueText(lang, why) },
        // a checker that gave no reason: said so, not guessed
        { startMs: PARTIAL_MS - 2000, endMs: PARTIAL_MS, peak: 30, reason: null, text: null },
      ]);
      expect(report.repDetails.filter((r) => !r.full).map((r) => r.partialReason)).toEqual(['higher', undefined]);
    }
  });

  it('lists a cue with a number with its key, its number and its text', () => {
    const target = SET_TARGETS['hip-thrust'].holdS;
    const checker = new FakeChecker({ exercise: 'hip-thrust', variant: 'floor' }).at(REP1_MS, fullRep({ holdS: target / 2 }));
    const hold: NumberedCue = { key: 'hold.seconds-at-top', n: target };
    expect(analyzeTrack(setTrack, checker).cues.filter((c) => c.key !== 'setup.hold-start')).toEqual([{ t: REP1_MS, key: hold.key, n: target, text: cueText('en', hold) }]);
    expect(analyzeTrack(setTrack, checker, { lang: 'nl' }).cues.filter((c) => c.key !== 'setup.hold-start').map((c) => c.text)).toEqual([cueText('nl', hold)]);
  });

  it('passes engine options on (startHoldMs) and hands every event to onEvent', () => {
    const events: EngineEvent[] = [];
    const report = analyzeTrack(setTrack, scriptedChecker(), { startHoldMs: 300, onEvent: (e) => events.push({ ...e }) });
    expect(report.countingStartedMs).toBe(300);
    expect(events.filter((e) => e.kind === 'counting-started')).toEqual([{ kind: 'counting-started', tMs: 300 }]);
    expect(events.filter((e) => e.kind === 'rep' || e.kind === 'partial-rep')).toHaveLength(report.repDetails.length);
    expect(events.filter((e) => e.kind === 'cue' && e.cue !== null)).toHaveLength(report.cues.length);
  });
});
