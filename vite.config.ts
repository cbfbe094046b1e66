import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { offlinePlugin } from './scripts/lib/offline-plugin.ts';
import { precompressPlugin } from './scripts/lib/precompress.ts';
import { preloadFirstViewPlugin } from './scripts/lib/preload-plugin.ts';

export default defineConfig({
  // offlinePlugin: service worker for offline use (production builds only); precompressPlugin:
  // .gz and .br beside each file of the build, for static hosts (docs/hosting.md).
  // preloadFirstViewPlugin: the first view's data start with the page (scripts/lib/preload-plugin.ts).
  plugins: [react(), offlinePlugin(), precompressPlugin(), preloadFirstViewPlugin()],
  // Relative base so the built app works from any folder of a partner's server.
  base: './',
  // The map's test hook (window.__maillageMap, src/map/map-controller.ts) is built in only
  // with MAILLAGE_TEST_HOOK=1, as the end-to-end tests and benchmarks ask (scripts/lib/build-app.ts).
  define: { __MAILLAGE_TEST_HOOK__: JSON.stringify(process.env.MAILLAGE_TEST_HOOK === '1') },
  // Pre-bundling breaks MapLibre's worker chunk (504): see ../shared/docs/TIPS.md.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: {
    // the main chunk is ~1.4 MB minified, mostly MapLibre; sizes are budgeted by `npm run size` instead.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        // The iframe page for partner websites (src/embed/embed-main.tsx).
        embed: resolve(import.meta.dirname, 'embed.html'),
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // One Chromium at a time: the machine has two cores and WebGL is software.
          fileParallelism: false,
        },
      },
    ],
  },
});
