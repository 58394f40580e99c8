import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ModelFileError, sha256Hex, verifiedModelHandler, type LoadStats, type ReadModelFile } from './model-files.ts';
import { FIX_MODELS_COMMAND, type ModelFile } from './models.ts';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const WEIGHT_SPECS = [{ name: 'a', shape: [2], dtype: 'float32' as const }];

function modelJson(paths: string[] = ['w.bin']): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths, weights: WEIGHT_SPECS }], format: 'graph-model' }));
}

/** Two float32 weights: 8 bytes. */
const WEIGHTS = new Uint8Array(new Float32Array([1.5, -2.25]).buffer);

const fileOf = (role: ModelFile['role'], name: string, bytes: Uint8Array): ModelFile => ({ role, name, bytes: bytes.byteLength, sha256: sha256(bytes) });

/** An in-memory disk: `read` rejects with ModelFileError 'missing' for names it lacks, as the real readers do. */
function disk(files: Record<string, Uint8Array>): ReadModelFile {
  return async (name) => {
    const bytes = files[name];
    if (!bytes) throw new ModelFileError(name, 'missing', 'not on the test disk');
    return bytes;
  };
}

function fixture(json: Uint8Array = modelJson()) {
  const files = { 'm.json': json, 'w.bin': WEIGHTS };
  return { files, model: fileOf('model', 'm.json', json), weights: fileOf('weights', 'w.bin', WEIGHTS) };
}

async function loadError(promise: Promise<unknown>): Promise<ModelFileError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ModelFileError);
  return err as ModelFileError;
}

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 digest of "abc"', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with node:crypto, and hashes only the bytes of a view', async () => {
    const backing = new Uint8Array([9, 9, 1, 2, 3, 4, 9]);
    const view = backing.subarray(2, 6);
    expect(await sha256Hex(view)).toBe(sha256(new Uint8Array([1, 2, 3, 4])));
  });
});

