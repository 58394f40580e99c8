/**
 * The installed app without a network. First visit online: the service
 * worker installs and precaches the app, the wasm binaries and the default
 * model. Then the network is cut twice over (Playwright's offline mode, and
 * the preview server stopped, so nothing can answer even a request that
 * slipped past the emulation), the page reloads, and a person coaches a
 * short superman set from the fake camera and records a few seconds of it.
 *
 * Every wait is on a condition, never on the wall clock: CI is a busy 2-core machine.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useE2ESession, SHOTS, openCameraTracks } from '../helpers/e2e-session.ts';
import { y4mOf } from '../helpers/fixtures.ts';
import { DEFAULT_MODEL, modelSpec } from '../../src/pose/models.ts';

const CLIP = 'superman/superman_fitbod_SIDEONLY_3reps_derived.mp4';
const LONG = 150_000;
const DEFAULT_MODEL_FILES = modelSpec(DEFAULT_MODEL).files.map((f) => f.name);

const session = useE2ESession();

/** The names of the cached files (last path segment), over every cache of this origin. */
async function cachedFileNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) names.push(new URL(request.url).pathname.split('/').pop() ?? '');
    }
    return names;
  });
}

/** Waits until the service worker controls the page and its precache holds the default model. */
async function installed(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: LONG });
  await expect.poll(() => cachedFileNames(page), { timeout: LONG, interval: 500 }).toEqual(expect.arrayContaining(DEFAULT_MODEL_FILES));
}

describe('the app offline', () => {
  it('is served with its CSP and Permissions-Policy, and carries the CSP in its page for any static host', async () => {
    const served = await fetch(session.preview.url);
    expect(served.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(served.headers.get('permissions-policy')).toContain('camera=(self)');
    const page = await session.open({});
    const meta = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
    expect(meta).toContain("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
    // the page runs no inline script: every <script> has a src of this origin
    expect(await page.locator('script:not([src])').count()).toBe(0);
  });

  it('caches another model the first time it is used, and still checks the checksum of every cached model file', async () => {
    const page = await session.open({ fakeVideo: y4mOf(CLIP, { width: 640 }) }, '?view=lab');
    await installed(page);
    const other = modelSpec('movenet-thunder').files.map((f) => f.name);
    expect(await cachedFileNames(page)).not.toEqual(expect.arrayContaining(other));

    await page.getByTestId('model-picker').selectOption('movenet-thunder');
    await expect.poll(() => cachedFileNames(page), { timeout: LONG, interval: 500 }).toEqual(expect.arrayContaining(other));

    // a cached copy whose bytes changed is refused like a changed file from the network
    const weights = other.find((name) => name.endsWith('.bin')) ?? '';
    await page.evaluate(async (name) => {
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const request of await cache.keys()) {
          const stored = request.url.endsWith(`/models/${name}`) ? await cache.match(request) : undefined;
          if (!stored) continue;
          const bytes = new Uint8Array(await stored.arrayBuffer());
          for (let i = 1000; i < 2000; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
          await cache.put(request, new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } }));
        }
      }
    }, weights);
    await page.reload();
    await page.getByTestId('model-picker').selectOption('movenet-thunder');
    const banner = page.getByTestId('error');
    await expect.poll(() => banner.getAttribute('data-error-code'), { timeout: LONG }).toBe('model-corrupt');
    expect(await banner.textContent()).toContain(weights);
  });

  it('after one visit online, reloads with the network cut, coaches a set from the camera and records it', async () => {
    const page = await session.open({ fakeVideo: y4mOf(CLIP, { width: 640 }) });
    await page.getByTestId('exercise-superman').waitFor({ timeout: LONG });
    // the home page links the web app manifest, which names the icons
    const manifestHref = await page.locator('link[rel=manifest]').getAttribute('href');
    expect(manifestHref).toBe('./manifest.webmanifest');

    // the service worker is active and its precache holds the app, a wasm binary and the default model
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);
    await expect.poll(() => cachedFileNames(page), { timeout: LONG, interval: 500 }).toEqual(expect.arrayContaining([...DEFAULT_MODEL_FILES, 'index.html']));
    const cached = await cachedFileNames(page);
    expect(cached.some((name) => name.endsWith('.wasm'))).toBe(true);
    expect(cached).toContain('manifest.webmanifest');

    await page.context().setOffline(true);
    session.preview.close();
    // nothing answers from the network now: a file the service worker does not hold cannot be fetched
    const uncached = await page.evaluate(() => fetch(`./not-cached-${Date.now()}.txt`).then((r) => `HTTP ${r.status}`, () => 'failed'));
    expect(uncached).not.toBe('HTTP 200');

    await page.reload();
    await page.getByTestId('exercise-superman').click({ timeout: LONG });
    await page.getByTestId('safety-no-pain').click();
    // the set starts by itself once the start position is held; the model came from the cache
    await page.getByTestId('end-set').waitFor({ timeout: LONG });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=rep-count]')?.textContent ?? 0) >= 1, null, { timeout: LONG });

    await page.getByTestId('record').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=record]')?.getAttribute('data-recorded-ms') ?? 0) >= 3000, null, { timeout: LONG, polling: 100 });
    await page.getByTestId('record').click();
    await page.getByTestId('recording-download').waitFor({ timeout: LONG });
    await page.screenshot({ path: join(SHOTS, 'offline-set-recorded-1280x720.png') });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), page.getByTestId('recording-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^formcoach-superman-.*\.webm$/);
    expect(await download.failure()).toBeNull();

    await page.getByTestId('end-set').click();
    await page.getByTestId('set-summary').waitFor({ timeout: LONG });
    expect(Number(await page.getByTestId('summary-reps').textContent())).toBeGreaterThanOrEqual(1);
    // the training view is gone, and with it the camera
    expect(await openCameraTracks(page)).toBe(0);
    expect(session.foreignRequests).toEqual([]);
  });
});
