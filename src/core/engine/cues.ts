/**
 * Every cue FormCoach can give: setup guidance, form corrections (one per
 * fault in design/exercises.md), what a partial rep was missing
 * (engine/rep-cues.ts), and praise. Texts live in i18n/cue-texts.ts.
 * Priority decides which cue shows when several want to: safety and setup
 * first, then the fault that matters most for the lower back.
 *
 * A cue may carry a number (`number: 'seconds'`: "hold 5 s at the top"); it
 * is then offered and shown as a NumberedCue, never as a bare key, so no
 * screen or voice can say it without its number. Cues of the same `topic`
 * say the same thing in other words: the cue engine treats them as one
 * correction (one waits, one cooldown).
 */
export const CUES = {
  // setup: shown while the condition lasts
  'setup.step-into-view': { kind: 'setup', priority: 100 },
  'setup.one-person': { kind: 'setup', priority: 99 },
  'setup.whole-body': { kind: 'setup', priority: 95 },
  'setup.turn-sideways': { kind: 'setup', priority: 90 },
  'setup.stand-tall': { kind: 'setup', priority: 80 },
  'setup.lie-prone': { kind: 'setup', priority: 80 },
  'setup.lie-supine-knees-bent': { kind: 'setup', priority: 80 },
  'setup.hold-start': { kind: 'setup', priority: 70 },
  'setup.side-view-better': { kind: 'hint', priority: 10 },
  'setup.front-no-depth': { kind: 'hint', priority: 12 },
  // upward-facing dog
  'updog.hands-under-shoulders': { kind: 'fault', priority: 60 },
  'updog.legs-long': { kind: 'fault', priority: 50 },
  'updog.build-up-gradually': { kind: 'fault', priority: 65 },
  'updog.shoulders-down': { kind: 'fault', priority: 55 },
  'updog.long-neck': { kind: 'fault', priority: 45 },
  // what a partial up dog was missing (a cobra: arms bent, or hips on the mat)
  'updog.straighten-arms': { kind: 'fault', priority: 57 },
  'updog.hips-up': { kind: 'fault', priority: 57 },
  // superman
  'superman.lift-knees-elbows': { kind: 'fault', priority: 55 },
  'superman.smaller-arch': { kind: 'fault', priority: 65 },
  'superman.slow-controlled': { kind: 'fault', priority: 50 },
  'superman.look-down': { kind: 'fault', priority: 45 },
  'superman.lift-together': { kind: 'fault', priority: 60 },
  // good morning
  'gm.hips-back': { kind: 'fault', priority: 60 },
  'gm.long-back': { kind: 'fault', priority: 65 },
  'gm.hinge-further': { kind: 'fault', priority: 50 },
  'gm.stand-tall-top': { kind: 'fault', priority: 55 },
  'gm.slow-controlled': { kind: 'fault', priority: 45 },
  // hip thrust
  'ht.hips-higher': { kind: 'fault', priority: 60 },
  'ht.stop-at-line': { kind: 'fault', priority: 65 },
  'ht.feet-closer': { kind: 'fault', priority: 50 },
  'ht.feet-further': { kind: 'fault', priority: 50 },
  'ht.pause-at-top': { kind: 'fault', priority: 45, topic: 'hold-at-top' },
  // any exercise: what a partial rep was missing, and a hold short of the set's target
  'partial.higher': { kind: 'fault', priority: 58 },
  'hold.seconds-at-top': { kind: 'fault', priority: 46, topic: 'hold-at-top', number: 'seconds' },
  // praise
  'praise.good-rep': { kind: 'praise', priority: 5 },
  'praise.nice-hold': { kind: 'praise', priority: 5 },
  'praise.keep-going': { kind: 'praise', priority: 5 },
} as const satisfies Record<string, CueInfo>;

/** Cues of one topic are one correction to the cue engine (they say the same thing in other words). */
export type CueTopic = 'hold-at-top';

interface CueInfo {
  readonly kind: 'setup' | 'hint' | 'fault' | 'praise';
  readonly priority: number;
  readonly topic?: CueTopic;
  /** the cue's text has a number in it, in this unit */
  readonly number?: 'seconds';
}

export type CueKey = keyof typeof CUES;
export type CueKind = (typeof CUES)[CueKey]['kind'];

export const CUE_KEYS = Object.keys(CUES) as CueKey[];

/** Cues whose text has a number in it. */
export type NumberedCueKey = { [K in CueKey]: (typeof CUES)[K] extends { readonly number: 'seconds' } ? K : never }[CueKey];
export type PlainCueKey = Exclude<CueKey, NumberedCueKey>;

/** A numbered cue with its number: `{ key: 'hold.seconds-at-top', n: 5 }` says "Hold 5 s at the top". */
export interface NumberedCue {
  readonly key: NumberedCueKey;
  readonly n: number;
}

/** A cue as it is offered, shown and said: a plain cue by its key, a numbered one with its number. */
export type Cue = PlainCueKey | NumberedCue;

export function isNumberedCueKey(key: CueKey): key is NumberedCueKey {
  const info: CueInfo = CUES[key];
  return info.number !== undefined;
}

export const cueKeyOf = (cue: Cue): CueKey => (typeof cue === 'string' ? cue : cue.key);

/** The correction a cue stands for: its topic, or the cue itself. */
export function cueTopic(key: CueKey): CueKey | CueTopic {
  const info: CueInfo = CUES[key];
  return info.topic ?? key;
}

export const sameCue = (a: Cue | null, b: Cue | null): boolean =>
  a === b || (a !== null && b !== null && typeof a !== 'string' && typeof b !== 'string' && a.key === b.key && a.n === b.n);
