/** The analyze CLI as a user runs it: a real clip in, a valid track out; bad input, one clear line and a non-zero exit. */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateTrack, type KeypointTrack } from '../../src/core/track.ts';
import { probeVideo } from '../../src/cli/ffmpeg.ts';
import { fixturePath } from '../helpers/fixtures.ts';
import { REPO } from '../helpers/paths.ts';
import { loadLabelFile } from '../helpers/fixtures.ts';
import { parseSessionExport } from '../../src/core/session/export.ts';
import { repCounts } from '../../src/core/session/record.ts';

const CLIP = fixturePath('hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4');

function analyze(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', ...args], { cwd: REPO, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run analyze', () => {
  const work = mkdtempSync(join(tmpdir(), 'formcoach-cli-'));
  let track: KeypointTrack;

  beforeAll(() => {
    const out = join(work, 'track.json');
    const run = analyze([CLIP, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    track = JSON.parse(readFileSync(out, 'utf8')) as KeypointTrack;
  });

  it('writes a track of the clip that validates against the format', () => {
    const validation = validateTrack(track);
    expect(validation.ok ? 'valid' : validation.error).toBe('valid');
    expect(track.model).toBe('movenet-lightning');
    expect(track.fps).toBe(15);
  });

  it('samples the clip at 15 frames per second', () => {
    const { durationS } = probeVideo(CLIP);
    expect(Math.abs(track.frames.length - durationS * 15)).toBeLessThanOrEqual(2);
    const step = (track.frames[1]?.t ?? 0) - (track.frames[0]?.t ?? 0);
    expect(Math.abs(step - 1000 / 15)).toBeLessThanOrEqual(1);
  });

  it('keeps keypoints inside the analysed image', () => {
    for (const frame of track.frames) {
      for (const k of frame.keypoints) {
        expect(k.x).toBeGreaterThan(-0.05 * track.width);
        expect(k.x).toBeLessThan(1.05 * track.width);
        expect(k.y).toBeGreaterThan(-0.05 * track.height);
        expect(k.y).toBeLessThan(1.05 * track.height);
      }
    }
  });

  it('passes a valid track through unchanged, on stdout', () => {
    const path = join(work, 'in.json');
    writeFileSync(path, JSON.stringify(track));
    const run = analyze([path]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(track);
  });

  it('rejects an invalid track with one line naming the problem', () => {
    const path = join(work, 'bad.json');
    const broken = { ...track, frames: [{ t: 0, score: 2, keypoints: [] }] };
    writeFileSync(path, JSON.stringify(broken));
    const run = analyze([path]);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('track.frames[0].score');
  });

  it('rejects a file that is not JSON and not a video', () => {
    const notJson = join(work, 'garbage.json');
    writeFileSync(notJson, '{ this is not json');
    const run = analyze([notJson]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/not valid JSON/);

    const notVideo = join(work, 'garbage.mp4');
    writeFileSync(notVideo, 'definitely not a video');
    const run2 = analyze([notVideo]);
    expect(run2.code).not.toBe(0);
    expect(run2.stderr).toMatch(/could not read the file|no video stream/);
  });

  it('names a missing input, an unknown option and an unknown model', () => {
    expect(analyze([join(work, 'nope.mp4')]).stderr).toMatch(/input not found/);
    expect(analyze([CLIP, '--colour']).stderr).toMatch(/unknown option --colour/);
    const badModel = analyze([CLIP, '--model', 'posenet']);
    expect(badModel.code).toBe(2);
    expect(badModel.stderr).toMatch(/unknown model "posenet".*movenet-lightning/);
  });

  it('says which model file is missing and the command that fixes it', () => {
    const empty = join(work, 'no-models');
    mkdirSync(empty);
    const run = analyze([CLIP], { ...process.env, FORMCOACH_MODELS_DIR: empty });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Model file movenet-lightning\.(json|bin) is missing/);
    expect(run.stderr).toContain('npm run models');
  });

  it('counts the reps of a real clip end to end: video -> model -> engine -> report', () => {
    const clip = fixturePath('good_morning/gm_fitbod_pvc_SIDEONLY_3reps_derived.mp4');
    const run = analyze([clip, '--exercise', 'good-morning']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { exercise: string; model: string; reps: number; partialReps: number; repDetails: unknown[]; cues: unknown[]; warnings: unknown[] };
    expect(report).toMatchObject({ exercise: 'good-morning', model: 'movenet-lightning', reps: 3, partialReps: 0 });
    expect(report.repDetails).toHaveLength(3);
  });

  it('prints a table for a person, in Dutch', () => {
    const path = join(work, 'gm.json');
    writeFileSync(path, JSON.stringify(track));
    const run = analyze([path, '--exercise', 'hip-thrust', '--variant', 'floor', '--format', 'table', '--lang', 'nl']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Volledige herhalingen: \d+/);
  });

  it('says ffmpeg is missing when it is not on PATH', () => {
    const run = analyze([CLIP], { ...process.env, PATH: '/nonexistent' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ffprobe is not installed|ffmpeg is not installed/);
  });

  it('writes the session record of a clip (--session), which imports back as one session with the clip\'s counts', () => {
    const file = join(work, 'session.json');
    const run = analyze([CLIP, '--exercise', 'hip-thrust', '--session', file]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { reps: number; partialReps: number; holds: number[] };
    const label = loadLabelFile('labels.json').find((f) => CLIP.endsWith(f.file));
    expect(report.reps).toBe(label?.expected);

    const imported = parseSessionExport(readFileSync(file, 'utf8'));
    if (!imported.ok) throw new Error(imported.error);
    expect(imported).toMatchObject({ kind: 'record', migrated: 0 });
    expect(imported.sessions).toHaveLength(1);
    const record = imported.sessions[0]!;
    expect(repCounts(record)).toEqual({ reps: report.reps, partialReps: report.partialReps });
    expect(record.events.holds).toEqual(report.holds);
    expect(record.settings).toMatchObject({ exercise: 'hip-thrust', model: track.model, language: 'en', source: { kind: 'file', fileName: CLIP.split('/').pop() }, samplingFps: track.fps });
    expect(record.track?.frames).toHaveLength(track.frames.length);
    expect(record.stopReason).toBe('clip-end');
    expect(Date.parse(record.endedAt)).toBeGreaterThanOrEqual(Date.parse(record.startedAt));
  });
});
