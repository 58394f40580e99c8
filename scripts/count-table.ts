/**
 * npm run count-table: for every labelled fixture clip, the expected count and
 * what the engine counts on the committed track of each model (markdown
 * table). Segmented clips show the count per segment (reps whose peak falls
 * in it). Models whose track is missing show "-".
 */
import { analyzeTrack, type AnalysisReport } from '../src/core/engine/analysis.ts';
import { createChecker } from '../src/core/exercises/registry.ts';
import { isExerciseId } from '../src/core/exercises/ids.ts';
import { MODEL_IDS } from '../src/pose/models.ts';
import { loadFixtures, isVideo, type Fixture } from '../test/helpers/fixtures.ts';
import { hasTrack, loadTrack } from '../test/helpers/tracks.ts';

function report(fixture: Fixture, model: string): AnalysisReport | null {
  if (!isExerciseId(fixture.exercise) || !hasTrack(fixture.file, model)) return null;
  const track = loadTrack(fixture.file, model);
  const variant = fixture.variant === 'floor' || fixture.variant === 'bench' ? fixture.variant : undefined;
  return analyzeTrack(track, createChecker({ exercise: fixture.exercise, variant, model }));
}

const inSegment = (r: AnalysisReport, fromS: number, toS: number): number => r.repDetails.filter((d) => d.full && d.peakMs >= fromS * 1000 && d.peakMs <= toS * 1000).length;

const header = ['clip', 'view', 'expected', ...MODEL_IDS];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const fixture of loadFixtures().filter(isVideo)) {
  const reports = MODEL_IDS.map((m) => report(fixture, m));
  const name = fixture.file.split('/')[1] ?? fixture.file;
  const cell = (r: AnalysisReport | null, text: (r: AnalysisReport) => string): string => (r ? text(r) : '-');
  if (fixture.segments) {
    for (const seg of fixture.segments) {
      console.log(`| ${name} ${seg.from_s}-${seg.to_s} s | ${seg.view} | ${seg.expected} | ${reports.map((r) => cell(r, (x) => String(inSegment(x, seg.from_s, seg.to_s)))).join(' | ')} |`);
    }
  } else {
    const expected = fixture.kind === 'alternating' ? '0 full' : String(fixture.expected);
    console.log(`| ${name} | ${fixture.view} | ${expected} | ${reports.map((r) => cell(r, (x) => `${x.reps}${x.partialReps ? ` (+${x.partialReps} partial)` : ''}`)).join(' | ')} |`);
  }
}
