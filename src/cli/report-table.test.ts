import { describe, it, expect } from 'vitest';
import { formatReportTable } from './report-table.ts';
import { analyzeTrack } from '../core/engine/analysis.ts';
import { GoodMorningChecker } from '../core/exercises/good-morning/checker.ts';
import { goodMorning } from '../../test/synthetic/motions.ts';
import { synthesizeTrack } from '../../test/synthetic/trace.ts';
import { cueText } from '../core/i18n/cue-texts.ts';

describe('the CLI table', () => {
  it('says what each partial rep missed, in the chosen language', () => {
    const built = goodMorning({ reps: 3, faults: { shallow: [1] } });
    const track = synthesizeTrack(built.motion, { durationMs: built.truth.durationMs, seed: 2 });
    for (const lang of ['en', 'nl'] as const) {
      const report = analyzeTrack(track, new GoodMorningChecker(), { lang });
      expect(report.partialReps).toBe(1);
      const lines = formatReportTable(report, lang).split('\n');
      const header = lines.findIndex((l) => l === (lang === 'en' ? 'Partial reps missed:' : 'Wat de gedeeltelijke herhalingen misten:'));
      expect(header).toBeGreaterThan(0);
      expect(lines[header + 1]).toContain(cueText(lang, 'gm.hinge-further'));
    }
  });
});
