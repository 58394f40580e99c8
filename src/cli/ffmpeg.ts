/**
 * Decodes a video into RGB frames at a fixed sampling rate with the system
 * ffmpeg (ffprobe for the size). Frames are yielded one at a time from one
 * reused buffer: the consumer must be done with a frame before asking for the
 * next.
 */
import { spawn, spawnSync } from 'node:child_process';

export class FfmpegMissingError extends Error {
  constructor(tool: 'ffmpeg' | 'ffprobe') {
    super(`${tool} is not installed or not on PATH: install it (Debian/Ubuntu: \`apt-get install ffmpeg\`, macOS: \`brew install ffmpeg\`) and try again.`);
    this.name = 'FfmpegMissingError';
  }
}

export interface VideoInfo {
  readonly width: number;
  readonly height: number;
  readonly durationS: number;
}

export interface DecodeOptions {
  /** frames per second to sample; default 15; 0 decodes every frame as it is (a still photo is one frame) */
  readonly fps?: number;
  /** the longer side of the decoded frames, in pixels; default 640 (models see 192-256 px anyway) */
  readonly maxSide?: number;
}

export interface DecodedFrame {
  /** rgb24 pixels, width * height * 3 bytes; reused for the next frame */
  readonly rgb: Uint8Array;
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

export function probeVideo(path: string): VideoInfo {
  const out = run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height:format=duration', '-of', 'json', path]);
  const info = JSON.parse(out) as { streams?: { width?: number; height?: number }[]; format?: { duration?: string } };
  const stream = info.streams?.[0];
  if (!stream?.width || !stream.height) throw new Error(`no video stream in ${path}`);
  return { width: stream.width, height: stream.height, durationS: Number(info.format?.duration ?? 0) };
}

/**
 * Output size: aspect ratio kept, both sides even (yuv/rgb scalers like even
 * sizes), the longer side at most `maxSide`, and never larger than the source.
 */
export function scaledSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const floorEven = (v: number): number => 2 * Math.floor(v / 2);
  const even = (v: number): number => Math.max(2, Math.min(2 * Math.round((v * scale) / 2), floorEven(v), floorEven(maxSide)));
  return { width: even(width), height: even(height) };
}

export async function* decodeFrames(path: string, info: VideoInfo, options: DecodeOptions = {}): AsyncGenerator<DecodedFrame> {
  const fps = options.fps ?? 15;
  const { width, height } = scaledSize(info.width, info.height, options.maxSide ?? 640);
  const frameBytes = width * height * 3;
  const filter = fps > 0 ? `fps=${fps},scale=${width}:${height}` : `scale=${width}:${height}`;
  const child = spawn('ffmpeg', ['-v', 'error', '-i', path, '-vf', filter, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new FfmpegMissingError('ffmpeg') : err));
    child.on('close', resolve);
  });
  const frame = new Uint8Array(frameBytes);
  let filled = 0;
  let index = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - offset);
        frame.set(chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === frameBytes) {
          yield { rgb: frame, width, height, timestampMs: fps > 0 ? (index * 1000) / fps : 0, index };
          index++;
          filled = 0;
        }
      }
    }
    const code = await exited;
    if (code !== 0) throw new Error(`ffmpeg failed to decode ${path}: ${stderr.trim().split('\n').pop() ?? `exit code ${code}`}`);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
