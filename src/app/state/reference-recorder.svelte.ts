/**
 * Recording a physio's reference reps: from a video file (analysed frame by
 * frame, as the setup screen's file), from a stored session's keypoint
 * track, or from a set with the camera now. The recording's full reps are
 * offered with their similarity to one another (reference/recording.ts);
 * the physio unticks a bad one and keeps the rest as the reference.
 */
import type { AppError } from '../errors.ts';
import type { ExerciseId, HipThrustVariant } from '../../core/exercises/ids.ts';
import type { KeypointTrack } from '../../core/track.ts';
import type { Reference } from '../../core/reference/format.ts';
import { buildReference } from '../../core/reference/build.ts';
import { offerOfRecording, type OfferedRep } from '../../core/reference/recording.ts';
import type { SessionSummary } from '../storage/session-store.ts';
import { LiveSession, type EstimatorFactory } from './live-session.svelte.ts';
import type { Archive } from './archive.svelte.ts';

export type RecorderStatus = 'idle' | 'analysing' | 'recording' | 'offered' | 'problem';

export type RecorderProblem =
  /** no full rep of the exercise; `looksLike` another exercise the recording holds full reps of */
  | { readonly kind: 'no-full-rep'; readonly looksLike: ExerciseId | null }
  /** the file could not be read, the model or camera could not start: the app's message */
  | { readonly kind: 'app-error'; readonly error: AppError }
  | { readonly kind: 'no-track' }
  /** the reference format refused the reps (English detail from the core) */
  | { readonly kind: 'refused'; readonly detail: string }
  | { readonly kind: 'none-kept' };

export interface RecorderTarget {
  readonly exercise: ExerciseId;
  /** the hip thrust's variant; null for an exercise without variants */
  readonly variant: HipThrustVariant | null;
}

export class ReferenceRecorder {
  status = $state<RecorderStatus>('idle');
  problem = $state.raw<RecorderProblem | null>(null);
  /** the recording's name (a file's name, a session's date): what the offer says it found reps in */
  sourceLabel = $state('');
  /** the full reps found, each with its similarity to the others */
  reps = $state.raw<readonly OfferedRep[]>([]);
  /** which of `reps` the physio keeps, by position */
  kept = $state<boolean[]>([]);
  /** the stored sessions of the exercise with a keypoint track, newest first (after listSessions) */
  sessions = $state.raw<readonly SessionSummary[]>([]);
  /** the session runner while a file is analysed or the camera records; null otherwise */
  live = $state.raw<LiveSession | null>(null);
  private track: KeypointTrack | null = null;

  constructor(
    private readonly target: () => RecorderTarget,
    private readonly createEstimator: EstimatorFactory,
    private readonly archive: Archive,
  ) {}

  /** how far a file's analysis is, 0-1 */
  get progress(): number {
    return this.live?.progress ?? 0;
  }

  /** reps the camera has counted so far */
  get repsSoFar(): number {
    return this.live?.coach?.reps ?? 0;
  }

  private newLive(): LiveSession {
    this.stopLive();
    const { exercise, variant } = this.target();
    const live = new LiveSession(this.createEstimator);
    live.setExercise(exercise, variant ?? undefined);
    this.live = live;
    this.problem = null;
    this.reps = [];
    return live;
  }

  /** Analyses a physio's video file and offers its reps. */
  async fromFile(file: File): Promise<void> {
    const live = this.newLive();
    this.status = 'analysing';
    this.sourceLabel = file.name;
    live.onEnded = () => this.offer(live.track());
    await live.startFile(file);
    if (live.error && this.live === live) this.failWith(live.error);
  }

  /** Records a set with the camera into `video`; stopCamera offers its reps. */
  async fromCamera(video: HTMLVideoElement, label: string): Promise<void> {
    const live = this.newLive();
    this.status = 'recording';
    this.sourceLabel = label;
    await live.startCamera(video);
    if (live.error && this.live === live) this.failWith(live.error);
  }

  stopCamera(): void {
    const live = this.live;
    if (!live || this.status !== 'recording') return;
    live.stop();
    this.offer(live.track());
  }

  /** Stops a running analysis or recording, keeping nothing. */
  cancel(): void {
    this.stopLive();
    this.status = 'idle';
  }

  /** Forgets what was found (the exercise changed) and stops what runs. */
  reset(): void {
    this.stopLive();
    this.status = 'idle';
    this.problem = null;
    this.reps = [];
    this.kept = [];
    this.sessions = [];
    this.track = null;
  }

  /** Lists the stored sessions the reps may come from: this exercise's, with their keypoint track. */
  async listSessions(): Promise<void> {
    await this.archive.refresh();
    const { exercise } = this.target();
    this.sessions = this.archive.sessions.filter((s): s is SessionSummary => s.ok && s.hasTrack && s.exercise === exercise);
  }

  /** Offers the reps of a stored session. */
  async fromSession(id: string, label: string): Promise<void> {
    this.stopLive();
    this.sourceLabel = label;
    this.status = 'analysing';
    const stored = await this.archive.get(id);
    if (!stored?.ok || !stored.record.track) {
      this.fail({ kind: 'no-track' });
      return;
    }
    this.offer(stored.record.track);
  }

  private offer(track: KeypointTrack | null): void {
    this.stopLive();
    if (!track) {
      this.fail({ kind: 'no-full-rep', looksLike: null });
      return;
    }
    const { exercise, variant } = this.target();
    const offer = offerOfRecording(track, { exercise, variant: variant ?? undefined });
    if (!offer.ok) {
      this.fail(offer.problem === 'no-full-rep' ? { kind: 'no-full-rep', looksLike: offer.looksLike } : { kind: 'refused', detail: offer.detail });
      return;
    }
    this.track = track;
    this.reps = offer.reps;
    this.kept = offer.reps.map(() => true);
    this.status = 'offered';
  }

  /**
   * The reference of the kept reps, or null (with `problem` set) when none
   * is kept or the format refuses them.
   */
  reference(): Reference | null {
    const track = this.track;
    if (!track || this.status !== 'offered') return null;
    const pick = this.reps.filter((_, i) => this.kept[i]).map((r) => r.pick);
    if (pick.length === 0) {
      this.problem = { kind: 'none-kept' };
      return null;
    }
    const { exercise, variant } = this.target();
    const built = buildReference(track, { exercise, variant: variant ?? undefined, pick });
    if (!built.ok) {
      this.problem = { kind: 'refused', detail: built.error };
      return null;
    }
    this.problem = null;
    return built.reference;
  }

  private failWith(error: AppError): void {
    this.fail({ kind: 'app-error', error });
  }

  private fail(problem: RecorderProblem): void {
    this.stopLive();
    this.problem = problem;
    this.reps = [];
    this.track = null;
    this.status = 'problem';
  }

  private stopLive(): void {
    const live = this.live;
    if (!live) return;
    live.onEnded = null;
    live.dispose();
    this.live = null;
  }

  dispose(): void {
    this.stopLive();
  }
}
