/**
 * Debian's Chromium driven by playwright-core, and the production build served
 * by `vite preview`. No browser is downloaded: CHROMIUM_PATH or /usr/bin/chromium.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { REPO, DIST } from './paths.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(options: { fakeVideo?: string; denyCamera?: boolean; noCamera?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
  ];
  if (!options.noCamera) args.push('--use-fake-device-for-media-stream');
  if (options.fakeVideo) args.push(`--use-file-for-fake-video-capture=${options.fakeVideo}`);
  if (!options.denyCamera && !options.noCamera) args.push('--use-fake-ui-for-media-stream');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Preview {
  readonly url: string;
  readonly origin: string;
  close(): void;
}

/** Serves dist/ (or a copy of it, `outDir`) with `vite preview` (same headers as production); the build must exist. */
export async function startPreview(outDir = DIST): Promise<Preview> {
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const args = [`${REPO}/node_modules/vite/bin/vite.js`, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(origin + '/');
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('vite preview did not start within 30 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: origin + '/', origin, close: () => child.kill() };
}

/** Records every request the page makes whose origin is not `origin`. */
export function watchForeignRequests(page: Page, origin: string, into: string[]): void {
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) into.push(url);
  });
}
