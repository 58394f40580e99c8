/**
 * The camera pictures of demo mode's rolling buffer: a ring of small
 * canvases, each frame drawn in as it is analysed, for the same seconds as
 * the pose frames (core/replay/rolling-buffer.ts). The slow-motion replay
 * draws the skeleton over them.
 *
 * Bounded memory: at most `capacity` canvases of at most `maxWidth` x
 * `maxHeight` pixels, made on first use and then reused (nothing allocated
 * per frame); at most `pictureFps` pictures a second are kept (the pose
 * frames between them are drawn over the nearest earlier picture).
 * Defaults: 12 s at 15 pictures a second = 181 canvases of at most 320 x 240
 * (4:3) = 55.6 MB at most; 320 x 180 for a 16:9 camera = 41.7 MB.
 * `dispose` lets them all go.
 */
import type { SourceFrame } from '../../pose/sources/frame-source.ts';
import { DEFAULT_BUFFER_MS } from '../../core/replay/rolling-buffer.ts';

export const DEFAULT_PICTURE_FPS = 15;
export const DEFAULT_PICTURE_WIDTH = 320;
export const DEFAULT_PICTURE_MAX_HEIGHT = 240;

interface PictureSlot {
  readonly canvas: OffscreenCanvas;
  readonly context: OffscreenCanvasRenderingContext2D;
  timestampMs: number;
}

export interface PictureRingOptions {
  readonly durationMs?: number;
  readonly pictureFps?: number;
  readonly maxWidth?: number;
  readonly maxHeight?: number;
}

/** A picture drawImage takes, with its own size. */
interface Drawable {
  readonly source: CanvasImageSource | ImageData;
  readonly width: number;
  readonly height: number;
}

/** The frame's picture and its size, or null when it has none yet (a video element before its first frame) or is no picture (a tensor). */
function drawableOf(image: SourceFrame['image'] | null): Drawable | null {
  if (image === null) return null;
  if (typeof HTMLVideoElement !== 'undefined' && image instanceof HTMLVideoElement) return image.videoWidth > 0 ? { source: image, width: image.videoWidth, height: image.videoHeight } : null;
  if (
    (typeof ImageData !== 'undefined' && image instanceof ImageData) ||
    (typeof HTMLCanvasElement !== 'undefined' && image instanceof HTMLCanvasElement) ||
    (typeof ImageBitmap !== 'undefined' && image instanceof ImageBitmap)
  ) {
    return image.width > 0 && image.height > 0 ? { source: image, width: image.width, height: image.height } : null;
  }
  return null;
}

export class PictureRing {
  readonly capacity: number;
  private readonly minGapMs: number;
  private readonly maxWidth: number;
  private readonly maxHeight: number;
  private readonly slots: PictureSlot[] = [];
  private start = 0;
  private size = 0;
  private width = 0;
  private height = 0;
  /** an ImageData goes through this canvas (drawImage cannot scale an ImageData) */
  private scratch: OffscreenCanvas | null = null;

  constructor(options: PictureRingOptions = {}) {
    const durationMs = options.durationMs ?? DEFAULT_BUFFER_MS;
    const fps = options.pictureFps ?? DEFAULT_PICTURE_FPS;
    this.capacity = Math.ceil((durationMs / 1000) * fps) + 1;
    // a little under the nominal gap, so a 15 fps camera's jitter does not skip every other frame
    this.minGapMs = (1000 / fps) * 0.8;
    this.maxWidth = options.maxWidth ?? DEFAULT_PICTURE_WIDTH;
    this.maxHeight = options.maxHeight ?? DEFAULT_PICTURE_MAX_HEIGHT;
  }

  get length(): number {
    return this.size;
  }

  /** Bytes the canvases made so far hold (4 per pixel): the figure the file comment bounds. */
  get bytes(): number {
    return this.slots.length * this.width * this.height * 4;
  }

