import type { AppStore } from '../store/app-store';
import { dataBaseUrl, regionComplete } from '../data/load-region';
import { pyramidTiles, replacedTiles, tileUrl } from '../domain/tiles';
import { TILES_CACHE } from './cache-names';

/**
 * Register the service worker built by scripts/lib/offline-plugin.ts, in
 * production builds only (`npm run dev` must keep serving fresh modules).
 *
 * On a first visit the page is not yet controlled when it loads its data, so
 * those responses never pass through the worker: once the worker is active we
 * hand it the data URLs the page fetched (Workbox's CACHE_URLS message), and it
 * stores them in its network-first data cache. Later visits are controlled from
 * the start and every data fetch refreshes the cache by itself.
 *
 * When the region's data is known to be cached, `<html data-offline="ready">`
 * is set: tests and curious hosts can wait for it.
 */
export function registerServiceWorker(store: AppStore): void {
  // MODE, not PROD: a build run from the test runner (NODE_ENV=test) is still a
  // production build and must behave like the deployed app.
  if (import.meta.env.MODE !== 'production') return;
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  const controlledAtStart = navigator.serviceWorker.controller !== null;
  const base = new URL(import.meta.env.BASE_URL, window.location.href);

  // Registering waits for all the data, commune contours included (they come after the
  // first view): precaching the shell must not compete with the map on a slow connection.
  void whenDataLoaded(store)
    .then(async () => {
      await navigator.serviceWorker.register(new URL('sw.js', base), { scope: base.pathname });
      const registration = await navigator.serviceWorker.ready;
      if (!controlledAtStart && registration.active) {
        await postAndWait(registration.active, { type: 'CACHE_URLS', payload: { urlsToCache: fetchedDataUrls() } });
      }
      // Every commune tile, not only those seen: offline, the map may go anywhere in the region.
      // Only those the cache lacks: the worker fetches every URL it is given. Tiles of a
      // version this region no longer has are dropped.
      const data = store.getState().data;
      if (registration.active && data) {
        const tiles = await syncTileCache(
          data.communeTilesUrl,
          pyramidTiles(data.manifest.communeTiles).map((tile) => tileUrl(data.communeTilesUrl, tile)),
        );
        if (tiles.length > 0) await postAndWait(registration.active, { type: 'CACHE_URLS', payload: { urlsToCache: tiles } });
      }
      document.documentElement.dataset.offline = 'ready';
    })
    .catch((error: unknown) => {
      // Offline use is a bonus: the app works without it.
      console.warn('Maillage: offline mode unavailable:', error);
    });
}

function whenDataLoaded(store: AppStore): Promise<void> {
  return new Promise((resolve) => {
    if (regionComplete(store.getState().data)) return resolve();
    const unsubscribe = store.subscribe((state) => {
      if (regionComplete(state.data)) {
        unsubscribe();
        resolve();
      }
    });
  });
}

/**
 * Data files this page has fetched so far (the same URLs the worker's data route matches).
 * Not the commune tiles: MapLibre's worker fetches them, out of this page's Resource Timing,
 * and all of them are cached anyway.
 */
function fetchedDataUrls(): string[] {
  const prefix = dataBaseUrl();
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(prefix) && /\.(?:json|geojson)$/.test(new URL(name).pathname));
  return [...new Set(urls)];
}

/**
 * Deletes the region's replaced tiles from the tiles cache, and returns those of `urls` it
 * does not hold (all of them when the page cannot read it).
 */
async function syncTileCache(template: string, urls: string[]): Promise<string[]> {
  if (typeof caches === 'undefined') return urls;
  const cache = await caches.open(TILES_CACHE);
  const held = (await cache.keys()).map((request) => request.url);
  await Promise.all(replacedTiles(held, template, urls).map((url) => cache.delete(url)));
  const kept = new Set(held);
  return urls.filter((url) => !kept.has(url));
}

/** Post a message to the worker and wait for its reply on a private channel. */
function postAndWait(worker: ServiceWorker, message: unknown, timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => reject(new Error('the service worker did not answer')), timeoutMs);
    channel.port1.onmessage = () => {
      clearTimeout(timer);
      resolve();
    };
    worker.postMessage(message, [channel.port2]);
  });
}
