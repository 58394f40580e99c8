/**
 * The reference rep chosen in this browser session on the setup screen
 * ("compare with a reference"), one per exercise: it outlives a set's
 * screen, so the next set of the same exercise is scored against it too.
 * A program's item brings its own reference (program helper); this choice is
 * for a physio trying a reference out, or a patient given one without a
 * program. Kept in memory only.
 */
import type { ExerciseId } from '../../core/exercises/ids.ts';
import type { Reference } from '../../core/reference/format.ts';

export class ReferenceChoice {
  /** the chosen reference; its own `exercise` says which exercise it is for */
  chosen = $state.raw<Reference | null>(null);

  /** The chosen reference when it is one of `exercise`, else null. */
  for(exercise: ExerciseId | null): Reference | null {
    return this.chosen !== null && this.chosen.exercise === exercise ? this.chosen : null;
  }

  choose(reference: Reference | null): void {
    this.chosen = reference;
  }
}

export const referenceChoice = new ReferenceChoice();
