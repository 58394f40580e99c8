/** A batch's summary: one row per clip, as a table for a person, CSV for a spreadsheet, or JSON. */
import type { Language } from '../core/i18n/messages.ts';

/** One clip of a batch, analysed or failed. */
export type BatchRow =
  | {
      readonly status: 'done';
      readonly file: string;
      readonly durationS: number;
      readonly frames: number;
      /** null without --exercise (the clip gave a keypoint track only) */
      readonly reps: number | null;
      readonly partialReps: number | null;
      /** form faults seen in the set (the report's fault events) */
      readonly faults: number | null;
      /** wall time the clip took in its worker, decoding and model included */
      readonly secondsTaken: number;
    }
  | {
      readonly status: 'failed';
      readonly file: string;
      /** one line: why (not found, no video stream, ffmpeg missing, ...) */
      readonly error: string;
      readonly secondsTaken: number;
    };

export interface BatchTotals {
  readonly files: number;
  readonly failed: number;
  readonly workers: number;
  readonly durationS: number;
  readonly wallS: number;
}

/** Time taken as a multiple of the clip's duration (0.5: twice as fast as real time); null for a clip of no duration. */
export function realTimeFactor(secondsTaken: number, durationS: number): number | null {
  return durationS > 0 ? secondsTaken / durationS : null;
}

export function totalsOf(rows: readonly BatchRow[], workers: number, wallS: number): BatchTotals {
  return {
    files: rows.length,
    failed: rows.filter((r) => r.status === 'failed').length,
    workers,
    durationS: rows.reduce((sum, r) => sum + (r.status === 'done' ? r.durationS : 0), 0),
    wallS,
  };
}

const L = {
  en: { file: 'file', duration: 'duration s', reps: 'reps', partial: 'partial', faults: 'faults', seconds: 'took s', factor: 'x real time', failed: 'failed', total: (t: BatchTotals, factor: string) => `${t.files} files (${t.failed} failed), ${t.durationS.toFixed(1)} s of video in ${t.wallS.toFixed(1)} s with ${t.workers} worker${t.workers === 1 ? '' : 's'}: ${factor} real time` },
  nl: { file: 'bestand', duration: 'duur s', reps: 'herh.', partial: 'deels', faults: 'fouten', seconds: 'tijd s', factor: 'x echte tijd', failed: 'mislukt', total: (t: BatchTotals, factor: string) => `${t.files} bestanden (${t.failed} mislukt), ${t.durationS.toFixed(1)} s video in ${t.wallS.toFixed(1)} s met ${t.workers} worker${t.workers === 1 ? '' : 's'}: ${factor} echte tijd` },
} as const;

const count = (n: number | null): string => (n === null ? '-' : String(n));
const factorText = (f: number | null): string => (f === null ? '-' : `${f.toFixed(2)}x`);

/** The whole batch's wall time over its clips' total duration (the figure the issue's goal is about). */
export function totalLine(totals: BatchTotals, lang: Language): string {
  return L[lang].total(totals, factorText(realTimeFactor(totals.wallS, totals.durationS)));
}

export function formatBatchTable(rows: readonly BatchRow[], totals: BatchTotals, lang: Language): string {
  const l = L[lang];
  const width = Math.max(l.file.length, ...rows.map((r) => r.file.length));
  const numbers = [l.duration, l.reps, l.partial, l.faults, l.seconds, l.factor];
  const cell = (values: readonly string[]): string => values.map((v, i) => v.padStart(Math.max(numbers[i]?.length ?? 0, 6))).join('  ');
  const lines = [`${l.file.padEnd(width)}  ${cell(numbers)}`];
  for (const r of rows) {
    if (r.status === 'failed') lines.push(`${r.file.padEnd(width)}  ${l.failed}: ${r.error}`);
    else lines.push(`${r.file.padEnd(width)}  ${cell([r.durationS.toFixed(1), count(r.reps), count(r.partialReps), count(r.faults), r.secondsTaken.toFixed(1), factorText(realTimeFactor(r.secondsTaken, r.durationS))])}`);
  }
  lines.push('');
  lines.push(totalLine(totals, lang));
  return lines.join('\n');
}

export const CSV_HEADER = ['file', 'status', 'duration_s', 'frames', 'reps', 'partial_reps', 'faults', 'seconds_taken', 'x_real_time', 'error'] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One header line and one line per clip; empty fields where a value does not apply (a failed clip, no --exercise). */
export function formatBatchCsv(rows: readonly BatchRow[]): string {
  const num = (n: number | null, digits?: number): string => (n === null ? '' : digits === undefined ? String(n) : n.toFixed(digits));
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    const values =
      r.status === 'failed'
        ? [r.file, r.status, '', '', '', '', '', num(r.secondsTaken, 2), '', r.error]
        : [r.file, r.status, num(r.durationS, 3), num(r.frames), num(r.reps), num(r.partialReps), num(r.faults), num(r.secondsTaken, 2), num(realTimeFactor(r.secondsTaken, r.durationS), 3), ''];
    lines.push(values.map(csvField).join(','));
  }
  return lines.join('\n');
}

export function formatBatchJson(rows: readonly BatchRow[], totals: BatchTotals): string {
  return JSON.stringify({ totals, files: rows }, null, 2);
}
