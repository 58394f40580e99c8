/**
 * The shared frame of a browser E2E file: `vite preview` of the production
 * build for the whole file, a fresh Chromium per page (each test's browsers
 * are closed after it: a browser left open keeps analysing its looping fake
 * camera and starves the next test of CPU), every request to another
 * origin collected for the privacy assertion, and every Content-Security-Policy
 * violation collected and asserted absent after each test.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium, startPreview, watchForeignRequests, type Preview } from './browser.ts';
import { DIST, SCRATCH } from './paths.ts';
import { join } from 'node:path';

export const SHOTS = join(SCRATCH, 'screenshots');

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface E2ESession {
  /** requests that left the app's origin, across the whole file */
  readonly foreignRequests: readonly string[];
  /** CSP violations of the current test (a securitypolicyviolation event or Chromium's console report); each test ends asserting none */
  readonly cspViolations: readonly string[];
  readonly preview: Preview;
  /** the folder the preview serves: the build, or its copy (copyOfBuild) */
  readonly servedDir: string;
  /** A new Chromium with a watched page, not yet navigated (for routes set before the first request). */
  newPage(options: Parameters<typeof launchChromium>[0], viewport?: Viewport): Promise<Page>;
  /** A new Chromium with a watched page opened at `path` of the app. */
  open(options: Parameters<typeof launchChromium>[0], path?: string, viewport?: Viewport): Promise<Page>;
}

declare global {
  interface Window {
    /** the camera streams a page opened, kept by watchCspAndCamera's init script (E2E only) */
    readonly __cameraStreams?: MediaStream[];
  }
}

const VIOLATION_TAG = '[csp-violation]';

/**
 * In every page: each CSP violation event is reported on the console (where
 * Chromium also reports what it blocked), and each camera stream the page
 * opens is kept in `window.__cameraStreams`, so that a test can see whether
 * the app stopped it (openCameraTracks).
 */
async function watchCspAndCamera(page: Page, into: string[]): Promise<void> {
  await page.addInitScript((tag: string) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`${tag} ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
    const devices = navigator.mediaDevices;
    if (!devices?.getUserMedia) return;
    const streams: MediaStream[] = [];
    Object.defineProperty(window, '__cameraStreams', { value: streams });
    const open = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      streams.push(stream);
      return stream;
    };
  }, VIOLATION_TAG);
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.includes(VIOLATION_TAG) || /Content.Security.Policy/i.test(text)) into.push(text);
  });
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Puts axe-core into the page. Evaluated through the DevTools protocol, which
 * the page's CSP does not govern: a <script> tag (page.addScriptTag) is inline
 * script, which the CSP rightly refuses.
 */
export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(readFileSync(AXE_PATH, 'utf8'));
}

/** How many tracks of the camera streams this page opened are still live (not 'ended'). */
export async function openCameraTracks(page: Page): Promise<number> {
  return page.evaluate(() => {
    const streams = window.__cameraStreams ?? [];
    return streams.flatMap((s) => s.getTracks()).filter((t) => t.readyState !== 'ended').length;
  });
}

export interface E2ESessionOptions {
  /** serve a copy of the build (E2ESession.servedDir) that a test may change, e.g. to publish a new version */
  readonly copyOfBuild?: boolean;
}

export function useE2ESession(options: E2ESessionOptions = {}): E2ESession {
  let preview: Preview | undefined;
  const servedDir = options.copyOfBuild ? join(SCRATCH, `build-copy-${process.pid}`) : DIST;
  const browsers: Browser[] = [];
  const foreignRequests: string[] = [];
  const cspViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    if (options.copyOfBuild) {
      rmSync(servedDir, { recursive: true, force: true });
      cpSync(DIST, servedDir, { recursive: true });
    }
    preview = await startPreview(servedDir);
  });
  afterEach(async () => {
    for (const b of browsers.splice(0)) await b.close();
    const seen = cspViolations.splice(0);
    expect(seen, 'Content-Security-Policy violations').toEqual([]);
  });
  afterAll(async () => {
    for (const b of browsers.splice(0)) await b.close();
    preview?.close();
    if (options.copyOfBuild) rmSync(servedDir, { recursive: true, force: true });
  });

  const session: E2ESession = {
    foreignRequests,
    cspViolations,
    servedDir,
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
      await watchCspAndCamera(page, cspViolations);
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
