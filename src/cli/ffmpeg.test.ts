import { describe, expect, it } from 'vitest';
import { FfmpegMissingError, scaledSize } from './ffmpeg.ts';

const SIZES: readonly (readonly [number, number])[] = [
  [1920, 1080], [1280, 720], [720, 1280], [640, 480], [3840, 2160], [1080, 1920],
  [1000, 1000], [1366, 768], [2560, 1080], [853, 480], [642, 362], [4000, 3000],
];

describe('scaledSize', () => {
  it('scales the longer side down to maxSide, keeping the aspect ratio', () => {
    expect(scaledSize(1280, 720, 640)).toEqual({ width: 640, height: 360 });
    expect(scaledSize(720, 1280, 640)).toEqual({ width: 360, height: 640 });
    expect(scaledSize(1920, 1080, 640)).toEqual({ width: 640, height: 360 });
    expect(scaledSize(4000, 3000, 640)).toEqual({ width: 640, height: 480 });
  });

  it('does not upscale a video already within maxSide', () => {
    expect(scaledSize(320, 240, 640)).toEqual({ width: 320, height: 240 });
    expect(scaledSize(640, 480, 640)).toEqual({ width: 640, height: 480 });
  });

  it('gives even sizes, for the yuv and rgb scalers', () => {
    for (const [w, h] of [...SIZES, [853, 481], [639, 359]] as const) {
      for (const maxSide of [640, 480, 256]) {
        const out = scaledSize(w, h, maxSide);
        expect(out.width % 2, `${w}x${h} @${maxSide}`).toBe(0);
        expect(out.height % 2, `${w}x${h} @${maxSide}`).toBe(0);
      }
    }
  });

  it('makes odd sizes even when scaling down', () => {
    const out = scaledSize(1281, 721, 640);
    expect(out.width).toBe(640);
    expect(out.height % 2).toBe(0);
    expect(Math.abs(out.height - (721 * 640) / 1281)).toBeLessThanOrEqual(1);
  });

  it('keeps the aspect ratio within 1 px after rounding to even sizes', () => {
    for (const [w, h] of SIZES) {
      for (const maxSide of [640, 480, 256]) {
        const out = scaledSize(w, h, maxSide);
        // the shorter output side, against what the longer output side implies
        const [long, short] = w >= h ? [out.width, out.height] : [out.height, out.width];
        const exactShort = (long * Math.min(w, h)) / Math.max(w, h);
        expect(Math.abs(short - exactShort), `${w}x${h} @${maxSide}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keeps the longer side within maxSide', () => {
    for (const [w, h] of SIZES) {
      for (const maxSide of [640, 480, 256]) {
        const out = scaledSize(w, h, maxSide);
        expect(Math.max(out.width, out.height), `${w}x${h} @${maxSide}`).toBeLessThanOrEqual(maxSide);
      }
    }
  });

  it('never gives a side under 2 px, even for a sliver of a video', () => {
    const out = scaledSize(4000, 4, 640);
    expect(out).toEqual({ width: 640, height: 2 });
  });
});

describe('FfmpegMissingError', () => {
  it.each(['ffmpeg', 'ffprobe'] as const)('names %s and how to install it, in one line', (tool) => {
    const err = new FfmpegMissingError(tool);
    expect(err.name).toBe('FfmpegMissingError');
    expect(err.message.startsWith(`${tool} is not installed`)).toBe(true);
    expect(err.message).toContain('apt-get install ffmpeg');
    expect(err.message).not.toContain('\n');
  });
});

describe('scaledSize with odd sizes', () => {
  it('never upscales an odd-sized video', () => {
    const out = scaledSize(321, 241, 640);
    expect(out.width).toBeLessThanOrEqual(321);
    expect(out.height).toBeLessThanOrEqual(241);
  });

  it('keeps the longer side within an odd maxSide', () => {
    const out = scaledSize(1281, 721, 641);
    expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(641);
  });
});
