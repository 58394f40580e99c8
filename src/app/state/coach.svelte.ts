/**
 * The exercise engine at the browser's edge: the same ExerciseEngine the CLI
 * and the tests run, fed with every analysed frame; this class only mirrors
 * what the engine says into reactive state for the components.
 */
import type { PoseFrame } from '../../core/frame/pose-frame.ts';
import { ExerciseEngine } from '../../core/engine/exercise-engine.ts';
import type { CueKey } from '../../core/engine/cues.ts';
import type { Phase, WarningKey } from '../../core/engine/events.ts';
import type { ViewKind } from '../../core/engine/view.ts';
import { createChecker } from '../../core/exercises/registry.ts';
import type { ExerciseId } from '../../core/exercises/ids.ts';

export class Coach {
  reps = $state(0);
  partialReps = $state(0);
  phase = $state<Phase>('rest');
  cue = $state<CueKey | null>(null);
  counting = $state(false);
  view = $state<ViewKind>('unknown');
  problems = $state.raw<readonly WarningKey[]>([]);
  private readonly engine: ExerciseEngine;

  constructor(
    readonly exercise: ExerciseId,
    model: string,
    variant?: string,
  ) {
    this.engine = new ExerciseEngine(createChecker({ exercise, model, variant }));
  }

  update(frame: PoseFrame): void {
    for (const e of this.engine.update(frame)) {
      switch (e.kind) {
        case 'rep':
          this.reps = this.engine.reps;
          break;
        case 'partial-rep':
          this.partialReps = this.engine.partialReps;
          break;
        case 'phase':
          this.phase = e.phase;
          break;
        case 'cue':
          this.cue = e.cue;
          break;
        case 'counting-started':
          this.counting = true;
          break;
        case 'setup':
          this.view = e.view;
          this.problems = e.problems;
          break;
        default:
          break;
      }
    }
  }

  /** live angles of the checker, by name */
  get live(): Readonly<Record<string, number>> {
    return this.engine.checker.live;
  }
}
