/** The similarity to the reference as the training panel and the summary render it (Svelte's server renderer), from a real clip scored against a reference. */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { loadTrack } from '../../../../test/helpers/tracks.ts';
import { buildReference, repsOfTrack } from '../../../core/reference/build.ts';
import { PreparedReference } from '../../../core/reference/prepared.ts';
import { RepScorer, type RepComparison } from '../../../core/reference/score.ts';
import { cueMessage } from '../../../core/reference/cue.ts';
import { format } from '../../../core/i18n/messages.ts';
import { locale } from '../../state/locale.svelte.ts';
import SimilarityPanel from './SimilarityPanel.svelte';
import SummaryScreen from '../../screens/SummaryScreen.svelte';
import { Flow } from '../../state/flow.svelte.ts';
import { repRecord } from '../../../core/engine/fake-checker.ts';

const MODEL = 'movenet-lightning';

function bridgeComparisons(): RepComparison[] {
  const request = { exercise: 'hip-thrust', variant: 'floor' } as const;
  const built = buildReference(loadTrack('hip_thrust/bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', MODEL), request);
  if (!built.ok) throw new Error(built.error);
  const scorer = new RepScorer(new PreparedReference(built.reference));
  return repsOfTrack(loadTrack('hip_thrust/glutebridge_lena_selfrec_side_3reps.mp4', MODEL), request).reps.map((r) => scorer.score(r.rep));
}

const text = (html: string, testId: string): string | null => {
  const m = new RegExp(`data-testid="${testId}"[^>]*>([^]*?)</(?:strong|p|li)>`).exec(html);
  return m ? m[1]!.replace(/<!--[^]*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : null;
};

describe('the live similarity to the reference', () => {
  it('shows the last rep’s similarity, its depth, movement, tempo and hold apart, and the cue, in English and Dutch', () => {
    const last = bridgeComparisons()[0]!;
    for (const lang of ['en', 'nl'] as const) {
      locale.lang = lang;
      const { body } = render(SimilarityPanel, { props: { comparison: last } });
      expect(text(body, 'similarity')).toBe(String(last.similarity));
      expect(text(body, 'similarity-depth')).toContain(String(last.depth.score));
      expect(text(body, 'similarity-tempo')).toContain(String(last.tempo.score));
      expect(text(body, 'similarity-shape')).toContain(String(last.shape?.score));
      expect(text(body, 'similarity-hold')).toContain(String(last.hold?.score));
      const { key, params } = cueMessage(last.cue);
      expect(text(body, 'reference-cue')).toBe(format(lang, key, params));
    }
    locale.lang = 'en';
  });

  it('waits for the first rep with a dash', () => {
    const { body } = render(SimilarityPanel, { props: { comparison: null } });
    expect(text(body, 'similarity')).toBe('–');
    expect(text(body, 'reference-cue')).toBeNull();
  });
});

describe('the summary with a reference', () => {
  it('shows each rep’s similarity in its own column, and no column without a reference', () => {
    const comparisons = bridgeComparisons();
    const summaryWith = (withReference: boolean): string => {
      const flow = new Flow();
      flow.choose('hip-thrust', 'floor');
      flow.answerSafety(false);
      flow.startTraining();
      const repRecords = comparisons.map((_, i) => repRecord(true, (i + 1) * 3000, { index: i + 1 }));
      flow.endSet({ reps: 3, partialReps: 0, repRecords, faultCues: new Map(), endedBy: 'clip-end', sessionId: 's', file: null, track: null, record: null, ...(withReference ? { comparisons } : {}) });
      return render(SummaryScreen, { props: { flow } }).body;
    };
    const cells = [...summaryWith(true).matchAll(/data-testid="rep-similarity"[^>]*>(\d+)</g)].map((m) => Number(m[1]));
    expect(cells).toEqual(comparisons.map((c) => c.similarity));
    expect(summaryWith(false)).not.toContain('rep-similarity');
  });
});
