/**
 * The models FormCoach can run, from models/manifest.json (the single source of
 * file names, checksums and licences).
 */
import manifest from '../../models/manifest.json' with { type: 'json' };
import type { KeypointFormat } from '../core/frame/skeleton.ts';

export const MODEL_IDS = ['movenet-lightning', 'movenet-thunder', 'blazepose-lite', 'blazepose-full'] as const;
export type ModelId = (typeof MODEL_IDS)[number];
export const DEFAULT_MODEL: ModelId = 'movenet-lightning';

/**
 * The model that finds every person in view (MoveNet MultiPose Lightning, with
 * pose-detection's tracker): not a choice for coaching, so not in MODEL_IDS;
 * the live session runs it to tell the coached person from anyone else.
 */
export const PEOPLE_MODEL = 'movenet-multipose' as const;
export type PeopleModelId = typeof PEOPLE_MODEL;
/** Every model the manifest lists: the coaching models and the people model. */
export type ManifestModelId = ModelId | PeopleModelId;

export type ModelFileRole = 'model' | 'weights' | 'detector-model' | 'detector-weights';

export interface ModelFile {
  readonly role: ModelFileRole;
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ModelSpec {
  readonly id: ManifestModelId;
  readonly label: string;
  readonly family: 'movenet' | 'blazepose';
  readonly licence: string;
  readonly inputSize: number;
  readonly keypointFormat: KeypointFormat;
  readonly files: readonly ModelFile[];
}

export function isModelId(value: string): value is ModelId {
  return (MODEL_IDS as readonly string[]).includes(value);
}

/** The manifest entry for `id`; throws if the manifest and MODEL_IDS disagree. */
export function modelSpec(id: ManifestModelId): ModelSpec {
  const spec = (manifest.models as unknown as ModelSpec[]).find((m) => m.id === id);
  if (!spec) throw new Error(`models/manifest.json has no entry for model "${id}"`);
  return spec;
}

export function modelFile(spec: ModelSpec, role: ModelFileRole): ModelFile {
  const file = spec.files.find((f) => f.role === role);
  if (!file) throw new Error(`models/manifest.json: model "${spec.id}" has no ${role} file`);
  return file;
}

/** Total bytes a model loads at start. */
export function modelBytes(id: ManifestModelId): number {
  return modelSpec(id).files.reduce((sum, f) => sum + f.bytes, 0);
}

export const FIX_MODELS_COMMAND = 'npm run models';
