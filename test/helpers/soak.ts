/**
 * The soak driver shared by `npm run soak` (scripts/soak.ts, 30 minutes) and
 * the 3-minute soak in `npm test` (test/e2e/soak.test.ts): the app's camera
 * check with an exercise's coach, fed by the fake camera looping a real
 * exercise clip, sampled every few seconds for what a long session must not
 * do: gain tensors in the pose worker, grow the JS heap, queue frames up, or
 * slow down.
 *
 * Why the camera check (`?view=lab`) and not a training set: a set ends at
 * its target (at most 30 reps, PROGRAM_BOUNDS), which a looping clip reaches
 * in two minutes; the camera check runs the same road (camera -> pose worker
 * -> LiveSession -> coach -> overlay) with the exercise's coach counting reps
 * for as long as it runs. Recording is left out: a recording grows with its
 * length by design, so it would hide the growth the soak looks for.
 *
 * What each sample measures:
 * - numTensors: tf.memory() in the pose worker (formcoachPoseMemory);
 * - the JS heap after a forced GC, through the DevTools protocol
 *   (HeapProfiler.collectGarbage, then Runtime.getHeapUsage: usedSize, the JS
 *   objects, and backingStorageSize, the ArrayBuffers' memory outside the
 *   heap, which typed arrays and the wasm backend's memory use), of the page
 *   and of the pose worker (reached by auto-attaching to the page's workers);
 * - frames analysed (the overlay's data-frames) and the analysed fps over the
 *   window;
 * - the backlog: the pose worker's estimate calls in flight (the most at once
 *   in the window), and the lag of each analysed frame: from its bitmap being
 *   made from the camera's newest frame to its keypoints back on the page;
 * - main-thread long tasks (PerformanceObserver 'longtask', over 50 ms).
 * The page-side counters come from an init script that wraps the page's
 * Worker and createImageBitmap; the app itself is not changed for the soak.
 */
import type { CDPSession, Page } from 'playwright-core';
import { median } from '../../src/core/stats.ts';
import { y4mOf } from './fixtures.ts';

/** a real exercise the coach counts all along: three good mornings, side view, looped by the fake camera */
export const SOAK_CLIP = 'good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4';
export const SOAK_EXERCISE = 'good-morning';

/** The fake camera for a soak: the clip at 30 fps, 640 px wide (as `npm run bench`'s live figures). */
export function soakCamera(): string {
  return y4mOf(SOAK_CLIP, { fps: 30, width: 640 });
}

export interface SoakOptions {
  /** how long the soak runs after the warm-up, s */
  readonly measureS: number;
  /** how long the app runs before the first sample that counts, s (the JIT, tfjs's first allocations, the coach's start) */
  readonly warmupS: number;
  /** a sample every this many seconds */
  readonly sampleEveryS: number;
  /** told of each sample as it is taken (the script prints a row) */
  readonly onSample?: (sample: SoakSample) => void;
}

export interface SoakSample {
  /** seconds since the soak started (warm-up included) */
  readonly atS: number;
  /** taken after the warm-up: counts in the verdicts */
  readonly measured: boolean;
  readonly numTensors: number;
  /** JS heap in use after a forced GC, bytes: the page's main thread, its objects and its ArrayBuffers */
  readonly pageHeapBytes: number;
  readonly pageBufferBytes: number;
  /** the same in the pose worker (null if the worker could not be reached) */
  readonly workerHeapBytes: number | null;
  readonly workerBufferBytes: number | null;
  /** frames analysed since the camera started (data-frames) */
  readonly frames: number;
  /** frames analysed in this sample's window */
  readonly windowFrames: number;
  /** analysed fps over the window */
  readonly fps: number;
  readonly reps: number;
  /** the most pose-worker estimate calls in flight at once in the window */
  readonly inFlightMax: number;
  /** camera bitmap made -> keypoints back on the page, in the window, ms (NaN if no frame came back) */
  readonly lagMedianMs: number;
  readonly lagMaxMs: number;
  /** main-thread long tasks over 50 ms in the window, and the longest task */
  readonly longTasks: number;
  readonly longTaskMaxMs: number;
}

export interface SoakResult {
  readonly samples: readonly SoakSample[];
  readonly warmupS: number;
  readonly measureS: number;
  readonly sampleEveryS: number;
}

