/**
 * The names of the files a person downloads: what they hold and the day,
 * so a folder of them sorts and reads well (formcoach-sessions-2025-03-01.json).
 */
import type { SessionRecord } from '../../../core/session/schema.ts';
import { localDay } from '../report/dates.ts';

export const allSessionsFileName = (now: Date): string => `formcoach-sessions-${localDay(now)}.json`;
export const allRepsFileName = (now: Date): string => `formcoach-reps-${localDay(now)}.csv`;
export const unsavedFileName = (now: Date): string => `formcoach-unsaved-sessions-${localDay(now)}.json`;

/** One session's files: its exercise and the day it was done (the day of download when it is not known), and its id's start to tell two of one day apart. */
export function sessionFileName(record: Pick<SessionRecord, 'id' | 'startedAt' | 'settings'>, ext: 'json' | 'csv', now: Date): string {
  const started = Date.parse(record.startedAt);
  const day = localDay(Number.isNaN(started) ? now : new Date(started));
  // ids are letters, digits and . _ : - (schema.ts); ':' is not allowed in Windows file names
  const tag = record.id.slice(0, 8).replace(/[^A-Za-z0-9_-]/g, '-');
  return `formcoach-${record.settings.exercise}-${day}-${tag}.${ext}`;
}
