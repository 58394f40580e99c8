/**
 * One set of one exercise, from camera setup to its end: the pose runner
 * (LiveSession) with the exercise's coach, voice and chime, pausing (Space,
 * a hidden tab), and the ways a set ends (target reached, the user ends it,
 * the clip ends, "stop, this hurts"). Flow transitions go through `flow`.
 */
import { variantFor } from '../../core/exercises/registry.ts';
import { cueSpeech } from '../../core/i18n/cue-texts.ts';
import type { Language } from '../../core/i18n/messages.ts';
import type { Flow, SetResult } from './flow.svelte.ts';
import { LiveSession, type EstimatorFactory } from './live-session.svelte.ts';
import type { Coach } from './coach.svelte.ts';
import type { ThresholdOverrides } from '../../core/exercises/tunables.ts';
import { Voice } from '../voice.ts';
import { RepChime } from '../sound.ts';
import { Recorder } from './recorder.svelte.ts';
import { comparisonLineOf, sessionRecordOf } from '../../core/session/record.ts';
import type { SessionRecord } from '../../core/session/schema.ts';
import { UNKNOWN } from '../../core/session/vocabulary.ts';
import { isoTime } from '../clock.ts';
import { SetClock } from '../../core/session/set-clock.ts';
import type { Reference } from '../../core/reference/format.ts';
import { cueMessage } from '../../core/reference/cue.ts';
import { format } from '../../core/i18n/messages.ts';
import { referenceChoice } from './reference-choice.svelte.ts';

/** After the target rep, the set ends this much later: the last rep's praise is heard first. */
const END_AFTER_TARGET_MS = 1500;

export type PausedBy = 'user' | 'hidden' | null;

export class SetSession {
  readonly live: LiveSession;
  /** this set's id: its session record and its recording are stored under it */
  readonly sessionId: string = crypto.randomUUID();
  /** when this set's screen opened (the record's startedAt), carried on by the monotonic clock: a wall clock that jumps mid-set cannot end the set before it began */
  private readonly clock = new SetClock(Date.now(), performance.now());
  /** when this set's screen opened (the record's startedAt), ms since the epoch */
  readonly startedAtMs = this.clock.startedAtMs;
  /** the annotated recording of this set, stored under sessionId */
  readonly recorder: Recorder;
  voiceOn = $state(true);
  soundOn = $state(false);
  showNumbers = $state(false);
  extraLarge = $state(false);
  pausedBy = $state<PausedBy>(null);
  private readonly voice: Voice;
  private readonly chime = new RepChime({ enabled: false });
  private unlisten: (() => void) | null = null;
  private endTimer: ReturnType<typeof setTimeout> | null = null;
  private ended = false;

  constructor(
    private readonly flow: Flow,
    createEstimator: EstimatorFactory,
    private readonly lang: () => Language,
  ) {
    this.live = new LiveSession(createEstimator);
    this.recorder = new Recorder(this.sessionId, this.live, flow);
    this.voice = new Voice({ lang: lang(), enabled: this.voiceOn });
    this.live.onEnded = () => this.endSet('clip-end');
    // a program item brings its thresholds and, when the physio recorded one, its reference rep
    this.live.coachOptions = { ...this.live.coachOptions, reference: flow.programReference ?? referenceChoice.for(flow.exercise), overrides: flow.overrides };
    this.live.setExercise(flow.exercise, flow.exercise ? variantFor(flow.exercise, flow.variant) : undefined);
  }

  get coach(): Coach | null {
    return this.live.coach;
  }

  /**
   * Before the set starts (the setup screen): score this set's reps against
   * `reference`, or against none. The coach starts afresh with it; the
   * choice holds for the next sets of the exercise too.
   */
  useReference(reference: Reference | null): void {
    referenceChoice.choose(reference);
    this.live.coachOptions = { ...this.live.coachOptions, reference: referenceChoice.for(this.flow.exercise) };
    this.live.setExercise(this.flow.exercise, this.flow.exercise ? variantFor(this.flow.exercise, this.flow.variant) : undefined);
    this.attach();
  }

  async startCamera(video: HTMLVideoElement): Promise<void> {
    this.setVoice(true);
    await this.live.startCamera(video);
    this.attach();
  }

  /** The camera was lost mid-set: a new camera carries the set on (its reps, track and recording go on). */
  async resumeCamera(video: HTMLVideoElement): Promise<void> {
    await this.live.resumeCamera(video);
  }

  /** A clip stands in for the camera: no voice by default (a physio reviewing a patient's video). */
  async startFile(file: File): Promise<void> {
    this.setVoice(false);
    await this.live.startFile(file);
    this.attach();
  }

