/**
 * Decodes a video into RGB frames at a fixed sampling rate with the system
 * ffmpeg (ffprobe for the size), choosing the frames by the rule the browser
 * uses too (src/core/frame-sampling.ts). Frames are yielded one at a time
 * from one reused buffer: the consumer must be done with a frame before
 * asking for the next.
 */
import { spawn, spawnSync } from 'node:child_process';
import { ANALYSIS_FPS, ANALYSIS_MAX_SIDE, FRAME_TIME_EPSILON_MS, FrameSampler, scaledSize } from '../core/frame-sampling.ts';
import { i420Layout, i420Size, yuvMatrixOf, yuvToRgb } from '../core/frame-pixels.ts';

export class FfmpegMissingError extends Error {
  constructor(tool: 'ffmpeg' | 'ffprobe') {
    super(`${tool} is not installed or not on PATH: install it (Debian/Ubuntu: \`apt-get install ffmpeg\`, macOS: \`brew install ffmpeg\`) and try again.`);
    this.name = 'FfmpegMissingError';
  }
}

export interface VideoInfo {
  /** frame size as shown (after the file's rotation, which ffmpeg applies) */
  readonly width: number;
  readonly height: number;
  readonly durationS: number;
  /** ffprobe's color_space (bt709, smpte170m, ...); undefined when the file does not say */
  readonly colorSpace?: string | undefined;
  /** full-range (0-255) luma rather than studio range (16-235) */
  readonly fullRange?: boolean;
}

export interface DecodeOptions {
  /** frames per second to sample; default 15; 0 decodes every frame as it is (a still photo is one frame) */
  readonly fps?: number;
  /** the longer side of the decoded frames, in pixels; default 640 (models see 192-256 px anyway) */
  readonly maxSide?: number;
  /**
   * ffmpeg's decoding threads; default: ffmpeg's choice (one per core and
   * more). A batch runs a worker per core, each with its own ffmpeg, and
   * gives 1: more threads than cores only add switching.
   */
  readonly threads?: number;
}

export interface DecodedFrame {
  /**
   * rgb pixels, width * height * 3 values 0-255; reused for the next frame.
   * Sampled video: int32, the dtype of the model's input tensor, so
   * tf.tensor3d(rgb, [h, w, 3], 'int32') takes it without a conversion
   * (which allocated a new array per frame); photos (fps 0): bytes.
   */
  readonly rgb: Int32Array | Uint8Array;
  readonly width: number;
  readonly height: number;
  /** media time of this frame in ms */
  readonly timestampMs: number;
  readonly index: number;
}

function run(tool: 'ffmpeg' | 'ffprobe', args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') throw new FfmpegMissingError(tool);
  if (result.status !== 0) {
    const why = (result.stderr || '').trim().split('\n').pop() || `exit code ${result.status}`;
    throw new Error(`${tool} could not read the file: ${why}`);
  }
  return result.stdout;
}

interface ProbedStream {
  width?: number;
  height?: number;
  pix_fmt?: string;
  color_space?: string;
  color_range?: string;
  side_data_list?: { rotation?: number }[];
  tags?: { rotate?: string };
}

export function probeVideo(path: string): VideoInfo {
  const out = run('ffprobe', [
    '-v', 'error', '-select_streams', 'v:0',
    '-show_entries', 'stream=width,height,pix_fmt,color_space,color_range:stream_side_data=rotation:stream_tags=rotate:format=duration',
    '-of', 'json', path,
  ]);
  const info = JSON.parse(out) as { streams?: ProbedStream[]; format?: { duration?: string } };
  const stream = info.streams?.[0];
  if (!stream?.width || !stream.height) throw new Error(`no video stream in ${path}`);
  const rotation = stream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? Number(stream.tags?.rotate ?? 0);
  const quarterTurn = Math.abs(Math.round(rotation / 90)) % 2 === 1;
  return {
    width: quarterTurn ? stream.height : stream.width,
    height: quarterTurn ? stream.width : stream.height,
    durationS: Number(info.format?.duration ?? 0),
    colorSpace: stream.color_space && stream.color_space !== 'unknown' ? stream.color_space : undefined,
    fullRange: stream.color_range === 'pc' || (stream.pix_fmt?.startsWith('yuvj') ?? false),
  };
}

