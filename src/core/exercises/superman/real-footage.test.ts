/**
 * The superman clips of the fixtures (labels.json), replayed from their
 * committed keypoint tracks through the whole engine, per pose model.
 * Counting rules of the labels: exact in side views, within one in oblique
 * views (counting the reps whose peak falls inside each labelled segment),
 * every rep's peak within 0.7 s of a labelled peak, no form fault on these
 * clean clips, and no full rep for the alternating lifts, which are reported
 * as one-sided lifts instead.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTrack, MIN_HOLD_S, type AnalysisReport } from '../../engine/analysis.ts';
import { loadLabelFile, type Fixture } from '../../../../test/helpers/fixtures.ts';
import { hasTrack, loadTrack, trackPath } from '../../../../test/helpers/tracks.ts';
import { createChecker } from '../registry.ts';

const MODELS = ['movenet-lightning', 'movenet-thunder', 'blazepose-full', 'blazepose-lite'] as const;
/** labels.json: each peak is +-0.5 s, and a frame at 15 fps is 0.07 s */
const PEAK_TOLERANCE_S = 0.7;
/** labels.json: "simultaneous arm and leg lift with about 1 s hold" */
const LABELLED_HOLD_S = 1;
/** the 8 alternating lifts are 4 per view; the front-oblique half may lose one to the engine's view check */
const ALTERNATING_LIFTS = 8;

// the clips these tests were written on (labels.json); test/unit/fixture-counts.test.ts replays all 18
const clips = loadLabelFile('labels.json').filter((f) => f.exercise === 'superman' && f.kind !== 'image');
const isSideView = (view: string): boolean => view === 'side';
const fullRepsIn = (report: AnalysisReport, fromS: number, toS: number): number =>
  report.repDetails.filter((r) => r.full && r.peakMs / 1000 >= fromS && r.peakMs / 1000 <= toS).length;

describe('the labels', () => {
  it('have the three superman clips: two counted in reps, one of alternating lifts', () => {
    expect(clips.map((c) => [basename(c.file), c.kind, c.expected])).toEqual([
      ['superman_fitbod_SIDEONLY_3reps_derived.mp4', 'reps', 3],
      ['superman_fitbod_frontoblique+side_6reps.mp4', 'reps', 6],
      ['superman_alternating_fitbod_8lifts.mp4', 'alternating', 0],
    ]);
  });
});

/**
 * Full reps a model reads as one-sided lifts: the lowest limb under half the
 * raised pair at the top (config.ts minTogetherRatio). BlazePose Lite reads one
 * knee of the 6-rep clip's first front-oblique rep low (0.39 of the pair).
 */
const ONE_SIDED_MISREADS: Partial<Record<(typeof MODELS)[number], Readonly<Record<string, readonly string[]>>>> = {
  'blazepose-lite': { 'superman/superman_fitbod_frontoblique+side_6reps.mp4': ['3.0'] },
};

