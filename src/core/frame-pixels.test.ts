import { describe, expect, it } from 'vitest';
import { i420Layout, i420Size, yuvMatrixOf, yuvToRgb, type YuvFrame } from './frame-pixels.ts';

/** A w x h I420 frame of one colour. */
function solid(w: number, h: number, y: number, u: number, v: number): Uint8Array {
  const data = new Uint8Array(i420Size(w, h));
  data.fill(y, 0, w * h);
  data.fill(u, w * h, w * h + Math.ceil(w / 2) * Math.ceil(h / 2));
  data.fill(v, w * h + Math.ceil(w / 2) * Math.ceil(h / 2));
  return data;
}

function convert(frame: YuvFrame, matrix: 'bt601' | 'bt709', full: boolean, w = frame.width, h = frame.height, channels: 3 | 4 = 3): number[] {
  const out = new Uint8Array(w * h * channels);
  yuvToRgb(frame, matrix, full, w, h, out, channels);
  return [...out];
}

describe('yuvToRgb colours', () => {
  it('limited range: black 16, white 235, mid grey 126 -> 0, 255, 128', () => {
    expect(convert(i420Layout(solid(2, 2, 16, 128, 128), 2, 2), 'bt601', false).slice(0, 3)).toEqual([0, 0, 0]);
    expect(convert(i420Layout(solid(2, 2, 235, 128, 128), 2, 2), 'bt709', false).slice(0, 3)).toEqual([255, 255, 255]);
    // (126 - 16) / 219 * 255 = 128.08
    expect(convert(i420Layout(solid(2, 2, 126, 128, 128), 2, 2), 'bt601', false).slice(0, 3)).toEqual([128, 128, 128]);
  });

  it('full range: Y is the grey level itself', () => {
    expect(convert(i420Layout(solid(2, 2, 200, 128, 128), 2, 2), 'bt601', true).slice(0, 3)).toEqual([200, 200, 200]);
  });

  it('pure red through each matrix (studio-range codes of the standards)', () => {
    // BT.601 red: Y 81, Cb 90, Cr 240; BT.709 red: Y 63, Cb 102, Cr 240
    const r601 = convert(i420Layout(solid(2, 2, 81, 90, 240), 2, 2), 'bt601', false).slice(0, 3);
    const r709 = convert(i420Layout(solid(2, 2, 63, 102, 240), 2, 2), 'bt709', false).slice(0, 3);
    for (const [r, g, b] of [r601, r709]) {
      expect(r).toBeGreaterThanOrEqual(253);
      expect(g).toBeLessThanOrEqual(2);
      expect(b).toBeLessThanOrEqual(2);
    }
  });

  it('writes rgba with opaque alpha when asked for 4 channels', () => {
    expect(convert(i420Layout(solid(2, 2, 235, 128, 128), 2, 2), 'bt601', false, 1, 1, 4)).toEqual([255, 255, 255, 255]);
  });
});

describe('yuvToRgb scaling and layouts', () => {
  it('halving averages each 2x2 block of luma', () => {
    const w = 4;
    const h = 2;
    const data = solid(w, h, 0, 128, 128);
    data.set([16, 16, 235, 235, 16, 16, 235, 235]); // left half black, right half white
    const out = convert(i420Layout(data, w, h), 'bt601', false, 2, 1);
    expect(out).toEqual([0, 0, 0, 255, 255, 255]);
    data.set([16, 235, 16, 235, 16, 235, 16, 235]); // columns alternate: each 2x2 block averages to (16 + 235) / 2
    const mid = Math.round(((125.5 - 16) / 219) * 255);
    expect(convert(i420Layout(data, w, h), 'bt601', false, 2, 1)).toEqual([mid, mid, mid, mid, mid, mid]);
  });

  it('NV12 (interleaved chroma, padded rows) gives the same pixels as I420', () => {
    const w = 6;
    const h = 4;
    const i420 = new Uint8Array(i420Size(w, h));
    for (let i = 0; i < i420.length; i++) i420[i] = (i * 37 + 11) % 256;
    const stride = 8;
    const nv12 = new Uint8Array(stride * h + stride * (h / 2));
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) nv12[y * stride + x] = i420[y * w + x]!;
    for (let y = 0; y < h / 2; y++) {
      for (let x = 0; x < w / 2; x++) {
        nv12[stride * h + y * stride + 2 * x] = i420[w * h + y * (w / 2) + x]!;
        nv12[stride * h + y * stride + 2 * x + 1] = i420[w * h + (w / 2) * (h / 2) + y * (w / 2) + x]!;
      }
    }
    const asNv12: YuvFrame = { width: w, height: h, data: nv12, yOffset: 0, yStride: stride, uOffset: stride * h, vOffset: stride * h + 1, uvStride: stride, uvStep: 2 };
    for (const [ow, oh] of [[6, 4], [3, 2], [4, 3]] as const) {
      expect(convert(asNv12, 'bt709', false, ow, oh)).toEqual(convert(i420Layout(i420, w, h), 'bt709', false, ow, oh));
    }
  });

  it('writes the same values into int32 (the CLI tensor\'s dtype) as into bytes', () => {
    const w = 9;
    const h = 7;
    const data = new Uint8Array(i420Size(w, h));
    for (let i = 0; i < data.length; i++) data[i] = (i * 53 + 7) % 256;
    const bytes = new Uint8Array(5 * 4 * 3);
    const ints = new Int32Array(5 * 4 * 3);
    yuvToRgb(i420Layout(data, w, h), 'bt709', false, 5, 4, bytes);
    yuvToRgb(i420Layout(data, w, h), 'bt709', false, 5, 4, ints);
    expect([...ints]).toEqual([...bytes]);
    expect(new Set(bytes).size).toBeGreaterThan(10);
  });

  it('handles odd sizes (chroma rounded up) and refuses a short output buffer', () => {
    const frame = i420Layout(solid(5, 3, 126, 128, 128), 5, 3);
    expect(i420Size(5, 3)).toBe(15 + 2 * 3 * 2);
    expect(new Set(convert(frame, 'bt601', false))).toEqual(new Set([128]));
    expect(() => yuvToRgb(frame, 'bt601', false, 5, 3, new Uint8Array(10))).toThrow(RangeError);
  });
});

describe('yuvMatrixOf', () => {
  it('reads the names of ffprobe and WebCodecs, and guesses by height when unknown', () => {
    expect(yuvMatrixOf('bt709', 480)).toBe('bt709');
    expect(yuvMatrixOf('smpte170m', 1080)).toBe('bt601');
    expect(yuvMatrixOf('bt470bg', 1080)).toBe('bt601');
    expect(yuvMatrixOf('bt2020nc', 1080)).toBe('bt2020');
    expect(yuvMatrixOf('bt2020-ncl', 1080)).toBe('bt2020');
    expect(yuvMatrixOf(null, 480)).toBe('bt601');
    expect(yuvMatrixOf('unknown', 720)).toBe('bt709');
    expect(yuvMatrixOf(undefined, 1080)).toBe('bt709');
  });
});
