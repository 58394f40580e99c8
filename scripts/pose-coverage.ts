/**
 * npm run pose-coverage: for every fixture clip and every model, the fraction
 * of frames (15 fps) in which the model finds a person (pose score >= 0.3),
 * in Node on wasm. Writes test-results/pose-coverage.json and, with --keep,
 * each track to test-results/tracks/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeVideo, createNodeEstimator } from '../src/cli/analyze-video.ts';
import { MODEL_IDS, isModelId, type ModelId } from '../src/pose/models.ts';
import { fixturePath, isVideo, loadFixtures } from '../test/helpers/fixtures.ts';
import { SCRATCH } from '../test/helpers/paths.ts';

const MIN_POSE_SCORE = 0.3;
const keep = process.argv.includes('--keep');
const models = process.argv.slice(2).filter(isModelId);
const clips = loadFixtures().filter(isVideo);
const results: { clip: string; view: string; model: ModelId; frames: number; withPose: number; fraction: number }[] = [];

for (const model of models.length ? models : MODEL_IDS) {
  const estimator = await createNodeEstimator(model, 'wasm');
  for (const clip of clips) {
    const track = await analyzeVideo(fixturePath(clip), { estimator, fps: 15 });
    const withPose = track.frames.filter((f) => f.score >= MIN_POSE_SCORE).length;
    const row = { clip: basename(clip.file), view: clip.view, model, frames: track.frames.length, withPose, fraction: withPose / track.frames.length };
    results.push(row);
    process.stderr.write(`${model} ${row.clip}: ${withPose}/${row.frames} (${(row.fraction * 100).toFixed(1)}%)\n`);
    if (keep) {
      mkdirSync(join(SCRATCH, 'tracks'), { recursive: true });
      writeFileSync(join(SCRATCH, 'tracks', `${basename(clip.file, '.mp4')}.${model}.json`), JSON.stringify(track));
    }
  }
  estimator.dispose();
}

const byClip = new Map<string, Map<ModelId, number>>();
for (const r of results) {
  if (!byClip.has(r.clip)) byClip.set(r.clip, new Map());
  byClip.get(r.clip)?.set(r.model, r.fraction);
}
const used = models.length ? models : [...MODEL_IDS];
console.log(`| clip | ${used.join(' | ')} |`);
console.log(`|---|${used.map(() => '---:').join('|')}|`);
for (const [clip, row] of byClip) console.log(`| ${clip} | ${used.map((m) => `${((row.get(m) ?? 0) * 100).toFixed(1)}%`).join(' | ')} |`);
mkdirSync(SCRATCH, { recursive: true });
writeFileSync(join(SCRATCH, 'pose-coverage.json'), JSON.stringify(results, null, 2));
