/** Command-line arguments of `npm run analyze`, parsed and validated with one-line errors. */
import { statSync } from 'node:fs';
import { isModelId, MODEL_IDS, DEFAULT_MODEL, type ModelId } from '../pose/models.ts';
import { EXERCISE_IDS, HIP_THRUST_VARIANTS, isExerciseId, isHipThrustVariant, type ExerciseId, type HipThrustVariant } from '../core/exercises/ids.ts';
import { VIDEO_EXTENSIONS } from './video-files.ts';
import { LANGUAGES, isLanguage, type Language } from '../core/i18n/messages.ts';

/** json and table for one clip's output; a batch's summary also as csv */
export const FORMATS = ['json', 'table', 'csv'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** the most worker threads --jobs asks for (each holds its own model: about 100 MB) */
export const MAX_JOBS = 64;

export interface AnalyzeArgs {
  /** the first input (the one input of a single-clip run) */
  readonly input: string;
  /** every input, files and folders, in the order given */
  readonly inputs: readonly string[];
  /**
   * several clips: more than one input, a folder, or --format csv. Each clip's
   * output goes into the --out folder, each session record into the --session
   * folder, and stdout gets the summary (table, csv or json).
   */
  readonly batch: boolean;
  /** worker threads for a batch; undefined: one per core, at most one per clip */
  readonly jobs: number | undefined;
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
       npm run analyze -- <files or folders...> [--exercise ...] [--jobs N]
         [--format table|csv|json] [--out DIR] [--session DIR]

Analyses a video file (decoded with ffmpeg at --fps, default 15) with the pose
model (default ${DEFAULT_MODEL}, wasm backend). Without --exercise it writes the
keypoint track as JSON; given a track JSON, it validates it and passes it
through. With --exercise it counts reps and holds and checks form, and prints
one JSON report (or a table for a person with --format table); --session FILE
also writes the session record of the set (docs/session-format.md), which the
app's history can import.
Output goes to stdout or --out; progress and logs go to stderr.

Batch: given several inputs or a folder (searched with its subfolders for
${VIDEO_EXTENSIONS.map((e) => `.${e}`).join(' ')} files), it analyses the clips in parallel, one
worker thread and model per core (--jobs N to choose), and prints a summary:
one row per clip (duration, reps, partial reps, faults, seconds taken, x real
time) as a table (default), csv or json. --out DIR gets one file per clip
(<name>.report.json with --exercise, else <name>.track.json), --session DIR
one session record per clip (<name>.session.json). A clip that fails is named
with the reason; the others still run, and the exit code is 1.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Whether a path is a folder; missing paths are not (the run names them later). */
export function isFolderOnDisk(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** `isFolder` decides which inputs are folders (a batch); tests pass their own. */
export function parseAnalyzeArgs(argv: readonly string[], isFolder: (path: string) => boolean = isFolderOnDisk): AnalyzeArgs {
  const inputs: string[] = [];
  let model: ModelId = DEFAULT_MODEL;
  let out: string | undefined;
  let fps = 15;
  let help = false;
  let exercise: ExerciseId | undefined;
  let variant: HipThrustVariant | undefined;
  let lang: Language = 'en';
  let format: OutputFormat | undefined;
  let session: string | undefined;
  let jobs: number | undefined;
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
      if (v !== 'json' && v !== 'table' && v !== 'csv') throw new UsageError(`unknown format "${v}": expected json, table or csv`);
      format = v;
    } else if (arg === '--out' || arg === '-o') out = value();
    else if (arg === '--session') session = value();
    else if (arg === '--fps') {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0 || v > 120) throw new UsageError(`--fps must be a number in (0, 120], got ${argv[i]}`);
      fps = v;
    } else if (arg === '--jobs' || arg === '-j') {
      const text = value();
      const v = Number(text);
      if (!/^\d+$/.test(text) || v < 1 || v > MAX_JOBS) throw new UsageError(`${arg} must be a whole number from 1 to ${MAX_JOBS}, got ${text}`);
      jobs = v;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else inputs.push(arg);
  }
  if (!help && inputs.length === 0) throw new UsageError('no input: give a video file or a keypoint track (.json), or several files or folders');
  if (variant !== undefined && exercise !== 'hip-thrust') throw new UsageError('--variant applies to --exercise hip-thrust only');
  if (session !== undefined && exercise === undefined) throw new UsageError('--session needs --exercise (a session record holds the analysis of a set)');
  const batch = inputs.length > 1 || format === 'csv' || inputs.some((p) => isFolder(p));
  if (batch) {
    // a batch without --exercise makes one keypoint track per clip: they need a folder to go to
    if (exercise === undefined && out === undefined) throw new UsageError('several clips without --exercise need --out DIR: one keypoint track per clip goes there');
  } else {
    if (format === 'table' && exercise === undefined) throw new UsageError('--format table needs --exercise (a keypoint track is JSON)');
    if (session !== undefined && session === out) throw new UsageError(`--session and --out name the same file (${session}): give the session record a file of its own`);
  }
  return { input: inputs[0] ?? '', inputs, batch, jobs, model, out, fps, help, exercise, variant, lang, format: format ?? (batch ? 'table' : 'json'), session };
}
