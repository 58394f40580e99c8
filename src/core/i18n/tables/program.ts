/** Strings of the physio's program: the builder, the link and QR code, what the patient sees of it, and the physio's overview (English and Dutch). */
import type { TableOf } from './table.ts';

export const programEn = {
  'tune.buildUpJumpDeg': 'Early in a set, deeper than the reps before by at most',
} as const;

export const programNl: TableOf<typeof programEn> = {
  'tune.buildUpJumpDeg': 'Vroeg in een set, dieper dan de herhalingen ervoor met hoogstens',
};
