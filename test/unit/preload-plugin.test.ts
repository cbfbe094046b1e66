import { describe, expect, it } from 'vitest';
import { FIRST_VIEW_FILES } from '../../src/data/first-view';
import { preloadScript } from '../../scripts/lib/preload-plugin';

// The inline script of index.html (scripts/lib/preload-plugin.ts), run against a fake page:
// the first view's data preloaded at once; once every module script and preload of the
// page has downloaded, MapLibre's worker fetched, once; nothing else.

function fakePage(code: string[], search = '') {
  const finished: string[] = [];
  const fetched: string[] = [];
  const preloaded: Array<{ href: string }> = [];
  let notify: (() => void) | null = null;
  let disconnected = false;
  class Observer {
    constructor(callback: () => void) {
      notify = callback;
    }
    observe() {
      notify?.();
    }
    disconnect() {
      disconnected = true;
    }
  }
  const elements = code.map((url, i) => (i === 0 ? { src: url } : { href: url }));
  const page = {
    location: { search },
    document: {
      querySelectorAll: () => elements,
      createElement: () => ({}) as { href: string },
      head: { appendChild: (l: { href: string }) => preloaded.push(l) },
    },
    performance: { getEntriesByType: () => finished.map((name) => ({ name })) },
    PerformanceObserver: Observer,
    fetch: (url: string) => {
      fetched.push(url);
      return Promise.resolve();
    },
  };
  new Function(...Object.keys(page), preloadScript('occitanie', 'assets/maplibre-gl-worker-x.mjs'))(...Object.values(page));
  return {
    fetched,
    preloaded: () => preloaded.map((l) => l.href),
    finish(url: string) {
      finished.push(url);
      if (!disconnected) notify?.();
    },
  };
}

const flush = () => new Promise((done) => setTimeout(done, 0));
const FIRST = ['regions.json', ...FIRST_VIEW_FILES.map((f) => `occitanie/${f}`)].map((f) => `data/${f}`);

describe('the inline preload script of the page', () => {
  it('preloads the first view at once, and fetches the worker once the code is in', async () => {
    const code = ['http://h/assets/main.js', 'http://h/assets/app.js', 'http://h/assets/runtime.js'];
    const page = fakePage(code);
    expect(page.preloaded()).toEqual(FIRST);
    page.finish('http://h/data/occitanie/config.json');
    page.finish(code[0]!);
    page.finish(code[2]!);
    expect(page.fetched).toEqual([]);
    page.finish(code[1]!);
    expect(page.fetched).toEqual(['assets/maplibre-gl-worker-x.mjs']);
    page.finish('http://h/data/occitanie/structures.geojson');
    expect(page.fetched).toHaveLength(1);
    expect(page.preloaded()).toEqual(FIRST);
    await flush();
    expect(page.preloaded()).toEqual(FIRST);
  });

  it('follows the region of the address, and waits for the code elements of the page', () => {
    const page = fakePage([], '?region=pays-de-la-loire&lang=en');
    expect(page.preloaded()).toContain('data/pays-de-la-loire/structures.geojson');
    page.finish('http://h/data/regions.json');
    expect(page.fetched).toEqual([]);
  });
});
