/** Reads model files from public/models/ on disk, for the CLI and Node tests. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ModelFileError, type ReadModelFile } from '../pose/model-files.ts';

/** public/models/ of this checkout; FORMCOACH_MODELS_DIR points elsewhere (tests use it to simulate missing files). */
export const MODELS_DIR = process.env.FORMCOACH_MODELS_DIR ?? fileURLToPath(new URL('../../public/models/', import.meta.url));

export function readModelFileFrom(dir: string = MODELS_DIR): ReadModelFile {
  return async (name) => {
    try {
      const buf = await readFile(join(dir, name));
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new ModelFileError(name, 'missing', code === 'ENOENT' ? `not found in ${dir}` : String(err));
    }
  };
}
