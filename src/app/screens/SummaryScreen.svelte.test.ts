/**
 * The set summary as the page renders it (Svelte's server renderer: the
 * markup the component produces for a finished set), read row by row.
 */
import type { FaultKey } from '../../core/exercises/fault-keys.ts';
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import SummaryScreen from './SummaryScreen.svelte';
import { Flow } from '../state/flow.svelte.ts';
import { locale } from '../state/locale.svelte.ts';
import { repRecord } from '../../core/engine/fake-checker.ts';
import { partialCue, holdCue } from '../../core/engine/rep-cues.ts';
import type { Cue, CueKey } from '../../core/engine/cues.ts';
import type { RepRecord } from '../../core/engine/events.ts';
import type { ExerciseId } from '../../core/exercises/ids.ts';
import { SET_TARGETS } from '../../core/exercises/targets.ts';
import { cueText } from '../../core/i18n/cue-texts.ts';
import { LANGUAGES, MESSAGES, type Language } from '../../core/i18n/messages.ts';

/** A flow whose set just ended with these reps. */
function summaryOf(exercise: ExerciseId, reps: readonly RepRecord[], faultCues: ReadonlyMap<FaultKey, CueKey> = new Map()): Flow {
  const flow = new Flow();
  flow.choose(exercise);
  flow.answerSafety(false);
  flow.startTraining();
  flow.endSet({ reps: reps.filter((r) => r.full).length, partialReps: reps.filter((r) => !r.full).length, repRecords: reps, faultCues, endedBy: 'user', sessionId: 'a-set', file: null, track: null, record: null });
  return flow;
}

const decode = (html: string): string =>
  html
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .trim();

/** The "Points to watch" cell of each rep row in the given language: its points, one per line (a missing one marked "missing: ..."). */
function pointsToWatch(flow: Flow, lang: Language): string[][] {
  locale.lang = lang;
  const { body } = render(SummaryScreen, { props: { flow } });
  return [...body.matchAll(/<td data-testid="rep-points"[^>]*>([^]*?)<\/td>/g)].map((cell) => {
    const html = cell[1] ?? '';
    const items = [...html.matchAll(/<li([^>]*)>([^]*?)<\/li>/g)].map((li) => (/class="[^"]*\bmissing\b/.test(li[1] ?? '') ? `missing: ${decode(li[2] ?? '')}` : decode(li[2] ?? '')));
    return items.length > 0 ? items : [decode(html)];
  });
}
const missing = (text: string): string => `missing: ${text}`;

const text = (lang: Language, cue: Cue | null): string => (cue === null ? 'no cue' : cueText(lang, cue));

describe('the set summary’s points to watch', () => {
  it.each(LANGUAGES)('in %s, a partial rep says what it was missing, and never "Good"', (lang) => {
    const flow = summaryOf('upward-dog', [
      repRecord(true, 4000, { holdS: SET_TARGETS['upward-dog'].holdS }),
      repRecord(false, 8000, { partialReason: 'straighten-arms' }),
      repRecord(false, 12_000, { partialReason: 'hips-up' }),
      repRecord(false, 16_000, { partialReason: 'higher' }),
    ]);
    const good = MESSAGES[lang]['summary.clean'];
    expect(pointsToWatch(flow, lang)).toEqual([
      [good],
      [missing(text(lang, partialCue('upward-dog', 'straighten-arms')))],
      [missing(text(lang, partialCue('upward-dog', 'hips-up')))],
      [missing(text(lang, partialCue('upward-dog', 'higher')))],
    ]);
  });

  it('a partial rep whose checker gave no reason says it was not a full rep, not "Good"', () => {
    const flow = summaryOf('superman', [repRecord(false, 8000)]);
    expect(pointsToWatch(flow, 'en')).toEqual([[missing(MESSAGES.en['summary.notFull'])]]);
  });

  it('a partial rep lists what it was missing first, then its other faults, the same cue once', () => {
    const faultCues = new Map<FaultKey, CueKey>([
      ['too-shallow', 'gm.hinge-further'],
      ['squatting', 'gm.hips-back'],
    ]);
    const flow = summaryOf('good-morning', [repRecord(false, 8000, { partialReason: 'deeper', faults: ['too-shallow', 'squatting'] })], faultCues);
    expect(pointsToWatch(flow, 'en')).toEqual([[missing(text('en', partialCue('good-morning', 'deeper'))), cueText('en', 'gm.hips-back')]]);
  });

  it.each(LANGUAGES)('in %s, a full rep held short of the target says "hold N s at the top" with the target, and still counts', (lang) => {
    const target = SET_TARGETS['superman'].holdS;
    const flow = summaryOf('superman', [repRecord(true, 4000, { index: 1, holdS: target / 2 }), repRecord(true, 8000, { index: 2, holdS: target })]);
    expect(pointsToWatch(flow, lang)).toEqual([[text(lang, holdCue(target))], [MESSAGES[lang]['summary.clean']]]);
    expect(text(lang, holdCue(target))).toContain(String(target));
    expect(flow.sets[0]?.reps).toBe(2);
  });

  it('an exercise without a hold target never asks for a hold', () => {
    const flow = summaryOf('good-morning', [repRecord(true, 4000, { index: 1, holdS: 0 })]);
    expect(pointsToWatch(flow, 'en')).toEqual([[MESSAGES.en['summary.clean']]]);
  });
});
