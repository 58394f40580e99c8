/**
 * What a rep calls for, in words: the "points to watch" (rep-cues.ts
 * repPoints) of the set summary and, for a rep read back from a session
 * record whose faults are named through their exercise's fault table, of
 * the report.
 */
import type { CueKey } from '../../../core/engine/cues.ts';
import { repPoints, type RepPoints } from '../../../core/engine/rep-cues.ts';
import type { FaultKey } from '../../../core/exercises/fault-keys.ts';
import type { ExerciseId } from '../../../core/exercises/ids.ts';
import { cueText } from '../../../core/i18n/cue-texts.ts';
import { format, type Language } from '../../../core/i18n/messages.ts';
import { faultCue } from '../../../core/session/fault-cues.ts';
import type { SessionRep } from '../../../core/session/schema.ts';

export interface RepWords {
  /** a partial rep: what it was missing (null on a full rep) */
  readonly missing: string | null;
  /** its faults and a short hold, each once */
  readonly others: readonly string[];
}

export function repWords(exercise: ExerciseId, rep: SessionRep, lang: Language): RepWords {
  const cues = new Map<FaultKey, CueKey>();
  for (const fault of rep.faults) {
    const cue = faultCue(exercise, fault);
    if (cue !== null) cues.set(fault, cue);
  }
  return pointWords(repPoints(exercise, rep, cues), rep.full, lang);
}

/** A rep's points to watch in `lang`: "not a full rep" for a partial one its checker gave no reason for. */
export function pointWords(points: RepPoints, full: boolean, lang: Language): RepWords {
  const others = points.cues.map((cue) => cueText(lang, cue));
  for (const fault of points.uncued) others.push(format(lang, fault === 'too-shallow' ? 'fault.too-shallow' : 'fault.other'));
  if (full) return { missing: null, others };
  return { missing: points.missing === null ? format(lang, 'summary.notFull') : cueText(lang, points.missing), others };
}
