import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

import { DATA_CACHE, TILES_CACHE } from '../../src/offline/cache-names.ts';
import { VERSIONED_TILE_PATH } from '../../src/domain/tiles.ts';

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
 * - The commune tiles (<region>/tiles/<version>/…/*.pbf) are served from the cache
 *   without asking the network again: a rebuilt territory gets a new version folder
 *   (src/domain/tiles.ts); the page drops the replaced versions (src/offline/register-sw.ts).
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
          // A commune tile's address never changes content (its folder is its version): served
          // from the cache once there, fetched only when missing. A regular expression, not a
          // function: Workbox writes it into sw.js as it is (a same-origin match only).
          urlPattern: VERSIONED_TILE_PATH,
          handler: 'CacheFirst',
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
