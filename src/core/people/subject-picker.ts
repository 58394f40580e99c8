/**
 * Who is coached when more than one person is in view. Before the set, the
 * subject is the person the engine watches for the start position (the
 * biggest person first; if they do not take it while someone else is in view,
 * the next person in turn); once the engine confirms the start position
 * (lock()), the subject is that person: their tracker id, and when the
 * tracker loses it, only a person where the subject just was, of their size.
 * Everyone else is reported (other-person-in-view / -left), never coached: the
 * engine gets the subject's pose, or an empty frame (not visible, no counting).
 *
 * It reads two kinds of frame: everyone in view (the people model, with
 * tracker ids), and the single-pose model's one pose, which may jump to the
 * other person between two looks at everyone; a pose that jumps far from the
 * subject's last place is refused.
 */
import { emptyPoseFrame, type PoseFrame } from '../frame/pose-frame.ts';
import type { PeopleFrame, TrackedPose } from './people-frame.ts';
import { boxOverlap, boxSizePx, poseBox, sameBody, type PoseBox } from './pose-box.ts';

export type PeopleEvent =
  | { readonly kind: 'other-person-in-view'; readonly tMs: number }
  | { readonly kind: 'other-person-left'; readonly tMs: number }
  | { readonly kind: 'subject-lost'; readonly tMs: number }
  | { readonly kind: 'subject-found'; readonly tMs: number };

export interface SubjectPickerOptions {
  /** another person seen in this many frames in a row counts as in view (one frame may be a false detection) */
  readonly otherSeenFrames?: number;
  /** another person not seen for this long has left, ms */
  readonly otherLeftAfterMs?: number;
  /** the subject not seen for this long is lost, ms */
  readonly subjectLostAfterMs?: number;
  /** before the set: the watched person has not taken the start position for this long while someone else is in view: watch the next, ms */
  readonly nextCandidateAfterMs?: number;
  /** a single pose whose centre moved more than this many of the subject's sizes since the last frame is someone else */
  readonly maxShiftPerFrame?: number;
  /** a tracked pose overlapping the subject's last box at least this much (IoU) is the subject re-found */
  readonly minOverlap?: number;
  /**
   * The subject lost mid-set while nobody else was in view, and for this long
   * now exactly one person is in view: that is the subject back, wherever they
   * lie down again, ms (someone who was in view when the subject went is
   * never taken for them).
   */
  readonly backAloneAfterMs?: number;
}

// Why these values (checked on the composed two-person clip, test/helpers/two-people.ts, and the synthetic traces of test/unit/two-people.test.ts):
const DEFAULTS: Required<SubjectPickerOptions> = {
  // a single-look detection is often a false one (a chair, a poster); a person walking in is seen in every look
  otherSeenFrames: 2,
  // while someone else is in view the people model looks every 200 ms: 1.5 s is 7 looks in a row without them
  otherLeftAfterMs: 1500,
  // about 3 looks, or 20 frames at 30 fps: longer than a keypoint drop-out at the top of a lift, shorter than a step out of view
  subjectLostAfterMs: 700,
  // getting into the start position takes a person 1-3 s (a superman, a bridge): after 3 s the watched one is not taking it
  nextCandidateAfterMs: 3000,
  // the article's reps take 3-5 s: between two frames (>= 4 fps) a body's centre moves a few % of its size, never half of it
  maxShiftPerFrame: 0.5,
  // the same body a frame or a look later overlaps its last box almost entirely; two people side by side barely overlap
  minOverlap: 0.3,
  // as nextCandidateAfterMs: the time to lie down again in the start position
  backAloneAfterMs: 3000,
};

export class SubjectPicker {
  private readonly options: Required<SubjectPickerOptions>;
  /** the events of the last update (reused: read before the next update) */
  readonly events: PeopleEvent[] = [];
  /** the set has started: the subject is fixed */
  locked = false;
  /** someone besides the subject is in view */
  otherInView = false;
  /** the subject is out of sight (no pose of theirs for subjectLostAfterMs) */
  subjectLost = false;