describe('verifiedModelHandler', () => {
  it('loads verified files into artifacts: topology, weight specs, weight data and format', async () => {
    const { files, model, weights } = fixture();
    const artifacts = await verifiedModelHandler(disk(files), model, weights).load!();
    expect(artifacts.modelTopology).toEqual({});
    expect(artifacts.weightSpecs).toEqual(WEIGHT_SPECS);
    expect(artifacts.format).toBe('graph-model');
    const data = artifacts.weightData as ArrayBuffer;
    expect(data.byteLength).toBe(WEIGHTS.byteLength);
    expect(Array.from(new Float32Array(data))).toEqual([1.5, -2.25]);
  });

  it('copies out only the weights file when the reader hands back a view into a larger buffer', async () => {
    const { model, weights } = fixture();
    const backing = new Uint8Array(WEIGHTS.byteLength + 16).fill(0xee);
    backing.set(WEIGHTS, 8);
    const read = disk({ 'm.json': modelJson(), 'w.bin': backing.subarray(8, 8 + WEIGHTS.byteLength) });
    const artifacts = await verifiedModelHandler(read, model, weights).load!();
    expect(new Uint8Array(artifacts.weightData as ArrayBuffer)).toEqual(WEIGHTS);
  });

  it('adds the bytes of both files to the load stats', async () => {
    const { files, model, weights } = fixture();
    const stats: LoadStats = { bytesRead: 100 };
    await verifiedModelHandler(disk(files), model, weights, stats).load!();
    expect(stats.bytesRead).toBe(100 + model.bytes + weights.bytes);
    await verifiedModelHandler(disk(files), model, weights, stats).load!();
    expect(stats.bytesRead).toBe(100 + 2 * (model.bytes + weights.bytes));
  });

  it('reads nothing until load is called', () => {
    const { model, weights } = fixture();
    let reads = 0;
    verifiedModelHandler(async () => {
      reads++;
      return new Uint8Array();
    }, model, weights);
    expect(reads).toBe(0);
  });

  it('calls a weights file of the wrong size corrupt, naming the file and the fix command', async () => {
    const { files, model, weights } = fixture();
    const err = await loadError(verifiedModelHandler(disk(files), model, { ...weights, bytes: weights.bytes + 4 }).load!());
    expect(err.problem).toBe('corrupt');
    expect(err.fileName).toBe('w.bin');
    expect(err.message).toContain('w.bin');
    expect(err.message).toContain(`${WEIGHTS.byteLength} bytes, expected ${weights.bytes + 4}`);
    expect(err.message).toContain('npm run models');
  });

  it('calls a weights file with one flipped byte corrupt, naming the file and the fix command', async () => {
    const { files, model, weights } = fixture();
    const flipped = WEIGHTS.slice();
    flipped[3] = flipped[3]! ^ 0x01;
    const err = await loadError(verifiedModelHandler(disk({ ...files, 'w.bin': flipped }), model, weights).load!());
    expect(err.problem).toBe('corrupt');
    expect(err.fileName).toBe('w.bin');
    expect(err.message).toContain('w.bin');
    expect(err.message).toContain('checksum');
    expect(err.message).toContain('npm run models');
  });

  it('calls a model.json with one flipped byte corrupt, naming it', async () => {
    const { files, model, weights } = fixture();
    const flipped = files['m.json'].slice();
    flipped[0] = flipped[0]! ^ 0x20;
    const err = await loadError(verifiedModelHandler(disk({ ...files, 'm.json': flipped }), model, weights).load!());
    expect(err.problem).toBe('corrupt');
    expect(err.fileName).toBe('m.json');
  });

  it('does not count the bytes of files that failed verification', async () => {
    const { files, model, weights } = fixture();
    const stats: LoadStats = { bytesRead: 0 };
    await loadError(verifiedModelHandler(disk(files), model, { ...weights, sha256: '0'.repeat(64) }, stats).load!());
    expect(stats.bytesRead).toBe(0);
  });

  it('passes on the ModelFileError of a reader that finds no file', async () => {
    const { files, model, weights } = fixture();
    const missing = new ModelFileError('x', 'missing', 'no such file');
    const read: ReadModelFile = async (name) => {
      if (name === 'w.bin') throw missing;
      return files['m.json'];
    };
    const err = await loadError(verifiedModelHandler(read, model, weights).load!());
    expect(err).toBe(missing);
    expect(err.problem).toBe('missing');
  });

  it('calls a model.json whose weightsManifest names another file corrupt, naming both files', async () => {
    const json = modelJson(['other.bin']);
    const { files, model, weights } = fixture(json);
    const err = await loadError(verifiedModelHandler(disk(files), model, weights).load!());
    expect(err.problem).toBe('corrupt');
    expect(err.fileName).toBe('m.json');
    expect(err.message).toContain('w.bin');
    expect(err.message).toContain('other.bin');
  });

  it('calls a model.json that shards its weights over several files corrupt', async () => {
    const { files, model, weights } = fixture(modelJson(['w.bin', 'w2.bin']));
    const err = await loadError(verifiedModelHandler(disk(files), model, weights).load!());
    expect(err.problem).toBe('corrupt');
    expect(err.fileName).toBe('m.json');
  });

  it('calls a model.json that is not JSON corrupt (even with a matching checksum)', async () => {
    const { files, model, weights } = fixture(new TextEncoder().encode('{ not json'));
    const err = await loadError(verifiedModelHandler(disk(files), model, weights).load!());
    expect(err.problem).toBe('corrupt');
    expect(err.fileName).toBe('m.json');
    expect(err.message).toContain('not valid JSON');
  });
});

describe('ModelFileError', () => {
  it('names the file, the problem and the command that fixes it', () => {
    const err = new ModelFileError('movenet-lightning.bin', 'missing', 'HTTP 404');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ModelFileError');
    expect(err.message).toBe(`Model file movenet-lightning.bin is missing (HTTP 404). Run \`${FIX_MODELS_COMMAND}\` to fetch and verify the model files, then reload.`);
    expect(FIX_MODELS_COMMAND).toBe('npm run models');
  });
});
