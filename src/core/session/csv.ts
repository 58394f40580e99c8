/**
 * Sessions as CSV, one row per rep (full and partial), for a spreadsheet:
 * RFC 4180 (comma-separated, CRLF line ends, a field with a comma, quote or
 * line break in double quotes, quotes doubled), a header row, then the
 * reps of each session in order. Times are seconds from the start of the
 * source; the peak is in its exercise's unit (deg, or % of the torso's
 * length); a value that was not measured is an empty cell. Every exercise in
 * the file brings its metric columns (its metrics.ts), empty for the reps
 * of other exercises. (docs/session-format.md, "CSV")
 */
import { EXERCISE_IDS } from '../exercises/ids.ts';
import type { MetricKey } from '../exercises/metric-keys.ts';
import { describeExercise } from '../exercises/registry.ts';
import type { SessionRecord, SessionRep } from './schema.ts';
import { metricsOf } from './vocabulary.ts';

export const CSV_FIXED_COLUMNS = [
  'session id',
  'date',
  'exercise',
  'variant',
  'model',
  'rep',
  'full',
  'partial reason',
  'start s',
  'peak s',
  'end s',
  'peak',
  'peak unit',
  'hold s',
  'to peak s',
  'from peak s',
  'faults',
] as const;

/** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A number rounded to `decimals` places without float noise; '' when not measured (NaN). */
export function csvNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  const scale = 10 ** decimals;
  return String(Math.round(value * scale) / scale);
}

/** The metric columns for these sessions: each exercise present, in EXERCISE_IDS order, its metrics in its order, each key once. */
export function metricColumns(records: readonly SessionRecord[]): MetricKey[] {
  const present = new Set(records.map((r) => r.settings.exercise));
  return [...new Set(EXERCISE_IDS.filter((id) => present.has(id)).flatMap((id) => metricsOf(id)))];
}

const PEAK_UNIT = { deg: { label: 'deg', scale: 1 }, torso: { label: '% torso', scale: 100 } } as const;

function repRow(record: SessionRecord, rep: SessionRep, metrics: readonly MetricKey[]): string[] {
  const { settings } = record;
  const unit = PEAK_UNIT[describeExercise(settings.exercise).depthUnit];
  const s = (ms: number): string => csvNumber(ms / 1000, 3);
  return [
    record.id,
    record.startedAt,
    settings.exercise,
    settings.variant ?? '',
    settings.model,
    rep.full ? String(rep.index) : '',
    rep.full ? 'yes' : 'no',
    rep.partialReason ?? '',
    s(rep.startMs),
    s(rep.peakMs),
    s(rep.endMs),
    csvNumber(rep.peak * unit.scale, 1),
    unit.label,
    csvNumber(rep.holdS, 3),
    csvNumber(rep.toPeakS, 3),
    csvNumber(rep.fromPeakS, 3),
    rep.faults.join(';'),
    ...metrics.map((key) => {
      const value = rep.metrics[key];
      return value === undefined ? '' : csvNumber(value, 4);
    }),
  ];
}

/** The CSV text of these sessions' reps, header first, CRLF after every row. */
export function sessionsCsv(records: readonly SessionRecord[]): string {
  const metrics = metricColumns(records);
  const rows: string[][] = [[...CSV_FIXED_COLUMNS, ...metrics]];
  for (const record of records) for (const rep of record.events.reps) rows.push(repRow(record, rep, metrics));
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
