/**
 * Spoken cues through the Web Speech API (speechSynthesis). Each new cue
 * cancels whatever is still queued or speaking: a late cue about a rep that is
 * over is worse than none. Silent, and never throwing, where the API is
 * missing (Node, some browsers and webviews) or while disabled.
 *
 * Voices load asynchronously (Chrome returns none at first and fires
 * `voiceschanged` later), so the voice is picked again on that event. Where no
 * voice of the language is installed, the utterance's `lang` still asks the
 * browser for one.
 */

export type VoiceLang = 'en' | 'nl';

export interface VoiceOptions {
  readonly lang: VoiceLang;
  readonly enabled: boolean;
}

/** The locale asked for per app language. */
export const VOICE_LOCALES: Readonly<Record<VoiceLang, string>> = { en: 'en-GB', nl: 'nl-NL' };

/** speaking rate: 1.0 is the voice's normal pace, clear enough for short cues */
const RATE = 1.0;

type UtteranceConstructor = new (text?: string) => SpeechSynthesisUtterance;

interface SpeechGlobals {
  speechSynthesis?: SpeechSynthesis;
  SpeechSynthesisUtterance?: UtteranceConstructor;
}

function speechApi(): { synth: SpeechSynthesis; Utterance: UtteranceConstructor } | null {
  try {
    const g = globalThis as SpeechGlobals;
    const synth = g.speechSynthesis;
    const Utterance = g.SpeechSynthesisUtterance;
    if (!synth || typeof synth.speak !== 'function' || typeof Utterance !== 'function') return null;
    return { synth, Utterance };
  } catch {
    return null;
  }
}

/** "en_US" (Android) and "en-us" read like "en-US". */
const normalise = (lang: string): string => lang.replace('_', '-').toLowerCase();

/**
 * The best installed voice for `lang`: one of the exact locale (en-GB, nl-NL)
 * first, else any of the language (en-US, nl-BE); among equals the browser's
 * default, else a local one (works offline), else the first. Null when none.
 */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: VoiceLang): SpeechSynthesisVoice | null {
  const exact = normalise(VOICE_LOCALES[lang]);
  let best: SpeechSynthesisVoice | null = null;
  let bestRank = 0;
  for (const v of voices) {
    const l = normalise(v.lang ?? '');
    const match = l === exact ? 2 : l === lang || l.startsWith(`${lang}-`) ? 1 : 0;
    if (match === 0) continue;
    const rank = match * 4 + (v.default ? 2 : 0) + (v.localService ? 1 : 0);
    if (rank > bestRank) {
      best = v;
      bestRank = rank;
    }
  }
  return best;
}

export class Voice {
  private lang: VoiceLang;
  private enabled: boolean;
  private disposed = false;
  private voice: SpeechSynthesisVoice | null = null;
  /** kept referenced while it speaks: Chrome may drop an utterance that is garbage-collected */
  private current: SpeechSynthesisUtterance | null = null;
  private readonly api = speechApi();
  private readonly onVoicesChanged = (): void => this.pick();

  constructor(options: VoiceOptions) {
    this.lang = options.lang;
    this.enabled = options.enabled;
    const synth = this.api?.synth;
    if (synth) {
      try {
        synth.addEventListener?.('voiceschanged', this.onVoicesChanged);
      } catch {
        // some implementations are not event targets: the first speak() picks the voice then
      }
      this.pick();
    }
  }

  /** true where the browser can speak at all */
  get supported(): boolean {
    return this.api !== null;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Speaks `text` now, cancelling whatever was queued or speaking. Nothing when disabled or unsupported. */
  speak(text: string): void {
    if (!this.enabled || this.disposed || !this.api || !text.trim()) return;
    const { synth, Utterance } = this.api;
    try {
      if (!this.voice) this.pick();
      synth.cancel();
      const utterance = new Utterance(text);
      utterance.lang = VOICE_LOCALES[this.lang];
      if (this.voice) utterance.voice = this.voice;
      utterance.rate = RATE;
      this.current = utterance;
      utterance.onend = () => {
        if (this.current === utterance) this.current = null;
      };
      synth.speak(utterance);
    } catch {
      // speech is a nicety: never let it break the training loop
    }
  }

  setLang(lang: VoiceLang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.voice = null;
    this.pick();
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) this.cancel();
  }

  /** Stops speaking and lets go of the API; speak() does nothing afterwards. */
  dispose(): void {
    if (this.disposed) return;
    this.cancel();
    this.disposed = true;
    try {
      this.api?.synth.removeEventListener?.('voiceschanged', this.onVoicesChanged);
    } catch {
      // nothing to undo
    }
    this.voice = null;
  }

  private cancel(): void {
    this.current = null;
    try {
      this.api?.synth.cancel();
    } catch {
      // nothing to cancel
    }
  }

  private pick(): void {
    if (!this.api || this.disposed) return;
    try {
      this.voice = pickVoice(this.api.synth.getVoices?.() ?? [], this.lang);
    } catch {
      this.voice = null;
    }
  }
}
