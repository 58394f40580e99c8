/**
 * Decoded YUV 4:2:0 frames -> the RGB(A) image the pose model sees, scaled to
 * the analysed size: one conversion for the browser (WebCodecs' I420/NV12
 * VideoFrames) and the CLI (ffmpeg's yuv420p), so that the same decoded
 * frame (H.264 decoding is bit-exact) gives the same pixels, hence the same
 * keypoints, on both edges. Plain float arithmetic, identical in every JS
 * engine.
 *
 * Scaling: bilinear, sample centres aligned (a halving averages 2x2 pixels).
 * Chroma: centred between its luma pixels. Colour: the frame's matrix
 * (BT.601, BT.709 or BT.2020) and range (limited 16-235, or full).
 */

export type YuvMatrix = 'bt601' | 'bt709' | 'bt2020';

/** One planar (I420) or semi-planar (NV12: u and v interleaved in one plane) 4:2:0 frame. */
export interface YuvFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
  readonly yOffset: number;
  readonly yStride: number;
  readonly uOffset: number;
  readonly vOffset: number;
  /** bytes per chroma row (of u and of v; NV12: of the shared plane) */
  readonly uvStride: number;
  /** 1 for I420, 2 for NV12 */
  readonly uvStep: 1 | 2;
}

/** A tightly packed I420 frame, as ffmpeg's `-pix_fmt yuv420p` writes it. */
export function i420Layout(data: Uint8Array, width: number, height: number): YuvFrame {
  const cw = Math.ceil(width / 2);
  const ch = Math.ceil(height / 2);
  return { width, height, data, yOffset: 0, yStride: width, uOffset: width * height, vOffset: width * height + cw * ch, uvStride: cw, uvStep: 1 };
}

/** Bytes of a tightly packed I420 frame. */
export function i420Size(width: number, height: number): number {
  return width * height + 2 * Math.ceil(width / 2) * Math.ceil(height / 2);
}

/**
 * The matrix for a colour-space name from the file (ffprobe's `color_space`
 * or WebCodecs' `matrix`); unknown: BT.709 from 720 lines up, BT.601 below
 * (what players assume).
 */
export function yuvMatrixOf(name: string | null | undefined, height: number): YuvMatrix {
  switch (name) {
    case 'bt709':
      return 'bt709';
    case 'bt470bg':
    case 'smpte170m':
    case 'bt601':
      return 'bt601';
    case 'bt2020nc':
    case 'bt2020c':
    case 'bt2020-ncl':
      return 'bt2020';
    default:
      return height >= 720 ? 'bt709' : 'bt601';
  }
}

const KR_KB: Readonly<Record<YuvMatrix, readonly [number, number]>> = {
  bt601: [0.299, 0.114],
  bt709: [0.2126, 0.0722],
  bt2020: [0.2627, 0.0593],
};

interface Taps {
  readonly i0: Int32Array;
  readonly i1: Int32Array;
  readonly w1: Float64Array;
}

/**
 * The taps last made for one axis, kept while the sizes stay the same: a
 * clip's frames all have one size, so they are built once, not per frame.
 */
class TapsCache {
  private key = { out: -1, size: -1, scale: Number.NaN };
  private value: Taps | null = null;

  get(out: number, size: number, scale: number): Taps {
    const k = this.key;
    if (this.value === null || k.out !== out || k.size !== size || k.scale !== scale) {
      this.value = taps(out, size, scale);
      k.out = out;
      k.size = size;
      k.scale = scale;
    }
    return this.value;
  }
}

const LUMA_X = new TapsCache();
const LUMA_Y = new TapsCache();
const CHROMA_X = new TapsCache();
const CHROMA_Y = new TapsCache();

/** Bilinear taps for `out` samples over `size` source samples, centres aligned. */
function taps(out: number, size: number, scale: number): Taps {
  const i0 = new Int32Array(out);
  const i1 = new Int32Array(out);
  const w1 = new Float64Array(out);
  for (let o = 0; o < out; o++) {
    const s = Math.min(size - 1, Math.max(0, (o + 0.5) * scale - 0.5));
    const a = Math.floor(s);
    i0[o] = a;
    i1[o] = Math.min(size - 1, a + 1);
    w1[o] = s - a;
  }
  return { i0, i1, w1 };
}

/** What yuvToRgb writes into: bytes (the browser's ImageData, a Buffer) or 32-bit integers (the CLI's int32 tensor values, no conversion after). */
export type RgbTarget = Uint8Array | Uint8ClampedArray | Int32Array;