/** What the page-side probe hands back per read (its window counters start again after each read). */
interface ProbeRead {
  readonly nowMs: number;
  readonly inFlightMax: number;
  readonly lags: readonly number[];
  readonly longTasks: number;
  readonly longTaskMaxMs: number;
}

declare global {
  interface Window {
    __soak?: { read(): ProbeRead };
  }
}

/**
 * The page-side probe, as a string: tsx wraps named functions in a __name()
 * helper the page does not have (see scripts/bench.ts). It wraps Worker so
 * that, for the pose worker only, each Comlink `estimate` call is timed from
 * the camera bitmap made for it to its reply, and the calls in flight counted.
 */
const PROBE = `{
  const win = { inFlightMax: 0, lags: [], longTasks: 0, longTaskMaxMs: 0 };
  let inFlight = 0;
  let lastBitmapAt = 0;
  window.__soak = {
    read: () => {
      const out = { nowMs: performance.now(), inFlightMax: Math.max(win.inFlightMax, inFlight), lags: win.lags, longTasks: win.longTasks, longTaskMaxMs: win.longTaskMaxMs };
      win.inFlightMax = inFlight;
      win.lags = [];
      win.longTasks = 0;
      win.longTaskMaxMs = 0;
      return out;
    },
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration > 50) win.longTasks++;
      win.longTaskMaxMs = Math.max(win.longTaskMaxMs, e.duration);
    }
  }).observe({ type: 'longtask', buffered: false });
  const makeBitmap = window.createImageBitmap.bind(window);
  window.createImageBitmap = (...args) => {
    if (args[0] instanceof HTMLVideoElement) lastBitmapAt = performance.now();
    return makeBitmap(...args);
  };
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      if (!String(url).includes('pose-worker')) return;
      const sent = new Map();
      const post = this.postMessage.bind(this);
      this.postMessage = (message, transfer) => {
        if (message && message.type === 'APPLY' && Array.isArray(message.path) && message.path[0] === 'estimate') {
          sent.set(message.id, lastBitmapAt || performance.now());
          inFlight = sent.size;
          win.inFlightMax = Math.max(win.inFlightMax, inFlight);
        }
        return post(message, transfer);
      };
      this.addEventListener('message', (event) => {
        const data = event.data;
        if (!data || !sent.has(data.id)) return;
        win.lags.push(performance.now() - sent.get(data.id));
        sent.delete(data.id);
        inFlight = sent.size;
      });
    }
  };
}`;

/** The DevTools protocol on the page and on its pose worker (auto-attached, messages through Target.sendMessageToTarget). */
interface HeapUse {
  /** Runtime.getHeapUsage's usedSize: the JS objects */
  readonly heapBytes: number;
  /** its backingStorageSize: ArrayBuffer memory, outside the heap */
  readonly bufferBytes: number;
}

interface HeapReader {
  page(): Promise<HeapUse>;
  worker(): Promise<HeapUse | null>;
}

type HeapUsage = { usedSize?: number; backingStorageSize?: number };
const heapUseOf = (usage: HeapUsage): HeapUse => ({ heapBytes: usage.usedSize ?? 0, bufferBytes: usage.backingStorageSize ?? 0 });

async function heapReader(page: Page): Promise<HeapReader> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  let workerSession: string | null = null;
  let nextId = 1_000_000;
  type Reply = { readonly id?: number; readonly result?: HeapUsage; readonly error?: { readonly message: string } };
  const replies = new Map<number, (message: Reply) => void>();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker' && e.targetInfo.url.includes('pose-worker')) workerSession = e.sessionId;
  });
  cdp.on('Target.detachedFromTarget', (e) => {
    if (e.sessionId === workerSession) workerSession = null;
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const message = JSON.parse(e.message) as Reply;
    const reply = message.id === undefined ? undefined : replies.get(message.id);
    if (reply && message.id !== undefined) {
      replies.delete(message.id);
      reply(message);
    }
  });
  // not flattened: Playwright's CDPSession cannot address a child session; these go through sendMessageToTarget
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const inWorker = (sessionId: string, method: string): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      replies.set(id, resolve);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) }).catch(reject);
    });
  return {
    async page() {
      await cdp.send('HeapProfiler.collectGarbage');
      return heapUseOf(await cdp.send('Runtime.getHeapUsage'));
    },
    async worker() {
      if (!workerSession) return null;
      await inWorker(workerSession, 'HeapProfiler.collectGarbage');
      const usage = await inWorker(workerSession, 'Runtime.getHeapUsage');
      return usage.result ? heapUseOf(usage.result) : null;
    },
  };
}

