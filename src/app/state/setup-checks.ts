/**
 * The setup assistant's live checklist, from what the engine reports: is the
 * person seen, wholly in frame, seen from the side, in the start position.
 * 'warn' is "works, but could be better" (an oblique view still counts).
 */
import type { WarningKey } from '../../core/engine/events.ts';
import type { ViewKind } from '../../core/engine/view.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';

export type CheckState = 'ok' | 'warn' | 'todo';

export interface SetupCheck {
  readonly key: MessageKey;
  readonly state: CheckState;
}

/** `seen`: frames have been analysed with the exercise's engine. */
export function setupChecks(seen: boolean, problems: readonly WarningKey[], view: ViewKind): readonly SetupCheck[] {
  const person = seen && !problems.includes('no-person');
  const whole = person && !problems.includes('not-whole-body');
  const viewState: CheckState = !person || problems.includes('front-view') ? 'todo' : view === 'side' ? 'ok' : 'warn';
  const start = whole && !problems.includes('wrong-posture') && !problems.includes('not-in-start-position');
  return [
    { key: 'setup.check.person', state: person ? 'ok' : 'todo' },
    { key: 'setup.check.wholeBody', state: whole ? 'ok' : 'todo' },
    { key: 'setup.check.view', state: viewState },
    { key: 'setup.check.start', state: start ? 'ok' : 'todo' },
  ];
}

/** Ready when nothing is left to do (warnings allowed). */
export const setupReady = (checks: readonly SetupCheck[]): boolean => checks.every((c) => c.state !== 'todo');
