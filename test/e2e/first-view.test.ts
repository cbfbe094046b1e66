import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launch, mapStructureIds, waitForFirstView, waitForMapIdle } from './driver';
import type { Structure } from '../../src/domain/types';

// The first view needs the outline, the départements and the structures only; the commune
// list and contours download with it, and the list is parsed after the first paint while
// MapLibre's worker reads the contours (src/data/load-region.ts). Here they are held
// back by the test until the map is in use, then let through.

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

/** Given the app whose commune files are held back until `release()`. */
async function openWithCommunesHeld(): Promise<{ page: Page; errors: string[]; asked: string[]; release(): void; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
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
    // The contours are on the map.
    expect(await page.evaluate(`window.__maillageMap.map.querySourceFeatures('communes').length`)).toBeGreaterThan(0);
    await page.locator('#search').fill('');
    await page.locator('#search').fill('Mende');
    await page.locator('#search-listbox [role="option"][data-code="48095"]').waitFor();
    await page.getByRole('tab', { name: 'Couverture' }).click();
    await page.getByTestId('coverage-panel').waitFor();
    expect(errors).toEqual([]);
    await close();
  });

  it('contours that cannot be read (a truncated download): coverage says so, the map keeps its first view', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
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
