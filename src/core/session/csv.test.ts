/** The CSV export, read back with an RFC 4180 reader and compared cell by cell with the records it came from. */
import { describe, expect, it } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { EXERCISE_IDS } from '../exercises/ids.ts';
import { describeExercise } from '../exercises/registry.ts';
import { CSV_FIXED_COLUMNS, csvField, sessionsCsv } from './csv.ts';
import type { SessionRecord } from './schema.ts';
import { recordOfTrack } from './test-records.ts';
import { metricsOf } from './vocabulary.ts';

const MODEL = 'movenet-lightning';
const hipThrust = recordOfTrack(loadTrack('hip_thrust/bridge_medball_fitbod_SIDEONLY_3reps_derived.mp4', MODEL), 'hip-thrust', { id: 'ht-1' });
const superman = recordOfTrack(loadTrack('superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', MODEL), 'superman', { id: 'sm-2', startedAt: '2025-03-04T18:30:00.000Z' });
const upwardDog = recordOfTrack(loadTrack('upward_dog/updog_istock_hanshitha_side_1hold_then_downdog.mp4', MODEL), 'upward-dog', { id: 'ud-3' });
const RECORDS = [hipThrust, superman, upwardDog];

/** RFC 4180, read: fields split on commas, quoted fields may hold commas, doubled quotes and line breaks, rows end in CRLF. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('the CSV does not end with CRLF');
  return rows;
}

/** Rows as objects by header name. */
function table(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(text);
  if (!header) throw new Error('no header');
  return rows.map((cells) => {
    expect(cells).toHaveLength(header.length);
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']));
  });
}

const num = (cell: string | undefined): number => {
  expect(cell).toMatch(/^-?\d+(\.\d+)?$/);
  return Number(cell);
};

describe('sessionsCsv', () => {
  it('has the fixed columns, then the metric columns of each exercise present, each once', () => {
    const [header] = readCsv(sessionsCsv(RECORDS));
    const present = EXERCISE_IDS.filter((id) => RECORDS.some((r) => r.settings.exercise === id));
    const expectedMetrics = [...new Set(present.flatMap((id) => metricsOf(id)))];
    expect(header).toEqual([...CSV_FIXED_COLUMNS, ...expectedMetrics]);
    const goodMorningOnly = metricsOf('good-morning').filter((m) => !expectedMetrics.includes(m));
    expect(goodMorningOnly.length).toBeGreaterThan(0);
    for (const key of goodMorningOnly) expect(header).not.toContain(key);
  });

  it('writes one row per rep, full and partial, in the order of the sessions and their reps', () => {
    const rows = table(sessionsCsv(RECORDS));
    const expected = RECORDS.flatMap((r) => r.events.reps.map((rep) => [r.id, rep.startMs]));
    expect(rows.map((row) => [row['session id'], Math.round(num(row['start s']) * 1000)])).toEqual(expected);
    expect(rows.some((row) => row.full === 'no')).toBe(true);
  });

  it('fills each cell from the record: settings, times in seconds, the peak in its unit, faults, metrics', () => {
    const rows = table(sessionsCsv(RECORDS));
    const reps = RECORDS.flatMap((record) => record.events.reps.map((rep) => ({ record, rep })));
    for (const [i, { record, rep }] of reps.entries()) {
      const row = rows[i]!;
      const { settings } = record;
      expect(row).toMatchObject({
        date: record.startedAt,
        exercise: settings.exercise,
        variant: settings.variant ?? '',
        model: settings.model,
        rep: rep.full ? String(rep.index) : '',
        full: rep.full ? 'yes' : 'no',
        'partial reason': rep.partialReason ?? '',
        faults: rep.faults.join(';'),
      });
      expect(num(row['peak s'])).toBeCloseTo(rep.peakMs / 1000, 3);
      expect(num(row['end s'])).toBeCloseTo(rep.endMs / 1000, 3);
      expect(num(row['hold s'])).toBeCloseTo(rep.holdS, 3);
      expect(num(row['to peak s'])).toBeCloseTo(rep.toPeakS, 3);
      expect(num(row['from peak s'])).toBeCloseTo(rep.fromPeakS, 3);
      const torso = describeExercise(settings.exercise).depthUnit === 'torso';
      expect(row['peak unit']).toBe(torso ? '% torso' : 'deg');
      expect(num(row.peak)).toBeCloseTo(rep.peak * (torso ? 100 : 1), 1);
      for (const key of metricsOf(settings.exercise)) {
        const value = rep.metrics[key];
        if (value === undefined || Number.isNaN(value)) expect(row[key], key).toBe('');
        else expect(num(row[key]), key).toBeCloseTo(value, 4);
      }
    }
  });

  it('leaves the metric columns of other exercises empty', () => {
    const rows = table(sessionsCsv(RECORDS));
    const supermanOnly = metricsOf('superman').filter((m) => !metricsOf('hip-thrust').includes(m));
    const hipThrustRows = rows.filter((row) => row.exercise === 'hip-thrust');
    expect(hipThrustRows.length).toBe(hipThrust.events.reps.length);
    for (const row of hipThrustRows) for (const key of supermanOnly) expect(row[key]).toBe('');
  });

  it('separates a rep\'s faults with semicolons', () => {
    const first = hipThrust.events.reps[0]!;
    const withFaults: SessionRecord = { ...hipThrust, events: { ...hipThrust.events, reps: [{ ...first, faults: ['over-arch', 'no-pause'] }] } };
    expect(table(sessionsCsv([withFaults]))[0]!.faults).toBe('over-arch;no-pause');
  });

  it('ends every row with CRLF', () => {
    const text = sessionsCsv(RECORDS);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').length - 1).toBe(1 + RECORDS.reduce((n, r) => n + r.events.reps.length, 0));
  });
});

describe('csvField (RFC 4180 quoting)', () => {
  it('leaves a plain field as it is', () => {
    expect(csvField('hip-thrust')).toBe('hip-thrust');
  });

  it('quotes a field with a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('reads back as the same fields', () => {
    const fields = ['plain', 'a,b', 'say "hi"', 'two\r\nlines', ''];
    expect(readCsv(fields.map(csvField).join(',') + '\r\n')).toEqual([fields]);
  });
});
