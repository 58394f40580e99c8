/**
 * Every cue FormCoach can give: setup guidance, form corrections (one per
 * fault in design/exercises.md), and praise. Texts live in i18n/cue-texts.ts.
 * Priority decides which cue shows when several want to: safety and setup
 * first, then the fault that matters most for the lower back.
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
  // upward-facing dog
  'updog.hands-under-shoulders': { kind: 'fault', priority: 60 },
  'updog.legs-long': { kind: 'fault', priority: 50 },
  'updog.build-up-gradually': { kind: 'fault', priority: 65 },
  'updog.shoulders-down': { kind: 'fault', priority: 55 },
  'updog.long-neck': { kind: 'fault', priority: 45 },
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
  'ht.pause-at-top': { kind: 'fault', priority: 45 },
  // praise
  'praise.good-rep': { kind: 'praise', priority: 5 },
  'praise.nice-hold': { kind: 'praise', priority: 5 },
  'praise.keep-going': { kind: 'praise', priority: 5 },
} as const satisfies Record<string, { kind: 'setup' | 'hint' | 'fault' | 'praise'; priority: number }>;

export type CueKey = keyof typeof CUES;
export type CueKind = (typeof CUES)[CueKey]['kind'];

export const CUE_KEYS = Object.keys(CUES) as CueKey[];
