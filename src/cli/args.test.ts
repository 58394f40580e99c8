import { describe, expect, it } from 'vitest';
import { MODEL_IDS } from '../pose/models.ts';
import { MAX_JOBS, parseAnalyzeArgs, UsageError, USAGE } from './args.ts';

/** no path is a folder unless its name ends in "/" (the tests' stand-in for the disk) */
const isFolder = (path: string): boolean => path.endsWith('/');

function usageError(argv: string[]): UsageError {
  try {
    parseAnalyzeArgs(argv, isFolder);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    const usage = err as UsageError;
    expect(usage.message).not.toContain('\n');
    return usage;
  }
  throw new Error(`expected ${JSON.stringify(argv)} to be rejected`);
}

describe('parseAnalyzeArgs', () => {
  it('defaults to movenet-lightning at 15 fps, writing to stdout', () => {
    expect(parseAnalyzeArgs(['squat.mp4'])).toEqual({
      input: 'squat.mp4',
      inputs: ['squat.mp4'],
      batch: false,
      jobs: undefined,
      model: 'movenet-lightning',
      out: undefined,
      fps: 15,
      help: false,
      exercise: undefined,
      variant: undefined,
      lang: 'en',
      format: 'json',
      session: undefined,
    });
  });

  it('takes --model, --out and --fps, before or after the input', () => {
    expect(parseAnalyzeArgs(['--model', 'blazepose-full', 'squat.mp4', '--out', 'track.json', '--fps', '7.5'])).toEqual({
      input: 'squat.mp4',
      inputs: ['squat.mp4'],
      batch: false,
      jobs: undefined,
      model: 'blazepose-full',
      out: 'track.json',
      fps: 7.5,
      help: false,
      exercise: undefined,
      variant: undefined,
      lang: 'en',
      format: 'json',
      session: undefined,
    });
  });

  it.each(MODEL_IDS)('accepts --model %s', (id) => {
    expect(parseAnalyzeArgs(['a.mp4', '--model', id]).model).toBe(id);
  });

  it('takes -o for --out', () => {
    expect(parseAnalyzeArgs(['a.mp4', '-o', 'out.json']).out).toBe('out.json');
  });

  it('lets the last of a repeated option win', () => {
    expect(parseAnalyzeArgs(['a.mp4', '--fps', '10', '--fps', '20']).fps).toBe(20);
  });

  it.each(['--help', '-h'])('takes %s without an input', (flag) => {
    expect(parseAnalyzeArgs([flag])).toMatchObject({ help: true, input: '' });
  });

  it('rejects an unknown model, naming it and every valid one', () => {
    const { message } = usageError(['a.mp4', '--model', 'posenet']);
    expect(message).toContain('"posenet"');
    for (const id of MODEL_IDS) expect(message).toContain(id);
  });

  it('rejects an unknown option, naming it', () => {
    expect(usageError(['a.mp4', '--verbose']).message).toBe('unknown option --verbose');
  });

  it.each(['--model', '--out', '-o', '--fps', '--session'])('rejects %s without a value', (option) => {
    expect(usageError(['a.mp4', option]).message).toBe(`${option} needs a value`);
  });

  it('rejects an option whose value is another option', () => {
    expect(usageError(['a.mp4', '--out', '--fps', '10']).message).toBe('--out needs a value');
  });

  it.each(['0', '-5', 'fast', '121', 'Infinity', ''])('rejects --fps %j, naming the value', (fps) => {
    const { message } = usageError(['a.mp4', '--fps', fps]);
    expect(message).toMatch(/^--fps must be a number in \(0, 120\]/);
    expect(message).toContain(`got ${fps}`);
  });

  it('accepts --fps at the upper limit, 120', () => {
    expect(parseAnalyzeArgs(['a.mp4', '--fps', '120']).fps).toBe(120);
  });

  it('rejects a missing input', () => {
    expect(usageError([]).message).toMatch(/^no input/);
    expect(usageError(['--model', 'movenet-thunder']).message).toMatch(/^no input/);
  });


  it('gives UsageError its own name', () => {
    expect(usageError([]).name).toBe('UsageError');
  });
});

describe('USAGE', () => {
  it('lists every model and option', () => {
    for (const id of MODEL_IDS) expect(USAGE).toContain(id);
    for (const option of ['--model', '--fps', '--out', '--exercise', '--variant', '--lang', '--format', '--session', '--jobs', 'csv', '.mp4', '.mov']) expect(USAGE).toContain(option);
  });
});

describe('parseAnalyzeArgs short flags', () => {
  it('names an unknown short flag instead of taking it for the input', () => {
    expect(() => parseAnalyzeArgs(['-v'])).toThrow(/unknown option -v/);
  });
});