/** The analysed frame size (aspect kept, even sides, longer side at most maxSide): one rule with the browser, in src/core. */
export { scaledSize };

/**
 * Presentation times of every frame of the first video stream, ms, in
 * presentation order, as ffprobe decodes them (exact: integer pts in the
 * stream's time base). For tests and tools; decodeFrames reads the same times
 * from ffmpeg itself.
 */
export function probeFrameTimes(path: string): number[] {
  const out = run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=time_base:frame=pts,pkt_dts', '-of', 'json', path]);
  const info = JSON.parse(out) as { streams?: { time_base?: string }[]; frames?: { pts?: number; pkt_dts?: number }[] };
  const [num, den] = (info.streams?.[0]?.time_base ?? '1/1000').split('/').map(Number) as [number, number];
  return (info.frames ?? []).map((f) => (((f.pts ?? f.pkt_dts ?? Number.NaN) * num) / den) * 1000);
}

/** ffmpeg's showinfo filter, one line per frame: "[Parsed_showinfo_1 @ 0x..] n:   3 pts:   3003 pts_time:0.05 ..." */
const SHOWINFO_FRAME = /^\[Parsed_showinfo_\d+ @ [^\]]+\] n:\s*(\d+) pts:\s*(-?\d+|NOPTS)/;
const SHOWINFO_TIME_BASE = /^\[Parsed_showinfo_\d+ @ [^\]]+\] config in time_base: (\d+)\/(\d+)/;
const SHOWINFO_ANY = /^\[Parsed_showinfo_\d+ @/;

/**
 * Frame times from ffmpeg's stderr (showinfo), in output order; `take(k)`
 * waits until frame k's time is known (stderr and stdout are separate pipes,
 * so frame k's pixels can arrive before its line).
 */
class FrameTimes {
  private readonly times: number[] = [];
  private timeBase: [number, number] | null = null;
  private partial = '';
  private ended = false;
  private waiter: (() => void) | null = null;
  /** stderr lines that are not showinfo's, for the error message */
  readonly otherLines: string[] = [];

  feed(text: string): void {
    const lines = (this.partial + text).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.line(line);
    this.wake();
  }

  end(): void {
    if (this.partial) this.line(this.partial);
    this.partial = '';
    this.ended = true;
    this.wake();
  }

  private line(raw: string): void {
    const line = raw.replace(/\r$/, '');
    const frame = SHOWINFO_FRAME.exec(line);
    if (frame) {
      const [num, den] = this.timeBase ?? [1, 1000];
      this.times[Number(frame[1])] = frame[2] === 'NOPTS' ? Number.NaN : ((Number(frame[2]) * num) / den) * 1000;
      return;
    }
    const tb = SHOWINFO_TIME_BASE.exec(line);
    if (tb) {
      this.timeBase = [Number(tb[1]), Number(tb[2])];
      return;
    }
    if (!SHOWINFO_ANY.test(line) && line.trim()) this.otherLines.push(line.trim());
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  async take(k: number): Promise<number> {
    for (;;) {
      const t = this.times[k];
      if (t !== undefined) {
        delete this.times[k];
        return t;
      }
      if (this.ended) throw new Error(`ffmpeg gave frame ${k} without its time`);
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }
}

/**
 * The sampling rule as an ffmpeg `select` expression that drops the frames
 * the rule surely skips, before they are piped: a 60 fps clip analysed at 15
 * fps sent 4 full-size frames for each one used. It keeps a superset of the
 * rule's frames (FrameSampler still decides, on what it gets, and a skipped
 * frame never changes its state): a frame fills a sample only when
 * floor((t - first) * fps + epsilon * fps) grows past its value at the
 * frame before; ffmpeg computes that in its own double arithmetic, so both
 * sides of the comparison get `margin` samples of slack the other way. Frames
 * without a time, the first timed one (var 0 is its time, var 1 says it is
 * set) and any after an untimed one are kept.
 */
export function samplingSelect(fps: number, epsilonMs: number = FRAME_TIME_EPSILON_MS, margin = 0.01): string {
  const offset = (epsilonMs * fps) / 1000;
  const upTo = (t: string, slack: number): string => `floor((${t}-ld(0))*${fps}+${offset + slack})`;
  return `if(not(ld(1))*not(isnan(t)),st(0,t)+st(1,1));gt(isnan(t)+isnan(prev_t)+gt(${upTo('t', margin)},${upTo('prev_t', -margin)}),0)`;
}

/**
 * Decodes `path` to rgb frames of scaledSize(...). With `fps` > 0 (default
 * 15) ffmpeg decodes every frame as it is (passthrough, no rate conversion),
 * drops those the sampling rule surely skips (samplingSelect) and reports
 * each other one's presentation time; FrameSampler (src/core, the rule the
 * browser uses too) picks the frames, each is stamped with its sample's
 * time, n * 1000 / fps ms, and converted to rgb by src/core/frame-pixels.ts
 * (as in the browser). A frame that fills several samples (a
 * source slower than the rate, a gap) is yielded once for each. With `fps` 0
 * every frame is yielded at time 0 (photos).
 */
export async function* decodeFrames(path: string, info: VideoInfo, options: DecodeOptions = {}): AsyncGenerator<DecodedFrame> {
  const fps = options.fps ?? ANALYSIS_FPS;
  const { width, height } = scaledSize(info.width, info.height, options.maxSide ?? ANALYSIS_MAX_SIDE);
  const sampled = fps > 0;
  // sampled video: ffmpeg hands over the decoded 4:2:0 frames untouched; the conversion to the
  // model's rgb (scaling, colour matrix) is src/core/frame-pixels.ts, the browser's too.
  // showinfo without its per-frame checksums (they cost as much CPU as decoding a 1080p frame)
  const full = info.fullRange ?? false;
  const threads = options.threads === undefined ? [] : ['-threads', String(options.threads)];
  const args = sampled
    ? ['-hide_banner', '-nostats', '-v', 'info', ...threads, '-i', path, '-map', '0:v:0', '-fps_mode', 'passthrough', '-vf', `select='${samplingSelect(fps)}',showinfo=checksum=0`, '-f', 'rawvideo', '-pix_fmt', full ? 'yuvj420p' : 'yuv420p']
    : ['-v', 'error', ...threads, '-i', path, '-vf', `scale=${width}:${height}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24'];
  const inBytes = sampled ? i420Size(info.width, info.height) : width * height * 3;
  const child = spawn('ffmpeg', [...args, 'pipe:1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const times = new FrameTimes();
  child.stderr.on('data', (d: Buffer) => times.feed(d.toString()));
  child.stderr.on('end', () => times.end());
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new FfmpegMissingError('ffmpeg') : err));
    child.on('close', resolve);
  });
  // a failed spawn rejects `exited` before anyone awaits it; the loop below sees the same failure
  exited.catch(() => undefined);
  const sampler = sampled ? new FrameSampler(fps) : null;
  const matrix = yuvMatrixOf(info.colorSpace, info.height);
  const input = new Uint8Array(inBytes);
  const yuv = i420Layout(input, info.width, info.height);
  const rgb = sampled ? new Int32Array(width * height * 3) : input;
  let filled = 0;
  let decoded = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(inBytes - filled, chunk.length - offset);
        input.set(n === chunk.length ? chunk : chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === inBytes) {
          filled = 0;
          const k = decoded++;
          if (!sampler) {
            yield { rgb, width, height, timestampMs: 0, index: k };
            continue;
          }
          const samples = sampler.push(await times.take(k));
          if (samples.length > 0) yuvToRgb(yuv, matrix, full, width, height, rgb);
          for (const sample of samples) yield { rgb, width, height, timestampMs: sampler.timeOf(sample), index: sample };
        }
      }
    }
    const code = await exited;
    if (code !== 0) throw new Error(`ffmpeg failed to decode ${path}: ${times.otherLines.at(-1) ?? `exit code ${code}`}`);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
