/**
 * What each cue says, in English and Dutch: short, positive, one instruction,
 * readable from 3 m. Written for FormCoach (not the article's sentences).
 *
 * A numbered cue's text has `{n}` where its number goes. On screen the unit
 * is its symbol ("Hold 5 s at the top"); spoken, a voice would read "5 s" as
 * a letter, so the spoken text names the unit as a word, singular or plural
 * by the language's own rule ("Hold 1 second", "Houd bovenaan 5 seconden
 * vast"). The number is written the language's way (1.5 / 1,5).
 */
import { cueKeyOf, type Cue, type CueKey, type NumberedCueKey } from '../engine/cues.ts';
import type { Language } from './messages.ts';

const en: Readonly<Record<CueKey, string>> = {
  'setup.step-into-view': 'Step into view of the camera',
  'setup.one-person': 'Only one person in view, please',
  'setup.whole-body': 'Move so your whole body is in view',
  'setup.turn-sideways': 'Turn sideways to the camera',
  'setup.stand-tall': 'Stand tall to begin',
  'setup.lie-prone': 'Lie on your stomach, legs long',
  'setup.lie-supine-knees-bent': 'Lie on your back, knees bent, feet flat',
  'setup.hold-start': 'Hold still, starting…',
  'setup.side-view-better': 'Tip: a true side view gives better feedback',
  'setup.front-no-depth': 'From the front, depth is not judged',
  'updog.hands-under-shoulders': 'Place your hands under your shoulders',
  'updog.legs-long': 'Keep your legs long and straight',
  'updog.build-up-gradually': 'Build up gradually: a little higher each time',
  'updog.shoulders-down': 'Draw your shoulders down, away from your ears',
  'updog.long-neck': 'Keep your neck long, look ahead',
  'updog.straighten-arms': 'Straighten your arms as you press up',
  'updog.hips-up': 'Lift your hips off the mat',
  'superman.lift-knees-elbows': 'Lift your knees and elbows, not just hands and feet',
  'superman.smaller-arch': 'Smaller movement: feel your muscles, not your lower back',
  'superman.slow-controlled': 'Slow and controlled',
  'superman.look-down': 'Look at the floor, keep your neck long',
  'superman.lift-together': 'Lift arms and legs together',
  'gm.hips-back': 'Soft knees, push your hips back',
  'gm.long-back': 'Keep your back long, chest open',
  'gm.hinge-further': 'Hinge a little further, hips back',
  'gm.stand-tall-top': 'Stand tall at the top, don’t lean back',
  'gm.slow-controlled': 'Slow down: controlled, down and up',
  'ht.hips-higher': 'Push your hips higher, squeeze your glutes',
  'ht.stop-at-line': 'Stop at a straight line, don’t arch',
  'ht.feet-closer': 'Bring your feet a little closer',
  'ht.feet-further': 'Move your feet a little further away',
  'ht.pause-at-top': 'Pause a moment at the top',
  'partial.higher': 'A little higher: all the way up',
  'hold.seconds-at-top': 'Hold {n} s at the top',
  'praise.good-rep': 'Good rep!',
  'praise.nice-hold': 'Nice hold!',
  'praise.keep-going': 'Well done, keep going',
};

