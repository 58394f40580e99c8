import { describe, expect, it } from 'vitest';
import { CUE_TEXTS, cueText } from './cue-texts.ts';
import { CUE_KEYS } from '../engine/cues.ts';
import { LANGUAGES } from './messages.ts';

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

  it('cueText looks the text up by language', () => {
    for (const lang of LANGUAGES) for (const key of CUE_KEYS) expect(cueText(lang, key)).toBe(CUE_TEXTS[lang][key]);
  });
});
