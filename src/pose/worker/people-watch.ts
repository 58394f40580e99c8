/**
 * The pose worker's estimator with an eye on everyone in view (issue 11
 * point 6): the coaching model (MoveNet Lightning by default) coaches, the
 * people model (MoveNet MultiPose with its tracker) looks at everyone once a
 * second, and every 200 ms while someone else is in view
 * (src/core/people/people-schedule.ts). Each frame,
 * the SubjectPicker hands on only the subject's pose: the engine, the
 * overlay and the track never see anyone else. It is a PoseEstimator like
 * any other, so the pipeline and the live session run it unchanged; it
 * watches only while `follow` says whom (a camera set), so a video file's
 * frames stay exactly the CLI's.
 */
import type { PoseFrame } from '../../core/frame/pose-frame.ts';
import { emptyPoseFrame } from '../../core/frame/pose-frame.ts';
import { PeopleSchedule, type PeopleMode } from '../../core/people/people-schedule.ts';
import { SubjectPicker, type PeopleEvent } from '../../core/people/subject-picker.ts';
import type { PoseInput } from '../estimator.ts';
import type { WorkerPoseEstimator } from './worker-estimator.ts';

/** What the people watch needs to know of the coach, read before each frame. */
export interface CoachingState {
  /** the set has started: the subject is whoever the engine watched take the start position */
  readonly counting: boolean;
  /** not counting yet, and the engine does not see the start position (another person may be the one taking it) */
  readonly waitingForStart: boolean;
}

export interface Following {
  /** the coach's state now; null: pose only (nobody to lock on) */
  readonly coaching: () => CoachingState | null;
  /** told of each people event (another person in view or gone, the subject lost or found) */
  readonly onEvent: (event: PeopleEvent) => void;
}

export interface PeopleWatchingEstimator extends WorkerPoseEstimator {
  /** Watches for other people from the next frame on, for the coach `following` describes; null stops watching (a video file). */
  follow(following: Following | null): void;
  /** the mode of the last frame */
  readonly lastMode: PeopleMode;
}

/**
 * `peopleLoaded`: the worker already has the people model (loadPeople
 * resolved true); otherwise it is loaded when someone is first coached.
 */
export function watchPeople(inner: WorkerPoseEstimator, peopleLoaded = false): PeopleWatchingEstimator {
  const picker = new SubjectPicker();
  const schedule = new PeopleSchedule();
  let following: Following | null = null;
  /** false once the people model failed to start: the single-pose guard alone */
  let peopleModel: 'none' | 'loading' | 'ready' | 'failed' = peopleLoaded ? 'ready' : 'none';
  let lastMode: PeopleMode = 'single';

  const startPeopleModel = (): void => {
    if (peopleModel !== 'none') return;
    peopleModel = 'loading';
    void inner.loadPeople().then(
      (ok) => {
        peopleModel = ok ? 'ready' : 'failed';
      },
      () => {
        peopleModel = 'failed';
      },
    );
  };

  const tell = (): void => {
    if (!following) return;
    for (const event of picker.events) following.onEvent(event);
  };

  return {
    get model() {
      return inner.model;
    },
    get backend() {
      return inner.backend;
    },
    get modelBytesLoaded() {
      return inner.modelBytesLoaded;
    },
    get wasmThreads() {
      return inner.wasmThreads;
    },
    get lastTiming() {
      return inner.lastTiming;
    },
    get lastMode() {
      return lastMode;
    },
    follow(next: Following | null): void {
      following = next;
      picker.reset();
      schedule.reset();
      // the people model loads as soon as someone is coached: as the camera starts, while the person gets set
      // (the camera check without an exercise coaches nobody and never loads it)
      if (next?.coaching()) startPeopleModel();
    },
    async estimate(input: PoseInput, timestampMs: number): Promise<PoseFrame> {
      const coaching = following?.coaching() ?? null;
      if (!following || !coaching) {
        lastMode = 'single';
        return inner.estimate(input, timestampMs);
      }
      startPeopleModel();
      // the set started: the subject is fixed; a set over (or a new one) lets the start position choose again
      if (coaching.counting && !picker.locked) picker.lock();
      else if (!coaching.counting && picker.locked) picker.locked = false;
      const mode: PeopleMode = peopleModel === 'ready' ? schedule.next(timestampMs, picker) : 'single';
      const result = await inner.estimateWithPeople(input, timestampMs, mode);
      if (result === null) {
        lastMode = 'single';
        return emptyPoseFrame(timestampMs, 0, 0);
      }
      lastMode = result.kind;
      let frame: PoseFrame;
      if (result.kind === 'single') {
        frame = picker.updateSingle(result.frame);
      } else if (result.kind === 'people') {
        frame = picker.updatePeople(result.people, coaching.waitingForStart);
      } else {
        // a watch: everyone tells the picker who is where; the coaching pose goes on when it is the subject's,
        // else (the coaching model followed someone else) the subject's pose as the people model saw it
        const subject = picker.updatePeople(result.people, coaching.waitingForStart);
        const events = picker.events.slice();
        const single = picker.updateSingle(result.frame);
        frame = single.keypoints.length > 0 || subject.keypoints.length === 0 ? single : subject;
        picker.events.unshift(...events);
      }
      tell();
      return frame;
    },
    estimateWithPeople: (input, timestampMs, mode) => inner.estimateWithPeople(input, timestampMs, mode),
    loadPeople: () => inner.loadPeople(),
    reset(): void {
      picker.reset();
      schedule.reset();
      inner.reset();
    },
    memory: () => inner.memory(),
    dispose(): void {
      following = null;
      inner.dispose();
    },
  };
}

/** Whether `estimator` watches for other people (the camera path in the pose worker). */
export function isPeopleWatching(estimator: object): estimator is PeopleWatchingEstimator {
  return 'follow' in estimator && 'lastMode' in estimator;
}
