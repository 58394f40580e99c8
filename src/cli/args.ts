/** Command-line arguments of `npm run analyze`, parsed and validated with one-line errors. */
import { isModelId, MODEL_IDS, DEFAULT_MODEL, type ModelId } from '../pose/models.ts';
import { EXERCISE_IDS, HIP_THRUST_VARIANTS, isExerciseId, isHipThrustVariant, type ExerciseId, type HipThrustVariant } from '../core/exercises/ids.ts';
import { LANGUAGES, isLanguage, type Language } from '../core/i18n/messages.ts';

export const FORMATS = ['json', 'table'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface AnalyzeArgs {
  readonly input: string;
  readonly model: ModelId;
  readonly out: string | undefined;
  readonly fps: number;
  readonly help: boolean;
  /** analyse the set for this exercise; without it the CLI outputs the keypoint track */
  readonly exercise: ExerciseId | undefined;
  readonly variant: HipThrustVariant | undefined;
  readonly lang: Language;
  readonly format: OutputFormat;
  /** with --exercise: also write the session record (src/core/session, docs/session-format.md) to this file */
  readonly session: string | undefined;
}

export const USAGE = `usage: npm run analyze -- <video-or-track.json> [--exercise ${EXERCISE_IDS.join('|')}]
         [--variant ${HIP_THRUST_VARIANTS.join('|')}] [--model ${MODEL_IDS.join('|')}] [--fps N]
         [--lang ${LANGUAGES.join('|')}] [--format json|table] [--out FILE] [--session FILE]

Analyses a video file (decoded with ffmpeg at --fps, default 15) with the pose
model (default ${DEFAULT_MODEL}, wasm backend). Without --exercise it writes the
keypoint track as JSON; given a track JSON, it validates it and passes it
through. With --exercise it counts reps and holds and checks form, and prints
one JSON report (or a table for a person with --format table); --session FILE
also writes the session record of the set (docs/session-format.md), which the
app's history can import.
Output goes to stdout or --out; progress and logs go to stderr.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  let input: string | undefined;
  let model: ModelId = DEFAULT_MODEL;
  let out: string | undefined;
  let fps = 15;
  let help = false;
  let exercise: ExerciseId | undefined;
  let variant: HipThrustVariant | undefined;
  let lang: Language = 'en';
  let format: OutputFormat = 'json';
  let session: string | undefined;
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
    } else if (arg === '--exercise') {
      const v = value();
      if (!isExerciseId(v)) throw new UsageError(`unknown exercise "${v}": expected one of ${EXERCISE_IDS.join(', ')}`);
      exercise = v;
    } else if (arg === '--variant') {
      const v = value();
      if (!isHipThrustVariant(v)) throw new UsageError(`unknown variant "${v}": expected one of ${HIP_THRUST_VARIANTS.join(', ')}`);
      variant = v;
    } else if (arg === '--lang') {
      const v = value();
      if (!isLanguage(v)) throw new UsageError(`unknown language "${v}": expected one of ${LANGUAGES.join(', ')}`);
      lang = v;
    } else if (arg === '--format') {
      const v = value();
      if (v !== 'json' && v !== 'table') throw new UsageError(`unknown format "${v}": expected json or table`);
      format = v;
    } else if (arg === '--out' || arg === '-o') out = value();
    else if (arg === '--session') session = value();
    else if (arg === '--fps') {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0 || v > 120) throw new UsageError(`--fps must be a number in (0, 120], got ${argv[i]}`);
      fps = v;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else if (input === undefined) input = arg;
    else throw new UsageError(`unexpected argument "${arg}": give one input file`);
  }
  if (!help && input === undefined) throw new UsageError('no input: give a video file or a keypoint track (.json)');
  if (variant !== undefined && exercise !== 'hip-thrust') throw new UsageError('--variant applies to --exercise hip-thrust only');
  if (format === 'table' && exercise === undefined) throw new UsageError('--format table needs --exercise (a keypoint track is JSON)');
  if (session !== undefined && exercise === undefined) throw new UsageError('--session needs --exercise (a session record holds the analysis of a set)');
  if (session !== undefined && session === out) throw new UsageError(`--session and --out name the same file (${session}): give the session record a file of its own`);
  return { input: input ?? '', model, out, fps, help, exercise, variant, lang, format, session };
}
