import type { Plugin } from 'vite';
import { FIRST_VIEW_FILES } from '../../src/data/first-view.ts';

/**
 * Starts the first view's data with the page instead of after the app's JavaScript (about
 * 300 KB to download and run first): a small inline script in index.html and embed.html
 * adds `<link rel="preload" as="fetch">` for the region named in the URL (`region=`, else
 * the default). The app's fetch() of the same URLs then takes the preloaded responses
 * (src/data/load-region.ts). An unknown region only costs a few 404s.
 */
export function preloadFirstViewPlugin(defaultRegion = 'occitanie'): Plugin {
  const files = ['regions.json', ...FIRST_VIEW_FILES.map((f) => `{r}/${f}`)];
  const script = [
    '(function () {',
    `  var m = /[?&]region=([a-z0-9-]+)(?:&|$)/.exec(location.search);`,
    `  var r = m ? m[1] : ${JSON.stringify(defaultRegion)};`,
    `  ${JSON.stringify(files)}.forEach(function (f) {`,
    `    var l = document.createElement('link');`,
    `    l.rel = 'preload'; l.as = 'fetch'; l.crossOrigin = 'anonymous';`,
    `    l.href = 'data/' + f.replace('{r}', r);`,
    `    document.head.appendChild(l);`,
    '  });',
    '})();',
  ].join('\n');
  return {
    name: 'maillage-preload-first-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // MapLibre's worker script is not prefetched: measured on the 4G profile, it delays the
      // app's own JavaScript (the critical path) by more than it saves.
      handler: () => [{ tag: 'script', children: script, injectTo: 'head-prepend' }],
    },
  };
}
