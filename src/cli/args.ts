/** Command-line arguments of `npm run analyze`, parsed and validated with one-line errors. */
import { isModelId, MODEL_IDS, DEFAULT_MODEL, type ModelId } from '../pose/models.ts';

export interface AnalyzeArgs {
  readonly input: string;
  readonly model: ModelId;
  readonly out: string | undefined;
  readonly fps: number;
  readonly help: boolean;
}

export const USAGE = `usage: npm run analyze -- <video-or-track.json> [--model ${MODEL_IDS.join('|')}] [--fps N] [--out FILE]

Analyses a video file (decoded with ffmpeg at --fps, default 15) with the pose
model (default ${DEFAULT_MODEL}, wasm backend) and writes the keypoint track as JSON
to stdout or --out. Given a track JSON, validates it and passes it through.
Progress goes to stderr.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  let input: string | undefined;
  let model: ModelId = DEFAULT_MODEL;
  let out: string | undefined;
  let fps = 15;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--model') {
      const v = value();
      if (!isModelId(v)) throw new UsageError(`unknown model "${v}": expected one of ${MODEL_IDS.join(', ')}`);
      model = v;
    } else if (arg === '--out' || arg === '-o') out = value();
    else if (arg === '--fps') {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0 || v > 120) throw new UsageError(`--fps must be a number in (0, 120], got ${argv[i]}`);
      fps = v;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else if (input === undefined) input = arg;
    else throw new UsageError(`unexpected argument "${arg}": give one input file`);
  }
  if (!help && input === undefined) throw new UsageError('no input: give a video file or a keypoint track (.json)');
  return { input: input ?? '', model, out, fps, help };
}
