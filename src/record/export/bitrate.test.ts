import { describe, expect, it } from 'vitest';
import { exportBitrate } from './annotated-export.ts';

describe('exportBitrate', () => {
  it('gives 2.5 Mbit/s to 720p at 30 fps and scales with the picture', () => {
    expect(exportBitrate(1280, 720, 30)).toBe(2_500_000);
    const vga = exportBitrate(640, 480, 30);
    expect(vga).toBeGreaterThan(850_000);
    expect(vga).toBeLessThan(1_000_000);
    expect(exportBitrate(720, 1280, 30)).toBe(2_500_000);
  });

  it('keeps a floor for small or slow clips', () => {
    expect(exportBitrate(320, 240, 30)).toBe(800_000);
    expect(exportBitrate(1280, 720, 15)).toBe(1_250_000);
  });
});
