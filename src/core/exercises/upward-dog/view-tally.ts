/**
 * Which view a hold was seen in: the view of most of its frames. What the
 * 2D angles mean depends on it (an oblique view foreshortens the knee, a
 * front view the whole torso), and so does the depth of the bend: the same
 * up dog reads 55 deg from the side and 68-73 from the front-oblique (2-hold
 * clip), so the build-up is only compared within one view.
 */
import type { ViewKind } from '../../engine/view.ts';

export const JUDGED_VIEWS = ['side', 'oblique', 'front'] as const;
export type JudgedView = (typeof JUDGED_VIEWS)[number];

/** An unknown view (no shoulder or hip spread yet) is taken as a side view: the one the app asks for. */
export const judgedView = (view: ViewKind): JudgedView => (view === 'unknown' ? 'side' : view);

export class ViewTally {
  private readonly frames: Record<JudgedView, number> = { side: 0, oblique: 0, front: 0 };

  add(view: ViewKind): void {
    this.frames[judgedView(view)]++;
  }

  /** the view of most frames; side when there are none, or on a tie with it */
  get dominant(): JudgedView {
    let best: JudgedView = 'side';
    for (const v of JUDGED_VIEWS) if (this.frames[v] > this.frames[best]) best = v;
    return best;
  }

  reset(): void {
    for (const v of JUDGED_VIEWS) this.frames[v] = 0;
  }
}
