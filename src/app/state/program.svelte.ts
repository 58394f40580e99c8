/**
 * The program a patient follows on this device: opened from a link
 * (`#program=...` in the page's fragment, read at start and on hashchange)
 * and kept in localStorage, so a reload, or opening FormCoach later without
 * the link, keeps it. What is stored is the link's payload itself: it is
 * checked again (tag, schema, bounds) every time it is read, so a stored
 * value edited by hand is refused like a tampered link.
 *
 * A refused link changes nothing: the program already loaded (if any) stays,
 * and the message says why the link was refused.
 */
import { decodeProgram, programPayloadOf } from '../../core/program/link.ts';
import type { Program } from '../../core/program/program.ts';

export const PROGRAM_STORAGE_KEY = 'formcoach-program';

export type ProgramOpen = 'none' | 'loaded' | 'refused';

export class ProgramStore {
  /** the program the patient follows; null when none was opened on this device */
  program = $state.raw<Program | null>(null);
  /** why the last link was refused (the core's message); null when it was not */
  error = $state<string | null>(null);

  constructor(private readonly storage: Storage | null) {}

  /** The program stored on this device, if any (at start). A stored value that no longer reads is dropped, with its message. */
  async restore(): Promise<void> {
    const payload = this.read();
    if (payload === null) return;
    const result = await decodeProgram(payload);
    if (result.ok) this.program = result.program;
    else {
      this.error = result.error;
      this.write(null);
    }
  }

  /** A location hash: loads the program it carries ('loaded'), refuses a bad one ('refused'), or finds none ('none'). */
  async openHash(hash: string): Promise<ProgramOpen> {
    const payload = programPayloadOf(hash);
    if (payload === null) return 'none';
    const result = await decodeProgram(payload);
    if (!result.ok) {
      this.error = result.error;
      return 'refused';
    }
    this.program = result.program;
    this.error = null;
    this.write(payload);
    return 'loaded';
  }

  /** Stops following the program on this device. */
  forget(): void {
    this.program = null;
    this.error = null;
    this.write(null);
  }

  dismissError(): void {
    this.error = null;
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(PROGRAM_STORAGE_KEY) ?? null;
    } catch {
      // storage switched off (a private window, site data blocked): the program lives for this page only
      return null;
    }
  }

  private write(payload: string | null): void {
    try {
      if (payload === null) this.storage?.removeItem(PROGRAM_STORAGE_KEY);
      else this.storage?.setItem(PROGRAM_STORAGE_KEY, payload);
    } catch {
      // as above: without storage the program is kept in memory only
    }
  }
}

/** localStorage, or null where there is none or reading it throws (site data blocked). */
function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const programs = new ProgramStore(localStorageOrNull());
