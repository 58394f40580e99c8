import { describe, expect, it } from 'vitest';
import { exportSizeOf } from './annotated-export.ts';

describe('exportSizeOf', () => {
  it('keeps a clip of square pixels at its own size up to 1280 on the long side', () => {
    expect(exportSizeOf({ displayWidth: 640, displayHeight: 480, codedWidth: 640, codedHeight: 480, rotation: 0 })).toEqual({ width: 640, height: 480 });
    expect(exportSizeOf({ displayWidth: 1920, displayHeight: 1080, codedWidth: 1920, codedHeight: 1080, rotation: 0 })).toEqual({ width: 1280, height: 720 });
    expect(exportSizeOf({ displayWidth: 570, displayHeight: 1080, codedWidth: 570, codedHeight: 1080, rotation: 0 })).toEqual({ width: 570, height: 1080 });
  });

  it('narrows non-square pixels instead of stretching them (no more pixels than decoded)', () => {
    // 1280 x 720 coded, shown at 521:414 (a fixture clip): mediabunny reports 1280 x 1018
    expect(exportSizeOf({ displayWidth: 1280, displayHeight: 1018, codedWidth: 1280, codedHeight: 720, rotation: 0 })).toEqual({ width: 906, height: 720 });
  });

  it('reads a quarter-turned phone clip upright', () => {
    expect(exportSizeOf({ displayWidth: 1080, displayHeight: 1920, codedWidth: 1920, codedHeight: 1080, rotation: 90 })).toEqual({ width: 720, height: 1280 });
  });
});
