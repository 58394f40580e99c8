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

/**
 * Converts and scales `frame` to `outWidth` x `outHeight`, writing `channels`
 * bytes a pixel (3: rgb, 4: rgba with alpha 255) into `out`.
 */
export function yuvToRgb(
  frame: YuvFrame,
  matrix: YuvMatrix,
  fullRange: boolean,
  outWidth: number,
  outHeight: number,
  out: Uint8Array | Uint8ClampedArray,
  channels: 3 | 4 = 3,
): void {
  if (out.length < outWidth * outHeight * channels) throw new RangeError(`output buffer of ${out.length} bytes is too small for ${outWidth}x${outHeight}x${channels}`);
  const { data, yOffset, yStride, uOffset, vOffset, uvStride, uvStep } = frame;
  const cw = Math.ceil(frame.width / 2);
  const ch = Math.ceil(frame.height / 2);
  const sx = frame.width / outWidth;
  const sy = frame.height / outHeight;
  const lx = LUMA_X.get(outWidth, frame.width, sx);
  const ly = LUMA_Y.get(outHeight, frame.height, sy);
  const cx = CHROMA_X.get(outWidth, cw, sx / 2);
  const cy = CHROMA_Y.get(outHeight, ch, sy / 2);
  const [kr, kb] = KR_KB[matrix];
  const kg = 1 - kr - kb;
  const yScale = fullRange ? 1 / 255 : 1 / 219;
  const yBias = fullRange ? 0 : 16;
  const cScale = fullRange ? 1 / 255 : 1 / 224;
  const rCr = 2 * (1 - kr);
  const gCb = (2 * kb * (1 - kb)) / kg;
  const gCr = (2 * kr * (1 - kr)) / kg;
  const bCb = 2 * (1 - kb);
  const clamp = (v: number): number => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));
  let o = 0;
  for (let oy = 0; oy < outHeight; oy++) {
    const yr0 = yOffset + ly.i0[oy]! * yStride;
    const yr1 = yOffset + ly.i1[oy]! * yStride;
    const yw = ly.w1[oy]!;
    const cr0 = cy.i0[oy]! * uvStride;
    const cr1 = cy.i1[oy]! * uvStride;
    const cwy = cy.w1[oy]!;
    for (let ox = 0; ox < outWidth; ox++) {
      const x0 = lx.i0[ox]!;
      const x1 = lx.i1[ox]!;
      const xw = lx.w1[ox]!;
      const top = data[yr0 + x0]! + (data[yr0 + x1]! - data[yr0 + x0]!) * xw;
      const bottom = data[yr1 + x0]! + (data[yr1 + x1]! - data[yr1 + x0]!) * xw;
      const luma = ((top + (bottom - top) * yw - yBias) * yScale) * 255;
      const c0 = cx.i0[ox]! * uvStep;
      const c1 = cx.i1[ox]! * uvStep;
      const cxw = cx.w1[ox]!;
      const uTop = data[uOffset + cr0 + c0]! + (data[uOffset + cr0 + c1]! - data[uOffset + cr0 + c0]!) * cxw;
      const uBottom = data[uOffset + cr1 + c0]! + (data[uOffset + cr1 + c1]! - data[uOffset + cr1 + c0]!) * cxw;
      const vTop = data[vOffset + cr0 + c0]! + (data[vOffset + cr0 + c1]! - data[vOffset + cr0 + c0]!) * cxw;
      const vBottom = data[vOffset + cr1 + c0]! + (data[vOffset + cr1 + c1]! - data[vOffset + cr1 + c0]!) * cxw;
      const cb = (uTop + (uBottom - uTop) * cwy - 128) * cScale * 255;
      const cr = (vTop + (vBottom - vTop) * cwy - 128) * cScale * 255;
      out[o] = clamp(luma + rCr * cr);
      out[o + 1] = clamp(luma - gCb * cb - gCr * cr);
      out[o + 2] = clamp(luma + bCb * cb);
      if (channels === 4) out[o + 3] = 255;
      o += channels;
    }
  }
}
