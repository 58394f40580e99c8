// npm start: install what is missing, get the models, build the app and serve it on localhost.
import { spawnSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureReady, root } from './ensure.mjs';

ensureReady();
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const port = process.env.PORT ?? '5173';
console.log(`\nFormCoach is being served at http://localhost:${port}/ (Ctrl+C stops it)\n`);
const server = spawn(process.execPath, [vite, 'preview', '--port', port, '--strictPort'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
