/**
 * The service worker that makes FormCoach installable and usable offline
 * (vite-plugin-pwa, Workbox generateSW). It precaches the app (html, js,
 * css), the manifest and icons, the tfjs wasm binaries and the default
 * model's files; any other model is cached the first time it is used. The
 * app's own sha256 check of every model file (src/pose/model-files.ts) runs
 * on the cached bytes as on fresh ones: the cache only changes where the
 * bytes come from.
 *
 * Updates wait: a new version installs beside the running one and takes over
 * only when the page asks it to (registerType 'prompt'; src/app/state/app-update.svelte.ts
 * offers the reload only outside a set).
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_MODEL, modelSpec } from '../src/pose/models.ts';

const MODELS_MANIFEST_PATH = new URL('../models/manifest.json', import.meta.url);

/** Room for the largest precached file (the default model's weights, 4.7 MB) with margin. */
const MAX_PRECACHED_FILE_BYTES = 8 * 1024 * 1024;

function defaultModelFiles(): string[] {
  return modelSpec(DEFAULT_MODEL).files.map((f) => `models/${f.name}`);
}

/**
 * The cache of models used on demand is named after the models manifest's
 * content: when the models change, their old copies are not served under the
 * new checksums (which the app would refuse as corrupt).
 */
function modelCacheName(): string {
  return `formcoach-models-${createHash('sha256').update(readFileSync(MODELS_MANIFEST_PATH)).digest('hex').slice(0, 12)}`;
}

export function offlineApp(): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    // registered from the app's own bundle (src/app/service-worker.ts): no inline script
    injectRegister: false,
    // public/manifest.webmanifest is the manifest, linked from index.html
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{html,js,css,wasm,webmanifest,png}', ...defaultModelFiles()],
      // the benchmark pages are tools, not the app
      globIgnores: ['**/bench.html', '**/record-bench.html', 'assets/bench-*.js', 'assets/record-bench-*.js'],
      maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE_BYTES,
      // the app's state is in its query (?exercise=..., ?view=lab, ?lang=nl): every query opens the precached page
      ignoreURLParametersMatching: [/.*/],
      navigateFallback: null,
      cleanupOutdatedCaches: true,
      // the first install takes over the open page at once, so that a model first used on the first visit is cached too;
      // an update still waits (skipWaiting only when AppUpdate asks)
      clientsClaim: true,
      skipWaiting: false,
      runtimeCaching: [
        {
          // the other models, from this origin only, kept once fetched
          urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/models\/[^/]+\.(json|bin)$/.test(url.pathname),
          handler: 'CacheFirst',
          options: { cacheName: modelCacheName(), cacheableResponse: { statuses: [200] } },
        },
      ],
    },
  });
}
