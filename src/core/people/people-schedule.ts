/**
 * When the people model runs. Finding everyone costs more than the coaching
 * model's one pose (MoveNet MultiPose at 256 px took 2.6 times MoveNet
 * Lightning's time per frame in Node's wasm, scripts/bench-people.ts), so
 * while the subject is alone it only looks every WATCH_EVERY_MS (a 'watch'
 * frame: the coaching pose and everyone), and as soon as someone else is
 * seen it runs on every frame ('people': it then gives the subject's pose
 * too, with tracker ids), until nobody else has been seen for
 * PEOPLE_QUIET_MS.
 */
import type { SubjectPicker } from './subject-picker.ts';

export type PeopleMode = 'single' | 'watch' | 'people';

/** A look at everyone twice a second: someone walking in is seen within half a second, at about a twelfth of the frames' time (15-30 fps). */
export const WATCH_EVERY_MS = 500;
/** Back to the coaching model alone after this long with nobody else seen, ms. */
export const PEOPLE_QUIET_MS = 3000;

export class PeopleSchedule {
  private lastWatchMs = -Infinity;

  /** The mode for the frame at `tMs`, from what the picker has seen so far. */
  next(tMs: number, picker: SubjectPicker): PeopleMode {
    // a source that jumps back (a file restarted, a looping camera's clock): look now
    if (tMs < this.lastWatchMs) this.lastWatchMs = -Infinity;
    // the subject lost mid-set may be behind someone: follow everyone until they are found
    if (picker.otherInView || picker.otherSeenWithin(tMs, PEOPLE_QUIET_MS) || (picker.locked && picker.subjectLost)) {
      this.lastWatchMs = tMs;
      return 'people';
    }
    if (tMs - this.lastWatchMs >= WATCH_EVERY_MS) {
      this.lastWatchMs = tMs;
      return 'watch';
    }
    return 'single';
  }

  reset(): void {
    this.lastWatchMs = -Infinity;
  }
}