describe('parseAnalyzeArgs for exercise analysis', () => {
  it('takes --exercise, --variant, --lang and --format', () => {
    expect(parseAnalyzeArgs(['bridge.mp4', '--exercise', 'hip-thrust', '--variant', 'bench', '--lang', 'nl', '--format', 'table'])).toMatchObject({
      exercise: 'hip-thrust',
      variant: 'bench',
      lang: 'nl',
      format: 'table',
    });
  });

  it('names the valid values of a wrong one', () => {
    expect(() => parseAnalyzeArgs(['x.mp4', '--exercise', 'squat'])).toThrow(/unknown exercise "squat": expected one of upward-dog, superman, good-morning, hip-thrust/);
    expect(() => parseAnalyzeArgs(['x.mp4', '--exercise', 'hip-thrust', '--variant', 'wall'])).toThrow(/unknown variant "wall": expected one of floor, bench/);
    expect(() => parseAnalyzeArgs(['x.mp4', '--lang', 'de'])).toThrow(/unknown language "de": expected one of en, nl/);
    expect(() => parseAnalyzeArgs(['x.mp4', '--exercise', 'superman', '--format', 'xml'])).toThrow(/unknown format "xml": expected json, table or csv/);
  });

  it('refuses options that do not go together', () => {
    expect(() => parseAnalyzeArgs(['x.mp4', '--exercise', 'superman', '--variant', 'floor'])).toThrow(/--variant applies to --exercise hip-thrust only/);
    expect(() => parseAnalyzeArgs(['x.mp4', '--format', 'table'])).toThrow(/--format table needs --exercise/);
  });
});

describe('parseAnalyzeArgs --session', () => {
  it('takes the file for the session record, with --exercise', () => {
    expect(parseAnalyzeArgs(['bridge.mp4', '--exercise', 'hip-thrust', '--session', 'set.json'])).toMatchObject({ exercise: 'hip-thrust', session: 'set.json', out: undefined });
  });

  it('goes with --out and --format table: the report one way, the record another', () => {
    expect(parseAnalyzeArgs(['bridge.mp4', '--exercise', 'hip-thrust', '--format', 'table', '--out', 'report.txt', '--session', 'set.json'])).toMatchObject({ out: 'report.txt', session: 'set.json', format: 'table' });
  });

  it('refuses --session without --exercise, saying why', () => {
    expect(usageError(['bridge.mp4', '--session', 'set.json']).message).toBe('--session needs --exercise (a session record holds the analysis of a set)');
  });

  it('refuses --session and --out naming the same file', () => {
    expect(usageError(['bridge.mp4', '--exercise', 'superman', '--out', 'x.json', '--session', 'x.json']).message).toBe('--session and --out name the same file (x.json): give the session record a file of its own');
  });
});

describe('parseAnalyzeArgs for a batch', () => {
  it('takes several files as a batch, keeping their order, with a summary table by default', () => {
    expect(parseAnalyzeArgs(['b.mp4', 'a.mp4', '--exercise', 'superman', 'c.mov'], isFolder)).toMatchObject({
      input: 'b.mp4',
      inputs: ['b.mp4', 'a.mp4', 'c.mov'],
      batch: true,
      format: 'table',
      jobs: undefined,
    });
  });

  it('takes one folder as a batch', () => {
    expect(parseAnalyzeArgs(['clips/', '--exercise', 'hip-thrust'], isFolder)).toMatchObject({ inputs: ['clips/'], batch: true, format: 'table' });
  });

  it('keeps one file a single-clip run, with its JSON report by default', () => {
    expect(parseAnalyzeArgs(['a.mp4', '--exercise', 'hip-thrust'], isFolder)).toMatchObject({ batch: false, format: 'json' });
  });

  it('makes one file with --format csv a batch of one (a summary row)', () => {
    expect(parseAnalyzeArgs(['a.mp4', '--exercise', 'hip-thrust', '--format', 'csv'], isFolder)).toMatchObject({ batch: true, format: 'csv' });
  });

  it.each(['table', 'csv', 'json'] as const)('prints a batch summary as --format %s', (format) => {
    expect(parseAnalyzeArgs(['a.mp4', 'b.mp4', '--exercise', 'superman', '--format', format], isFolder).format).toBe(format);
  });

  it.each([['--jobs', '3'], ['-j', '1'], ['--jobs', String(MAX_JOBS)]])('takes %s %s', (flag, n) => {
    expect(parseAnalyzeArgs(['a.mp4', 'b.mp4', '--exercise', 'superman', flag, n], isFolder).jobs).toBe(Number(n));
  });

  it.each(['0', '-1', '2.5', 'many', '1e1', String(MAX_JOBS + 1), ''])('rejects --jobs %j, naming the value and the range', (n) => {
    expect(usageError(['a.mp4', 'b.mp4', '--exercise', 'superman', '--jobs', n]).message).toBe(`--jobs must be a whole number from 1 to ${MAX_JOBS}, got ${n}`);
  });

  it('rejects --jobs without a value', () => {
    expect(usageError(['a.mp4', 'b.mp4', '--jobs']).message).toBe('--jobs needs a value');
  });

  it('takes --out and --session as folders of a batch, even the same folder (the files are named apart)', () => {
    expect(parseAnalyzeArgs(['clips/', '--exercise', 'superman', '--out', 'reports', '--session', 'reports'], isFolder)).toMatchObject({ batch: true, out: 'reports', session: 'reports' });
  });

  it('takes a batch without --exercise when its keypoint tracks have a folder to go to', () => {
    expect(parseAnalyzeArgs(['a.mp4', 'b.mp4', '--out', 'tracks'], isFolder)).toMatchObject({ batch: true, exercise: undefined, out: 'tracks' });
  });

  it('refuses a batch without --exercise and without --out, saying why', () => {
    expect(usageError(['a.mp4', 'b.mp4']).message).toBe('several clips without --exercise need --out DIR: one keypoint track per clip goes there');
    expect(usageError(['clips/']).message).toBe('several clips without --exercise need --out DIR: one keypoint track per clip goes there');
  });

  it('still refuses --session without --exercise in a batch', () => {
    expect(usageError(['clips/', '--out', 'o', '--session', 's']).message).toMatch(/^--session needs --exercise/);
  });
});
