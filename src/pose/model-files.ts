/**
 * Loads a TF.js graph model (model.json + one weights file) from bytes that the
 * caller reads (fetch in the browser, fs in Node), checks each file's sha256
 * against the manifest, and hands tfjs an IOHandler, so that nothing but our
 * own origin or disk is ever asked for a model.
 */
import type { io } from '@tensorflow/tfjs-core';
import { FIX_MODELS_COMMAND, type ModelFile } from './models.ts';

/** Reads one model file by name; rejects with ModelFileError when it is missing. */
export type ReadModelFile = (name: string) => Promise<Uint8Array>;

export type ModelFileProblem = 'missing' | 'corrupt';

/** A model file that cannot be used. The message names the file and the command that fixes it. */
export class ModelFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: ModelFileProblem,
    /** what was wrong, without the advice (the pose worker sends it to the page, which rebuilds this error) */
    readonly detail: string,
  ) {
    super(`Model file ${fileName} is ${problem} (${detail}). Run \`${FIX_MODELS_COMMAND}\` to fetch and verify the model files, then reload.`);
    this.name = 'ModelFileError';
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  const view = new Uint8Array(digest);
  let hex = '';
  for (const b of view) hex += b.toString(16).padStart(2, '0');
  return hex;
}

async function readVerified(read: ReadModelFile, file: ModelFile): Promise<Uint8Array> {
  const bytes = await read(file.name);
  if (bytes.byteLength !== file.bytes) {
    throw new ModelFileError(file.name, 'corrupt', `${bytes.byteLength} bytes, expected ${file.bytes}`);
  }
  const hash = await sha256Hex(bytes);
  if (hash !== file.sha256) throw new ModelFileError(file.name, 'corrupt', 'checksum does not match models/manifest.json');
  return bytes;
}

interface GraphModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: io.WeightsManifestEntry[] }[];
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  signature?: object;
  userDefinedMetadata?: { [key: string]: object };
  modelInitializer?: object;
}

/** Bytes actually read for models, for the benchmark's "model bytes loaded at start". */
export interface LoadStats {
  bytesRead: number;
}

/**
 * An IOHandler for a graph model whose topology is `modelFile` and whose
 * weights are the single file `weightsFile` (the layout of every model in the
 * manifest).
 */
export function verifiedModelHandler(read: ReadModelFile, modelFile: ModelFile, weightsFile: ModelFile, stats?: LoadStats): io.IOHandler {
  return {
    load: async () => {
      const [jsonBytes, weightBytes] = await Promise.all([readVerified(read, modelFile), readVerified(read, weightsFile)]);
      if (stats) stats.bytesRead += jsonBytes.byteLength + weightBytes.byteLength;
      let json: GraphModelJson;
      try {
        json = JSON.parse(new TextDecoder().decode(jsonBytes)) as GraphModelJson;
      } catch {
        throw new ModelFileError(modelFile.name, 'corrupt', 'not valid JSON');
      }
      const groups = json.weightsManifest ?? [];
      const paths = groups.flatMap((g) => g.paths);
      if (paths.length !== 1 || paths[0] !== weightsFile.name) {
        throw new ModelFileError(modelFile.name, 'corrupt', `expected one weights file ${weightsFile.name}, found ${paths.join(', ') || 'none'}`);
      }
      const weightData = weightBytes.buffer.slice(weightBytes.byteOffset, weightBytes.byteOffset + weightBytes.byteLength) as ArrayBuffer;
      const artifacts: io.ModelArtifacts = {
        modelTopology: json.modelTopology,
        weightSpecs: groups.flatMap((g) => g.weights),
        weightData,
      };
      if (json.format !== undefined) artifacts.format = json.format;
      if (json.generatedBy !== undefined) artifacts.generatedBy = json.generatedBy;
      if (json.convertedBy !== undefined) artifacts.convertedBy = json.convertedBy;
      if (json.signature !== undefined) artifacts.signature = json.signature;
      if (json.userDefinedMetadata !== undefined) artifacts.userDefinedMetadata = json.userDefinedMetadata;
      if (json.modelInitializer !== undefined) artifacts.modelInitializer = json.modelInitializer;
      return artifacts;
    },
  };
}
