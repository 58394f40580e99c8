/**
 * What a stored rep calls for, in words: the set summary's "points to watch"
 * (rep-cues.ts repPoints, the same texts) for a rep read back from a session
 * record, whose faults are named through their exercise's fault table.
 */
import type { CueKey } from '../../../core/engine/cues.ts';
import { repPoints } from '../../../core/engine/rep-cues.ts';
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
  const { missing, cues: pointCues, uncued } = repPoints(exercise, rep, cues);
  const others = pointCues.map((cue) => cueText(lang, cue));
  for (const fault of uncued) others.push(format(lang, fault === 'too-shallow' ? 'fault.too-shallow' : 'fault.other'));
  if (rep.full) return { missing: null, others };
  return { missing: missing === null ? format(lang, 'summary.notFull') : cueText(lang, missing), others };
}
