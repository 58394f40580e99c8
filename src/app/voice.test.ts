import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pickVoice, Voice } from './voice.ts';

interface FakeVoice {
  name: string;
  lang: string;
  default: boolean;
  localService: boolean;
  voiceURI: string;
}

const voice = (name: string, lang: string, extra: Partial<FakeVoice> = {}): FakeVoice => ({ name, lang, default: false, localService: true, voiceURI: name, ...extra });

class FakeUtterance {
  lang = '';
  voice: FakeVoice | null = null;
  rate = 1;
  onend: (() => void) | null = null;
  constructor(public text = '') {}
}

/** A speechSynthesis that keeps a queue: speak() appends, cancel() empties it. */
class FakeSynth {
  voices: FakeVoice[] = [];
  queue: FakeUtterance[] = [];
  spoken: FakeUtterance[] = [];
  cancels = 0;
  listeners = new Map<string, Set<() => void>>();
  getVoices(): FakeVoice[] {
    return this.voices;
  }
  speak(u: FakeUtterance): void {
    this.queue.push(u);
    this.spoken.push(u);
  }
  cancel(): void {
    this.cancels++;
    this.queue = [];
  }
  addEventListener(type: string, fn: () => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(fn);
  }
  removeEventListener(type: string, fn: () => void): void {
    this.listeners.get(type)?.delete(fn);
  }
  fire(type: string): void {
    for (const fn of this.listeners.get(type) ?? []) fn();
  }
}

const g = globalThis as Record<string, unknown>;
let synth: FakeSynth;

function install(): void {
  synth = new FakeSynth();
  g['speechSynthesis'] = synth;
  g['SpeechSynthesisUtterance'] = FakeUtterance;
}

function uninstall(): void {
  delete g['speechSynthesis'];
  delete g['SpeechSynthesisUtterance'];
}

describe('Voice with the Web Speech API', () => {
  beforeEach(install);
  afterEach(uninstall);

  it('speaks English as en-GB with an English voice, at the normal rate', () => {
    synth.voices = [voice('Xander', 'nl-NL'), voice('Samantha', 'en-US'), voice('Daniel', 'en-GB')];
    const v = new Voice({ lang: 'en', enabled: true });
    v.speak('Hips higher');
    expect(synth.spoken).toHaveLength(1);
    const u = synth.spoken[0]!;
    expect(u.text).toBe('Hips higher');
    expect(u.lang).toBe('en-GB');
    expect(u.voice?.name).toBe('Daniel');
    expect(u.rate).toBe(1);
  });

  it('speaks Dutch as nl-NL with a Dutch voice, also after switching language', () => {
    synth.voices = [voice('Daniel', 'en-GB'), voice('Ellen', 'nl-BE'), voice('Xander', 'nl_NL')];
    const v = new Voice({ lang: 'en', enabled: true });
    v.setLang('nl');
    v.speak('Heupen hoger');
    const u = synth.spoken[0]!;
    expect(u.lang).toBe('nl-NL');
    expect(u.voice?.name).toBe('Xander');
  });

  it('picks the voice once the voices have loaded (voiceschanged)', () => {
    const v = new Voice({ lang: 'nl', enabled: true });
    v.speak('een');
    expect(synth.spoken[0]!.voice).toBeNull();
    expect(synth.spoken[0]!.lang).toBe('nl-NL');
    synth.voices = [voice('Daniel', 'en-GB'), voice('Ellen', 'nl-BE')];
    synth.fire('voiceschanged');
    v.speak('twee');
    expect(synth.spoken[1]!.voice?.name).toBe('Ellen');
  });

  it('cancels what is queued before speaking the new cue', () => {
    const v = new Voice({ lang: 'en', enabled: true });
    v.speak('first');
    v.speak('second');
    expect(synth.spoken.map((u) => u.text)).toEqual(['first', 'second']);
    expect(synth.queue.map((u) => u.text)).toEqual(['second']);
    expect(synth.cancels).toBe(2);
  });

  it('is silent while disabled, and cancels speech when disabled', () => {
    const v = new Voice({ lang: 'en', enabled: false });
    v.speak('nothing');
    expect(synth.spoken).toHaveLength(0);
    v.setEnabled(true);
    v.speak('now');
    expect(synth.queue.map((u) => u.text)).toEqual(['now']);
    v.setEnabled(false);
    expect(synth.queue).toHaveLength(0);
    v.speak('again nothing');
    expect(synth.spoken).toHaveLength(1);
  });

  it('ignores empty text', () => {
    const v = new Voice({ lang: 'en', enabled: true });
    v.speak('  ');
    expect(synth.spoken).toHaveLength(0);
  });

  it('dispose stops speech, drops the listener and silences it', () => {
    const v = new Voice({ lang: 'en', enabled: true });
    expect(synth.listeners.get('voiceschanged')?.size).toBe(1);
    v.speak('one');
    v.dispose();
    expect(synth.queue).toHaveLength(0);
    expect(synth.listeners.get('voiceschanged')?.size).toBe(0);
    v.speak('two');
    expect(synth.spoken).toHaveLength(1);
  });

  it('swallows errors from the API', () => {
    synth.speak = () => {
      throw new Error('synthesis-failed');
    };
    const v = new Voice({ lang: 'en', enabled: true });
    expect(() => v.speak('x')).not.toThrow();
  });
});

describe('Voice without the Web Speech API', () => {
  beforeEach(uninstall);

  it('does nothing and throws nothing', () => {
    const v = new Voice({ lang: 'nl', enabled: true });
    expect(v.supported).toBe(false);
    expect(() => {
      v.speak('hallo');
      v.setLang('en');
      v.setEnabled(false);
      v.setEnabled(true);
      v.dispose();
    }).not.toThrow();
  });

  it('does nothing with speechSynthesis but no SpeechSynthesisUtterance', () => {
    const s = new FakeSynth();
    g['speechSynthesis'] = s;
    try {
      const v = new Voice({ lang: 'en', enabled: true });
      v.speak('x');
      expect(s.spoken).toHaveLength(0);
    } finally {
      uninstall();
    }
  });
});

describe('pickVoice', () => {
  it('prefers the exact locale, then the language, then the default and local voices', () => {
    const list = [voice('US', 'en-US'), voice('GB remote', 'en-GB', { localService: false }), voice('GB', 'en-GB')] as unknown as SpeechSynthesisVoice[];
    expect(pickVoice(list, 'en')?.name).toBe('GB');
    const us = [voice('US', 'en-US'), voice('AU', 'en-AU', { default: true })] as unknown as SpeechSynthesisVoice[];
    expect(pickVoice(us, 'en')?.name).toBe('AU');
    expect(pickVoice(us, 'nl')).toBeNull();
    // "en" must not match "eng-..." style oddities nor other languages starting with e
    expect(pickVoice([voice('Spanish', 'es-ES')] as unknown as SpeechSynthesisVoice[], 'en')).toBeNull();
  });
});