/** Installs the probes; call before the page's first navigation. */
export async function prepareSoakPage(page: Page): Promise<HeapReader> {
  await page.addInitScript(PROBE);
  return heapReader(page);
}

const framesOf = (page: Page): Promise<number> => page.evaluate(() => Number(document.querySelector('[data-testid=overlay]')?.getAttribute('data-frames') ?? 0));

/**
 * Opens the camera check at `url`, starts the camera with the soak's exercise
 * coached, and samples until warm-up plus measureS have passed. The page must
 * come from a Chromium launched with soakCamera(), prepared with prepareSoakPage.
 */
export async function runSoak(page: Page, heap: HeapReader, url: string, options: SoakOptions): Promise<SoakResult> {
  await page.goto(`${url}?view=lab`);
  await page.getByTestId('exercise-picker').selectOption(SOAK_EXERCISE);
  await page.getByTestId('start-camera').click();
  // the soak's clock starts with the first analysed frame (the model's load is not part of it)
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=overlay]')?.getAttribute('data-frames') ?? 0) >= 1, null, { timeout: 240_000 });
  const worker = page.workers().find((w) => w.url().includes('pose-worker'));
  if (!worker) throw new Error('no pose worker: the soak needs the worker path');
  const tensors = (): Promise<number> => worker.evaluate(() => globalThis.formcoachPoseMemory?.().numTensors ?? -1);
  const reps = async (): Promise<number> => Number((await page.getByTestId('rep-count').textContent({ timeout: 1000 }).catch(() => '0')) ?? 0);
  const read = (): Promise<ProbeRead> =>
    page.evaluate(() => {
      const probe = window.__soak;
      if (!probe) throw new Error('the soak probe is missing (prepareSoakPage before the first navigation)');
      return probe.read();
    });

  const samples: SoakSample[] = [];
  const startedAt = Date.now();
  const totalS = options.warmupS + options.measureS;
  let last = { nowMs: (await read()).nowMs, frames: await framesOf(page) };
  for (let i = 1; ; i++) {
    // sample on a fixed schedule from the start, so that slow samples do not stretch the run
    const dueAt = startedAt + i * options.sampleEveryS * 1000;
    await page.waitForTimeout(Math.max(0, dueAt - Date.now()));
    const probe = await read();
    const frames = await framesOf(page);
    const atS = (Date.now() - startedAt) / 1000;
    const windowFrames = frames - last.frames;
    const numTensors = await tensors();
    const pageHeap = await heap.page();
    const workerHeap = await heap.worker();
    const sample: SoakSample = {
      atS,
      measured: atS > options.warmupS + 0.5,
      numTensors,
      pageHeapBytes: pageHeap.heapBytes,
      pageBufferBytes: pageHeap.bufferBytes,
      workerHeapBytes: workerHeap?.heapBytes ?? null,
      workerBufferBytes: workerHeap?.bufferBytes ?? null,
      frames,
      windowFrames,
      fps: (windowFrames * 1000) / (probe.nowMs - last.nowMs),
      reps: await reps(),
      inFlightMax: probe.inFlightMax,
      lagMedianMs: probe.lags.length ? median(probe.lags) : Number.NaN,
      lagMaxMs: probe.lags.length ? Math.max(...probe.lags) : Number.NaN,
      longTasks: probe.longTasks,
      longTaskMaxMs: probe.longTaskMaxMs,
    };
    samples.push(sample);
    options.onSample?.(sample);
    // the heap reads (forced GCs) are not part of the next window: it starts after them
    last = { nowMs: (await read()).nowMs, frames: await framesOf(page) };
    if (atS >= totalS - 0.5) break;
  }
  return { samples, warmupS: options.warmupS, measureS: options.measureS, sampleEveryS: options.sampleEveryS };
}

