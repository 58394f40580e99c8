/**
 * npm run eval [-- labels.json ...] [--models a,b] [--fresh] [--json FILE]
 *
 * Counts every labelled clip with every pose model through the same engine
 * as the app and the CLI, and prints per clip (and view segment) and model:
 * expected vs counted, partial reps, the peak-time error and the faults
 * raised; then totals per model (exact, within one, mean absolute error,
 * peak error median and p95).
 *
 * Without label files it runs on the shared fixtures (labels.json and
 * labels-more.json, 18 clips). A clip's track is the committed one
 * (test/data/tracks) when there is one, else the model runs on the video
 * (cached under .cache/eval-tracks, keyed by the file's size and time), so
 * anyone's own labelled clips work the same way: clip paths resolve against
 * the labels file's folder. --fresh runs the models even where a track is
 * committed.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { analyzeTrack, type AnalysisReport } from '../src/core/engine/analysis.ts';
import { createChecker } from '../src/core/exercises/registry.ts';
import { isExerciseId } from '../src/core/exercises/ids.ts';
import { parseLabels } from '../src/core/evaluation/labels.ts';
import { scoreClip, totalsOf, type ClipLabel, type ClipScore } from '../src/core/evaluation/score.ts';
import { validateTrack, type KeypointTrack } from '../src/core/track.ts';
import { MODEL_IDS, isModelId, type ModelId } from '../src/pose/models.ts';
import { DEFAULT_LABEL_FILES } from '../test/helpers/fixtures.ts';
import { FIXTURES, REPO } from '../test/helpers/paths.ts';
import { hasTrack, loadTrack } from '../test/helpers/tracks.ts';

interface Args {
  labelFiles: string[];
  models: ModelId[];
  fresh: boolean;
  json: string | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { labelFiles: [], models: [...MODEL_IDS], fresh: false, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--fresh') args.fresh = true;
    else if (a === '--models') {
      const list = (argv[++i] ?? '').split(',').filter(Boolean);
      const bad = list.filter((m) => !isModelId(m));
      if (bad.length || list.length === 0) throw new Error(`--models: unknown model ${bad.join(', ') || '(none given)'}; choose from ${MODEL_IDS.join(', ')}`);
      args.models = list.filter(isModelId);
    } else if (a === '--json') args.json = argv[++i];
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.labelFiles.push(resolve(a));
  }
  if (args.labelFiles.length === 0) args.labelFiles = DEFAULT_LABEL_FILES.map((f) => join(FIXTURES, f)).filter((f) => existsSync(f));
  return args;
}

const CACHE = join(REPO, '.cache', 'eval-tracks');

async function trackOf(clipPath: string, label: ClipLabel, model: ModelId, fresh: boolean): Promise<KeypointTrack> {
  const isShared = resolve(dirname(clipPath)).startsWith(resolve(FIXTURES));
  if (!fresh && isShared && hasTrack(label.file, model)) return loadTrack(label.file, model);
  if (!existsSync(clipPath)) throw new Error(`clip not found: ${clipPath}`);
  const st = statSync(clipPath);
  const key = createHash('sha256').update(`${clipPath}|${st.size}|${st.mtimeMs}|${model}`).digest('hex').slice(0, 16);
  const cached = join(CACHE, `${key}.json.gz`);
  if (existsSync(cached)) {
    const result = validateTrack(JSON.parse(gunzipSync(readFileSync(cached)).toString('utf8')));
    if (result.ok) return result.track;
  }
  // the model only when a track is needed: loading tfjs costs seconds
  const { analyzeVideo, createNodeEstimator } = await import('../src/cli/analyze-video.ts');
  const estimator = await createNodeEstimator(model, 'wasm');
  try {
    process.stderr.write(`eval: running ${model} on ${label.file}\n`);
    const track = await analyzeVideo(clipPath, { estimator, fps: 15 });
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(cached, gzipSync(JSON.stringify(track)));
    return track;
  } finally {
    estimator.dispose();
  }
}

function analyse(label: ClipLabel, track: KeypointTrack): AnalysisReport {
  if (!isExerciseId(label.exercise)) throw new Error(`${label.file}: unknown exercise "${label.exercise}"`);
  return analyzeTrack(track, createChecker({ exercise: label.exercise, variant: label.variant, model: track.model }));
}

interface Row {
  readonly label: ClipLabel;
  readonly scores: Map<ModelId, { score: ClipScore; faults: string[] }>;
}

const fmt = (v: number, digits = 2): string => (Number.isFinite(v) ? v.toFixed(digits) : '-');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const rows: Row[] = [];
  for (const file of args.labelFiles) {
    const parsed = parseLabels(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
    for (const label of parsed.labels.filter((l) => l.kind !== 'image')) {
      const clipPath = resolve(dirname(file), label.file);
      const row: Row = { label, scores: new Map() };
      for (const model of args.models) {
        const report = analyse(label, await trackOf(clipPath, label, model, args.fresh));
        const score = scoreClip(label, report.repDetails, report.partialReps);
        row.scores.set(model, { score, faults: [...new Set(report.faults.map((f) => f.fault))] });
      }
      rows.push(row);
    }
  }

  const header = ['clip', 'view', 'expected', ...args.models];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const first = row.scores.get(args.models[0]!)!.score;
    first.units.forEach((unit, u) => {
      const cells = args.models.map((m) => {
        const { score, faults } = row.scores.get(m)!;
        const counted = score.units[u]!.counted;
        const mark = counted === unit.expected ? '' : ' ✗';
        // clip-wide figures on the clip's first row only
        if (u > 0) return `${counted}${mark}`;
        const partial = score.partialReps ? ` +${score.partialReps}p` : '';
        const peak = score.peakErrorsS.length ? ` pk ${fmt(Math.max(...score.peakErrorsS), 1)}s` : '';
        const faultText = faults.length ? ` [${faults.join(', ')}]` : '';
        return `${counted}${mark}${partial}${peak}${faultText}`;
      });
      lines.push(`| ${unit.name} | ${unit.view} | ${unit.expected} | ${cells.join(' | ')} |`);
    });
  }
  lines.push('');
  lines.push('| model | units | exact | within one | mean abs error | peak error median s | peak error p95 s | peaks unmatched |');
  lines.push('|---|---|---|---|---|---|---|---|');
  const totals = args.models.map((m) => ({ model: m, totals: totalsOf(rows.map((r) => r.scores.get(m)!.score)) }));
  for (const { model, totals: t } of totals) {
    lines.push(`| ${model} | ${t.units} | ${t.exact} | ${t.withinOne} | ${fmt(t.meanAbsError)} | ${fmt(t.peakErrorMedianS)} | ${fmt(t.peakErrorP95S)} | ${t.unmatchedPeaks} |`);
  }
  console.log(lines.join('\n'));
  if (args.json) {
    const out = rows.map((r) => ({ file: r.label.file, models: Object.fromEntries([...r.scores].map(([m, s]) => [m, s])) }));
    writeFileSync(args.json, JSON.stringify({ rows: out, totals }, null, 2) + '\n');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
