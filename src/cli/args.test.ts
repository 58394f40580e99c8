import { describe, expect, it } from 'vitest';
import { MODEL_IDS } from '../pose/models.ts';
import { parseAnalyzeArgs, UsageError, USAGE } from './args.ts';

function usageError(argv: string[]): UsageError {
  try {
    parseAnalyzeArgs(argv);
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

  it('rejects a second input, naming it', () => {
    expect(usageError(['a.mp4', 'b.mp4']).message).toBe('unexpected argument "b.mp4": give one input file');
  });

  it('gives UsageError its own name', () => {
    expect(usageError([]).name).toBe('UsageError');
  });
});

describe('USAGE', () => {
  it('lists every model and option', () => {
    for (const id of MODEL_IDS) expect(USAGE).toContain(id);
    for (const option of ['--model', '--fps', '--out', '--exercise', '--variant', '--lang', '--format', '--session']) expect(USAGE).toContain(option);
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
    expect(() => parseAnalyzeArgs(['x.mp4', '--exercise', 'superman', '--format', 'csv'])).toThrow(/unknown format "csv"/);
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
