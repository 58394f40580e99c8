/** Strings of the installable, offline app: a new version waiting to take over (English and Dutch). */
import type { TableOf } from './table.ts';

export const offlineEn = {
  'update.ready': 'A new version of FormCoach is ready.',
  'update.reload': 'Reload now',
  'update.reloading': 'Reloading…',
  'update.failed': 'The new version could not start: {detail}',
} as const;

export const offlineNl: TableOf<typeof offlineEn> = {
  'update.ready': 'Er is een nieuwe versie van FormCoach klaar.',
  'update.reload': 'Nu herladen',
  'update.reloading': 'Bezig met herladen…',
  'update.failed': 'De nieuwe versie kon niet starten: {detail}',
};
