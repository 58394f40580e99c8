import { describe, expect, it } from 'vitest';
import manifest from '../../models/manifest.json' with { type: 'json' };
import { DEFAULT_MODEL, isModelId, MODEL_IDS, modelBytes, modelFile, modelSpec, PEOPLE_MODEL } from './models.ts';

const MANIFEST_IDS = [...MODEL_IDS, PEOPLE_MODEL] as const;

describe('the model manifest', () => {
  it.each(MODEL_IDS)('has an entry for %s', (id) => {
    expect(modelSpec(id).id).toBe(id);
  });

  it('has no entry but the coaching models and the people model', () => {
    expect(manifest.models.map((m) => m.id).filter((id) => !isModelId(id))).toEqual([PEOPLE_MODEL]);
  });

  it('keeps the people model out of the coaching models', () => {
    expect(isModelId(PEOPLE_MODEL)).toBe(false);
  });

  it.each(MANIFEST_IDS)('%s: lists files with a name, a positive size and a sha256 of 64 hex digits', (id) => {
    const { files } = modelSpec(id);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file.name).toMatch(/^[\w.-]+$/);
      expect(Number.isInteger(file.bytes) && file.bytes > 0).toBe(true);
      expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it.each(MANIFEST_IDS)('%s: has a model and a weights file, and each role once', (id) => {
    const spec = modelSpec(id);
    expect(modelFile(spec, 'model').name).toMatch(/\.json$/);
    expect(modelFile(spec, 'weights').name).toMatch(/\.bin$/);
    const roles = spec.files.map((f) => f.role);
    expect(new Set(roles).size).toBe(roles.length);
  });

  it('gives BlazePose models a detector, which MoveNet does not need', () => {
    for (const id of MODEL_IDS) {
      const spec = modelSpec(id);
      const hasDetector = spec.files.some((f) => f.role === 'detector-model');
      expect(hasDetector).toBe(spec.family === 'blazepose');
    }
  });

  it('gives each file name one checksum across models (shared detector files agree)', () => {
    const byName = new Map<string, string>();
    for (const id of MANIFEST_IDS) {
      for (const file of modelSpec(id).files) {
        expect(byName.get(file.name) ?? file.sha256).toBe(file.sha256);
        byName.set(file.name, file.sha256);
      }
    }
  });

  it('throws naming the model and the role when a file role is absent', () => {
    expect(() => modelFile(modelSpec('movenet-lightning'), 'detector-model')).toThrow(/movenet-lightning.*detector-model/);
  });
});

describe('modelBytes', () => {
  it.each(MANIFEST_IDS)('%s: is the sum of the sizes of its files', (id) => {
    const sum = modelSpec(id).files.reduce((total, f) => total + f.bytes, 0);
    expect(modelBytes(id)).toBe(sum);
    expect(modelBytes(id)).toBeGreaterThan(modelFile(modelSpec(id), 'weights').bytes);
  });
});

describe('isModelId', () => {
  it.each(MODEL_IDS)('accepts %s', (id) => {
    expect(isModelId(id)).toBe(true);
  });

  it.each(['movenet', 'MoveNet-Lightning', 'blazepose-heavy', ''])('rejects %j', (value) => {
    expect(isModelId(value)).toBe(false);
  });

  it('accepts the default model', () => {
    expect(isModelId(DEFAULT_MODEL)).toBe(true);
  });
});
