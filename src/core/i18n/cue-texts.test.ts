import { describe, expect, it } from 'vitest';
import { CUE_TEXTS, cueSpeech, cueText, SECONDS_SPOKEN, SPOKEN_NUMBERED } from './cue-texts.ts';
import { CUE_KEYS, isNumberedCueKey, type NumberedCueKey, type PlainCueKey } from '../engine/cues.ts';
import { LANGUAGES } from './messages.ts';

const PLAIN: readonly PlainCueKey[] = CUE_KEYS.filter((key): key is PlainCueKey => !isNumberedCueKey(key));
const NUMBERED: readonly NumberedCueKey[] = CUE_KEYS.filter(isNumberedCueKey);
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

/** Cues whose Dutch text may equal the English one (names that are the same in both languages): none so far. */
const SAME_IN_BOTH: readonly string[] = [];

describe('cue texts', () => {
  it('has a table for every language', () => {
    expect(Object.keys(CUE_TEXTS).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES)('has a non-empty %s text for every cue', (lang) => {
    expect(CUE_KEYS.filter((key) => typeof CUE_TEXTS[lang][key] !== 'string' || CUE_TEXTS[lang][key].trim() === '')).toEqual([]);
  });

  it.each(LANGUAGES)('has no %s text for a cue that does not exist', (lang) => {
    expect(Object.keys(CUE_TEXTS[lang]).filter((key) => !(CUE_KEYS as readonly string[]).includes(key))).toEqual([]);
  });

  it('says every cue differently in Dutch than in English (it was translated)', () => {
    expect(CUE_KEYS.filter((key) => !SAME_IN_BOTH.includes(key) && CUE_TEXTS.nl[key].trim() === CUE_TEXTS.en[key].trim())).toEqual([]);
  });

  it('cueText looks a plain cue\'s text up by language', () => {
    for (const lang of LANGUAGES) for (const key of PLAIN) expect(cueText(lang, key)).toBe(CUE_TEXTS[lang][key]);
  });

  it('cueSpeech says a plain cue as it is written', () => {
    for (const lang of LANGUAGES) for (const key of PLAIN) expect(cueSpeech(lang, key)).toBe(CUE_TEXTS[lang][key]);
  });

  describe('cues with a number ("hold 5 s at the top")', () => {
    it('there is one at least, for the hold target', () => {
      expect(NUMBERED).toContain('hold.seconds-at-top');
    });

    it.each(LANGUAGES)('in %s, a numbered cue\'s text has one {n}, and a plain cue\'s text none', (lang) => {
      for (const key of NUMBERED) expect(placeholders(CUE_TEXTS[lang][key]), key).toEqual(['n']);
      expect(PLAIN.filter((key) => placeholders(CUE_TEXTS[lang][key]).length > 0)).toEqual([]);
    });

    it.each(LANGUAGES)('in %s, every numbered cue has a spoken text with {n} and {unit}', (lang) => {
      for (const key of NUMBERED) expect(placeholders(SPOKEN_NUMBERED[lang][key]).sort(), key).toEqual(['n', 'unit']);
    });

    it('shows the number in the text, written the language\'s way', () => {
      const key = 'hold.seconds-at-top';
      expect(cueText('en', { key, n: 5 })).toBe(CUE_TEXTS.en[key].replace('{n}', '5'));
      expect(cueText('nl', { key, n: 5 })).toBe(CUE_TEXTS.nl[key].replace('{n}', '5'));
      expect(cueText('en', { key, n: 1.5 })).toBe(CUE_TEXTS.en[key].replace('{n}', '1.5'));
      expect(cueText('nl', { key, n: 1.5 })).toBe(CUE_TEXTS.nl[key].replace('{n}', '1,5'));
    });

    it('says the unit as a word, singular for one and plural otherwise', () => {
      const key = 'hold.seconds-at-top';
      for (const lang of LANGUAGES) {
        const spoken = (n: string, unit: string): string => SPOKEN_NUMBERED[lang][key].replace('{n}', n).replace('{unit}', unit);
        expect(cueSpeech(lang, { key, n: 1 })).toBe(spoken('1', SECONDS_SPOKEN[lang].one));
        expect(cueSpeech(lang, { key, n: 2 })).toBe(spoken('2', SECONDS_SPOKEN[lang].other));
        expect(cueSpeech(lang, { key, n: 5 })).not.toMatch(/\d s\b/);
      }
      expect(cueSpeech('nl', { key, n: 1.5 })).toBe(SPOKEN_NUMBERED.nl[key].replace('{n}', '1,5').replace('{unit}', SECONDS_SPOKEN.nl.other));
    });
  });
});
