/** An item's prescription in words: sets x reps, with or without a hold, or a hold alone; and its rest. */
import type { ProgramItem } from '../../../core/program/program.ts';
import type { MessageKey, MessageParams } from '../../../core/i18n/messages.ts';

type T = (key: MessageKey, params?: MessageParams) => string;

export function doseText(t: T, item: ProgramItem): string {
  if (item.reps === null) return t('program.dose.hold', { sets: item.sets, hold: item.holdS ?? 0 });
  if (item.holdS === null) return t('program.dose.reps', { sets: item.sets, reps: item.reps });
  return t('program.dose.repsHold', { sets: item.sets, reps: item.reps, hold: item.holdS });
}

export const restText = (t: T, item: ProgramItem): string => t('program.dose.rest', { rest: item.restS });
