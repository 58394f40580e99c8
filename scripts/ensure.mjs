// Makes a fresh clone ready: installs npm dependencies when they are missing or
// older than package-lock.json, then fetches and verifies the pose models.
// Node built-ins only: this runs before node_modules exists.
import { existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureModels } from '../models/fetch-models.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function dependenciesStale() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs;
}

export function ensureReady({ log = (m) => process.stderr.write(m + '\n') } = {}) {
  if (dependenciesStale()) {
    log('setup: installing npm dependencies (npm ci)…');
    execFileSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  }
  ensureModels({ log });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureReady();
