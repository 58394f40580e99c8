/** Strings of the faults a set survives: the camera lost mid-set, the person out of view (English and Dutch). */
import type { TableOf } from './table.ts';

export const faultsEn = {
  'faults.cameraLost.title': 'The camera stopped during your set',
  'faults.cameraLost.body': 'Your {reps} reps so far are kept. Reconnect the camera and resume, or end the set to save it.',
  'faults.cameraLost.resume': 'Resume with the camera',
  'faults.cameraLost.end': 'End the set',
} as const;

export const faultsNl: TableOf<typeof faultsEn> = {
  'faults.cameraLost.title': 'De camera is tijdens je set gestopt',
  'faults.cameraLost.body': 'Je {reps} herhalingen tot nu toe blijven bewaard. Sluit de camera opnieuw aan en ga verder, of beëindig de set om hem te bewaren.',
  'faults.cameraLost.resume': 'Verder met de camera',
  'faults.cameraLost.end': 'Set beëindigen',
};
