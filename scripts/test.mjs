// npm test: the whole suite, in order of speed: lint and types, unit tests,
// Node integration with the real model, then browser end-to-end tests against
// the production build. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureReady, root } from './ensure.mjs';

ensureReady();

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push(`Chromium (${chromium}; install it with \`apt-get install chromium\` or set CHROMIUM_PATH)`);
if (spawnSync('ffmpeg', ['-version']).error) missing.push('ffmpeg (`apt-get install ffmpeg`)');
if (missing.length) {
  console.error(`npm test needs: ${missing.join('; ')}. .ci/run installs both.`);
  process.exit(1);
}

const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const steps = [
  ['lint', [bin('eslint', 'bin/eslint.js'), '-c', 'scripts/eslint.config.js', '.']],
  ['types', [bin('svelte-check', 'bin/svelte-check'), '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']],
  ['unit + components + integration', [bin('vitest', 'vitest.mjs'), 'run', '--project', 'unit', '--project', 'components', '--project', 'integration']],
  ['build', [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn']],
  ['e2e', [bin('vitest', 'vitest.mjs'), 'run', '--project', 'e2e']],
];

const only = process.argv.slice(2);
for (const [name, args] of steps) {
  if (only.length && !only.includes(name.split(' ')[0])) continue;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
