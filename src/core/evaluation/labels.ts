/**
 * A labels file (the fixtures' labels.json format, for anyone's own clips):
 * `{ "fixtures": [ { file, exercise, kind, expected, view, segments?, peaks_s?, variant? } ] }`.
 * Parsed with messages that name the entry and the field that is wrong.
 */
import type { ClipLabel, LabelSegment } from './score.ts';

const KINDS = ['reps', 'holds', 'alternating', 'image'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (v: unknown): v is Kind => typeof v === 'string' && (KINDS as readonly string[]).includes(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export type LabelsResult = { readonly ok: true; readonly labels: ClipLabel[] } | { readonly ok: false; readonly error: string };

function parseSegment(v: unknown, where: string): LabelSegment | string {
  if (!isObject(v)) return `${where}: not an object`;
  const { from_s, to_s, view, expected } = v;
  if (typeof from_s !== 'number' || typeof to_s !== 'number' || !(to_s > from_s)) return `${where}: from_s and to_s must be numbers with to_s > from_s`;
  if (typeof view !== 'string') return `${where}: view must be a string`;
  if (!isCount(expected)) return `${where}: expected must be a whole number >= 0`;
  return { from_s, to_s, view, expected };
}

function parseEntry(v: unknown, where: string): ClipLabel | string {
  if (!isObject(v)) return `${where}: not an object`;
  const { file, exercise, kind, expected, view, variant, segments, peaks_s } = v;
  if (typeof file !== 'string' || file === '') return `${where}: "file" must be a non-empty string`;
  where = `${where} (${file})`;
  if (typeof exercise !== 'string') return `${where}: "exercise" must be a string`;
  if (!isKind(kind)) return `${where}: "kind" must be one of ${KINDS.join(', ')}`;
  if (expected !== undefined && !isCount(expected)) return `${where}: "expected" must be a whole number >= 0`;
  if (kind !== 'image' && kind !== 'alternating' && expected === undefined && segments === undefined) return `${where}: "expected" is missing`;
  if (typeof view !== 'string') return `${where}: "view" must be a string`;
  if (variant !== undefined && typeof variant !== 'string') return `${where}: "variant" must be a string`;
  const label: { -readonly [K in keyof ClipLabel]: ClipLabel[K] } = { file, exercise, kind, view };
  if (expected !== undefined) label.expected = expected;
  if (variant !== undefined) label.variant = variant;
  if (segments !== undefined) {
    if (!Array.isArray(segments)) return `${where}: "segments" must be an array`;
    const parsed: LabelSegment[] = [];
    for (let i = 0; i < segments.length; i++) {
      const s = parseSegment(segments[i], `${where} segment ${i + 1}`);
      if (typeof s === 'string') return s;
      parsed.push(s);
    }
    label.segments = parsed;
  }
  if (peaks_s !== undefined) {
    if (!Array.isArray(peaks_s) || !peaks_s.every((p) => typeof p === 'number' && p >= 0)) return `${where}: "peaks_s" must be an array of seconds >= 0`;
    label.peaks_s = peaks_s as number[];
  }
  return label;
}

export function parseLabels(text: string): LabelsResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (!isObject(json) || !Array.isArray(json.fixtures)) return { ok: false, error: 'no "fixtures" array at the top level' };
  const labels: ClipLabel[] = [];
  for (let i = 0; i < json.fixtures.length; i++) {
    const entry = parseEntry(json.fixtures[i], `fixture ${i + 1}`);
    if (typeof entry === 'string') return { ok: false, error: entry };
    labels.push(entry);
  }
  return { ok: true, labels };
}
