/** The program's schema: what a physio may prescribe, and the message for what is out of bounds. */
import { describe, expect, it } from 'vitest';
import { describeExercise } from '../exercises/registry.ts';
import { newItem, newProgram } from './draft.ts';
import { itemOverrides, parseProgram, PROGRAM_BOUNDS, type Program } from './program.ts';

const program = (): Program => ({ ...newProgram('nl', ['hip-thrust', 'good-morning', 'upward-dog', 'superman']), id: 'test-1234', title: 'Heupen, week 1', note: 'Rustig opbouwen.' });
/** The program as JSON with one change, as a link would carry it. */
const withChange = (change: (p: Record<string, unknown> & { items: Record<string, unknown>[] }) => void): unknown => {
  const p = JSON.parse(JSON.stringify(program())) as Record<string, unknown> & { items: Record<string, unknown>[] };
  change(p);
  return p;
};
const refusal = (value: unknown): string => {
  const r = parseProgram(value);
  if (r.ok) throw new Error('expected the program to be refused');
  return r.error;
};

describe('a program', () => {
  it('accepts what the builder starts with: each exercise with its own target and every threshold at its default', () => {
    const p = program();
    expect(parseProgram(JSON.parse(JSON.stringify(p)))).toEqual({ ok: true, program: p });
    const hip = p.items[0]!;
    expect(hip).toMatchObject({ exercise: 'hip-thrust', variant: 'floor', sets: 3, reps: 12, holdS: 1, restS: 60, reference: null });
    // the good morning has no hold at the top, so none is prescribed
    expect(p.items[1]).toMatchObject({ exercise: 'good-morning', variant: null, holdS: null });
    expect(Object.keys(itemOverrides(hip))).toEqual(describeExercise('hip-thrust').tunables.map((t) => t.key));
  });

  it.each([
    ['sets', 0, 'items.0: sets = 0 sets is out of bounds: it must lie in 1..10 sets'],
    ['sets', 11, 'items.0: sets = 11 sets is out of bounds: it must lie in 1..10 sets'],
    ['sets', 2.5, 'items.0: sets: expected a whole number of sets, got 2.5'],
    ['reps', 31, 'items.0: reps = 31 reps is out of bounds: it must lie in 1..30 reps'],
    ['holdS', 61, 'items.0: holdS = 61 s is out of bounds: it must lie in 1..60 s'],
    ['holdS', 0, 'items.0: holdS = 0 s is out of bounds: it must lie in 1..60 s'],
    ['restS', 5, 'items.0: restS = 5 s is out of bounds: it must lie in 10..300 s'],
    ['restS', '60', 'items.0: restS: expected a number of s, got "60"'],
  ])('refuses %s = %j with the field and its bound', (field, value, message) => {
    expect(refusal(withChange((p) => (p.items[0]![field] = value)))).toBe(message);
  });

  it('refuses a threshold out of its bounds, naming it and the bounds', () => {
    const out = withChange((p) => ((p.items[0]!.overrides as Record<string, number>).hipsUpToLineDeg = 185));
    expect(refusal(out)).toBe('items.0: overrides: hip-thrust overrides: hipsUpToLineDeg = 185 deg is out of bounds: it must lie in 150..180 deg');
  });

  it('refuses an item that leaves a threshold out instead of filling in the default', () => {
    const lacking = withChange((p) => delete (p.items[1]!.overrides as Record<string, number>).hingeDepthDeg);
    expect(refusal(lacking)).toBe('items.1: overrides: hingeDepthDeg missing (a program states every threshold of its exercise; none is filled in with a default)');
  });

  it('refuses a program that lacks a field, and one with a field it does not know', () => {
    expect(refusal(withChange((p) => delete p.note))).toMatch(/^note: /);
    expect(refusal(withChange((p) => delete p.items[0]!.restS))).toMatch(/^items\.0\.restS: /);
    expect(refusal(withChange((p) => (p.colour = 'blue')))).toMatch(/^colour: /);
  });

  it("refuses another exercise's threshold, a hold for an exercise without one, and a missing variant", () => {
    expect(refusal(withChange((p) => ((p.items[1]!.overrides as Record<string, number>).maxArchDeg = 20)))).toMatch(/^items\.1: overrides: good-morning overrides: "maxArchDeg" is not one of its tunable thresholds/);
    expect(refusal(withChange((p) => (p.items[1]!.holdS = 5)))).toBe('items.1: holdS: the good-morning has no hold at the top: holdS must be null');
    expect(refusal(withChange((p) => (p.items[0]!.variant = null)))).toBe('items.0: variant: the hip-thrust needs its variant (floor, bench)');
    expect(refusal(withChange((p) => ((p.items[0]!.reps = null), (p.items[0]!.holdS = null))))).toBe('items.0: an item needs reps, a hold, or both: reps and holdS are both null');
  });

  it('refuses a note that is too long, an unknown language, and an empty program', () => {
    expect(refusal(withChange((p) => (p.note = 'x'.repeat(PROGRAM_BOUNDS.noteChars + 1))))).toBe('note: at most 500 characters, got 501');
    expect(refusal(withChange((p) => (p.language = 'de')))).toBe('language: expected one of en, nl, got "de"');
    expect(refusal(withChange((p) => (p.items = [])))).toBe('items: a program needs at least one exercise');
  });

  it('refuses a program of a future version, saying a newer FormCoach made it', () => {
    expect(refusal(withChange((p) => (p.version = 2)))).toBe('version: this program is version 2; this FormCoach reads version 1 (it was made by a newer FormCoach: update this one)');
  });

  it('starts a new item with holds only for exercises that hold', () => {
    for (const id of ['upward-dog', 'superman', 'good-morning', 'hip-thrust'] as const) {
      expect(newItem(id).holdS === null).toBe(!describeExercise(id).countsHolds);
    }
  });
});
