/**
 * npm run extract-tracks [-- MODEL ...]: runs the pose models on every
 * fixture clip and photo (../shared/fixtures) and writes the keypoint tracks
 * as test data to test/data/tracks/<file-stem>.<model>.json.gz: derived
 * numbers, committed so that exercise tests replay real footage in
 * milliseconds. Also prints, per clip and model, the fraction of frames with
 * a pose (score >= 0.3). `--missing` extracts only what has no track yet. Photos become one-frame tracks: the estimator sees
 * the photo a few times so MoveNet's crop settles on the person.
 */
import * as tf from '@tensorflow/tfjs-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, extname, join } from 'node:path';
import { analyzeVideo, createNodeEstimator } from '../src/cli/analyze-video.ts';
import { decodeFrames, probeVideo } from '../src/cli/ffmpeg.ts';
import { MODEL_IDS, isModelId, type ModelId } from '../src/pose/models.ts';
import { TrackRecorder, type KeypointTrack } from '../src/core/track.ts';
import type { PoseEstimator } from '../src/pose/estimator.ts';
import type { PoseFrame } from '../src/core/frame/pose-frame.ts';
import { fixturePath, loadFixtures, isVideo } from '../test/helpers/fixtures.ts';
import { TRACKS_DIR, hasTrack } from '../test/helpers/tracks.ts';

const MIN_POSE_SCORE = 0.3;
const PHOTO_PASSES = 4;

async function photoTrack(path: string, estimator: PoseEstimator): Promise<KeypointTrack> {
  const recorder = new TrackRecorder(basename(path), estimator.model);
  estimator.reset();
  for await (const frame of decodeFrames(path, probeVideo(path), { fps: 0 })) {
    const image = tf.tensor3d(frame.rgb, [frame.height, frame.width, 3], 'int32');
    let pose: PoseFrame | undefined;
    for (let i = 0; i < PHOTO_PASSES; i++) pose = await estimator.estimate(image, i * 100);
    image.dispose();
    if (pose) recorder.add({ ...pose, timestampMs: 0 });
    break;
  }
  return recorder.toTrack(1);
}

const requested = process.argv.slice(2).filter(isModelId);
const photosOnly = process.argv.includes('--photos-only');
/** --missing: only fixtures without a committed track for the model (new clips) */
const missingOnly = process.argv.includes('--missing');
const models: readonly ModelId[] = requested.length ? requested : MODEL_IDS;
mkdirSync(TRACKS_DIR, { recursive: true });
const table: string[] = [];
for (const model of models) {
  const estimator = await createNodeEstimator(model, 'wasm');
  for (const fixture of loadFixtures().filter((f) => (!photosOnly || !isVideo(f)) && (!missingOnly || !hasTrack(f.file, model)))) {
    const path = fixturePath(fixture);
    const track = isVideo(fixture) ? await analyzeVideo(path, { estimator, fps: 15 }) : await photoTrack(path, estimator);
    const stem = basename(fixture.file, extname(fixture.file));
    writeFileSync(join(TRACKS_DIR, `${stem}.${model}.json.gz`), gzipSync(JSON.stringify(track)));
    const withPose = track.frames.filter((f) => f.score >= MIN_POSE_SCORE).length;
    const line = `${model}\t${fixture.file}\t${withPose}/${track.frames.length}\t${((100 * withPose) / Math.max(1, track.frames.length)).toFixed(1)}%`;
    table.push(line);
    process.stderr.write(line + '\n');
  }
  estimator.dispose();
}
console.log(table.join('\n'));
