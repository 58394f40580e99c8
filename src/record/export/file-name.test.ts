import { describe, expect, it } from 'vitest';
import { annotatedFileName } from './file-name.ts';

describe('annotatedFileName', () => {
  it('names the exercise and the clip, without the clip’s extension', () => {
    expect(annotatedFileName('superman', 'superman_fitbod_SIDEONLY_3reps.mp4', 'webm')).toBe('formcoach-superman-superman_fitbod_sideonly_3reps-annotated.webm');
  });

  it('turns spaces, accents and path-hostile characters into plain dashes', () => {
    expect(annotatedFileName('hip-thrust', 'Patiënt 03: dag 2 (links).MOV', 'mp4')).toBe('formcoach-hip-thrust-patient-03-dag-2-links-annotated.mp4');
  });

  it('calls a clip with no usable name "clip", and keeps long names short', () => {
    expect(annotatedFileName('good-morning', '???.mp4', 'webm')).toBe('formcoach-good-morning-clip-annotated.webm');
    expect(annotatedFileName('good-morning', `${'a'.repeat(200)}.mp4`, 'webm')).toBe(`formcoach-good-morning-${'a'.repeat(60)}-annotated.webm`);
  });
});
