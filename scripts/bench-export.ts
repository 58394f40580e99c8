/**
 * Annotated export speed in the browser: the production build in headless
 * Chromium analyses each fixture clip through the coaching flow (exercise ->
 * safety -> the setup screen's file input -> summary), then saves the
 * annotated video, and this prints the export's speed as a multiple of real
 * time (clip seconds per second of wall time, as the page measures it: open,
 * decode, replay, composite, encode, mux) with the machine's load average.
 * A speed above 1x means faster than playing the clip. Needs a build
 * (`npm run build`, or FORMCOACH_DIST). Writes test-results/bench-export.json
 * and a screenshot of the progress bar.
 *
 *   node --import tsx scripts/bench-export.ts [exercise:clip ...]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launchChromium, startPreview } from '../test/helpers/browser.ts';
import { fixturePath } from '../test/helpers/fixtures.ts';
import { DIST, SCRATCH } from '../test/helpers/paths.ts';

const DEFAULT_CLIPS = [
  'hip-thrust:hip_thrust/glutebridge_lena_selfrec_side_3reps.mp4', // 1280x720, 30 fps, 13 s
  'superman:superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', // 1280x720, 59.94 fps, 11 s
  'good-morning:good_morning/gm_fitbod_pvc_frontoblique+side_6reps.mp4', // 1920x1080 (exported at 1280x720), 59.94 fps, 27 s
];

interface Row {
  clip: string;
  line: string;
  codec: string;
  size: string;
  frames: number;
  clipSeconds: number;
  exportSeconds: number;
  speed: number;
  loadBefore: number;
  loadAfter: number;
}

const LINE = /FormCoach export: .*?, (\w+) (\d+x\d+), (\d+) frames, clip ([\d.]+) s in ([\d.]+) s: ([\d.]+)x real time/;

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no production build in ${DIST}: run \`npm run build\` first`);
  const clips = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_CLIPS;
  mkdirSync(join(SCRATCH, 'screenshots'), { recursive: true });
  const preview = await startPreview();
  const rows: Row[] = [];
  try {
    for (const [i, spec] of clips.entries()) {
      const [exercise, clip] = spec.split(':');
      if (!exercise || !clip) throw new Error(`expected exercise:clip, got ${spec}`);
      const browser = await launchChromium({ noCamera: true });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
        const lines: string[] = [];
        page.on('console', (msg) => lines.push(msg.text()));
        await page.goto(`${preview.url}?exercise=${exercise}&lang=en`);
        await page.getByTestId('safety-no-pain').click();
        await page.getByTestId('video-file-input').setInputFiles(fixturePath(clip));
        await page.getByTestId('set-summary').waitFor({ timeout: 600_000 });
        const loadBefore = loadavg()[0] ?? 0;
        const downloaded = page.waitForEvent('download', { timeout: 600_000 });
        await page.getByTestId('export-annotated').click();
        if (i === 0) {
          // a third of the way: the bar shows how far it is
          await page.waitForFunction(() => Number(document.querySelector('[data-testid=export-progress]')?.getAttribute('value') ?? 0) >= 30, null, { timeout: 600_000, polling: 100 });
          await page.screenshot({ path: join(SCRATCH, 'screenshots', 'annotated-export-progress.png') });
        }
        await downloaded;
        await page.getByTestId('export-done').waitFor();
        const loadAfter = loadavg()[0] ?? 0;
        const line = lines.find((l) => LINE.test(l)) ?? '';
        const m = LINE.exec(line);
        if (!m) throw new Error(`${clip}: the page logged no export figures`);
        const row: Row = {
          clip,
          line,
          codec: m[1]!,
          size: m[2]!,
          frames: Number(m[3]),
          clipSeconds: Number(m[4]),
          exportSeconds: Number(m[5]),
          speed: Number(m[6]),
          loadBefore,
          loadAfter,
        };
        rows.push(row);
        console.log(
          `${clip}: ${row.codec} ${row.size}, ${row.frames} frames, clip ${row.clipSeconds} s exported in ${row.exportSeconds} s = ${row.speed}x real time (load ${loadBefore.toFixed(2)} -> ${loadAfter.toFixed(2)})`,
        );
      } finally {
        await browser.close();
      }
    }
  } finally {
    preview.close();
  }
  writeFileSync(join(SCRATCH, 'bench-export.json'), JSON.stringify(rows, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
