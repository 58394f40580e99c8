/**
 * Registers the service worker that the build writes (scripts/service-worker-plugin.ts):
 * from then on the app opens and coaches without the network. A new version
 * is handed to `update`, which lets it take over only outside a set. In
 * `vite` dev there is no service worker and this does nothing.
 */
/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import type { AppUpdate } from './state/app-update.svelte.ts';

export function registerServiceWorker(update: AppUpdate): void {
  const takeOver = registerSW({
    immediate: true,
    onNeedRefresh: () => update.offer(() => takeOver()),
    onOfflineReady: () => (update.offlineReady = true),
    onRegisterError: (err: unknown) => console.warn('FormCoach: the service worker could not be registered; the app works online only', err),
  });
}
