/** Strings of two people in view (issue 11 point 6): who is coached when someone else steps in (English and Dutch). */
import type { TableOf } from './table.ts';

export const peopleEn = {
  'people.otherInView': 'Someone else is in view — still coaching you.',
  'people.subjectLost': 'I lost sight of you — step back where you were.',
} as const;

export const peopleNl: TableOf<typeof peopleEn> = {
  'people.otherInView': 'Er is nog iemand in beeld — ik coach jou gewoon verder.',
  'people.subjectLost': 'Ik zie je niet meer — ga terug naar je plek.',
};
