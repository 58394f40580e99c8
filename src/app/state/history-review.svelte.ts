/**
 * One stored session opened for review: its record (or why it cannot be
 * read), its recording as an object URL when one was kept (revoked by
 * `dispose`), and the re-analysis with the thresholds the physiotherapist
 * set (the stored record is never changed).
 */
import { reanalyze, storedFigures, type Reanalysis, type SetFigures } from '../../core/session/reanalysis.ts';
import type { SessionRecord } from '../../core/session/schema.ts';
import type { ThresholdOverrides } from '../../core/exercises/tunables.ts';
import type { Language } from '../../core/i18n/messages.ts';
import { trackMsAtVideoStart } from '../components/history/video-clock.ts';
import type { Recordings } from '../components/history/recordings.ts';
import type { Archive } from './archive.svelte.ts';

export type ReviewLoad =
  | { readonly state: 'loading' }
  | { readonly state: 'missing' }
  | { readonly state: 'problem'; readonly error: string }
  | { readonly state: 'ready'; readonly record: SessionRecord };

export type ReviewVideo =
  | { readonly state: 'none' }
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly detail: string }
  /** the object URL, and the track time (ms) at the video's first frame */
  | { readonly state: 'ready'; readonly url: string; readonly trackMsAtStart: number; readonly durationMs: number };

export class ReviewSession {
  load = $state.raw<ReviewLoad>({ state: 'loading' });
  video = $state.raw<ReviewVideo>({ state: 'none' });
  /** thresholds changed for the re-analysis; empty: the defaults */
  overrides = $state.raw<ThresholdOverrides>({});
  private disposed = false;

  constructor(
    readonly id: string,
    private readonly archive: Archive,
    private readonly recordings: Recordings,
    private readonly createUrl: (blob: Blob) => string = (blob) => URL.createObjectURL(blob),
    private readonly revokeUrl: (url: string) => void = (url) => URL.revokeObjectURL(url),
  ) {}

  get record(): SessionRecord | null {
    return this.load.state === 'ready' ? this.load.record : null;
  }

  /** The figures as stored. */
  readonly stored: SetFigures | null = $derived(this.record ? storedFigures(this.record) : null);

  async open(): Promise<void> {
    const stored = await this.archive.get(this.id);
    if (this.disposed) return;
    if (!stored) {
      this.load = this.archive.problem ? { state: 'problem', error: this.archive.problem.detail } : { state: 'missing' };
      return;
    }
    if (!stored.ok) {
      this.load = { state: 'problem', error: stored.error };
      return;
    }
    this.load = { state: 'ready', record: stored.record };
    await this.openVideo(stored.record);
  }

  private async openVideo(record: SessionRecord): Promise<void> {
    this.video = { state: 'loading' };
    try {
      const found = await this.recordings.find(this.id);
      if (this.disposed) return;
      if (!found) {
        this.video = { state: 'none' };
        return;
      }
      const frames = record.track?.frames ?? [];
      const lastMs = frames[frames.length - 1]?.t ?? Number.NaN;
      const endedAtMs = record.endedAt === 'unknown' ? Number.NaN : Date.parse(record.endedAt);
      this.video = { state: 'ready', url: this.createUrl(found.blob), trackMsAtStart: trackMsAtVideoStart(found.startedAtMs, endedAtMs, lastMs), durationMs: found.durationMs };
    } catch (err) {
      if (!this.disposed) this.video = { state: 'failed', detail: err instanceof Error ? err.message : String(err) };
    }
  }

  /** The track replayed with the current overrides, in `lang`; null until the record is read. */
  reanalysis(lang: Language): Reanalysis | null {
    return this.record ? reanalyze(this.record, this.overrides, lang) : null;
  }

  setOverride(key: keyof ThresholdOverrides, value: number): void {
    this.overrides = { ...this.overrides, [key]: value };
  }

  resetOverrides(): void {
    this.overrides = {};
  }

  /** Leaving the review: the recording's object URL is let go. */
  dispose(): void {
    this.disposed = true;
    if (this.video.state === 'ready') this.revokeUrl(this.video.url);
    this.video = { state: 'none' };
  }
}
