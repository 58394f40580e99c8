/**
 * Checks a current-version session record: its shape (schema.ts, through
 * valibot), then what one field alone cannot say (a metric or fault of
 * another exercise, a track of another model, an end before the start).
 * Every problem comes back as one line with its path.
 */
import * as v from 'valibot';
import { describeExercise } from '../exercises/registry.ts';
import { appendKey, defaultMessage, issueLine } from './issues.ts';
import { SessionRecordSchema, type SessionRecord } from './schema.ts';
import { faultsOf, metricsOf, UNKNOWN } from './vocabulary.ts';

export type RecordValidation = { readonly ok: true; readonly record: SessionRecord } | { readonly ok: false; readonly error: string };

/** Parses with the first problem only (a long track is not walked past its first error) and our wording. */
export function firstIssue<T extends v.GenericSchema>(schema: T, value: unknown): { ok: true; output: v.InferOutput<T> } | { ok: false; error: string } {
  const result = v.safeParse(schema, value, { abortEarly: true, message: defaultMessage });
  if (result.success) return { ok: true, output: result.output };
  return { ok: false, error: issueLine(result.issues[0]) };
}

export function validateSessionRecord(value: unknown): RecordValidation {
  const parsed = firstIssue(SessionRecordSchema, value);
  if (!parsed.ok) return parsed;
  const problem = crossCheck(parsed.output);
  return problem === null ? { ok: true, record: parsed.output } : { ok: false, error: problem };
}

/** What the fields say about each other; null when they agree. */
function crossCheck(record: SessionRecord): string | null {
  const { exercise, variant, model } = record.settings;
  const description = describeExercise(exercise);
  if (variant !== null && !description.variants.includes(variant)) {
    return `settings.variant: ${exercise} has no variant ${JSON.stringify(variant)} (${description.variants.length > 0 ? `expected one of ${description.variants.join(', ')}` : 'expected null'})`;
  }
  if (record.track !== null && record.track.model !== model) {
    return `track.model: ${JSON.stringify(record.track.model)} is not the record's model (settings.model ${JSON.stringify(model)})`;
  }
  if (record.startedAt !== UNKNOWN && record.endedAt !== UNKNOWN && Date.parse(record.endedAt) < Date.parse(record.startedAt)) {
    return `endedAt: ${record.endedAt} comes before startedAt ${record.startedAt}`;
  }
  const metrics: readonly string[] = metricsOf(exercise);
  const faults: readonly string[] = faultsOf(exercise);
  for (const [i, rep] of record.events.reps.entries()) {
    const at = appendKey('events.reps', i);
    for (const key of Object.keys(rep.metrics)) {
      if (!metrics.includes(key)) return `${appendKey(`${at}.metrics`, key)}: not a metric of ${exercise}`;
    }
    for (const [f, fault] of rep.faults.entries()) {
      if (!faults.includes(fault)) return `${appendKey(`${at}.faults`, f)}: ${JSON.stringify(fault)} is not a fault of ${exercise}`;
    }
  }
  for (const [i, line] of record.events.faults.entries()) {
    if (!faults.includes(line.fault)) return `${appendKey('events.faults', i)}.fault: ${JSON.stringify(line.fault)} is not a fault of ${exercise}`;
  }
  const partialReps = record.events.reps.filter((r) => !r.full).length;
  if (record.events.partials.length !== partialReps) {
    return `events.partials: ${record.events.partials.length} lines for ${partialReps} partial reps in events.reps`;
  }
  for (const [i, line] of record.events.comparisons.entries()) {
    if (line.repIndex >= record.events.reps.length) return `${appendKey('events.comparisons', i)}.repIndex: ${line.repIndex} is not a rep of events.reps (${record.events.reps.length} reps)`;
    if (line.depth.unit !== description.depthUnit) return `${appendKey('events.comparisons', i)}.depth.unit: the ${exercise}'s depth is in ${description.depthUnit}, not ${line.depth.unit}`;
  }
  return null;
}
