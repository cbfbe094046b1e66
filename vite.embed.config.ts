// Library build of the web component <maillage-map>: `npm run build:embed`
// writes dist/embed/maillage-map.js (one ES module to include), with the parts
// it loads on demand (MapLibre's worker, lazy panels) next to it.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { precompressPlugin } from './scripts/lib/precompress.ts';

const SHADOW_STYLES = resolve(import.meta.dirname, 'src/embed/shadow-styles.ts');
const PREFIX = '\0shadow-css:';

/**
 * CSS imported for its side effect (`import './x.css'`) would be extracted to
 * a file the page links, outside the element's Shadow DOM. Here each such
 * import becomes the file's text (`?inline`) handed to addShadowStyle, so the
 * styles land inside every <maillage-map>, lazy parts included.
 */
function shadowCss(): Plugin {
  return {
    name: 'maillage-shadow-css',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/\.css$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // The id must not end with .css, or Vite's own CSS handling would take it back.
      return resolved ? `${PREFIX}${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      return [
        `import css from ${JSON.stringify(`${file}?inline`)};`,
        `import { addShadowStyle } from ${JSON.stringify(SHADOW_STYLES)};`,
        'addShadowStyle(css);',
      ].join('\n');
    },
  };
}

/**
 * Library mode inlines every `?url` asset as base64: MapLibre's worker would
 * add 700 KB to the module. Emit it as a file beside the module instead; the
 * URL is resolved against import.meta.url, so it works from any host page.
 */
function emitWorkerFile(): Plugin {
  return {
    name: 'maillage-emit-worker',
    enforce: 'pre',
    resolveId(source) {
      return source === 'maplibre-gl/dist/maplibre-gl-worker.mjs?url' ? '\0maplibre-worker-url' : null;
    },
    load(id) {
      if (id !== '\0maplibre-worker-url') return null;
      const ref = this.emitFile({
        type: 'asset',
        fileName: 'maplibre-gl-worker.mjs',
        source: readFileSync(resolve(import.meta.dirname, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs')),
      });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

export default defineConfig({
  plugins: [shadowCss(), emitWorkerFile(), react(), precompressPlugin()],
  // Library mode leaves process.env.NODE_ENV to the consumer; a page has no `process`. The module
  // is always React's production build, with the production JSX runtime to match, even when built
  // from a process whose NODE_ENV is not "production" (the end-to-end set-up runs under vitest).
  // The map's test hook: see vite.config.ts.
  define: { 'process.env.NODE_ENV': JSON.stringify('production'), __MAILLAGE_TEST_HOOK__: JSON.stringify(process.env.MAILLAGE_TEST_HOOK === '1') },
  oxc: { jsx: { development: false } },
  // Files the module loads are found next to it, wherever the partner's page lives.
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist/embed',
    // the main chunk is ~1.4 MB minified, mostly MapLibre; sizes are budgeted by `npm run size` instead.
    chunkSizeWarningLimit: 1500,
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: resolve(import.meta.dirname, 'src/embed/web-component.tsx'),
      formats: ['es'],
      fileName: () => 'maillage-map.js',
    },
    rollupOptions: {
      // Lazy parts may import what they share with the module from the module itself, so that it
      // stays one file to include (lib mode's default, 'strict', would split shared code into chunks).
      preserveEntrySignatures: 'allow-extension',
      // Library mode keeps ES output readable by default; this module goes to browsers as is: minify it all.
      output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true },
    },
  },
});
