/**
 * The CLI's decoder picks the frames the sampling rule picks
 * (src/core/frame-sampling.ts), although ffmpeg now drops the frames the
 * rule skips before they are piped (samplingSelect): for clips at rates that
 * divide the analysis rate and rates that do not, a clip with a gap, and a
 * WebM (millisecond times), every analysed frame is the very frame the rule
 * names, at the rule's time. Each synthetic frame shows its own number as two
 * grey levels, so the decoded pixels say which frame came out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeFrames, probeFrameTimes, probeVideo } from '../../src/cli/ffmpeg.ts';
import { sampleFrames, sampleTimeMs } from '../../src/core/frame-sampling.ts';

const SIZE = 32;
/** grey levels 16 + 7k (k < 32) on the left half (number mod 32) and the right half (number / 32) */
const NUMBERED = `geq=lum='16+7*if(lt(X\\,${SIZE / 2})\\,mod(N\\,32)\\,floor(N/32))':cb=128:cr=128`;

interface Clip {
  readonly name: string;
  /** ffmpeg arguments from the synthetic source on */
  readonly args: readonly string[];
}

const h264 = ['-c:v', 'libx264', '-qp', '0', '-pix_fmt', 'yuv420p', '-bf', '2'];
const CLIPS: readonly Clip[] = [
  { name: '60fps.mp4', args: ['-f', 'lavfi', '-i', `color=black:s=${SIZE}x${SIZE}:r=60:d=2.5,${NUMBERED}`, ...h264] },
  { name: '59.94fps.mp4', args: ['-f', 'lavfi', '-i', `color=black:s=${SIZE}x${SIZE}:r=60000/1001:d=2.5,${NUMBERED}`, ...h264] },
  { name: '25fps.mp4', args: ['-f', 'lavfi', '-i', `color=black:s=${SIZE}x${SIZE}:r=25:d=2.5,${NUMBERED}`, ...h264] },
  // 30 fps with a 0.4 s gap after frame 20: the first frame after it fills every sample the gap held
  { name: 'gap.mp4', args: ['-f', 'lavfi', '-i', `color=black:s=${SIZE}x${SIZE}:r=30:d=2,${NUMBERED},setpts='(N/30+gt(N\\,20)*0.4)/TB'`, '-fps_mode', 'passthrough', ...h264] },
  { name: '30fps.webm', args: ['-f', 'lavfi', '-i', `color=black:s=${SIZE}x${SIZE}:r=30:d=2,${NUMBERED}`, '-c:v', 'libvpx', '-crf', '4', '-b:v', '1M'] },
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'formcoach-decode-sampling-'));
  for (const clip of CLIPS) execFileSync('ffmpeg', ['-v', 'error', '-y', ...clip.args, join(dir, clip.name)]);
});

/** The frame number a decoded frame shows: its two grey levels, back from limited-range rgb. */
function frameNumber(rgb: Int32Array | Uint8Array): number {
  const level = (x: number): number => Math.round(((rgb[x * 3]! * 219) / 255 + 16 - 16) / 7);
  return level(0) + 32 * level(SIZE - 1);
}

describe('the CLI decoder and the sampling rule', () => {
  it.each(CLIPS.map((c) => c.name))('%s: every analysed frame is the frame the rule names, at its time', async (name) => {
    const path = join(dir, name);
    const ruleFrames = sampleFrames(probeFrameTimes(path));
    expect(ruleFrames.length).toBeGreaterThan(25);
    const got: { frame: number; t: number }[] = [];
    for await (const frame of decodeFrames(path, probeVideo(path), { fps: 15, threads: 1 })) got.push({ frame: frameNumber(frame.rgb), t: frame.timestampMs });
    expect(got).toEqual(ruleFrames.map((frame, n) => ({ frame, t: sampleTimeMs(n) })));
  });
});
