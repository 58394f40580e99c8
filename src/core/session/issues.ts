/**
 * Valibot's issues as one readable line: where (a path such as
 * `events.reps[3].peakMs`) and what is wrong ("expected a number, got "x"").
 * Schemas that have something more specific to say give their own message;
 * `defaultMessage` words the rest from the issue's type, so no valibot
 * default text ("Invalid type: ...") reaches a person.
 */
import type * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;

/** A value as a message names it: strings quoted and cut short, containers by kind. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array (${value.length} items)`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

const EXPECTED_TYPE: Readonly<Record<string, string>> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  strict_object: 'an object',
  loose_object: 'an object',
  record: 'an object',
  null: 'null',
  nan: 'NaN',
};

const OBJECT_TYPES = new Set(['object', 'strict_object', 'loose_object']);

/** One readable message for an issue whose schema gave none (pass as `config.message`). */
export function defaultMessage(issue: Issue): string {
  if (OBJECT_TYPES.has(issue.type) && issue.kind === 'schema') {
    const last = issue.path?.[issue.path.length - 1];
    if (last?.origin === 'key' && issue.expected === 'never') return 'unknown field (not part of this format)';
    if (last?.origin === 'key') return 'missing';
  }
  if (issue.type === 'literal' || issue.type === 'picklist') {
    const options = (issue.expected ?? '').split(' | ').join(', ');
    return `expected ${issue.type === 'picklist' ? `one of ${options}` : options}, got ${describeValue(issue.input)}`;
  }
  const expected = EXPECTED_TYPE[issue.type];
  if (expected !== undefined && issue.kind === 'schema') return `expected ${expected}, got ${describeValue(issue.input)}`;
  if (issue.type === 'integer') return `expected a whole number, got ${describeValue(issue.input)}`;
  if (issue.type === 'min_value') return `expected at least ${String(issue.requirement)}, got ${describeValue(issue.input)}`;
  if (issue.type === 'max_value') return `expected at most ${String(issue.requirement)}, got ${describeValue(issue.input)}`;
  if (issue.type === 'union' && issue.issues?.[0]) return defaultMessage(issue.issues[0]);
  return `not accepted (${issue.type}), got ${describeValue(issue.input)}`;
}

/** `events.reps[3].peakMs` from an issue's path; '' at the top. */
export function issuePath(issue: Issue): string {
  let out = '';
  for (const item of issue.path ?? []) out = appendKey(out, item.key);
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A path with one more step: `a.b`, `a[3]`, `a["odd key"]`. */
export function appendKey(path: string, key: unknown): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const name = String(key);
  if (IDENTIFIER.test(name)) return path === '' ? name : `${path}.${name}`;
  return `${path}[${JSON.stringify(name)}]`;
}

/**
 * Where and what, as one line. A message that starts with `.`, `[` or `:`
 * continues the path (the keypoint track's own validation names its path
 * inside the track: `.frames[3].t: ...`).
 */
export function joinPathAndMessage(path: string, message: string): string {
  if (/^[.[:]/.test(message)) return `${path}${message}`;
  return path === '' ? message : `${path}: ${message}`;
}

export function issueLine(issue: Issue): string {
  return joinPathAndMessage(issuePath(issue), issue.message);
}