const MB = 1024 * 1024;
export const HEAP_GROWTH_LIMIT_BYTES = 10 * MB;
/** the script's fps criterion: the last fifth's analysed fps at least this share of the first fifth's */
export const FPS_KEPT_SHARE = 0.8;
/** the script's lag criterion: the last fifth's median lag at most this multiple of the first fifth's (plus LAG_SLACK_MS) */
export const LAG_GROWTH_FACTOR = 1.5;
export const LAG_SLACK_MS = 50;
/**
 * What the page's JS objects may grow by per analysed frame: the session's
 * keypoint track keeps, beside its packed numbers (ArrayBuffers), a time, a
 * start and a names reference per frame in plain arrays, ~21 bytes (heap
 * snapshots 40 s apart: 63 KB over 3022 frames). A frame's promise kept
 * reachable cost ~124 bytes (the Promise.race leak the 30-minute soak found),
 * well above this.
 */
export const PAGE_OBJECT_BYTES_PER_FRAME_LIMIT = 64;
/** the test's stall check: every window this long analyses frames */
export const STALL_WINDOW_S = 20;

export interface Verdict {
  readonly name: string;
  readonly pass: boolean;
  readonly detail: string;
}

export interface SoakFigures {
  readonly measuredSamples: number;
  readonly tensorsFirst: number;
  readonly tensorsMin: number;
  readonly tensorsMax: number;
  /**
   * Median memory of the first and last minute (or third) after the warm-up,
   * bytes: page + worker, JS objects + ArrayBuffers (what the criterion
   * judges); then the page and the worker each (objects + ArrayBuffers), and
   * the page's JS objects alone.
   */
  readonly heapStartBytes: number;
  readonly heapEndBytes: number;
  readonly pageStartBytes: number;
  readonly pageEndBytes: number;
  readonly workerStartBytes: number | null;
  readonly workerEndBytes: number | null;
  readonly pageObjectsStartBytes: number;
  readonly pageObjectsEndBytes: number;
  /** frames analysed between the middles of the first and the last heap window */
  readonly framesBetweenHeapWindows: number;
  readonly heapWindowS: number;
  readonly fpsFirstFifth: number;
  readonly fpsLastFifth: number;
  readonly fpsMin: number;
  readonly inFlightMax: number;
  readonly lagMedianFirstFifthMs: number;
  readonly lagMedianLastFifthMs: number;
  readonly lagMaxMs: number;
  readonly longTasks: number;
  readonly longTaskMaxMs: number;
  /** the longest run of samples analysing no frame, s */
  readonly longestStallS: number;
  readonly framesMeasured: number;
  readonly repsAtEnd: number;
}

const fifth = (samples: readonly SoakSample[], which: 'first' | 'last'): SoakSample[] => {
  const n = Math.max(1, Math.round(samples.length / 5));
  return which === 'first' ? samples.slice(0, n) : samples.slice(-n);
};

const meanFps = (samples: readonly SoakSample[]): number => {
  const frames = samples.reduce((sum, s) => sum + s.windowFrames, 0);
  const fpsWeighted = samples.reduce((sum, s) => sum + (s.fps > 0 ? s.windowFrames / s.fps : 0), 0);
  return fpsWeighted > 0 ? frames / fpsWeighted : 0;
};

const finite = (values: readonly number[]): number[] => values.filter((v) => Number.isFinite(v));
/** a thread's memory: its JS objects and its ArrayBuffers */
const pageBytes = (s: SoakSample): number => s.pageHeapBytes + s.pageBufferBytes;
const workerBytes = (s: SoakSample): number | null => (s.workerHeapBytes === null ? null : s.workerHeapBytes + (s.workerBufferBytes ?? 0));

