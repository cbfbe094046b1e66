import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { appUrl, launch, openApp, waitForMapIdle } from './driver';

const structureCount = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/occitanie/structures.geojson'), 'utf8')) as {
    features: Array<{ properties: { status: string } }>;
  }
).features // Closed rows (historical traces) are hidden from the list by default.
  .filter((f) => f.properties.status !== 'closed').length;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** First visit: the service worker is installed and has cached this region's data. */
async function waitForOfflineReady(page: Page): Promise<void> {
  await page.waitForSelector('html[data-offline="ready"]', { state: 'attached', timeout: 90_000 });
}

async function listedCount(page: Page): Promise<number> {
  return page.locator('[data-testid="structure-list"] [data-id]').count();
}

describe('offline use after a first visit', () => {
  it('reloads without network: map idle, every structure listed, and the data date shown', async () => {
    const { page, context, errors } = await openApp(browser);
    const foreign: string[] = [];
    const origin = new URL(appUrl()).origin;
    // Context-level events also see the service worker's own requests.
    context.on('request', (req) => {
      if (!req.url().startsWith(origin) && !/^(data|blob):/.test(req.url())) foreign.push(req.url());
    });
    await waitForMapIdle(page);
    await waitForOfflineReady(page);
    const freshnessOnline = await page.getByTestId('data-freshness').innerText();
    expect(freshnessOnline).toMatch(/^Données mises à jour le \d{1,2} \S+ \d{4}/);

    await context.setOffline(true);
    await page.reload();
    await waitForMapIdle(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await listedCount(page)).toBe(structureCount);
    await expect.poll(() => page.getByTestId('data-freshness').innerText()).toMatch(/^Hors ligne : données mises à jour le /);
    // The départements were drawn from cached data, not an empty map.
    const depts = await page.evaluate(() => {
      const c = (window as unknown as { __maillageMap: { map: { querySourceFeatures(id: string): Array<{ properties: { code: string } }> } } }).__maillageMap;
      return new Set(c.map.querySourceFeatures('departements').map((f) => f.properties.code)).size;
    });
    expect(depts).toBe(13);
    // Communes where the first visit never went (Perpignan at zoom 10: tiles of zoom 9) are
    // drawn too: every commune tile was cached, not only those seen.
    await page.evaluate(`window.__maillageMap.map.jumpTo({ center: [2.895, 42.699], zoom: 10 })`);
    await waitForMapIdle(page);
    const underPerpignan = `(() => {
      const map = window.__maillageMap.map;
      return map.queryRenderedFeatures(map.project([2.89256, 42.68309]), { layers: ['communes-fill'] }).map((f) => f.properties.code);
    })()`;
    expect(await page.evaluate(underPerpignan)).toEqual(['66136']);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('caches the commune tiles once: a later visit takes them from the cache without the network, and drops replaced versions', async () => {
    const { page, context, errors } = await openApp(browser);
    const tiles: Array<{ path: string; byWorker: boolean }> = [];
    // Context-level events also see the service worker's own requests (to the network).
    context.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (/\/tiles\/[0-9a-f]{12}\/\d+\/\d+\/\d+\.pbf$/.test(path)) tiles.push({ path, byWorker: req.serviceWorker() !== null });
    });
    await waitForMapIdle(page);
    await waitForOfflineReady(page);
    const cachedTiles = `caches.open('maillage-tiles').then((c) => c.keys()).then((k) => k.map((r) => r.url))`;
    const pyramid = (await page.evaluate(cachedTiles)) as string[];
    expect(pyramid.length).toBeGreaterThan(50);
    expect(tiles.length).toBeGreaterThanOrEqual(pyramid.length);
    // Tiles of an earlier build of the region (another version, or from before versions),
    // and one of another region: the next visit drops the first two only.
    const folder = pyramid[0]!.replace(/[0-9a-f]{12}\/\d+\/\d+\/\d+\.pbf$/, '');
    const earlier = [`${folder}aaaaaaaaaaaa/4/7/5.pbf`, `${folder}4/7/5.pbf`];
    const elsewhere = folder.replace('/occitanie/', '/pays-de-la-loire/') + 'aaaaaaaaaaaa/4/7/5.pbf';
    await page.evaluate(
      `caches.open('maillage-tiles').then((c) => Promise.all(${JSON.stringify([...earlier, elsewhere])}.map((u) => c.put(u, new Response('old')))))`,
    );
    tiles.length = 0;
    await page.reload();
    await waitForMapIdle(page);
    await page.waitForSelector('html[data-offline="ready"]', { state: 'attached' });
    // The map asked for the view's tiles; the worker answered from its cache, asking the network for none.
    expect(tiles.filter((t) => !t.byWorker).length).toBeGreaterThan(0);
    expect(tiles.filter((t) => t.byWorker)).toEqual([]);
    const after = (await page.evaluate(cachedTiles)) as string[];
    expect(after.filter((u) => earlier.includes(u))).toEqual([]);
    expect(after).toContain(elsewhere);
    expect(after.length).toBe(pyramid.length + 1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens offline with another query string (language, selection) from the same cache', async () => {
    const { page, context } = await openApp(browser);
    await waitForMapIdle(page);
    await waitForOfflineReady(page);
    await context.setOffline(true);
    await page.goto(appUrl('?lang=en&dept=31'));
    await waitForMapIdle(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('data-freshness').innerText()).toMatch(/^Offline: data updated on /);
    expect(await listedCount(page)).toBeGreaterThan(0);
    expect(await listedCount(page)).toBeLessThan(structureCount);
    await context.close();
  });

  it('serves its service worker and Workbox runtime from its own origin, data network-first', async () => {
    const sw = await (await fetch(appUrl('', 'sw.js'))).text();
    // Shell precached, including MapLibre's worker; data cached at run time, network first.
    expect(sw).toMatch(/url:"index\.html"/);
    expect(sw).toMatch(/maplibre-gl-worker-[\w-]+\.mjs/);
    expect(sw).toContain('NetworkFirst');
    // The commune tiles, whose address changes with their content: from the cache, without the network.
    expect(sw).toContain('CacheFirst');
    expect(sw).not.toContain('StaleWhileRevalidate');
    expect(sw).toContain('maillage-tiles');
    expect(sw).not.toMatch(/\.(json|geojson)",revision/);
    const imported = [...sw.matchAll(/define\(\["\.\/([\w-]+)"\]/g)].map((m) => m[1]!);
    expect(imported.length).toBe(1);
    const runtime = await fetch(appUrl('', `${imported[0]}.js`));
    expect(runtime.status).toBe(200);
    expect(`${sw}\n${await runtime.text()}`).not.toMatch(/importScripts\(["']https?:/);
  });
});

describe('code loaded on first use, when it cannot come', () => {
  it('a tab whose code cannot download says so in its place and keeps the page; back online, a retry opens it', async () => {
    // No service worker: the state of a page before it registers, or in a browser without one.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      await page.goto(appUrl());
      await waitForMapIdle(page);
      await context.setOffline(true);
      await page.locator('#tab-coverage').click();
      const failed = page.getByTestId('part-failed');
      await failed.waitFor({ timeout: 20_000 });
      expect(await failed.innerText()).toContain('n’a pas pu s’afficher');
      // The rest of the page is still there and works: the map, the list's tab.
      expect(await page.getByTestId('map').getAttribute('data-ready')).toBe('true');
      await page.locator('#tab-list').click();
      await expect.poll(() => listedCount(page)).toBeGreaterThan(0);

      await context.setOffline(false);
      await page.locator('#tab-coverage').click();
      await page.getByTestId('part-retry').click();
      await page.getByTestId('coverage-figures').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('part-failed').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
