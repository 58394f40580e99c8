/**
 * npm run soak: the app's camera check coaching a looped good-morning clip
 * from the fake camera for 30 minutes (SOAK_MINUTES to change it), then it
 * stops by itself. Prints a row per sample and a verdict per criterion:
 * tensors constant, heap growth (page + pose worker, after a forced GC) under
 * 10 MB, no backlog, analysis never stalls, fps steady, lag not growing.
 * Writes test-results/soak.json and a screenshot of the page at the end
 * (test-results/soak-end.png); exits 1 when a criterion fails.
 *
 * SOAK_MINUTES=30 (measured, after the warm-up), SOAK_WARMUP_S=60,
 * SOAK_SAMPLE_S=30. Reuses the build (FORMCOACH_DIST or dist/), building it
 * only when it is missing. The driver is test/helpers/soak.ts, shared with
 * the 3-minute soak of `npm test` (test/e2e/soak.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startPreview } from '../test/helpers/browser.ts';
import { DIST, REPO, SCRATCH } from '../test/helpers/paths.ts';
import { SAMPLE_HEADER, SOAK_CLIP, prepareSoakPage, runSoak, sampleRow, soakCamera, soakFigures, soakVerdicts } from '../test/helpers/soak.ts';

/** A positive number from the environment, or the default; anything else is refused with its name. */
function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of ${name.endsWith('_S') ? 'seconds' : 'minutes'}, got ${JSON.stringify(raw)}`);
  return value;
}

/** the page's growth per frame is judged on runs this long (over a few minutes the garbage collector's leftovers weigh as much) */
const PER_FRAME_MIN_MINUTES = 10;

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main(): Promise<void> {
  const minutes = setting('SOAK_MINUTES', 30);
  const warmupS = setting('SOAK_WARMUP_S', 60);
  const sampleEveryS = setting('SOAK_SAMPLE_S', 30);
  if (!existsSync(join(DIST, 'index.html'))) {
    const built = spawnSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: REPO, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the build failed');
  }
  const loadAtStart = load();
  console.log(`soak: ${minutes} min after a ${warmupS} s warm-up, a sample every ${sampleEveryS} s; camera check coaching ${SOAK_CLIP} (30 fps fake camera, looped); build ${DIST}; load average ${loadAtStart}`);
  const preview = await startPreview();
  const browser = await launchChromium({ fakeVideo: soakCamera() });
  // a hard stop, whatever happens inside: the soak is bounded
  const deadline = setTimeout(
    () => {
      console.error('soak: did not finish within its time plus 10 minutes; stopping');
      void browser.close().finally(() => {
        preview.close();
        process.exit(1);
      });
    },
    (minutes * 60 + warmupS + 600) * 1000,
  );
  deadline.unref();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (err) => console.error('page error:', err.message));
    const heap = await prepareSoakPage(page);
    console.log(SAMPLE_HEADER);
    const result = await runSoak(page, heap, preview.url, { measureS: minutes * 60, warmupS, sampleEveryS, onSample: (s) => console.log(sampleRow(s)) });
    mkdirSync(SCRATCH, { recursive: true });
    // the page as the soak leaves it: still counting, its overlay on the person
    await page.screenshot({ path: join(SCRATCH, 'soak-end.png') });
    const figures = soakFigures(result);
    const verdicts = soakVerdicts(figures, { speed: true, perFrame: minutes >= PER_FRAME_MIN_MINUTES });
    const loadAtEnd = load();
    console.log(`\nload average: ${loadAtStart} at the start, ${loadAtEnd} at the end (${cpus().length} cores)`);
    for (const v of verdicts) console.log(`${v.pass ? 'PASS' : 'FAIL'}  ${v.name}: ${v.detail}`);
    const out = join(SCRATCH, 'soak.json');
    writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), clip: SOAK_CLIP, minutes, warmupS, sampleEveryS, loadavg: { start: loadAtStart, end: loadAtEnd }, figures, verdicts, samples: result.samples }, null, 2));
    console.log(`written: ${out}`);
    if (verdicts.some((v) => !v.pass)) process.exitCode = 1;
  } finally {
    clearTimeout(deadline);
    await browser.close();
    preview.close();
  }
}

main().catch((err: unknown) => {
  console.error(`soak: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
