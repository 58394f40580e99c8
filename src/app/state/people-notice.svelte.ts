/**
 * What the training view says about other people in view (issue 11 point 6):
 * the people watch's events (src/pose/worker/people-watch.ts) as reactive
 * state, and the coach's state it reads to know whom to keep.
 */
import type { MessageKey } from '../../core/i18n/messages.ts';
import type { PeopleEvent } from '../../core/people/subject-picker.ts';
import type { Following } from '../../pose/worker/people-watch.ts';
import type { Coach } from './coach.svelte.ts';

export class PeopleNotice {
  /** someone besides the coached person is in view */
  otherInView = $state(false);
  /** the coached person is out of sight */
  subjectLost = $state(false);

  /** the notice to show, null for none: only while someone else is in view (the person alone out of view is the coach's own "away") */
  readonly messageKey: MessageKey | null = $derived(this.otherInView ? (this.subjectLost ? 'people.subjectLost' : 'people.otherInView') : null);

  take(event: PeopleEvent): void {
    if (event.kind === 'other-person-in-view') this.otherInView = true;
    else if (event.kind === 'other-person-left') this.otherInView = false;
    else this.subjectLost = event.kind === 'subject-lost';
  }

  reset(): void {
    this.otherInView = false;
    this.subjectLost = false;
  }

  /** What the people watch follows: the coach `coach()` returns now (null: pose only). */
  following(coach: () => Coach | null): Following {
    this.reset();
    return {
      coaching: () => {
        const c = coach();
        return c ? { counting: c.counting, waitingForStart: !c.counting && c.problems.length > 0 } : null;
      },
      onEvent: (event) => this.take(event),
    };
  }
}
