/**
 * npm run bench:core: the pure engine's cost per frame, for each exercise,
 * over 100,000 frames replayed from the real fixture tracks (looped, with
 * time running on). Reports the median and p95 of per-frame microseconds,
 * measured over batches of 1,000 frames (a single frame is below the
 * timer's resolution), and the heap growth over the run.
 */
import { ExerciseEngine } from '../src/core/engine/exercise-engine.ts';
import { createChecker } from '../src/core/exercises/registry.ts';
import { EXERCISE_IDS, type ExerciseId } from '../src/core/exercises/ids.ts';
import type { PoseFrame } from '../src/core/frame/pose-frame.ts';
import { median, percentile } from '../src/core/stats.ts';
import { loadFixtures, isVideo } from '../test/helpers/fixtures.ts';
import { loadTrack } from '../test/helpers/tracks.ts';

const FRAMES = Number(process.env.BENCH_CORE_FRAMES ?? 100_000);
const BATCH = 1000;

function framesFor(exercise: ExerciseId): PoseFrame[] {
  const frames: PoseFrame[] = [];
  for (const f of loadFixtures().filter((x) => isVideo(x) && x.exercise === exercise)) {
    const track = loadTrack(f.file, 'movenet-lightning');
    for (const fr of track.frames) frames.push({ timestampMs: fr.t, imageWidth: track.width, imageHeight: track.height, score: fr.score, keypoints: fr.keypoints });
  }
  return frames;
}

console.log(`engine per-frame cost over ${FRAMES.toLocaleString('en')} frames (MoveNet Lightning tracks of the fixture clips, looped)`);
console.log('exercise        median us   p95 us   reps counted   heap growth');
const only = process.env.BENCH_EXERCISES?.split(',');
for (const exercise of EXERCISE_IDS.filter((e) => !only || only.includes(e))) {
  const source = framesFor(exercise);
  const engine = new ExerciseEngine(createChecker({ exercise, model: 'movenet-lightning' }));
  // a moving frame whose time keeps running, so loops look like one long session
  const frame = { timestampMs: 0, imageWidth: 0, imageHeight: 0, score: 0, keypoints: [] as PoseFrame['keypoints'] };
  const period = (source[source.length - 1]?.timestampMs ?? 0) + 1000;
  const batches: number[] = [];
  /** Feeds the i-th frame of the endless replay. */
  const feed = (i: number): void => {
    const s = source[i % source.length] as PoseFrame;
    frame.timestampMs = s.timestampMs + Math.floor(i / source.length) * period;
    frame.imageWidth = s.imageWidth;
    frame.imageHeight = s.imageHeight;
    frame.score = s.score;
    frame.keypoints = s.keypoints;
    engine.update(frame);
  };
  // warm-up: JIT
  for (let i = 0; i < 5000; i++) feed(i);
  engine.reset();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let start = 0; start < FRAMES; start += BATCH) {
    const t0 = process.hrtime.bigint();
    for (let i = start; i < start + BATCH; i++) feed(i);
    batches.push(Number(process.hrtime.bigint() - t0) / 1000 / BATCH);
  }
  global.gc?.();
  const growthKb = (process.memoryUsage().heapUsed - heapBefore) / 1024;
  console.log(`${exercise.padEnd(15)} ${median(batches).toFixed(2).padStart(9)} ${percentile(batches, 95).toFixed(2).padStart(8)} ${String(engine.reps).padStart(14)} ${growthKb.toFixed(0).padStart(10)} KB`);
}