/**
 * Converts and scales `frame` to `outWidth` x `outHeight`, writing `channels`
 * values a pixel (3: rgb, 4: rgba with alpha 255) into `out`.
 *
 * The hot loop of file analysis (every analysed frame of the CLI and the
 * browser's file path): the taps and row offsets are looked up once per
 * row or column, and each pixel's arithmetic is written out once, in the
 * order that fixes its rounding (the same pixels on both edges, and as
 * before: keypoints are compared to the last digit).
 */
export function yuvToRgb(frame: YuvFrame, matrix: YuvMatrix, fullRange: boolean, outWidth: number, outHeight: number, out: RgbTarget, channels: 3 | 4 = 3): void {
  if (out.length < outWidth * outHeight * channels) throw new RangeError(`output buffer of ${out.length} bytes is too small for ${outWidth}x${outHeight}x${channels}`);
  const { data, yOffset, yStride, uOffset, vOffset, uvStride, uvStep } = frame;
  const cw = Math.ceil(frame.width / 2);
  const ch = Math.ceil(frame.height / 2);
  const sx = frame.width / outWidth;
  const sy = frame.height / outHeight;
  const ly = LUMA_Y.get(outHeight, frame.height, sy);
  const cy = CHROMA_Y.get(outHeight, ch, sy / 2);
  const lx = LUMA_X.get(outWidth, frame.width, sx);
  const cx = CHROMA_X.get(outWidth, cw, sx / 2);
  const lx0 = lx.i0;
  const lx1 = lx.i1;
  const lxw = lx.w1;
  const cx0 = cx.i0;
  const cx1 = cx.i1;
  const cxw1 = cx.w1;
  const [kr, kb] = KR_KB[matrix];
  const kg = 1 - kr - kb;
  const yScale = fullRange ? 1 / 255 : 1 / 219;
  const yBias = fullRange ? 0 : 16;
  const cScale = fullRange ? 1 / 255 : 1 / 224;
  const rCr = 2 * (1 - kr);
  const gCb = (2 * kb * (1 - kb)) / kg;
  const gCr = (2 * kr * (1 - kr)) / kg;
  const bCb = 2 * (1 - kb);
  const alpha = channels === 4;
  let o = 0;
  for (let oy = 0; oy < outHeight; oy++) {
    const yr0 = yOffset + ly.i0[oy]! * yStride;
    const yr1 = yOffset + ly.i1[oy]! * yStride;
    const yw = ly.w1[oy]!;
    const u0 = uOffset + cy.i0[oy]! * uvStride;
    const u1 = uOffset + cy.i1[oy]! * uvStride;
    const v0 = vOffset + cy.i0[oy]! * uvStride;
    const v1 = vOffset + cy.i1[oy]! * uvStride;
    const cwy = cy.w1[oy]!;
    for (let ox = 0; ox < outWidth; ox++) {
      const x0 = lx0[ox]!;
      const x1 = lx1[ox]!;
      const xw = lxw[ox]!;
      const a0 = data[yr0 + x0]!;
      const a1 = data[yr1 + x0]!;
      const top = a0 + (data[yr0 + x1]! - a0) * xw;
      const bottom = a1 + (data[yr1 + x1]! - a1) * xw;
      const luma = (top + (bottom - top) * yw - yBias) * yScale * 255;
      const c0 = cx0[ox]! * uvStep;
      const c1 = cx1[ox]! * uvStep;
      const cxw = cxw1[ox]!;
      const p00 = data[u0 + c0]!;
      const p10 = data[u1 + c0]!;
      const q00 = data[v0 + c0]!;
      const q10 = data[v1 + c0]!;
      const uTop = p00 + (data[u0 + c1]! - p00) * cxw;
      const uBottom = p10 + (data[u1 + c1]! - p10) * cxw;
      const vTop = q00 + (data[v0 + c1]! - q00) * cxw;
      const vBottom = q10 + (data[v1 + c1]! - q10) * cxw;
      const cb = (uTop + (uBottom - uTop) * cwy - 128) * cScale * 255;
      const cr = (vTop + (vBottom - vTop) * cwy - 128) * cScale * 255;
      const r = luma + rCr * cr;
      const g = luma - gCb * cb - gCr * cr;
      const b = luma + bCb * cb;
      out[o] = r <= 0 ? 0 : r >= 255 ? 255 : Math.round(r);
      out[o + 1] = g <= 0 ? 0 : g >= 255 ? 255 : Math.round(g);
      out[o + 2] = b <= 0 ? 0 : b >= 255 ? 255 : Math.round(b);
      if (alpha) {
        out[o + 3] = 255;
        o += 4;
      } else {
        o += 3;
      }
    }
  }
}