  private attach(): void {
    this.unlisten?.();
    this.ended = false;
    const coach = this.live.coach;
    if (!coach) return;
    this.voice.setLang(this.lang());
    this.unlisten = coach.listen({
      // the voice itself is silent while disabled (setVoice keeps it in step with voiceOn)
      cue: (cue) => {
        if (cue) this.voice.speak(cueSpeech(this.lang(), cue));
      },
      // the reference's cue comes only while the engine shows none (reference/cue-gate.ts)
      referenceCue: (cue) => {
        const { key, params } = cueMessage(cue);
        this.voice.speak(format(this.lang(), key, params));
      },
      rep: (rep) => {
        if (rep.full && this.soundOn) this.chime.play();
        const target = this.flow.target;
        if (target && this.live.sourceKind === 'camera' && coach.reps >= target.reps && !this.endTimer) {
          this.endTimer = setTimeout(() => this.endSet('target'), END_AFTER_TARGET_MS);
        }
      },
    });
  }

  /** Demo mode's tuning: the coach goes on with other thresholds (LiveSession.retune), with the voice and chime on the new coach. */
  retune(overrides: ThresholdOverrides): void {
    this.live.retune(overrides);
    this.attach();
  }

  setVoice(on: boolean): void {
    this.voiceOn = on;
    this.voice.setEnabled(on);
  }

  setSound(on: boolean): void {
    this.soundOn = on;
    this.chime.setEnabled(on);
    // called from the checkbox's click: a user gesture, so the browser lets audio start
    if (on) this.chime.unlock();
  }

  /** The start-set button: count from now, without waiting for the start position to be held. */
  startNow(): void {
    this.live.coach?.startNow();
    this.flow.startTraining();
  }

  togglePause(): void {
    if (this.pausedBy) this.resume();
    else this.pause('user');
  }

  pause(by: Exclude<PausedBy, null>): void {
    if (this.pausedBy) return;
    this.pausedBy = by;
    this.live.pause();
  }

  resume(): void {
    if (!this.pausedBy) return;
    this.pausedBy = null;
    this.live.resume();
  }

  /** The tab was hidden or shown again: counting pauses and resumes by itself. */
  visibility(hidden: boolean): void {
    if (hidden) this.pause('hidden');
    else if (this.pausedBy === 'hidden') this.resume();
  }

  /**
   * The set's session record (settings, keypoint track, the engine's events,
   * pain, why it stopped), or null when nothing was analysed. A record the
   * schema refuses is a bug: it is logged, and the set still ends.
   */
  private record(endedBy: SetResult['endedBy']): SessionRecord | null {
    const coach = this.live.coach;
    const track = this.live.track();
    if (!coach || !track) return null;
    const report = coach.report({ model: track.model, source: track.source, lang: this.lang() });
    const built = sessionRecordOf({
      id: this.sessionId,
      startedAt: isoTime(this.startedAtMs),
      endedAt: isoTime(this.clock.wallAt(performance.now())),
      language: this.lang(),
      samplingFps: track.fps > 0 ? track.fps : UNKNOWN,
      report,
      track,
      pain: { before: this.flow.painBefore, after: null },
      stopReason: endedBy,
      // each scored rep against the reference, by its place in the set's reps (the coach scores them in that order)
      comparisons: coach.comparisons.map((c, i) => comparisonLineOf(i, c)),
      program: this.flow.programRef,
    });
    if (built.ok) return built.record;
    console.error('FormCoach: the set could not be made into a session record:', built.error);
    return null;
  }

  private result(endedBy: SetResult['endedBy']): Omit<SetResult, 'set'> {
    const coach = this.live.coach;
    return {
      record: this.record(endedBy),
      reps: coach?.reps ?? 0,
      partialReps: coach?.partialReps ?? 0,
      repRecords: coach?.repRecords ?? [],
      // a snapshot for the summary, never changed afterwards
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      faultCues: new Map(coach?.faultCues ?? []),
      endedBy,
      sessionId: this.sessionId,
      file: this.live.file,
      track: this.live.track(),
      ...(coach?.reference ? { comparisons: coach.comparisons } : {}),
    };
  }

  endSet(endedBy: SetResult['endedBy']): void {
    if (this.ended) return;
    this.ended = true;
    // a rep or hold still at its top when the set ends counts, with its hold so far
    this.live.coach?.finish();
    const result = this.result(endedBy);
    this.dispose();
    this.flow.endSet(result);
  }

  stopForPain(): void {
    if (this.ended) return;
    this.ended = true;
    const result = this.result('pain');
    this.dispose();
    this.flow.stopForPain(result);
  }

  /**
   * The screen goes away (the user opened another page mid-set): a set that
   * counted anything is kept in the history as ended by the user, so leaving
   * never loses it. Setting up without a rep leaves nothing behind.
   */
  leave(): void {
    if (!this.ended && (this.live.coach?.counting ?? false)) {
      this.ended = true;
      this.live.coach?.finish();
      const record = this.record('user');
      if (record && record.events.reps.length > 0) this.flow.keepRecord(record);
    }
    this.dispose();
  }

  dispose(): void {
    // however the set ends (or the view is left), a running recording is finished and stored, never dropped
    void this.recorder.stop();
    if (this.endTimer) clearTimeout(this.endTimer);
    this.endTimer = null;
    this.unlisten?.();
    this.unlisten = null;
    this.voice.dispose();
    this.chime.dispose();
    this.live.dispose();
  }
}