export function soakFigures(result: SoakResult): SoakFigures {
  const measured = result.samples.filter((s) => s.measured);
  if (measured.length < 2) throw new Error(`a soak needs at least 2 samples after the warm-up, got ${measured.length}`);
  const first = measured[0]!;
  const lastAtS = measured[measured.length - 1]!.atS;
  // the heap's first and last minute after the warm-up; a third of the run each when it is shorter than 3 minutes
  const heapWindowS = Math.min(60, result.measureS / 3);
  const start = measured.filter((s) => s.atS <= first.atS + heapWindowS);
  const end = measured.filter((s) => s.atS >= lastAtS - heapWindowS);
  const workerOf = (ss: readonly SoakSample[]): number | null => {
    const values = ss.map(workerBytes).filter((v): v is number => v !== null);
    return values.length === ss.length ? median(values) : null;
  };
  const total = (ss: readonly SoakSample[]): number => median(ss.map((s) => pageBytes(s) + (workerBytes(s) ?? 0)));
  let stall = 0;
  let longestStall = 0;
  for (const s of measured) {
    stall = s.windowFrames === 0 ? stall + result.sampleEveryS : 0;
    longestStall = Math.max(longestStall, stall);
  }
  const lags = (ss: readonly SoakSample[]): number => median(finite(ss.map((s) => s.lagMedianMs)));
  const startMidS = median(start.map((s) => s.atS));
  const endMidS = median(end.map((s) => s.atS));
  return {
    measuredSamples: measured.length,
    tensorsFirst: first.numTensors,
    tensorsMin: Math.min(...measured.map((s) => s.numTensors)),
    tensorsMax: Math.max(...measured.map((s) => s.numTensors)),
    heapStartBytes: total(start),
    heapEndBytes: total(end),
    pageStartBytes: median(start.map(pageBytes)),
    pageEndBytes: median(end.map(pageBytes)),
    workerStartBytes: workerOf(start),
    workerEndBytes: workerOf(end),
    pageObjectsStartBytes: median(start.map((s) => s.pageHeapBytes)),
    pageObjectsEndBytes: median(end.map((s) => s.pageHeapBytes)),
    framesBetweenHeapWindows: measured.filter((s) => s.atS > startMidS && s.atS <= endMidS).reduce((sum, s) => sum + s.windowFrames, 0),
    heapWindowS,
    fpsFirstFifth: meanFps(fifth(measured, 'first')),
    fpsLastFifth: meanFps(fifth(measured, 'last')),
    fpsMin: Math.min(...measured.map((s) => s.fps)),
    inFlightMax: Math.max(...measured.map((s) => s.inFlightMax)),
    lagMedianFirstFifthMs: lags(fifth(measured, 'first')),
    lagMedianLastFifthMs: lags(fifth(measured, 'last')),
    lagMaxMs: Math.max(...finite(measured.map((s) => s.lagMaxMs))),
    longTasks: measured.reduce((sum, s) => sum + s.longTasks, 0),
    longTaskMaxMs: Math.max(...measured.map((s) => s.longTaskMaxMs)),
    longestStallS: longestStall,
    framesMeasured: measured.reduce((sum, s) => sum + s.windowFrames, 0),
    repsAtEnd: measured[measured.length - 1]!.reps,
  };
}

const mb = (bytes: number | null): string => (bytes === null ? '-' : (bytes / MB).toFixed(2));

/**
 * The verdict per criterion. `speed`: also judge what depends on the
 * machine's speed (fps steady, lag not growing); `perFrame`: judge the page's
 * growth per frame (a run of 10 minutes or more). The script does, the test
 * only reports them.
 */
