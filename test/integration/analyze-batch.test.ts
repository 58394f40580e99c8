/**
 * The analyze CLI's batch as a user runs it: a folder (with a subfolder) of
 * real clips and a corrupt copy, in parallel worker threads; a summary row
 * per clip with the counts a single-clip run gives, one report and session
 * record per clip, and a non-zero exit naming the bad file. No timing here:
 * the speed is measured by scripts/bench-batch.ts.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturePath } from '../helpers/fixtures.ts';
import { REPO } from '../helpers/paths.ts';
import { parseSessionExport } from '../../src/core/session/export.ts';
import { repCounts } from '../../src/core/session/record.ts';
import { CSV_HEADER } from '../../src/cli/batch-summary.ts';

const SHORT = fixturePath('upward_dog/updog_aris_side_1hold.mp4');
const LONGER = fixturePath('upward_dog/updog_fitbod_SIDEONLY_1hold_derived.mp4');
const EXERCISE = 'upward-dog';

function analyze(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', ...args], { cwd: REPO, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Report {
  readonly reps: number;
  readonly partialReps: number;
  readonly faults: readonly unknown[];
}

/** the table row of `file`: its columns after the name */
function tableRow(stdout: string, file: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(file + ' '));
  if (!line) throw new Error(`no row for ${file} in:\n${stdout}`);
  return line.slice(file.length).trim().split(/\s+/);
}

describe('npm run analyze on several clips (a batch)', () => {
  const work = mkdtempSync(join(tmpdir(), 'formcoach-batch-'));
  // the clips stay in the shared fixtures: the folder holds links to them, and a corrupt copy
  const clips = join(work, 'clips');
  const short = join(clips, 'short.mp4');
  const longer = join(clips, 'sub', 'longer.mp4');
  const broken = join(clips, 'broken.mp4');
  const reports = join(work, 'reports');
  const sessions = join(work, 'sessions');
  let batch: ReturnType<typeof analyze>;
  const single = new Map<string, Report>();

  beforeAll(() => {
    mkdirSync(join(clips, 'sub'), { recursive: true });
    symlinkSync(SHORT, short);
    symlinkSync(LONGER, longer);
    // the first 30 kB of a real clip: its index (moov) is missing, ffprobe cannot read it
    writeFileSync(broken, readFileSync(SHORT).subarray(0, 30_000));
    writeFileSync(join(clips, 'notes.txt'), 'not a clip: the folder search leaves it alone');

    batch = analyze([clips, '--exercise', EXERCISE, '--out', reports, '--session', sessions]);
    // the same paths one at a time (a report names its clip)
    for (const [name, clip] of [['short', short], ['longer', longer]] as const) {
      const run = analyze([clip, '--exercise', EXERCISE]);
      expect(run.code, run.stderr).toBe(0);
      single.set(name, JSON.parse(run.stdout) as Report);
    }
    // three runs of the CLI on a busy 2-core machine: far more than the project's default hook time
  }, 600_000);

  it('exits non-zero and names the corrupt file with the reason', () => {
    expect(batch.code).toBe(1);
    expect(batch.stderr).toContain('1 of 3 clips failed');
    expect(batch.stderr).toMatch(new RegExp(`${broken}: ffprobe could not read the file: .*Invalid data`));
  });

  it('prints a table row per clip found in the folder and its subfolder, and nothing for other files', () => {
    const lines = batch.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^file\s+duration s\s+reps\s+partial\s+faults\s+took s\s+x real time$/);
    expect(lines.filter((l) => l.startsWith(clips))).toHaveLength(3);
    expect(batch.stdout).not.toContain('notes.txt');
    expect(tableRow(batch.stdout, broken).join(' ')).toMatch(/^failed: ffprobe could not read the file/);
    expect(lines.at(-1)).toMatch(/^3 files \(1 failed\), [\d.]+ s of video in [\d.]+ s with \d+ workers?: [\d.]+x real time$/);
  });

  it('counts each good clip as a single-clip run does', () => {
    for (const [name, file] of [['short', short], ['longer', longer]] as const) {
      const report = single.get(name)!;
      const [, reps, partial, faults] = tableRow(batch.stdout, file);
      expect({ reps: Number(reps), partial: Number(partial), faults: Number(faults) }).toEqual({ reps: report.reps, partial: report.partialReps, faults: report.faults.length });
    }
  });

  it('writes each good clip\'s report into the --out folder, the same as a single-clip run\'s', () => {
    expect(readdirSync(reports).sort()).toEqual(['longer.report.json', 'short.report.json']);
    for (const name of ['short', 'longer'] as const) {
      expect(JSON.parse(readFileSync(join(reports, `${name}.report.json`), 'utf8'))).toEqual(single.get(name));
    }
  });

  it('writes each good clip\'s session record into the --session folder, which imports with the clip\'s counts', () => {
    expect(readdirSync(sessions).sort()).toEqual(['longer.session.json', 'short.session.json']);
    for (const name of ['short', 'longer'] as const) {
      const imported = parseSessionExport(readFileSync(join(sessions, `${name}.session.json`), 'utf8'));
      if (!imported.ok) throw new Error(imported.error);
      const report = single.get(name)!;
      expect(repCounts(imported.sessions[0]!)).toEqual({ reps: report.reps, partialReps: report.partialReps });
    }
  });

  it('prints CSV rows, a clip with no video stream among them, with one worker', () => {
    const audioOnly = join(work, 'audio-only.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=d=1', '-c:a', 'aac', audioOnly]);
    const run = analyze([short, broken, audioOnly, '--exercise', EXERCISE, '--format', 'csv', '--jobs', '1']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines).toHaveLength(4);
    const report = single.get('short')!;
    expect(lines[1]).toMatch(new RegExp(`^${short},done,[\\d.]+,\\d+,${report.reps},${report.partialReps},${report.faults.length},[\\d.]+,[\\d.]+,$`));
    expect(lines[2]).toMatch(new RegExp(`^${broken},failed,,,,,,[\\d.]+,,ffprobe could not read the file`));
    expect(lines[3]).toMatch(new RegExp(`^${audioOnly},failed,,,,,,[\\d.]+,,no video stream in ${audioOnly}$`));
    expect(run.stderr).toContain('with 1 worker');
    expect(run.stderr).toContain('2 of 3 clips failed');
  });

  it('names every clip as failed, and why, when ffmpeg is missing', () => {
    const run = analyze([short, longer, '--exercise', EXERCISE], { ...process.env, PATH: '/nonexistent' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2 of 2 clips failed');
    expect(run.stderr).toContain(`${short}: ffprobe is not installed`);
    expect(run.stderr).toContain(`${longer}: ffprobe is not installed`);
  });

  it('refuses a folder without clips before analysing anything', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const run = analyze([empty, '--exercise', EXERCISE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`no video files (.mp4 .mov .m4v .webm .mkv .avi) in ${empty}`);
  });

  it('refuses an --out that is a file, for a batch writes one file per clip', () => {
    const file = join(work, 'out.json');
    writeFileSync(file, '{}');
    const run = analyze([short, longer, '--exercise', EXERCISE, '--out', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--out ${file} is a file: a batch writes one file per clip, so give --out a folder`);
  });
});
