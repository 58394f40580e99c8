/**
 * A new program item and a new program, as the builder starts them: the
 * exercise's own set target (targets.ts) and the defaults of its tunable
 * thresholds, all written out, so the physio sees and sends every value the
 * patient's coach will use.
 */
import type { ExerciseId } from '../exercises/ids.ts';
import { describeExercise } from '../exercises/registry.ts';
import { defaultsOf } from '../exercises/tunables.ts';
import type { Language } from '../i18n/messages.ts';
import { PROGRAM_BOUNDS, PROGRAM_VERSION, type Program, type ProgramItem } from './program.ts';

export function newItem(exercise: ExerciseId): ProgramItem {
  const d = describeExercise(exercise);
  const t = d.target;
  return {
    exercise,
    variant: d.variants[0] ?? null,
    sets: t.sets,
    reps: t.reps,
    // a target hold of 0 s is "no hold"; the program's holds start at PROGRAM_BOUNDS.holdS.min
    holdS: d.countsHolds && t.holdS >= PROGRAM_BOUNDS.holdS.min ? t.holdS : null,
    restS: t.restS,
    overrides: defaultsOf(d.tunables),
    reference: null,
  };
}

/** 10 random letters and digits: a program's id in the session records of the sets that follow it. */
export function newProgramId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export function newProgram(language: Language, exercises: readonly ExerciseId[] = []): Program {
  return { version: PROGRAM_VERSION, id: newProgramId(), title: '', note: '', language, items: exercises.map(newItem) };
}
