/** Strings of the session history: list, review, timeline, delete, re-analysis, saving sessions and storage messages (English and Dutch). */
import type { TableOf } from './table.ts';

export const historyEn = {
  'nav.history': 'History',
  'history.title': 'Your sessions',
  'review.title': 'Session',
} as const;

export const historyNl: TableOf<typeof historyEn> = {
  'nav.history': 'Geschiedenis',
  'history.title': 'Je sessies',
  'review.title': 'Sessie',
};