describe.each(MODELS)('superman clips, %s', (model) => {
  describe.each(clips)('$file', (clip: Fixture) => {
    const present = hasTrack(clip.file, model);
    if (!present && model !== 'movenet-lightning') {
      it.skip(`skipped: test/data/tracks/${basename(trackPath(clip.file, model))} does not exist yet (extraction of ${model} tracks still running)`, () => {});
      return;
    }
    // Lightning is the live default: its tracks are committed, so a missing one fails here
    const report = (): AnalysisReport => {
      if (!present) throw new Error(`${trackPath(clip.file, model)} is missing: Lightning tracks are committed test data`);
      return (cached ??= analyzeTrack(loadTrack(clip.file, model), createChecker({ exercise: 'superman', variant: clip.variant, model })));
    };
    let cached: AnalysisReport | undefined;

    if (clip.kind === 'alternating') {
      it('counts no full rep (and no partial one) for alternating lifts', () => {
        expect(report().reps).toBe(0);
        expect(report().partialReps).toBe(0);
      });

      it(`reports the one-sided lifts as such: about ${ALTERNATING_LIFTS}, each with the "lift together" cue`, () => {
        const lifts = report().warnings.filter((w) => w.key === 'alternating-lifts');
        expect(lifts.length).toBeGreaterThanOrEqual(ALTERNATING_LIFTS - 1);
        expect(lifts.length).toBeLessThanOrEqual(ALTERNATING_LIFTS);
        expect(report().faults.every((f) => f.fault === 'not-together')).toBe(true);
        expect(report().faults).toHaveLength(lifts.length);
        expect(report().cues.map((c) => c.key)).toContain('superman.lift-together');
      });
      return;
    }

    if (clip.segments) {
      it.each(clip.segments)('counts $expected full reps in the $view segment $from_s-$to_s s (exact in side view, else within one)', (segment) => {
        const counted = fullRepsIn(report(), segment.from_s, segment.to_s);
        if (isSideView(segment.view)) expect(counted).toBe(segment.expected);
        else expect(Math.abs(counted - segment.expected)).toBeLessThanOrEqual(1);
      });
    } else {
      it(`counts ${clip.expected} full reps in the ${clip.view} view`, () => {
        expect(report().reps).toBe(clip.expected);
      });
    }

    it('puts every rep’s peak within 0.7 s of a labelled peak, and no labelled side-view peak goes uncounted', () => {
      const peaks = clip.peaks_s ?? [];
      for (const rep of report().repDetails) {
        const nearest = Math.min(...peaks.map((s) => Math.abs(rep.peakMs / 1000 - s)));
        expect({ peakS: rep.peakMs / 1000, withinTolerance: nearest <= PEAK_TOLERANCE_S }).toEqual({ peakS: rep.peakMs / 1000, withinTolerance: true });
      }
      const sidePeaks = clip.segments ? peaks.filter((s) => clip.segments?.some((g) => isSideView(g.view) && s >= g.from_s && s <= g.to_s)) : peaks;
      for (const s of sidePeaks) expect(report().repDetails.some((r) => r.full && Math.abs(r.peakMs / 1000 - s) <= PEAK_TOLERANCE_S), `peak at ${s} s`).toBe(true);
    });

    it('measures each rep: knees and elbows lifted, a modest arch, the about-1-s hold (side view)', () => {
      const inSideView = (peakMs: number): boolean => (clip.segments ? clip.segments.some((g) => isSideView(g.view) && peakMs / 1000 >= g.from_s && peakMs / 1000 <= g.to_s) : isSideView(clip.view));
      for (const rep of report().repDetails) {
        const m = rep.metrics;
        expect(m.kneeLiftTorso).toBeGreaterThan(0.1);
        // the oblique view loses the near elbow at the top (labelled NaN then)
        if (Number.isFinite(m.elbowLiftTorso)) expect(m.elbowLiftTorso).toBeGreaterThan(0.2);
        expect(m.archDeg).toBeGreaterThan(0);
        expect(rep.holdS).toBeLessThanOrEqual(LABELLED_HOLD_S + 0.5);
        if (inSideView(rep.peakMs)) expect(rep.holdS).toBeGreaterThanOrEqual(MIN_HOLD_S);
      }
    });

    const seenAsOneSided = ONE_SIDED_MISREADS[model]?.[clip.file] ?? [];
    it(`raises no form fault and no one-sided lift on a clip of good form${seenAsOneSided.length ? ` (but ${model} misreads the lift at ${seenAsOneSided.join(', ')} s as one-sided)` : ''}`, () => {
      const oneSided = report().warnings.filter((w) => w.key === 'alternating-lifts').map((w) => (w.t / 1000).toFixed(1));
      expect(report().faults.filter((f) => f.fault !== 'not-together' || !oneSided.includes((f.t / 1000).toFixed(1))).map((f) => `${f.fault}@${(f.t / 1000).toFixed(1)}s`)).toEqual([]);
      expect(oneSided).toEqual(seenAsOneSided);
    });
  });
});
