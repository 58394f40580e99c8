// npm test: the whole suite, in order of speed: lint and types, the build,
// unit tests and Node integration with the real model (beside the long browser
// tests), then the browser end-to-end tests against the production build.
// Stops at the first failing step; `npm test -- unit e2e` runs only those steps.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureReady, root } from './ensure.mjs';

ensureReady();

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push(`Chromium (${chromium}; install it with \`apt-get install chromium\` or set CHROMIUM_PATH)`);
if (spawnSync('ffmpeg', ['-version']).error) missing.push('ffmpeg (`apt-get install ffmpeg`)');
if (spawnSync('pdftoppm', ['-v']).error) missing.push('pdftoppm (`apt-get install poppler-utils`: the printed report becomes a PNG)');
if (missing.length) {
  console.error(`npm test needs: ${missing.join('; ')}. .ci/run installs them.`);
  process.exit(1);
}

const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const vitest = (...projects) => [bin('vitest', 'vitest.mjs'), 'run', ...projects.flatMap((p) => ['--project', p])];
// Each step is one lane of commands run one after another, or several lanes
// side by side (their output lines prefixed): the long browser tests (a
// 3-minute soak, a tab hidden for a minute) are mostly time passing, and the
// browser tests of video files analyse every frame however busy the machine
// is, so they share the clock with the unit tests and keep CI short on a
// 2-core machine. The live-camera tests run alone after them.
const steps = [
  { name: 'lint', lanes: [[[bin('eslint', 'bin/eslint.js'), '-c', 'scripts/eslint.config.js', '.']]] },
  { name: 'types', lanes: [[[bin('svelte-check', 'bin/svelte-check'), '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']]] },
  { name: 'build', lanes: [[[bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn']]] },
  { name: 'unit + components + integration, then e2e-files, beside e2e-long', lanes: [[vitest('unit', 'components', 'integration'), vitest('e2e-files')], [vitest('e2e-long')]] },
  { name: 'e2e', lanes: [[vitest('e2e')]] },
];

/** Runs a lane's commands one after another, stopping at the first that fails; resolves with the exit status. */
async function runLane(commands, prefix) {
  for (const args of commands) {
    const code = await runCommand(args, prefix);
    if (code !== 0) return code;
  }
  return 0;
}

/** Runs one command; resolves with its exit status. Lines are prefixed when lanes run together. */
function runCommand(args, prefix) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (prefix) {
      for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
        createInterface({ input: from }).on('line', (line) => to.write(`${prefix}${line}\n`));
      }
    }
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const only = process.argv.slice(2);
for (const { name, lanes } of steps) {
  if (only.length && !only.includes(name.split(' ')[0])) continue;
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const codes = await Promise.all(lanes.map((args, i) => runLane(args, lanes.length > 1 ? `[${i + 1}] ` : '')));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const failed = codes.find((c) => c !== 0);
  if (failed !== undefined) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exit(failed);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