  /** Draws the frame's picture into the next canvas, unless the last one kept is too recent or it is no picture. */
  capture(image: SourceFrame['image'] | null, timestampMs: number): void {
    const newest = this.size > 0 ? this.slotAt(this.size - 1).timestampMs : Number.NaN;
    if (timestampMs < newest) this.clear();
    else if (timestampMs - newest < this.minGapMs) return;
    const size = drawableOf(image);
    if (!size) return;
    const scale = Math.min(1, this.maxWidth / size.width, this.maxHeight / size.height);
    const width = Math.max(1, Math.round(size.width * scale));
    const height = Math.max(1, Math.round(size.height * scale));
    // another camera or clip size: the ring starts again at the new size
    if (width !== this.width || height !== this.height) this.resize(width, height);
    const slot = this.nextSlot();
    if (!slot) return;
    slot.timestampMs = timestampMs;
    // reached only with a picture, so ImageData exists here
    const source = size.source instanceof ImageData ? this.viaScratch(size.source) : size.source;
    if (source) slot.context.drawImage(source, 0, 0, width, height);
  }

  /** The newest picture taken at or before `timestampMs` (the oldest when all are later), or null when there is none. */
  at(timestampMs: number): OffscreenCanvas | null {
    if (this.size === 0) return null;
    let lo = 0;
    let hi = this.size - 1;
    if (this.slotAt(0).timestampMs >= timestampMs) return this.slotAt(0).canvas;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.slotAt(mid).timestampMs <= timestampMs) lo = mid;
      else hi = mid - 1;
    }
    return this.slotAt(lo).canvas;
  }

  /**
   * Whether the pictures cover `fromMs`..`toMs` without a hole longer than
   * `maxGapMs` (none taken while a replay showed): only such a stretch is
   * replayed, never a skeleton over another moment's picture.
   */
  covers(fromMs: number, toMs: number, maxGapMs: number): boolean {
    let previous = Number.NaN;
    for (let i = 0; i < this.size; i++) {
      const t = this.slotAt(i).timestampMs;
      if (t <= fromMs) {
        previous = t;
        continue;
      }
      const since = Number.isNaN(previous) ? fromMs : Math.max(previous, fromMs);
      if (t - since > maxGapMs) return false;
      previous = t;
      if (t >= toMs) return true;
    }
    return !Number.isNaN(previous) && toMs - Math.max(previous, fromMs) <= maxGapMs;
  }

  /** Forgets the pictures; the canvases stay for reuse. */
  clear(): void {
    this.start = 0;
    this.size = 0;
  }

  /** Lets every canvas go (demo mode turned off): the memory is given back. */
  dispose(): void {
    for (const slot of this.slots) {
      slot.canvas.width = 0;
      slot.canvas.height = 0;
    }
    this.slots.length = 0;
    this.scratch = null;
    this.width = 0;
    this.height = 0;
    this.clear();
  }

  private slotAt(i: number): PictureSlot {
    return this.slots[(this.start + i) % this.slots.length]!;
  }

  private nextSlot(): PictureSlot | null {
    if (this.slots.length < this.capacity && this.size === this.slots.length) {
      // the ring grows to its capacity as the first seconds come in, then reuses
      const canvas = new OffscreenCanvas(this.width, this.height);
      const context = canvas.getContext('2d');
      if (!context) return null;
      this.slots.push({ canvas, context, timestampMs: 0 });
      this.size++;
      return this.slots[this.slots.length - 1]!;
    }
    const i = (this.start + this.size) % this.slots.length;
    if (this.size === this.slots.length) this.start = (this.start + 1) % this.slots.length;
    else this.size++;
    return this.slots[i]!;
  }

  private resize(width: number, height: number): void {
    this.dispose();
    this.width = width;
    this.height = height;
  }

  private viaScratch(image: ImageData): OffscreenCanvas | null {
    if (!this.scratch || this.scratch.width !== image.width || this.scratch.height !== image.height) this.scratch = new OffscreenCanvas(image.width, image.height);
    const context = this.scratch.getContext('2d');
    if (!context) return null;
    context.putImageData(image, 0, 0);
    return this.scratch;
  }
}