  private subjectId: number | null = null;
  private subjectBox: PoseBox | null = null;
  private subjectSeenMs = -Infinity;
  private otherFrames = 0;
  private otherSeenMs = -Infinity;
  private waitingSinceMs: number | null = null;
  /** nobody else was in view when the subject was lost (they left alone) */
  private aloneWhenLost = false;

  constructor(options: SubjectPickerOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** The set started: whoever is the subject now took the start position and stays the subject. */
  lock(): void {
    this.locked = true;
  }

  reset(): void {
    this.events.length = 0;
    this.locked = false;
    this.otherInView = false;
    this.subjectLost = false;
    this.subjectId = null;
    this.subjectBox = null;
    this.subjectSeenMs = -Infinity;
    this.otherFrames = 0;
    this.otherSeenMs = -Infinity;
    this.waitingSinceMs = null;
    this.aloneWhenLost = false;
  }

  /** Someone else was seen within `withinMs` of `tMs` (the people model should then run on every frame). */
  otherSeenWithin(tMs: number, withinMs: number): boolean {
    return tMs - this.otherSeenMs <= withinMs;
  }

  /**
   * Everyone in one frame: returns the subject's pose as the engine's frame
   * (empty when the subject is not in it). `waitingForStart`: the engine,
   * watching the subject so far, has not seen the start position yet (only
   * read before the set).
   */
  updatePeople(frame: PeopleFrame, waitingForStart = false): PoseFrame {
    this.events.length = 0;
    const t = frame.timestampMs;
    let subject = this.findSubject(frame.poses) ?? this.backAlone(frame.poses, t);
    if (!this.locked && subject) subject = this.maybeNextCandidate(frame.poses, subject, waitingForStart, t);
    let others = 0;
    for (const pose of frame.poses) if (pose !== subject && poseBox(pose.keypoints) !== null) others++;
    // the subject left alone: one person in view is probably them coming back (backAlone), not someone else
    if (!subject && this.locked && this.subjectLost && this.aloneWhenLost && frame.poses.length === 1) others = 0;
    this.noteOthers(others > 0, t);
    if (!subject) return this.notSeen(frame.timestampMs, frame.imageWidth, frame.imageHeight);
    this.subjectId = subject.id;
    return this.seen(t, poseBox(subject.keypoints), { timestampMs: t, imageWidth: frame.imageWidth, imageHeight: frame.imageHeight, score: subject.score, keypoints: subject.keypoints });
  }

  /** The single-pose model's frame: passed on when it is the subject, an empty frame when it jumped to someone else. */
  updateSingle(frame: PoseFrame): PoseFrame {
    this.events.length = 0;
    const t = frame.timestampMs;
    const box = frame.keypoints.length > 0 ? poseBox(frame.keypoints) : null;
    // a vague pose says nothing about who it is: the engine judges it (its keypoints are below its own floor)
    if (box === null) return frame.keypoints.length > 0 ? frame : this.notSeen(t, frame.imageWidth, frame.imageHeight);
    const last = this.subjectBox;
    if (last !== null && !this.subjectLost && !sameBody(last, box, this.options.maxShiftPerFrame)) return this.notSeen(t, frame.imageWidth, frame.imageHeight);
    // lost after the set started: only a pose where the subject was
    if (last !== null && this.subjectLost && this.locked && boxOverlap(last, box) < this.options.minOverlap && !sameBody(last, box, this.options.maxShiftPerFrame)) {
      return this.notSeen(t, frame.imageWidth, frame.imageHeight);
    }
    return this.seen(t, box, frame);
  }

  /** The one person in view, when the subject left alone a while ago (see backAloneAfterMs). */
  private backAlone(poses: readonly TrackedPose[], t: number): TrackedPose | null {
    if (!this.locked || !this.subjectLost || !this.aloneWhenLost || poses.length !== 1) return null;
    if (t - this.subjectSeenMs < this.options.backAloneAfterMs || this.otherSeenWithin(t, this.options.backAloneAfterMs)) return null;
    return poseBox(poses[0]!.keypoints) === null ? null : poses[0]!;
  }

  private findSubject(poses: readonly TrackedPose[]): TrackedPose | null {
    if (poses.length === 0) return null;
    const last = this.subjectBox;
    if (this.subjectId !== null) {
      for (const pose of poses) {
        if (pose.id !== this.subjectId || pose.id < 0) continue;
        // the tracker can hand the subject's id to someone else (two people crossing): an id that jumped away is not trusted
        const box = poseBox(pose.keypoints);
        if (last === null || box === null || sameBody(last, box, this.subjectLost ? 1 : this.options.maxShiftPerFrame)) return pose;
      }
    }
    if (last !== null) {
      // the tracker gave the subject a new id (crossed, hidden, a dropped frame): the pose where they were, of their size
      let best: TrackedPose | null = null;
      let bestOverlap = this.options.minOverlap;
      for (const pose of poses) {
        const box = poseBox(pose.keypoints);
        if (box === null) continue;
        const overlap = boxOverlap(last, box);
        if (overlap >= bestOverlap && sameBody(last, box, 1)) {
          best = pose;
          bestOverlap = overlap;
        }
      }
      if (best !== null || this.locked) return best;
    }
    if (this.locked && this.subjectBox !== null) return null;
    // before the set, nobody watched yet: the biggest person (the nearest to the camera)
    let biggest: TrackedPose | null = null;
    let biggestSize = 0;
    for (const pose of poses) {
      const box = poseBox(pose.keypoints);
      if (box !== null && boxSizePx(box) > biggestSize) {
        biggest = pose;
        biggestSize = boxSizePx(box);
      }
    }
    return biggest;
  }

  /** Before the set: the watched person has not taken the start position for a while, someone else is in view: watch them instead. */
  private maybeNextCandidate(poses: readonly TrackedPose[], subject: TrackedPose, waitingForStart: boolean, t: number): TrackedPose {
    if (!waitingForStart || poses.length < 2) {
      this.waitingSinceMs = null;
      return subject;
    }
    this.waitingSinceMs ??= t;
    if (t - this.waitingSinceMs < this.options.nextCandidateAfterMs) return subject;
    this.waitingSinceMs = t;
    // the next id after the subject's, in id order, wrapping round
    const ordered = poses.filter((p) => p.id >= 0 && poseBox(p.keypoints) !== null).sort((a, b) => a.id - b.id);
    const next = ordered.find((p) => p.id > subject.id) ?? ordered[0] ?? subject;
    if (next !== subject) {
      this.subjectId = next.id;
      this.subjectBox = poseBox(next.keypoints);
    }
    return next;
  }

  private noteOthers(seen: boolean, t: number): void {
    if (seen) {
      this.otherFrames++;
      this.otherSeenMs = t;
      if (!this.otherInView && this.otherFrames >= this.options.otherSeenFrames) {
        this.otherInView = true;
        this.events.push({ kind: 'other-person-in-view', tMs: t });
      }
    } else {
      this.otherFrames = 0;
      if (this.otherInView && t - this.otherSeenMs >= this.options.otherLeftAfterMs) {
        this.otherInView = false;
        this.events.push({ kind: 'other-person-left', tMs: t });
      }
    }
  }

  private seen(t: number, box: PoseBox | null, frame: PoseFrame): PoseFrame {
    if (box !== null) this.subjectBox = box;
    this.subjectSeenMs = t;
    if (this.subjectLost) {
      this.subjectLost = false;
      this.events.push({ kind: 'subject-found', tMs: t });
    }
    return frame;
  }

  private notSeen(t: number, width: number, height: number): PoseFrame {
    if (!this.subjectLost && this.subjectBox !== null && t - this.subjectSeenMs >= this.options.subjectLostAfterMs) {
      this.subjectLost = true;
      this.aloneWhenLost = !this.otherInView;
      this.events.push({ kind: 'subject-lost', tMs: t });
    }
    return emptyPoseFrame(t, width, height);
  }
}
