/**
 * The physio's program as it is being built: items added, removed and
 * reordered, each item's prescription and thresholds, the note and the
 * patient's language; `build` makes the link (program/link.ts) and its QR
 * code. Every value stays within its bounds because the core checks the
 * whole program before a link is made: a value out of bounds is refused with
 * the core's message instead of a link.
 */
import type { ExerciseId, HipThrustVariant } from '../../core/exercises/ids.ts';
import type { TunableKey } from '../../core/exercises/tunables.ts';
import type { Language } from '../../core/i18n/messages.ts';
import { newItem, newProgramId } from '../../core/program/draft.ts';
import { linkBytes, programLink, QR_MAX_BYTES } from '../../core/program/link.ts';
import { PROGRAM_VERSION, type Program, type ProgramItem } from '../../core/program/program.ts';
import type { Reference } from '../../core/reference/format.ts';

export interface BuiltLink {
  readonly program: Program;
  readonly link: string;
  readonly bytes: number;
  /** whether one QR code can hold it (QR_MAX_BYTES) */
  readonly fitsQr: boolean;
}

export class ProgramBuilder {
  readonly id = newProgramId();
  title = $state('');
  note = $state('');
  language = $state<Language>('nl');
  items = $state.raw<readonly ProgramItem[]>([newItem('hip-thrust')]);
  built = $state.raw<BuiltLink | null>(null);
  error = $state<string | null>(null);

  constructor(language: Language) {
    this.language = language;
  }

  add(exercise: ExerciseId): void {
    this.items = [...this.items, newItem(exercise)];
    this.stale();
  }

  remove(index: number): void {
    this.items = this.items.filter((_, i) => i !== index);
    this.stale();
  }

  /** Moves item `index` up (-1) or down (+1). */
  move(index: number, by: -1 | 1): void {
    const to = index + by;
    const item = this.items[index];
    const other = this.items[to];
    if (!item || !other) return;
    const next = [...this.items];
    next[to] = item;
    next[index] = other;
    this.items = next;
    this.stale();
  }

  /** Another exercise in this place: its own target and threshold defaults (nothing of the old one carries over). */
  setExercise(index: number, exercise: ExerciseId): void {
    this.replace(index, () => newItem(exercise));
  }

  setVariant(index: number, variant: HipThrustVariant): void {
    this.replace(index, (item) => ({ ...item, variant }));
  }

  /** sets, reps, holdS (null: none), restS */
  setDose(index: number, dose: Partial<Pick<ProgramItem, 'sets' | 'reps' | 'holdS' | 'restS'>>): void {
    this.replace(index, (item) => ({ ...item, ...dose }));
  }

  setOverride(index: number, key: TunableKey, value: number): void {
    this.replace(index, (item) => ({ ...item, overrides: { ...item.overrides, [key]: value } }));
  }

  setReference(index: number, reference: Reference | null): void {
    this.replace(index, (item) => ({ ...item, reference }));
  }

  program(): Program {
    return { version: PROGRAM_VERSION, id: this.id, title: this.title.trim(), note: this.note.trim(), language: this.language, items: this.items };
  }

  /** Makes the link (and so the QR code) from the current settings, or says why it cannot. */
  async build(pageUrl: string): Promise<void> {
    try {
      const program = this.program();
      const link = await programLink(program, pageUrl);
      const bytes = linkBytes(link);
      this.built = { program, link, bytes, fitsQr: bytes <= QR_MAX_BYTES };
      this.error = null;
    } catch (e) {
      this.built = null;
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** A change after the link was made: the old link no longer says what is on screen. */
  stale(): void {
    this.built = null;
  }

  private replace(index: number, change: (item: ProgramItem) => ProgramItem): void {
    this.items = this.items.map((item, i) => (i === index ? change(item) : item));
    this.stale();
  }
}
