/**
 * The shared frame of a browser E2E file: `vite preview` of the production
 * build for the whole file, a fresh Chromium per page (each test's browsers
 * are closed after it: a browser left open keeps analysing its looping fake
 * camera and starves the next test of CPU), and every request to another
 * origin collected for the privacy assertion.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { launchChromium, startPreview, watchForeignRequests, type Preview } from './browser.ts';
import { SCRATCH } from './paths.ts';
import { join } from 'node:path';

export const SHOTS = join(SCRATCH, 'screenshots');

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface E2ESession {
  /** requests that left the app's origin, across the whole file */
  readonly foreignRequests: readonly string[];
  readonly preview: Preview;
  /** A new Chromium with a watched page, not yet navigated (for routes set before the first request). */
  newPage(options: Parameters<typeof launchChromium>[0], viewport?: Viewport): Promise<Page>;
  /** A new Chromium with a watched page opened at `path` of the app. */
  open(options: Parameters<typeof launchChromium>[0], path?: string, viewport?: Viewport): Promise<Page>;
}

export function useE2ESession(): E2ESession {
  let preview: Preview | undefined;
  const browsers: Browser[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    preview = await startPreview();
  });
  afterEach(async () => {
    for (const b of browsers.splice(0)) await b.close();
  });
  afterAll(async () => {
    for (const b of browsers.splice(0)) await b.close();
    preview?.close();
  });

  const session: E2ESession = {
    foreignRequests,
    get preview(): Preview {
      if (!preview) throw new Error('the preview server is not running (use the session inside tests)');
      return preview;
    },
    async newPage(options, viewport = { width: 1280, height: 720 }) {
      const browser = await launchChromium(options);
      browsers.push(browser);
      const page = await browser.newPage({ viewport, acceptDownloads: true });
      // the model's first load takes seconds on a busy 2-core CI machine: no action may fail on Playwright's 30 s default
      page.setDefaultTimeout(120_000);
      watchForeignRequests(page, session.preview.origin, foreignRequests);
      page.on('pageerror', (err) => console.error('page error:', err.message));
      return page;
    },
    async open(options, path = '', viewport) {
      const page = await session.newPage(options, viewport);
      await page.goto(session.preview.url + path);
      return page;
    },
  };
  return session;
}
