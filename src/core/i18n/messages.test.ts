import { describe, expect, it } from 'vitest';
import { EN_TABLES, en, format, isLanguage, LANGUAGES, MESSAGES, nl, pickLanguage, type MessageKey } from './messages.ts';

const KEYS = Object.keys(en) as MessageKey[];
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('messages', () => {
  it('has a non-empty Dutch string for every English key', () => {
    const missing = KEYS.filter((key) => typeof nl[key] !== 'string' || nl[key].trim() === '');
    expect(missing).toEqual([]);
  });

  it('has no Dutch key that English lacks', () => {
    expect(Object.keys(nl).filter((key) => !(key in en))).toEqual([]);
  });

  it('has no empty English string', () => {
    expect(KEYS.filter((key) => en[key].trim() === '')).toEqual([]);
  });

  it.each(KEYS)('%s uses the same {placeholders} in Dutch as in English', (key) => {
    expect(placeholders(nl[key])).toEqual(placeholders(en[key]));
  });

  it('keeps each key in one feature table only (a second one would silently win)', () => {
    const seen = new Set<string>();
    const twice = EN_TABLES.flatMap((table) => Object.keys(table)).filter((key) => seen.size === seen.add(key).size);
    expect(twice).toEqual([]);
  });

  it('has a table for every language', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...LANGUAGES].sort());
  });
});

describe('format', () => {
  it('returns the text as is without params', () => {
    expect(format('en', 'source.stop')).toBe(en['source.stop']);
    expect(format('nl', 'source.stop')).toBe(nl['source.stop']);
  });

  it('fills every placeholder from params, numbers included', () => {
    const text = format('en', 'status.fileDone', { file: 'squat.mp4', frames: 120 });
    expect(text).toBe(en['status.fileDone'].replace('{file}', 'squat.mp4').replace('{frames}', '120'));
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('fills placeholders in the chosen language', () => {
    expect(format('nl', 'hud.fps', { fps: 24 })).toBe(nl['hud.fps'].replace('{fps}', '24'));
    expect(format('en', 'hud.fps', { fps: 24 })).toBe(en['hud.fps'].replace('{fps}', '24'));
  });

  it('leaves a placeholder without a param visible', () => {
    const text = format('en', 'status.fileDone', { file: 'a.mp4' });
    expect(text).toContain('{frames}');
    expect(text).toContain('a.mp4');
    expect(text).not.toContain('{file}');
  });

  it('ignores params the message does not use', () => {
    expect(format('en', 'hud.inference', { ms: 12, unused: 'x' })).toBe(en['hud.inference'].replace('{ms}', '12'));
  });

  it('inserts param values literally, even ones that look like replacement patterns', () => {
    expect(format('en', 'error.unknown', { detail: '$& {detail} $1' })).toBe(en['error.unknown'].replace('{detail}', () => '$& {detail} $1'));
  });
});

describe('pickLanguage', () => {
  it.each([
    [['nl-BE', 'en'], 'nl'],
    [['nl'], 'nl'],
    [['NL-nl'], 'nl'],
    [['en-GB', 'nl'], 'en'],
    [['fr', 'de-CH', 'nl-NL'], 'nl'],
    [['fr'], 'en'],
    [[], 'en'],
    [[''], 'en'],
  ])('picks from %j: %s', (preferred, expected) => {
    expect(pickLanguage(preferred)).toBe(expected);
  });
});

describe('isLanguage', () => {
  it.each(LANGUAGES)('accepts %s', (lang) => {
    expect(isLanguage(lang)).toBe(true);
  });

  it.each(['fr', 'EN', 'nl-BE', '', null, undefined, 1, {}])('rejects %j', (value) => {
    expect(isLanguage(value)).toBe(false);
  });
});
