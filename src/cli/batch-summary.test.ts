import { describe, expect, it } from 'vitest';
import { CSV_HEADER, formatBatchCsv, formatBatchJson, formatBatchTable, realTimeFactor, totalsOf, type BatchRow } from './batch-summary.ts';

const rows: BatchRow[] = [
  { status: 'done', file: 'clips/bridge.mp4', durationS: 10, frames: 150, reps: 3, partialReps: 1, faults: 2, secondsTaken: 4 },
  { status: 'failed', file: 'clips/broken, "copy".mp4', error: 'ffprobe could not read the file: Invalid data found when processing input', secondsTaken: 0.1 },
  { status: 'done', file: 'clips/track-only.mp4', durationS: 5, frames: 75, reps: null, partialReps: null, faults: null, secondsTaken: 3 },
];
const totals = totalsOf(rows, 2, 9);

describe('realTimeFactor', () => {
  it('is the time taken over the clip\'s duration', () => {
    expect(realTimeFactor(3, 10)).toBeCloseTo(0.3);
  });

  it('is unknown for a clip of no duration', () => {
    expect(realTimeFactor(3, 0)).toBeNull();
  });
});

describe('totalsOf', () => {
  it('counts the clips, the failed ones and the analysed video\'s duration', () => {
    expect(totals).toEqual({ files: 3, failed: 1, workers: 2, durationS: 15, wallS: 9 });
  });
});

describe('formatBatchTable', () => {
  const table = formatBatchTable(rows, totals, 'en');
  const lines = table.split('\n');

  it('has a header and one row per clip, in order', () => {
    expect(lines[0]).toMatch(/^file\s+duration s\s+reps\s+partial\s+faults\s+took s\s+x real time$/);
    expect(lines[1]).toMatch(/^clips\/bridge\.mp4\s+10\.0\s+3\s+1\s+2\s+4\.0\s+0\.40x$/);
    expect(lines[3]).toMatch(/^clips\/track-only\.mp4\s+5\.0\s+-\s+-\s+-\s+3\.0\s+0\.60x$/);
  });

  it('names a failed clip with its reason in its row', () => {
    expect(lines[2]).toMatch(/^clips\/broken, "copy"\.mp4\s+failed: ffprobe could not read the file: Invalid data/);
  });

  it('ends with the batch\'s wall time over the clips\' total duration', () => {
    expect(lines.at(-1)).toBe('3 files (1 failed), 15.0 s of video in 9.0 s with 2 workers: 0.60x real time');
  });

  it('lines the columns up under their headers', () => {
    const end = lines[0]!.length;
    expect(lines[1]!.length).toBe(end);
    expect(lines[3]!.length).toBe(end);
  });

  it('speaks Dutch', () => {
    const nl = formatBatchTable(rows, totals, 'nl');
    expect(nl).toMatch(/^bestand\s+duur s\s+herh\./);
    expect(nl).toContain('mislukt: ffprobe');
    expect(nl).toContain('3 bestanden (1 mislukt), 15.0 s video in 9.0 s met 2 workers: 0.60x echte tijd');
  });
});

describe('formatBatchCsv', () => {
  const lines = formatBatchCsv(rows).split('\n');

  it('has a header of plain column names and one line per clip', () => {
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines).toHaveLength(4);
  });

  it('writes an analysed clip\'s numbers', () => {
    expect(lines[1]).toBe('clips/bridge.mp4,done,10.000,150,3,1,2,4.00,0.400,');
  });

  it('quotes a file name with a comma or quote, and gives a failed clip its error', () => {
    expect(lines[2]).toBe('"clips/broken, ""copy"".mp4",failed,,,,,,0.10,,ffprobe could not read the file: Invalid data found when processing input');
  });

  it('leaves the counts empty for a clip analysed without an exercise', () => {
    expect(lines[3]).toBe('clips/track-only.mp4,done,5.000,75,,,,3.00,0.600,');
  });
});

describe('formatBatchJson', () => {
  it('gives the totals and every row', () => {
    expect(JSON.parse(formatBatchJson(rows, totals))).toEqual({ totals, files: rows });
  });
});
