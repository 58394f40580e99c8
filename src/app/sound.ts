/**
 * A short two-tone chime for a counted rep, made with the Web Audio API: two
 * sine tones a fifth apart (A5 then E6), ~125 ms in all, each with a quick
 * attack and an exponential decay so that neither starts nor stops with a
 * click. The AudioContext is created on first use: browsers only let it play
 * after a user gesture, so call `unlock()` from the click that starts a
 * session (play() alone also works once the page has had a gesture). Silent,
 * and never throwing, where Web Audio is missing.
 */

export interface RepChimeOptions {
  readonly enabled: boolean;
  /** peak gain of the tones, 0..1 (default 0.25: audible over music, not startling) */
  readonly volume?: number;
}

type AudioContextConstructor = new () => AudioContext;

function audioContextConstructor(): AudioContextConstructor | null {
  try {
    const g = globalThis as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor };
    const Ctor = g.AudioContext ?? g.webkitAudioContext;
    return typeof Ctor === 'function' ? Ctor : null;
  } catch {
    return null;
  }
}

/** One tone of the chime: start offset and length (s), frequency (Hz), and gain relative to the volume. */
interface Tone {
  readonly at: number;
  readonly duration: number;
  readonly hz: number;
  readonly gain: number;
}

/** A5 then E6 (a rising fifth): bright but soft; the second rings a little longer and quieter. */
export const CHIME_TONES: readonly Tone[] = [
  { at: 0, duration: 0.06, hz: 880, gain: 1 },
  { at: 0.05, duration: 0.075, hz: 1318.5, gain: 0.8 },
];
/** attack time, s: 5 ms of ramp is enough to avoid a click */
const ATTACK_S = 0.005;
/** exponential ramps cannot reach 0: this is silent */
const SILENT_GAIN = 0.0001;
/** schedule a hair in the future so the first ramp is not in the past */
const LEAD_S = 0.01;

export class RepChime {
  private enabled: boolean;
  private readonly volume: number;
  private context: AudioContext | null = null;
  private disposed = false;

  constructor(options: RepChimeOptions = { enabled: true }) {
    this.enabled = options.enabled;
    this.volume = Math.min(1, Math.max(0, options.volume ?? 0.25));
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** true where Web Audio exists */
  get supported(): boolean {
    return audioContextConstructor() !== null;
  }

  /** Creates (or resumes) the audio context; call it from a user gesture such as the start button's click. */
  unlock(): void {
    if (this.disposed) return;
    this.resume(this.ensureContext());
  }

  /** Plays the chime once. Nothing when disabled, disposed or unsupported. */
  play(): void {
    if (!this.enabled || this.disposed) return;
    const ctx = this.ensureContext();
    if (!ctx) return;
    this.resume(ctx);
    try {
      const t0 = ctx.currentTime + LEAD_S;
      for (const tone of CHIME_TONES) this.tone(ctx, t0 + tone.at, tone);
    } catch {
      // a chime is a nicety: never let it break the training loop
    }
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const ctx = this.context;
    this.context = null;
    if (ctx) {
      try {
        void ctx.close().catch(() => undefined);
      } catch {
        // already closed
      }
    }
  }

  private ensureContext(): AudioContext | null {
    if (this.context) return this.context;
    const Ctor = audioContextConstructor();
    if (!Ctor) return null;
    try {
      this.context = new Ctor();
    } catch {
      this.context = null;
    }
    return this.context;
  }

  private resume(ctx: AudioContext | null): void {
    if (!ctx || ctx.state !== 'suspended') return;
    try {
      void ctx.resume().catch(() => undefined);
    } catch {
      // resumes on a later gesture
    }
  }

  private tone(ctx: AudioContext, start: number, tone: Tone): void {
    const peak = Math.max(SILENT_GAIN * 2, this.volume * tone.gain);
    const end = start + tone.duration;
    const osc = ctx.createOscillator();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(tone.hz, start);
    const gain = ctx.createGain();
    // envelope: silent -> peak in ATTACK_S -> exponential decay to silence at the end
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(peak, start + ATTACK_S);
    gain.gain.exponentialRampToValueAtTime(SILENT_GAIN, end);
    osc.connect(gain);
    gain.connect(ctx.destination);
    osc.onended = () => {
      osc.disconnect();
      gain.disconnect();
    };
    osc.start(start);
    // stop just after the envelope has reached silence
    osc.stop(end + 0.01);
  }
}