const nl: Readonly<Record<CueKey, string>> = {
  'setup.step-into-view': 'Ga voor de camera staan',
  'setup.one-person': 'Graag maar één persoon in beeld',
  'setup.whole-body': 'Zorg dat je hele lichaam in beeld is',
  'setup.turn-sideways': 'Draai je zijwaarts naar de camera',
  'setup.stand-tall': 'Sta rechtop om te beginnen',
  'setup.lie-prone': 'Ga op je buik liggen, benen lang',
  'setup.lie-supine-knees-bent': 'Ga op je rug liggen, knieën gebogen, voeten plat',
  'setup.hold-start': 'Blijf even stil, we beginnen…',
  'setup.side-view-better': 'Tip: recht van opzij geeft betere feedback',
  'setup.front-no-depth': 'Van voren wordt de diepte niet beoordeeld',
  'updog.hands-under-shoulders': 'Zet je handen onder je schouders',
  'updog.legs-long': 'Houd je benen lang en gestrekt',
  'updog.build-up-gradually': 'Bouw rustig op: steeds een beetje hoger',
  'updog.shoulders-down': 'Schouders omlaag, weg van je oren',
  'updog.long-neck': 'Houd je nek lang, kijk recht vooruit',
  'updog.straighten-arms': 'Strek je armen terwijl je omhoog duwt',
  'updog.hips-up': 'Til je heupen van de mat',
  'superman.lift-knees-elbows': 'Til je knieën en ellebogen op, niet alleen handen en voeten',
  'superman.smaller-arch': 'Kleiner bewegen: voel je spieren, niet je onderrug',
  'superman.slow-controlled': 'Rustig en gecontroleerd',
  'superman.look-down': 'Kijk naar de vloer, houd je nek lang',
  'superman.lift-together': 'Til armen en benen tegelijk op',
  'gm.hips-back': 'Knieën licht gebogen, heupen naar achteren',
  'gm.long-back': 'Houd je rug lang, borst open',
  'gm.hinge-further': 'Buig iets verder voorover, heupen naar achteren',
  'gm.stand-tall-top': 'Sta bovenaan rechtop, leun niet achterover',
  'gm.slow-controlled': 'Rustiger: gecontroleerd omlaag en omhoog',
  'ht.hips-higher': 'Duw je heupen hoger, span je billen aan',
  'ht.stop-at-line': 'Stop bij een rechte lijn, niet doorbuigen',
  'ht.feet-closer': 'Zet je voeten iets dichterbij',
  'ht.feet-further': 'Zet je voeten iets verder weg',
  'ht.pause-at-top': 'Houd bovenaan even vast',
  'partial.higher': 'Iets hoger: helemaal omhoog',
  'hold.seconds-at-top': 'Houd bovenaan {n} s vast',
  'praise.good-rep': 'Goede herhaling!',
  'praise.nice-hold': 'Mooi vastgehouden!',
  'praise.keep-going': 'Goed zo, ga zo door',
};

export const CUE_TEXTS: Readonly<Record<Language, Readonly<Record<CueKey, string>>>> = { en, nl };

/** How a numbered cue is said aloud: `{n}` and the unit as a word, `{unit}`. */
export const SPOKEN_NUMBERED: Readonly<Record<Language, Readonly<Record<NumberedCueKey, string>>>> = {
  en: { 'hold.seconds-at-top': 'Hold {n} {unit} at the top' },
  nl: { 'hold.seconds-at-top': 'Houd bovenaan {n} {unit} vast' },
};

/** The unit of a numbered cue as a spoken word, by plural category (Intl.PluralRules). */
export const SECONDS_SPOKEN: Readonly<Record<Language, Readonly<{ one: string; other: string }>>> = {
  en: { one: 'second', other: 'seconds' },
  nl: { one: 'seconde', other: 'seconden' },
};

/** numbers in cues: whole seconds as they are, tenths where a target has them */
const NUMBER_FORMAT = { maximumFractionDigits: 1 } as const;

const formatNumber = (lang: Language, n: number): string => new Intl.NumberFormat(lang, NUMBER_FORMAT).format(n);

/** What the cue says on screen. */
export function cueText(lang: Language, cue: Cue): string {
  const text = CUE_TEXTS[lang][cueKeyOf(cue)];
  return typeof cue === 'string' ? text : text.replace('{n}', formatNumber(lang, cue.n));
}

/** What the voice says for the cue: the screen's text, with a number's unit as a word. */
export function cueSpeech(lang: Language, cue: Cue): string {
  if (typeof cue === 'string') return CUE_TEXTS[lang][cue];
  const plural = new Intl.PluralRules(lang, NUMBER_FORMAT).select(cue.n);
  const unit = plural === 'one' ? SECONDS_SPOKEN[lang].one : SECONDS_SPOKEN[lang].other;
  return SPOKEN_NUMBERED[lang][cue.key].replace('{n}', formatNumber(lang, cue.n)).replace('{unit}', unit);
}
