/**
 * The 3-minute soak (issue 11 point 7; `npm run soak` is the 30-minute one,
 * with the same driver, test/helpers/soak.ts): the camera check coaching a
 * looped good-morning clip from the fake camera. After a 30 s warm-up,
 * 150 s sampled every 10 s: the pose worker's tensors stay constant, the JS
 * heap (page + worker, after a forced GC) grows less than 10 MB, no frame
 * queues up for the worker, analysis never stalls for 20 s, and the coach
 * keeps counting. Nothing here depends on the machine's speed: fps and lag
 * are printed, not judged.
 */
import { describe, it, expect } from 'vitest';
import { useE2ESession } from '../helpers/e2e-session.ts';
import { HEAP_GROWTH_LIMIT_BYTES, SAMPLE_HEADER, STALL_WINDOW_S, prepareSoakPage, runSoak, sampleRow, soakCamera, soakFigures, soakVerdicts } from '../helpers/soak.ts';

const WARMUP_S = 30;
const MEASURE_S = 150;
const SAMPLE_EVERY_S = 10;

const session = useE2ESession();

describe('a 3-minute soak from the camera', () => {
  it(
    'keeps the pose worker’s tensors constant, the heap within 10 MB, no frame queued, and analyses and counts all along',
    async () => {
      const page = await session.newPage({ fakeVideo: soakCamera() });
      const heap = await prepareSoakPage(page);
      const rows: string[] = [SAMPLE_HEADER];
      const result = await runSoak(page, heap, session.preview.url, { warmupS: WARMUP_S, measureS: MEASURE_S, sampleEveryS: SAMPLE_EVERY_S, onSample: (s) => rows.push(sampleRow(s)) });
      const figures = soakFigures(result);
      console.log(`soak, ${WARMUP_S} s warm-up + ${MEASURE_S} s:\n${rows.join('\n')}\n${soakVerdicts(figures, { speed: false, perFrame: false }).map((v) => `${v.name}: ${v.detail}`).join('\n')}`);

      const measured = result.samples.filter((s) => s.measured);
      expect(measured.length).toBeGreaterThanOrEqual(MEASURE_S / SAMPLE_EVERY_S - 1);
      // the model's weights and nothing else: every frame's tensors are disposed
      expect(figures.tensorsFirst).toBeGreaterThan(0);
      expect(measured.map((s) => s.numTensors)).toEqual(measured.map(() => figures.tensorsFirst));
      expect(figures.heapEndBytes - figures.heapStartBytes).toBeLessThan(HEAP_GROWTH_LIMIT_BYTES);
      // one frame at a time goes to the worker: the camera's newest, never a queue
      expect(Math.max(...measured.map((s) => s.inFlightMax))).toBeLessThanOrEqual(1);
      expect(figures.longestStallS).toBeLessThan(STALL_WINDOW_S);
      // the coach counts the looping clip's good mornings to the end
      expect(figures.repsAtEnd).toBeGreaterThan(measured[0]!.reps);
      expect(session.foreignRequests).toEqual([]);
    },
    (WARMUP_S + MEASURE_S) * 1000 + 300_000,
  );
});
