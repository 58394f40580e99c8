/**
 * The annotated export's file name: what it is, which exercise and which
 * clip, e.g. `formcoach-superman-patient-03-annotated.webm`. The clip's name
 * loses its extension and anything a file system or a mail client might
 * choke on; an empty or unusable name becomes "clip".
 */
const MAX_CLIP_CHARS = 60;

export function annotatedFileName(exercise: string, clipName: string, extension: string): string {
  const stem = clipName.replace(/\.[^./\\]{1,8}$/, '');
  const safe = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, MAX_CLIP_CHARS)
    .replace(/[-._]+$/g, '');
  return `formcoach-${exercise}-${safe || 'clip'}-annotated.${extension}`;
}