export function soakVerdicts(f: SoakFigures, options: { speed: boolean; perFrame: boolean }): Verdict[] {
  const growth = f.heapEndBytes - f.heapStartBytes;
  const verdicts: Verdict[] = [
    {
      name: 'tensors constant',
      pass: f.tensorsMin === f.tensorsFirst && f.tensorsMax === f.tensorsFirst && f.tensorsFirst > 0,
      detail: `numTensors ${f.tensorsFirst} after the warm-up, ${f.tensorsMin}-${f.tensorsMax} over ${f.measuredSamples} samples`,
    },
    {
      name: 'heap growth < 10 MB',
      pass: growth < HEAP_GROWTH_LIMIT_BYTES,
      detail: `page + worker, JS objects + ArrayBuffers after a forced GC: ${mb(f.heapStartBytes)} -> ${mb(f.heapEndBytes)} MB (${growth >= 0 ? '+' : ''}${mb(growth)} MB; page ${mb(f.pageStartBytes)} -> ${mb(f.pageEndBytes)}, of which JS objects ${mb(f.pageObjectsStartBytes)} -> ${mb(f.pageObjectsEndBytes)}; worker ${mb(f.workerStartBytes)} -> ${mb(f.workerEndBytes)}; medians of the first and last ${Math.round(f.heapWindowS)} s after the warm-up)`,
    },
    {
      name: 'no backlog',
      pass: f.inFlightMax <= 1,
      detail: `at most ${f.inFlightMax} frame in flight to the pose worker; lag (bitmap -> keypoints) median ${f.lagMedianFirstFifthMs.toFixed(0)} ms first fifth, ${f.lagMedianLastFifthMs.toFixed(0)} ms last fifth, max ${f.lagMaxMs.toFixed(0)} ms`,
    },
    {
      name: 'analysis never stalls',
      pass: f.longestStallS < STALL_WINDOW_S && f.framesMeasured > 0,
      detail: `${f.framesMeasured} frames analysed after the warm-up; longest stretch without an analysed frame: ${f.longestStallS} s (limit: under ${STALL_WINDOW_S} s)`,
    },
  ];
  const perFrame = f.framesBetweenHeapWindows > 0 ? (f.pageObjectsEndBytes - f.pageObjectsStartBytes) / f.framesBetweenHeapWindows : Number.NaN;
  const perFrameVerdict = {
    name: `page JS objects grow < ${PAGE_OBJECT_BYTES_PER_FRAME_LIMIT} B a frame`,
    detail: `${perFrame.toFixed(1)} B a frame: ${mb(f.pageObjectsStartBytes)} -> ${mb(f.pageObjectsEndBytes)} MB over ${f.framesBetweenHeapWindows} frames`,
  };
  // judged on a long run only: over 3 minutes a garbage collector's leftovers weigh about as much as a leak
  if (options.perFrame) verdicts.push({ ...perFrameVerdict, pass: perFrame < PAGE_OBJECT_BYTES_PER_FRAME_LIMIT });
  else verdicts.push({ ...perFrameVerdict, name: `${perFrameVerdict.name} (reported, not judged)`, pass: true });
  const fpsDetail = `analysed fps ${f.fpsFirstFifth.toFixed(1)} first fifth, ${f.fpsLastFifth.toFixed(1)} last fifth (lowest sample ${f.fpsMin.toFixed(1)}); ${f.longTasks} main-thread long tasks > 50 ms (longest ${f.longTaskMaxMs.toFixed(0)} ms)`;
  if (options.speed) {
    verdicts.push({ name: `fps steady (last fifth >= ${FPS_KEPT_SHARE} x first)`, pass: f.fpsLastFifth >= FPS_KEPT_SHARE * f.fpsFirstFifth, detail: fpsDetail });
    verdicts.push({
      name: 'lag not growing',
      pass: f.lagMedianLastFifthMs <= LAG_GROWTH_FACTOR * f.lagMedianFirstFifthMs + LAG_SLACK_MS,
      detail: `median lag last fifth ${f.lagMedianLastFifthMs.toFixed(0)} ms <= ${LAG_GROWTH_FACTOR} x ${f.lagMedianFirstFifthMs.toFixed(0)} + ${LAG_SLACK_MS} ms`,
    });
  } else {
    verdicts.push({ name: 'fps (reported, not judged)', pass: true, detail: fpsDetail });
  }
  return verdicts;
}

export const SAMPLE_HEADER = '   t s  tensors  page heap+buf MB  worker heap+buf MB   frames    fps  reps  in flight  lag med ms  lag max ms  long tasks';

export function sampleRow(s: SoakSample): string {
  return [
    s.atS.toFixed(0).padStart(6),
    String(s.numTensors).padStart(8),
    `${mb(s.pageHeapBytes)}+${mb(s.pageBufferBytes)}`.padStart(17),
    `${mb(s.workerHeapBytes)}+${mb(s.workerBufferBytes)}`.padStart(19),
    String(s.frames).padStart(8),
    s.fps.toFixed(1).padStart(6),
    String(s.reps).padStart(5),
    String(s.inFlightMax).padStart(10),
    (Number.isFinite(s.lagMedianMs) ? s.lagMedianMs.toFixed(0) : '-').padStart(11),
    (Number.isFinite(s.lagMaxMs) ? s.lagMaxMs.toFixed(0) : '-').padStart(11),
    String(s.longTasks).padStart(11),
  ].join(' ') + (s.measured ? '' : '  (warm-up)');
}
