import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveStatic } from '../../scripts/lib/static-server';
import { appUrl, launch, mapStructureIds, waitForFirstView, waitForMapIdle } from './driver';
import type { Structure } from '../../src/domain/types';

// The first view needs the outline, the départements and the structures only; the commune
// list downloads with it and is parsed after the first paint, the map then draws the
// communes from their tiles, and the contours come last (src/data/load-region.ts). Here
// the commune files are held back by the test until the map is in use, then let through.

const dir = resolve(import.meta.dirname, '../../public/data/occitanie');
const structures = (JSON.parse(readFileSync(resolve(dir, 'structures.geojson'), 'utf8')) as { features: Array<{ properties: Structure }> }).features.map(
  (f) => f.properties,
);
const placedOpen = structures.filter((s) => s.lon !== null && s.lat !== null && s.status !== 'closed');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A new page at laptop size, in French, with the page errors it reports. */
async function newPage(options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** Given the app whose commune files are held back until `release()`. */
async function openWithCommunesHeld(): Promise<{ page: Page; errors: string[]; asked: string[]; release(): void; close(): Promise<void> }> {
  const { context, page, errors } = await newPage();
  const asked: string[] = [];
  let release!: () => void;
  const released = new Promise<void>((done) => (release = done));
  await page.route(/\/data\/occitanie\/communes\.(?:json|geojson)$/, async (route: Route) => {
    asked.push(new URL(route.request().url()).pathname.split('/').pop()!);
    await released;
    await route.continue();
  });
  await page.goto(appUrl());
  return { page, errors, asked, release, close: () => context.close() };
}

/**
 * The app on a server of its own that records its answers, opened with `query` on a phone's
 * slower thread (4×: drawing the first view takes longer than the tiles' download) and left
 * until the map is idle; the service worker is blocked, for the map's own requests only
 * (once registered, it fetches the whole pyramid for offline use).
 */
async function openOnOwnServer(query: string): Promise<{
  page: Page;
  errors: string[];
  /** Paths the page asked for, in order. */
  asked: string[];
  /** The commune tiles the server answered, with their status. */
  servedTiles(): Array<[string, number]>;
  close(): Promise<void>;
}> {
  const served: Array<[string, number]> = [];
  const server = await serveStatic(inject('appDir'), { onResponse: (path, status) => served.push([path, status]) });
  const { context, page, errors } = await newPage({ serviceWorkers: 'block' });
  const close = async () => {
    await context.close();
    await server.close();
  };
  const asked: string[] = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${server.url}${query}`);
    await waitForMapIdle(page);
  } catch (error) {
    await close();
    throw error;
  }
  const servedTiles = () => served.filter(([path]) => /\/occitanie\/tiles\/[0-9a-f]{12}\/\d+\/\d+\/\d+\.pbf$/.test(path));
  return { page, errors, asked, servedTiles, close };
}

describe('the first view', () => {
  it('draws the structures and lists them before the communes arrive; coverage and search wait for them, then work', async () => {
    const { page, errors, asked, release, close } = await openWithCommunesHeld();
    await waitForFirstView(page);
    // Usable without the communes: every placed structure is on the map, the list works.
    expect(await page.getByTestId('map').getAttribute('data-communes')).toBe('false');
    expect((await mapStructureIds(page)).length).toBe(placedOpen.length);
    // A territory asked for now (Back to a partner's address) waits for the list, and says so;
    // the offer shown stays the whole region's until then.
    const go = (search: string) =>
      page.evaluate((q) => {
        history.pushState(null, '', `${location.pathname}${q}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, search);
    await go('?commune=48095');
    await page.getByTestId('scope-pending').waitFor();
    expect((await mapStructureIds(page)).length).toBe(placedOpen.length);
    await go('');
    await page.getByTestId('scope-pending').waitFor({ state: 'detached' });
    const items = page.locator('[data-testid="structure-list"] [data-id]');
    expect(await items.count()).toBeGreaterThan(0);
    await items.first().click();
    await page.getByTestId('card-title').waitFor();
    // The commune list was asked for (it downloads while the map starts), and is still held.
    expect(asked).toContain('communes.json');

    // Coverage and commune search say they are waiting, and nothing breaks.
    await page.getByRole('tab', { name: 'Couverture' }).click();
    await page.getByTestId('communes-loading').waitFor();
    expect(await page.getByTestId('coverage-panel').count()).toBe(0);
    await page.locator('#search').fill('Mende');
    await page.getByTestId('search-communes-loading').waitFor();

    // Once the communes are in: the contours are drawn, search and coverage work.
    release();
    await waitForMapIdle(page);
    // The communes are on the map.
    expect(await page.evaluate(`window.__maillageMap.map.querySourceFeatures('communes', { sourceLayer: 'communes' }).length`)).toBeGreaterThan(0);
    await page.locator('#search').fill('');
    await page.locator('#search').fill('Mende');
    await page.locator('#search-listbox [role="option"][data-code="48095"]').waitFor();
    await page.getByRole('tab', { name: 'Couverture' }).click();
    await page.getByTestId('coverage-panel').waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('prepares the structures with the territory, in one round, and nothing empty for search or a partner before the first view is still', async () => {
    const { context, page, errors } = await newPage();
    // The map's data events from its creation (the test hook is set in the controller's constructor).
    await page.addInitScript(`(() => {
      const events = (window.__mapEvents = []);
      let hook;
      Object.defineProperty(window, '__maillageMap', {
        configurable: true,
        get: () => hook,
        set: (value) => {
          hook = value;
          value.map.on('sourcedata', (e) => { if (e.sourceDataType === 'content') events.push(e.sourceId); });
          value.map.once('load', () => events.push('load'));
        },
      });
    })()`);
    await page.goto(appUrl());
    await waitForMapIdle(page);
    const events = (await page.evaluate('window.__mapEvents')) as string[];
    // The structures' data reached the map's worker once, with the outline and the départements,
    // before the map's load (they came in a second round after it, once the map had loaded).
    expect(events.filter((id) => id === 'structures')).toEqual(['structures']);
    expect(events.indexOf('structures')).toBeLessThan(events.indexOf('load'));
    expect((await mapStructureIds(page)).length).toBe(placedOpen.length);
    // No search made, no partner territory: no source for them yet.
    expect(events.filter((id) => id === 'search-origin' || id === 'scope-circle')).toEqual([]);
    expect(await page.evaluate(`['search-origin', 'scope-circle'].map((id) => window.__maillageMap.map.getSource(id) === undefined)`)).toEqual([true, true]);
    // The imported layers' halos are in the style from the start, under the markers.
    const layers = (await page.evaluate(`window.__maillageMap.map.getStyle().layers.map((l) => l.id)`)) as string[];
    expect(layers.indexOf('imported-layers-halo')).toBeGreaterThan(-1);
    expect(layers.indexOf('imported-layers-halo')).toBeLessThan(layers.indexOf('structure-clusters'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks for the commune list once the map’s worker script is in, not alongside it (4G)', async () => {
    const { context, page, errors } = await newPage();
    // On a slow connection the two downloads shared it and the map's first view waited for both.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 });
    await page.goto(appUrl());
    await waitForMapIdle(page);
    const [workerIn, listAsked] = (await page.evaluate(`(() => {
      const entries = performance.getEntriesByType('resource');
      const worker = entries.find((e) => /maplibre-gl-worker-[^/]+\\.mjs$/.test(e.name));
      const list = entries.find((e) => e.name.endsWith('/occitanie/communes.json'));
      return [worker ? worker.responseEnd : null, list ? list.startTime : null];
    })()`)) as [number | null, number | null];
    expect(workerIn).not.toBeNull();
    expect(listAsked).not.toBeNull();
    expect(listAsked!).toBeGreaterThanOrEqual(workerIn!);
    expect(await page.getByTestId('map').getAttribute('data-communes')).toBe('true');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws the communes from the tiles of its zoom after the first view, then asks for the contours; each commune lies under its point', async () => {
    const { context, page, errors } = await newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(appUrl());
    await waitForMapIdle(page);
    const zoom = (await page.evaluate(`window.__maillageMap.map.getZoom()`)) as number;
    const tiles = asked.flatMap((path) => path.match(/\/occitanie\/tiles\/[0-9a-f]{12}\/(\d+)\/\d+\/\d+\.pbf$/)?.[1] ?? []).map(Number);
    // Only the tiles of the view's zoom (MapLibre floors it), none of the others.
    expect(tiles.length).toBeGreaterThan(0);
    expect(new Set(tiles)).toEqual(new Set([Math.floor(zoom)]));
    // The contours (for coverage, imports, offline) come once the communes are drawn.
    await page.waitForFunction(`performance.getEntriesByType('resource').some((e) => e.name.endsWith('/occitanie/communes.geojson'))`);
    const firstTile = asked.findIndex((path) => path.includes('/occitanie/tiles/'));
    expect(asked.findIndex((path) => path.endsWith('/occitanie/communes.geojson'))).toBeGreaterThan(firstTile);

    // Closer in (zoom 10, drawn from the last zoom's tiles, every point of the contours kept):
    // under each commune's point (inside its contour, found by the data build) is that commune.
    await page.evaluate(`window.__maillageMap.map.jumpTo({ center: [1.44, 43.6], zoom: 10 })`);
    await waitForMapIdle(page);
    const communes = (JSON.parse(readFileSync(resolve(dir, 'communes.json'), 'utf8')) as Array<{ code: string; lon: number; lat: number }>).map((c) => [
      c.code,
      c.lon,
      c.lat,
    ]);
    const found = (await page.evaluate(`(() => {
      const map = window.__maillageMap.map;
      const { width, height } = map.getCanvas().getBoundingClientRect();
      const out = [];
      for (const [code, lon, lat] of ${JSON.stringify(communes)}) {
        const p = map.project([lon, lat]);
        if (p.x < 5 || p.y < 5 || p.x > width - 5 || p.y > height - 5) continue;
        out.push([code, map.queryRenderedFeatures([p.x, p.y], { layers: ['communes-fill'] }).map((f) => f.properties.code)]);
      }
      return out;
    })()`)) as Array<[string, string[]]>;
    expect(found.length).toBeGreaterThan(100);
    expect(found.filter(([code, under]) => under.length !== 1 || under[0] !== code)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fetches the commune tiles of its first view while drawing it: the map then takes them from the browser cache, each downloaded once', async () => {
    const { page, errors, asked, servedTiles, close } = await openOnOwnServer('');
    try {
      const downloaded = servedTiles();
      const drawn = (await page.evaluate(`window.__maillageMap.map.querySourceFeatures('communes', { sourceLayer: 'communes' }).length`)) as number;
      expect(drawn).toBeGreaterThan(1000);
      // Each tile once from the server, whole (200, not a revalidation)…
      expect(downloaded.length).toBeGreaterThan(0);
      expect(downloaded.filter(([, status]) => status !== 200)).toEqual([]);
      expect(new Set(downloaded.map(([path]) => path)).size).toBe(downloaded.length);
      // …though asked twice by the browser, ahead of time by the page then by the map.
      for (const [path] of downloaded) expect(asked.filter((p) => p === path)).toHaveLength(2);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('fetches no tiles ahead when the link moves the camera after the first view (a partner territory), and each tile once', async () => {
    const { errors, servedTiles, close } = await openOnOwnServer('?commune=48095');
    try {
      const tiles = servedTiles();
      // Framed on Mende (zoom 12, drawn from zoom 9 tiles): none of the region overview's (zoom 6), where the map opened.
      expect(tiles.length).toBeGreaterThan(0);
      expect(tiles.filter(([path]) => !/\/tiles\/[0-9a-f]{12}\/9\//.test(path))).toEqual([]);
      // MapLibre asks for an enlarged tile once per zoom it is drawn at (here twice, as the
      // camera lands): the second answer comes from the browser's cache, not a revalidation.
      expect(tiles.filter(([, status]) => status !== 200)).toEqual([]);
      expect(new Set(tiles.map(([path]) => path)).size).toBe(tiles.length);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('contours that cannot be downloaded: map and search work, coverage says why, and they come once back online', async () => {
    const { context, page, errors } = await newPage();
    const contours = /\/data\/occitanie\/communes\.geojson$/;
    await context.route(contours, (route: Route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await page.goto(appUrl());
    await waitForMapIdle(page);
    await page.getByRole('tab', { name: 'Couverture' }).click();
    await page.getByTestId('contours-error').waitFor();
    expect(await page.getByTestId('contours-error').innerText()).toContain('HTTP 503');
    // Not the page's load error: the map and the commune search are there.
    expect(await page.locator('.app-main > .load-error').count()).toBe(0);
    await page.locator('#search').fill('Mende');
    await page.locator('#search-listbox [role="option"][data-code="48095"]').waitFor();
    // Back online (the browser says so): tried again, and coverage works.
    await context.unroute(contours);
    await context.setOffline(true);
    await context.setOffline(false);
    await page.getByRole('tab', { name: 'Couverture' }).click();
    await page.getByTestId('coverage-panel').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('contours that cannot be read (a truncated download): coverage says so, the map keeps its first view', async () => {
    const { context, page, errors } = await newPage();
    await context.route(/\/data\/occitanie\/communes\.geojson$/, (route: Route) =>
      route.fulfill({ status: 200, contentType: 'application/geo+json', body: '{"type":"FeatureCollection","features":[{"type":"Fea' }),
    );
    await page.goto(appUrl());
    await waitForFirstView(page);
    await page.getByRole('tab', { name: 'Couverture' }).click();
    const alert = page.getByTestId('contours-error');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^Les contours des communes n’ont pas pu être lus : .+/);
    expect(await page.getByTestId('coverage-panel').count()).toBe(0);
    expect((await mapStructureIds(page)).length).toBe(placedOpen.length);
    expect(errors).toEqual([]);
    await context.close();
  });
});
