/**
 * Migrations, on the real earlier shape: version 0 is the analysis report as
 * `npm run analyze -- <track> --exercise X` wrote it before records existed
 * (testdata/v0-report.*.json, written by the CLI and kept as they were).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CUE_TEXTS } from '../i18n/cue-texts.ts';
import { MIGRATIONS, migrate, versionOf } from './migrate.ts';
import { recordOfTrack } from './test-records.ts';
import { loadTrack } from '../../../test/helpers/tracks.ts';
import { contentId, languageOfCues } from './v0.ts';
import { SESSION_SCHEMA_VERSION, UNKNOWN } from './vocabulary.ts';

const v0 = (name: string): Record<string, unknown> & { repDetails: Record<string, unknown>[]; cues: { key: string; text: string }[] } =>
  JSON.parse(readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8')) as never;
const HIP_THRUST_V0 = 'v0-report.hip-thrust.en.json';
const UPWARD_DOG_V0 = 'v0-report.upward-dog.nl.json';

const migrated = (value: unknown) => {
  const result = migrate(value);
  if (!result.ok) throw new Error(result.error);
  return result;
};
const refusal = (value: unknown): string => {
  const result = migrate(value);
  if (result.ok) throw new Error('expected the value to be refused');
  return result.error;
};

describe('migrate', () => {
  it('has one migration step for every version before the current one, each from its own version', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SESSION_SCHEMA_VERSION }, (_, i) => i));
  });

  it('takes a current record as it is', () => {
    const record = recordOfTrack(loadTrack('hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4', 'movenet-lightning'), 'hip-thrust');
    const result = migrated(JSON.parse(JSON.stringify(record)));
    expect(result.fromVersion).toBe(SESSION_SCHEMA_VERSION);
    expect(result.record).toEqual(record);
  });

  describe('version 0 (an analysis report without schemaVersion)', () => {
    it('becomes a current record that keeps everything the report says', () => {
      const report = v0(HIP_THRUST_V0);
      const { record, fromVersion } = migrated(report);
      expect(fromVersion).toBe(0);
      expect(record.schemaVersion).toBe(SESSION_SCHEMA_VERSION);
      expect(record.settings).toMatchObject({ exercise: report.exercise, variant: report.variant, model: report.model, source: { kind: 'file', fileName: report.source } });
      expect(JSON.parse(JSON.stringify(record.events))).toEqual({
        countingStartedMs: report.countingStartedMs,
        reps: report.repDetails,
        partials: report.partials,
        holds: report.holds,
        cues: report.cues,
        warnings: report.warnings,
        faults: report.faults,
        comparisons: [],
      });
      expect(record.program).toBeNull();
    });

    it('writes what the report does not say as "unknown", and what it does not have as null, never a value that looks real', () => {
      const { record } = migrated(v0(HIP_THRUST_V0));
      expect([record.startedAt, record.endedAt, record.settings.samplingFps]).toEqual([UNKNOWN, UNKNOWN, UNKNOWN]);
      expect(record.track).toBeNull();
      expect(record.pain).toEqual({ before: null, after: null });
    });

    it('says the set ended with the clip for a file (the CLI reads a file to its end), unknown for a camera track', () => {
      expect(migrated(v0(HIP_THRUST_V0)).record.stopReason).toBe('clip-end');
      const camera = { ...v0(HIP_THRUST_V0), source: 'camera' };
      expect(migrated(camera).record).toMatchObject({ stopReason: UNKNOWN, settings: { source: { kind: 'camera', fileName: null } } });
    });

    it('reads the language off the cue texts when they are all of one language', () => {
      const dutch = v0(UPWARD_DOG_V0);
      expect(dutch.cues[0]!.text).toBe(CUE_TEXTS.nl[dutch.cues[0]!.key as keyof typeof CUE_TEXTS.nl]);
      expect(migrated(dutch).record.settings.language).toBe('nl');
      expect(migrated(v0(HIP_THRUST_V0)).record.settings.language).toBe('en');
    });

    it('leaves the language unknown when there are no cues, or the texts are of no one language', () => {
      expect(languageOfCues([])).toBe(UNKNOWN);
      const mixed = v0(UPWARD_DOG_V0);
      mixed.cues[0]!.text = CUE_TEXTS.en[mixed.cues[0]!.key as keyof typeof CUE_TEXTS.en];
      expect(migrated(mixed).record.settings.language).toBe(UNKNOWN);
    });

    it('keeps a partial rep with its reason and a numbered cue with its number', () => {
      const report = v0(UPWARD_DOG_V0);
      const { record } = migrated(report);
      expect(record.events.reps.filter((r) => !r.full).map((r) => r.partialReason)).toEqual(report.repDetails.filter((r) => r.full === false).map((r) => r.partialReason));
      expect(record.events.cues.filter((c) => c.n !== undefined).length).toBe(report.cues.filter((c) => 'n' in c).length);
    });

    it('gets an id from its content: the same report the same id, another report another', () => {
      const a = migrated(v0(HIP_THRUST_V0)).record.id;
      expect(a).toBe(migrated(v0(HIP_THRUST_V0)).record.id);
      expect(a).toBe(`v0-${contentId(v0(HIP_THRUST_V0))}`);
      expect(migrated(v0(UPWARD_DOG_V0)).record.id).not.toBe(a);
    });

    it('refuses a report with a bad field, naming the field as the report has it', () => {
      const report = v0(HIP_THRUST_V0);
      report.repDetails[0]!.peakMs = 'soon';
      expect(refusal(report)).toBe('analysis report (version 0): repDetails[0].peakMs: expected a number, got "soon"');
    });

    it('refuses a report whose counts disagree with its reps', () => {
      const report = { ...v0(HIP_THRUST_V0), reps: 4 };
      expect(refusal(report)).toBe('analysis report (version 0): reps: 4 does not match the full reps listed in repDetails');
    });

    it('refuses a report of an unknown pose model, saying it was migrated', () => {
      const report = { ...v0(HIP_THRUST_V0), model: 'posenet' };
      expect(refusal(report)).toMatch(/^settings\.model: unknown pose model "posenet": .* \(after migrating from version 0\)$/);
    });
  });

  it('refuses a future version, saying so', () => {
    const future = { ...JSON.parse(JSON.stringify(recordOfTrack(loadTrack('hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4', 'movenet-lightning'), 'hip-thrust'))), schemaVersion: SESSION_SCHEMA_VERSION + 1 };
    expect(refusal(future)).toBe(`schemaVersion ${SESSION_SCHEMA_VERSION + 1} is newer than this FormCoach reads (versions up to ${SESSION_SCHEMA_VERSION}): update FormCoach to import it`);
  });

  it('refuses a schemaVersion that is not a whole number, or below 1', () => {
    expect(refusal({ schemaVersion: '1' })).toBe('schemaVersion: expected a whole number, got "1"');
    expect(refusal({ schemaVersion: 0 })).toBe(`schemaVersion: expected 1 to ${SESSION_SCHEMA_VERSION}, got 0 (a version 0 report has no schemaVersion)`);
  });

  it('tells a keypoint track and a foreign object from a record', () => {
    const track = loadTrack('hip_thrust/bridge_PhysioPlus_side_1rep_hold.mp4', 'movenet-lightning');
    expect(refusal(track)).toMatch(/^this is a keypoint track, not a session record/);
    expect(refusal({ name: 'shopping list' })).toBe('not a FormCoach session record: it has no schemaVersion, and it is not an analysis report (version 0) either');
    expect(versionOf([1, 2])).toEqual({ ok: false, error: 'expected a session record (a JSON object), got an array (2 items)' });
  });
});
