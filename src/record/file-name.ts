/**
 * File names of downloaded recordings: what, and when, readable in a folder
 * listing and sorted by date: `formcoach-superman-2026-12-06-1412.webm`
 * (the local date and time the recording started).
 */

/** The file name extension (without the dot) of each container a recording can be in. */
export const EXTENSION_OF = { 'video/webm': 'webm', 'video/mp4': 'mp4' } as const;
export type RecordingMimeType = keyof typeof EXTENSION_OF;

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** A file-name-safe slug: lower case letters, digits and single hyphens ("Hip thrust!" -> "hip-thrust"); "recording" when nothing is left. */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'recording';
}

/** `formcoach-<what>-YYYY-MM-DD-HHMM.<ext>`, in the local time of `startedAt` (a Date or ms since the epoch). */
export function recordingFileName(what: string, startedAtTime: Date | number, mimeType: RecordingMimeType): string {
  const startedAt = new Date(startedAtTime);
  if (Number.isNaN(startedAt.getTime())) throw new Error('a recording file name needs a valid start time');
  const date = `${startedAt.getFullYear()}-${two(startedAt.getMonth() + 1)}-${two(startedAt.getDate())}`;
  const time = `${two(startedAt.getHours())}${two(startedAt.getMinutes())}`;
  return `formcoach-${slugOf(what)}-${date}-${time}.${EXTENSION_OF[mimeType]}`;
}
