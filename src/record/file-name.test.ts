import { describe, expect, it } from 'vitest';
import { recordingFileName, slugOf } from './file-name.ts';

describe('recordingFileName', () => {
  it('names the exercise and the local start date and time', () => {
    expect(recordingFileName('superman', new Date(2026, 11, 6, 14, 12, 59), 'video/webm')).toBe('formcoach-superman-2026-12-06-1412.webm');
  });
  it('pads single-digit months, days, hours and minutes', () => {
    expect(recordingFileName('hip-thrust', new Date(2026, 0, 2, 3, 4), 'video/mp4')).toBe('formcoach-hip-thrust-2026-01-02-0304.mp4');
  });
  it('refuses an invalid start time with a message instead of writing NaN into the name', () => {
    expect(() => recordingFileName('superman', new Date(Number.NaN), 'video/webm')).toThrow(/valid start time/);
  });
});

describe('slugOf', () => {
  it('keeps letters and digits and joins the rest with single hyphens', () => {
    expect(slugOf('Hip thrust (bench)!')).toBe('hip-thrust-bench');
    expect(slugOf('Upward facing dog')).toBe('upward-facing-dog');
  });
  it('drops accents instead of the letters', () => {
    expect(slugOf('Opwärts café')).toBe('opwarts-cafe');
  });
  it('falls back to "recording" when nothing usable is left', () => {
    expect(slugOf('***')).toBe('recording');
  });
});
