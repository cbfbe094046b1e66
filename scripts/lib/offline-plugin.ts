import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

import { DATA_CACHE, TILES_CACHE } from '../../src/offline/cache-names.ts';

/**
 * Service worker for offline use (production builds only: `npm run dev` never
 * registers it, see src/offline/register-sw.ts).
 *
 * - The built shell (HTML, JS including MapLibre's worker, CSS) is precached
 *   with a revision per file: cache-first, replaced when a new build is served.
 * - Data under data/ (regions.json, <region>/*.json|geojson) is network-first,
 *   falling back to the last copy cached, so a refreshed catalogue is picked up
 *   as soon as the network answers and the app still opens in a dead zone.
 *   Only the regions actually visited are cached, not every region.
 * - The commune tiles (<region>/tiles/…/*.pbf) are served from the cache first and
 *   refreshed behind (stale-while-revalidate): they change only with the territory.
 * - Everything is served from the app's own origin: no third-party request
 *   (Workbox's runtime is emitted next to sw.js, not fetched from a CDN).
 */
export function offlinePlugin(): PluginOption {
  return VitePWA({
    // Minified Workbox runtime without logs, whatever NODE_ENV the build runs under (tests set "test").
    mode: 'production',
    injectRegister: false,
    registerType: 'autoUpdate',
    manifest: false,
    workbox: {
      globPatterns: ['**/*.{js,mjs,css,html}'],
      // Built assets are hashed; the query string of the app (?region=…&lang=…)
      // says what to show, not which file to serve.
      ignoreURLParametersMatching: [/.*/],
      // No catch-all: `/` and `/index.html` are precached, other pages (embed.html)
      // are served as themselves.
      navigateFallback: null,
      // MapLibre's bundle is large; every shell file must be precached to work offline.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      skipWaiting: true,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      disableDevLogs: true,
      runtimeCaching: [
        {
          // The commune tiles change only when the territory is rebuilt: served from the cache
          // at once and refreshed behind (a repeat visit does not wait for the network per tile).
          urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/data\/[^?]+\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(url.pathname),
          handler: 'StaleWhileRevalidate',
          options: { cacheName: TILES_CACHE, cacheableResponse: { statuses: [200] } },
        },
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/data\/[^?]+\.(?:json|geojson)$/.test(url.pathname),
          handler: 'NetworkFirst',
          options: {
            cacheName: DATA_CACHE,
            // On a weak rural connection, show the cached copy rather than wait.
            networkTimeoutSeconds: 8,
            cacheableResponse: { statuses: [200] },
          },
        },
      ],
    },
  });
}
