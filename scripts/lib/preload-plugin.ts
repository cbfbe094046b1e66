import type { Plugin } from 'vite';
import { FIRST_VIEW_FILES } from '../../src/data/first-view.ts';

/**
 * Starts the first view's data with the page instead of after the app's JavaScript (about
 * 300 KB to download and run first): a small inline script in index.html and embed.html
 * adds `<link rel="preload" as="fetch">` for the region named in the URL (`region=`, else
 * the default). The app's fetch() of the same URLs then takes the preloaded responses
 * (src/data/load-region.ts). An unknown region only costs a few 404s. The rest of the
 * region follows once the app's code is in (`preloadScript`).
 */
export function preloadFirstViewPlugin(defaultRegion = 'occitanie'): Plugin {
  return {
    name: 'maillage-preload-first-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const worker = Object.keys(ctx.bundle ?? {}).find((name) => /(^|\/)maplibre-gl-worker-[^/]*\.m?js$/.test(name)) ?? null;
        return [{ tag: 'script', children: preloadScript(defaultRegion, worker), injectTo: 'head-prepend' }];
      },
    },
  };
}

/**
 * The inline script. Once the page's own code has downloaded (every module script and
 * module preload in Resource Timing), while that code is still parsed and run (a second or
 * more on a slow phone), the connection would be idle: it fetches MapLibre's worker script
 * into the HTTP cache (about 120 KB brotli), and the map's worker starts from the cache.
 * Fetched together with the app's code, the worker delayed that code, the critical path,
 * by more than it saved (measured on the 4G profile). The commune list and contours are
 * not preloaded here: a preload racing the app's own fetch() of the same file (a partner
 * view asks for the list with its first view) left that fetch unanswered in embed.html;
 * the app asks for the list itself once the worker script is in (src/ui/useRegionData.ts):
 * sharing the connection with it, the list delayed the map's first view (4G profile, 7
 * interleaved passes: idle 5.02 s alongside, 4.78 s after).
 */
export function preloadScript(defaultRegion: string, workerFile: string | null): string {
  const files = ['regions.json', ...FIRST_VIEW_FILES.map((f) => `{r}/${f}`)];
  return [
    '(function () {',
    `  var m = /[?&]region=([a-z0-9-]+)(?:&|$)/.exec(location.search);`,
    `  var r = m ? m[1] : ${JSON.stringify(defaultRegion)};`,
    `  ${JSON.stringify(files)}.forEach(function (f) {`,
    `    var l = document.createElement('link');`,
    `    l.rel = 'preload'; l.as = 'fetch'; l.crossOrigin = 'anonymous';`,
    `    l.href = 'data/' + f.replace('{r}', r);`,
    '    document.head.appendChild(l);',
    '  });',
    `  var worker = ${JSON.stringify(workerFile)};`,
    "  if (!worker || typeof PerformanceObserver === 'undefined' || typeof fetch === 'undefined') return;",
    '  var started = false;',
    '  var observer = new PerformanceObserver(function () {',
    "    var code = document.querySelectorAll('script[type=module][src], link[rel=modulepreload]');",
    '    if (started || !code.length) return;',
    "    var done = performance.getEntriesByType('resource').map(function (e) { return e.name; });",
    '    for (var i = 0; i < code.length; i++) if (done.indexOf(code[i].src || code[i].href) < 0) return;',
    '    started = true;',
    '    observer.disconnect();',
    "    fetch(worker, { priority: 'low' }).catch(function () {});",
    '  });',
    "  observer.observe({ type: 'resource', buffered: true });",
    '})();',
  ].join('\n');
}
