/**
 * When the people model runs. Finding everyone costs more than the coaching
 * model's one pose (MoveNet MultiPose at 256 px took 2.6 times MoveNet
 * Lightning's time per frame in Node's wasm, scripts/bench-people.ts), and
 * its keypoints, from the whole picture at 256 px, are coarser than
 * Lightning's from a crop around the person: fed to the engine on every
 * frame while a second person was in view, they turned one of the composed
 * clip's three full lifts into a partial one. So the coaching model gives
 * the engine its poses throughout, and the people model looks at everyone
 * with it ('watch' frames): every WATCH_EVERY_MS while the subject is alone,
 * every WATCH_WITH_OTHERS_EVERY_MS while someone else is in view (and never
 * more often than every WATCH_EVERY_FRAMES / WATCH_WITH_OTHERS_EVERY_FRAMES frames) (the
 * single pose between two looks is checked against the subject's place:
 * SubjectPicker.updateSingle). Only when the subject has been lost mid-set
 * does it run alone on every frame ('people'), to find them again.
 */
import type { SubjectPicker } from './subject-picker.ts';

export type PeopleMode = 'single' | 'watch' | 'people';

const EARLY_MS = 5;

/**
 * A look at everyone once a second while the subject is alone, and never
 * closer than every 8th frame: on this 2-core machine a look costs about 2.5
 * Lightning frames, so at 30 analysed fps that is about 8% of the time, and
 * a machine that runs slow does not spend a larger share of its frames on
 * looks. Someone walking in is seen (two looks) within about 2 s.
 */
export const WATCH_EVERY_MS = 1000;
export const WATCH_EVERY_FRAMES = 8;
/** While someone else is in view: a look every 200 ms (every 3rd frame at 15 fps), never on two frames in a row. */
export const WATCH_WITH_OTHERS_EVERY_MS = 200;
export const WATCH_WITH_OTHERS_EVERY_FRAMES = 2;
/** Back to the slow watch after this long with nobody else seen, ms. */
export const PEOPLE_QUIET_MS = 3000;

export class PeopleSchedule {
  private lastWatchMs = -Infinity;
  private framesSinceWatch = Infinity;

  /** The mode for the frame at `tMs`, from what the picker has seen so far. */
  next(tMs: number, picker: SubjectPicker): PeopleMode {
    this.framesSinceWatch++;
    // a source that jumps back (a file restarted, a looping camera's clock): look now
    if (tMs < this.lastWatchMs) this.lastWatchMs = -Infinity;
    // the subject lost mid-set may be behind someone: follow everyone until they are found
    if (picker.locked && picker.subjectLost) return this.looked(tMs, 'people');
    const others = picker.otherInView || picker.otherSeenWithin(tMs, PEOPLE_QUIET_MS);
    const everyMs = others ? WATCH_WITH_OTHERS_EVERY_MS : WATCH_EVERY_MS;
    const everyFrames = others ? WATCH_WITH_OTHERS_EVERY_FRAMES : WATCH_EVERY_FRAMES;
    // a few ms early is on time: frame times are not exact (3 frames at 15 fps can come to 199.99 ms)
    if (tMs - this.lastWatchMs >= everyMs - EARLY_MS && this.framesSinceWatch >= everyFrames) return this.looked(tMs, 'watch');
    return 'single';
  }

  private looked(tMs: number, mode: PeopleMode): PeopleMode {
    this.lastWatchMs = tMs;
    this.framesSinceWatch = 0;
    return mode;
  }

  reset(): void {
    this.lastWatchMs = -Infinity;
    this.framesSinceWatch = Infinity;
  }
}
