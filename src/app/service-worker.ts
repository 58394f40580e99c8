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
    onNeedRefresh: () =>
      update.offer(async () => {
        // reload as soon as the new version controls the page (workbox-window reloads by itself only for an update
        // found on a later visit, not for one published during the visit that installed the app)
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
        await takeOver();
      }),
    onOfflineReady: () => (update.offlineReady = true),
    onRegisterError: (err: unknown) => console.warn('FormCoach: the service worker could not be registered; the app works online only', err),
  });
}
