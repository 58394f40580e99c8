import { describe, expect, it } from 'vitest';
import { allRepsFileName, allSessionsFileName, sessionFileName } from './file-names.ts';

const now = new Date(2025, 2, 1, 9, 5);
const settings = { exercise: 'hip-thrust' } as const;

describe('download file names', () => {
  it('name all sessions and all reps by the day of the download', () => {
    expect(allSessionsFileName(now)).toBe('formcoach-sessions-2025-03-01.json');
    expect(allRepsFileName(new Date(2025, 11, 24))).toBe('formcoach-reps-2025-12-24.csv');
  });

  it('name one session by its exercise, its day and the start of its id', () => {
    const startedAt = new Date(2025, 0, 31, 10).toISOString();
    expect(sessionFileName({ id: 'd0151d0e-6432-4ed4', startedAt, settings: { ...settings, variant: null, model: 'movenet-lightning', language: 'en', source: { kind: 'camera', fileName: null }, samplingFps: 15 } }, 'json', now)).toBe('formcoach-hip-thrust-2025-01-31-d0151d0e.json');
  });

  it('use the download’s day for a session without a known start, and keep the name free of characters file systems refuse', () => {
    const name = sessionFileName({ id: 'v0:ab/cd', startedAt: 'unknown', settings: { ...settings, variant: null, model: 'movenet-lightning', language: 'en', source: { kind: 'camera', fileName: null }, samplingFps: 15 } }, 'csv', now);
    expect(name).toBe('formcoach-hip-thrust-2025-03-01-v0-ab-cd.csv');
  });
});
