import { describe, expect, it } from 'vitest';
import { outputStems } from './clip-names.ts';

describe('outputStems', () => {
  it('names each clip\'s output after the clip, without its extension', () => {
    expect(outputStems(['clips/squat.mp4', 'bridge.mov', 'track.json'])).toEqual(['squat', 'bridge', 'track']);
  });

  it('numbers clips of the same name from different folders, so none overwrites another', () => {
    expect(outputStems(['a/set.mp4', 'b/set.mp4', 'c/set.mov'])).toEqual(['set', 'set-2', 'set-3']);
  });

  it('does not give a numbered name that another clip already has', () => {
    expect(outputStems(['set-2.mp4', 'a/set.mp4', 'b/set.mp4'])).toEqual(['set-2', 'set', 'set-3']);
  });

  it('keeps the whole name of a dot file (it has no extension)', () => {
    expect(outputStems(['.mp4'])).toEqual(['.mp4']);
  });
});
