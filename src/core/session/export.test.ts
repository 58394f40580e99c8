/** Import validation: each way a file can be wrong is refused with its own line; a good file comes back as it went out. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { parseSessionExport, SESSION_EXPORT_KIND, sessionExportOf, sessionJson } from './export.ts';
import { endsEarly } from './json-text.ts';
import type { SessionRecord } from './schema.ts';
import { recordOfTrack } from './test-records.ts';
import { SESSION_SCHEMA_VERSION } from './vocabulary.ts';

const MODEL = 'movenet-lightning';
const hipThrust = recordOfTrack(loadTrack('hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4', MODEL), 'hip-thrust', { id: 'ht-1' });
const superman = recordOfTrack(loadTrack('superman/superman_fitbod_SIDEONLY_3reps_derived.mp4', MODEL), 'superman', { id: 'sm-2', lang: 'nl' });
const upwardDog = recordOfTrack(loadTrack('upward_dog/updog_istock_hanshitha_side_1hold_then_downdog.mp4', MODEL), 'upward-dog', { id: 'ud-3' });
const EXPORTED_AT = new Date('2025-03-02T08:00:00.000Z');
const exportText = (records: readonly SessionRecord[]): string => sessionJson(sessionExportOf(records, EXPORTED_AT));
/** An export as plain JSON, to break in one place. */
const exportJson = () => JSON.parse(exportText([hipThrust, superman, upwardDog])) as { kind: string; schemaVersion: number; exportedAt: string; sessions: Record<string, unknown>[] };

const refusal = (text: string): string => {
  const result = parseSessionExport(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
};

describe('parseSessionExport', () => {
  it('gives back an export of all sessions exactly as they were exported', () => {
    const result = parseSessionExport(exportText([hipThrust, superman, upwardDog]));
    expect(result).toEqual({ ok: true, kind: 'export', sessions: [hipThrust, superman, upwardDog], exportedAt: EXPORTED_AT.toISOString(), migrated: 0 });
  });

  it('gives back one session record on its own', () => {
    expect(parseSessionExport(sessionJson(superman))).toEqual({ ok: true, kind: 'record', sessions: [superman], exportedAt: null, migrated: 0 });
  });

  it('takes an export of no sessions', () => {
    expect(parseSessionExport(exportText([]))).toMatchObject({ ok: true, sessions: [] });
  });

  it('migrates a version 0 analysis report, and counts it as migrated', () => {
    const text = readFileSync(new URL('./testdata/v0-report.hip-thrust.en.json', import.meta.url), 'utf8');
    expect(parseSessionExport(text)).toMatchObject({ ok: true, kind: 'record', migrated: 1 });
  });

  describe('refuses', () => {
    it('a truncated file, saying it is cut off', () => {
      const whole = exportText([hipThrust]);
      const cut = whole.slice(0, Math.floor(whole.length / 2));
      expect(refusal(cut)).toBe(`the file is cut off: its JSON ends after ${cut.length} characters, before it is complete (an interrupted download or copy?)`);
    });

    it('an empty file, and text that is not JSON', () => {
      expect(refusal('  \n')).toBe('the file is empty');
      expect(refusal('{ "kind": formcoach }')).toMatch(/^not valid JSON \(.+\)$/);
    });

    it('JSON of the wrong shape', () => {
      expect(refusal('[1, 2, 3]')).toBe('expected a session record or a sessions export (a JSON object), got an array (3 items)');
      expect(refusal('{"name": "shopping list"}')).toBe('not a FormCoach session record: it has no schemaVersion, and it is not an analysis report (version 0) either');
      const noSessions = { ...exportJson(), sessions: 'all of them' };
      expect(refusal(JSON.stringify(noSessions))).toBe('sessions: expected an array, got "all of them"');
    });

    it('an export of another kind', () => {
      expect(refusal(JSON.stringify({ ...exportJson(), kind: 'fitness-tracker-backup' }))).toBe(`kind: "fitness-tracker-backup" is not a FormCoach sessions export (expected "${SESSION_EXPORT_KIND}")`);
    });

    it('a bad field deep inside, naming the session by its place and id, and the field by its path', () => {
      const file = exportJson();
      const reps = (file.sessions[1]!.events as { reps: Record<string, unknown>[] }).reps;
      reps[2]!.peakMs = 'soon';
      expect(refusal(JSON.stringify(file))).toBe(`session 2 (id "${superman.id}"): events.reps[2].peakMs: expected a number, got "soon"`);
    });

    it('an unknown exercise id', () => {
      const file = exportJson();
      (file.sessions[2]!.settings as Record<string, unknown>).exercise = 'squat';
      expect(refusal(JSON.stringify(file))).toBe(`session 3 (id "${upwardDog.id}"): settings.exercise: unknown exercise "squat": expected one of upward-dog, superman, good-morning, hip-thrust`);
    });

    it('a single record with a bad field, by its id', () => {
      const one = JSON.parse(sessionJson(hipThrust)) as { pain: Record<string, unknown> };
      one.pain.after = 'a bit';
      expect(refusal(JSON.stringify(one))).toBe(`session "${hipThrust.id}": pain.after: expected a pain score 0-10, or null`);
    });

    it('a future version, of the export or of one record in it', () => {
      const future = SESSION_SCHEMA_VERSION + 1;
      expect(refusal(JSON.stringify({ ...exportJson(), schemaVersion: future }))).toBe(
        `this export's schemaVersion ${future} is newer than this FormCoach reads (versions up to ${SESSION_SCHEMA_VERSION}): update FormCoach to import it`,
      );
      const file = exportJson();
      file.sessions[0]!.schemaVersion = future;
      expect(refusal(JSON.stringify(file))).toBe(`session 1 (id "${hipThrust.id}"): schemaVersion ${future} is newer than this FormCoach reads (versions up to ${SESSION_SCHEMA_VERSION}): update FormCoach to import it`);
    });

    it('two sessions with the same id', () => {
      const file = exportJson();
      file.sessions[2]!.id = file.sessions[0]!.id;
      expect(refusal(JSON.stringify(file))).toBe(`sessions 1 and 3 have the same id "${hipThrust.id}"`);
    });

    it('an export whose exportedAt is not a time', () => {
      expect(refusal(JSON.stringify({ ...exportJson(), exportedAt: 'last week' }))).toBe('exportedAt: expected an ISO 8601 time such as 2025-01-31T09:15:00.000Z');
    });
  });
});

describe('endsEarly (the cut-off test)', () => {
  it('sees text that stops inside an object, an array or a string', () => {
    expect(endsEarly('{"a": [1, 2')).toBe(true);
    expect(endsEarly('{"a": "b')).toBe(true);
    expect(endsEarly('{"a": "b\\"}"')).toBe(true);
    expect(endsEarly('"a string that st')).toBe(true);
  });

  it('does not call complete or merely wrong JSON cut off', () => {
    expect(endsEarly('{"a": "[{", "b": [1]}')).toBe(false);
    expect(endsEarly('{"a": formcoach}')).toBe(false);
  });
});
