/** Strings of annotated recording, live and from a file; recovery of an interrupted recording (English and Dutch). */
import type { TableOf } from './table.ts';

export const recordingEn = {
  // --- annotated export of an analysed video file (helper "export"); keys prefixed export. ---
  'export.save': 'Save annotated video',
  'export.about': 'The clip with the skeleton, the angle, the count and the cues burned in. Made on this device: nothing is uploaded.',
  'export.progress': 'Saving the annotated video: {percent}%',
  'export.progressLabel': 'Annotated video',
  'export.cancel': 'Cancel',
  'export.done': 'Saved as {file}.',
  'export.cancelled': 'Cancelled: no file was saved.',
  'export.error.no-webcodecs': 'This browser cannot encode video frame by frame (it has no WebCodecs). Use a recent Chrome, Edge, Firefox or Safari to save an annotated video.',
  'export.error.unreadable': 'The video file could not be read again ({detail}). Was it moved or changed? Choose it again to analyse it.',
  'export.error.cannot-decode': 'This browser cannot decode this video ({detail}). Convert it to H.264 MP4 or VP9 WebM and analyse it again.',
  'export.error.cannot-encode': 'This browser cannot encode video here ({detail}). Try a recent Chrome or Edge.',
  'export.error.failed': 'The annotated video could not be saved: {detail}',
} as const;

export const recordingNl: TableOf<typeof recordingEn> = {
  // --- annotated export of an analysed video file (helper "export"); keys prefixed export. ---
  'export.save': 'Video met aantekeningen opslaan',
  'export.about': 'De video met het skelet, de hoek, de telling en de aanwijzingen erin getekend. Gemaakt op dit apparaat: er wordt niets geüpload.',
  'export.progress': 'Video met aantekeningen opslaan: {percent}%',
  'export.progressLabel': 'Video met aantekeningen',
  'export.cancel': 'Annuleren',
  'export.done': 'Opgeslagen als {file}.',
  'export.cancelled': 'Geannuleerd: er is geen bestand opgeslagen.',
  'export.error.no-webcodecs': 'Deze browser kan video niet beeld voor beeld coderen (geen WebCodecs). Gebruik een recente Chrome, Edge, Firefox of Safari om een video met aantekeningen op te slaan.',
  'export.error.unreadable': 'Het videobestand kon niet opnieuw gelezen worden ({detail}). Is het verplaatst of gewijzigd? Kies het opnieuw om het te analyseren.',
  'export.error.cannot-decode': 'Deze browser kan deze video niet decoderen ({detail}). Zet hem om naar H.264 MP4 of VP9 WebM en analyseer hem opnieuw.',
  'export.error.cannot-encode': 'Deze browser kan hier geen video coderen ({detail}). Probeer een recente Chrome of Edge.',
  'export.error.failed': 'De video met aantekeningen kon niet worden opgeslagen: {detail}',
};
