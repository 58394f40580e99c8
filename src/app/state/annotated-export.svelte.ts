/**
 * Saving an analysed file's set as an annotated video (summary screen): runs
 * src/record/export/annotated-export.ts on the set's file and keypoint track,
 * shows its progress, can be cancelled, and downloads the file when done.
 * The component renders this state; it holds no logic of its own.
 */
import { describeExercise, createChecker, variantFor } from '../../core/exercises/registry.ts';
import type { ExerciseId } from '../../core/exercises/ids.ts';
import { cueText } from '../../core/i18n/cue-texts.ts';
import { format, type Language } from '../../core/i18n/messages.ts';
import { exportAnnotatedVideo, ExportError, type ExportProblem } from '../../record/export/annotated-export.ts';
import { annotatedFileName } from '../../record/export/file-name.ts';
import type { OverlayTexts } from '../../record/export/overlay-of-replay.ts';
import type { SetResult } from './flow.svelte.ts';
import { downloadBlob } from '../download.ts';

export type ExportStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** What the export needs of the set and its exercise. */
export interface ExportRequest {
  readonly result: SetResult;
  readonly exercise: ExerciseId;
  /** the set's variant choice (the flow's), passed through variantFor as the set did */
  readonly variant: string;
  readonly lang: Language;
}

export class AnnotatedExport {
  status = $state<ExportStatus>('idle');
  /** 0..1 */
  progress = $state(0);
  error = $state.raw<{ readonly problem: ExportProblem; readonly detail: string } | null>(null);
  /** the saved file's name, once done */
  fileName = $state('');
  private abort: AbortController | null = null;

  constructor(private readonly save: (blob: Blob, fileName: string) => void = downloadBlob) {}

  get percent(): number {
    return Math.floor(this.progress * 100);
  }

  /** Whether a set can be exported: a file was analysed and its track kept. */
  static canExport(result: SetResult | undefined): boolean {
    return Boolean(result?.file && result.track && result.track.frames.length > 0);
  }

  async start(request: ExportRequest): Promise<void> {
    const { result, exercise, lang } = request;
    if (this.status === 'running' || !result.file || !result.track) return;
    const abort = new AbortController();
    this.abort = abort;
    this.status = 'running';
    this.progress = 0;
    this.error = null;
    this.fileName = '';
    const description = describeExercise(exercise);
    const texts: OverlayTexts = {
      exerciseName: format(lang, `exercise.${exercise}`),
      repsLabel: format(lang, 'coach.reps'),
      holdLabel: format(lang, 'training.hold'),
      targetReps: description.target.reps,
      targetHoldS: description.target.holdS,
      cueText: (cue) => cueText(lang, cue),
    };
    try {
      const checker = createChecker({ exercise, model: result.track.model, variant: variantFor(exercise, request.variant) });
      const done = await exportAnnotatedVideo({
        file: result.file,
        track: result.track,
        checker,
        texts,
        signal: abort.signal,
        onProgress: (fraction) => {
          if (!abort.signal.aborted) this.progress = fraction;
        },
      });
      const fileName = annotatedFileName(exercise, result.file.name, done.extension);
      this.save(done.blob, fileName);
      this.fileName = fileName;
      this.progress = 1;
      this.status = 'done';
      console.info(
        `FormCoach export: ${fileName}, ${done.codec} ${done.width}x${done.height}, ${done.frames} frames, clip ${(done.durationMs / 1000).toFixed(2)} s in ${(done.elapsedMs / 1000).toFixed(2)} s: ${(done.durationMs / done.elapsedMs).toFixed(2)}x real time (decode ${Math.round(done.phasesMs.decode)} ms, draw ${Math.round(done.phasesMs.draw)} ms, encode ${Math.round(done.phasesMs.encode)} ms)`,
      );
    } catch (err) {
      if (abort.signal.aborted) {
        this.status = 'cancelled';
      } else {
        this.error = err instanceof ExportError ? { problem: err.problem, detail: err.detail } : { problem: 'failed', detail: err instanceof Error ? err.message : String(err) };
        this.status = 'error';
        console.error('FormCoach export:', err);
      }
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }

  /** Stops the export: the decoder, the encoder and every frame are let go; nothing is saved. */
  cancel(): void {
    this.abort?.abort(new DOMException('the export was cancelled', 'AbortError'));
  }

  dispose(): void {
    this.cancel();
  }
}
