import { describe, expect, it, vi } from 'vitest';
import { AnnotatedExport } from './annotated-export.svelte.ts';
import type { SetResult } from './flow.svelte.ts';
import { format, LANGUAGES } from '../../core/i18n/messages.ts';
import { TRACK_VERSION, type KeypointTrack } from '../../core/track.ts';

const track: KeypointTrack = { version: TRACK_VERSION, source: 'clip.mp4', model: 'movenet-lightning', width: 640, height: 480, fps: 15, frames: [{ t: 0, score: 0, keypoints: [] }] };

const setOf = (more: Partial<SetResult> = {}): SetResult => ({
  set: 1,
  reps: 0,
  partialReps: 0,
  repRecords: [],
  faultCues: new Map(),
  endedBy: 'clip-end',
  sessionId: 'set-1',
  file: new File([new Uint8Array(16)], 'clip.mp4', { type: 'video/mp4' }),
  track,
  record: null,
  ...more,
});

describe('AnnotatedExport', () => {
  it('offers the export only for a set analysed from a file with its keypoint track', () => {
    expect(AnnotatedExport.canExport(setOf())).toBe(true);
    expect(AnnotatedExport.canExport(setOf({ file: null }))).toBe(false);
    expect(AnnotatedExport.canExport(setOf({ track: null }))).toBe(false);
    expect(AnnotatedExport.canExport(setOf({ track: { ...track, frames: [] } }))).toBe(false);
    expect(AnnotatedExport.canExport(undefined)).toBe(false);
  });

  it('says so, and saves nothing, where the browser cannot encode frame by frame (no WebCodecs, as here in Node)', async () => {
    const save = vi.fn();
    const job = new AnnotatedExport(save);
    await job.start({ result: setOf(), exercise: 'hip-thrust', variant: 'floor', lang: 'en' });
    expect(job.status).toBe('error');
    expect(job.error?.problem).toBe('no-webcodecs');
    expect(save).not.toHaveBeenCalled();
    for (const lang of LANGUAGES) expect(format(lang, 'export.error.no-webcodecs')).toMatch(/WebCodecs/);
  });

  it('does nothing for a camera set, and a cancel with nothing under way is harmless', async () => {
    const save = vi.fn();
    const job = new AnnotatedExport(save);
    job.cancel();
    await job.start({ result: setOf({ file: null }), exercise: 'superman', variant: 'floor', lang: 'nl' });
    expect(job.status).toBe('idle');
    expect(save).not.toHaveBeenCalled();
  });
});
