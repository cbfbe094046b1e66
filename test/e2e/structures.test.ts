import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { launch, openApp, renderedFeatures, waitForMapIdle } from './driver';

const catalogue = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/occitanie/structures.geojson'), 'utf8')) as FeatureCollection<
  GeoJSON.Point | null,
  { id: string; type: string; commune: string; zone: string[]; status: string }
>;
// Closed rows (historical traces) are hidden from the map and the list by default: the open catalogue is what shows.
catalogue.features = catalogue.features.filter((f) => f.properties.status !== 'closed');
const located = catalogue.features.filter((f) => f.geometry !== null);
const markerLayers = [...new Set(catalogue.features.map((f) => `structures-${f.properties.type}`)), 'structure-clusters'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Structures drawn on the map: single markers plus the sizes of clusters. */
async function drawnCount(page: Page): Promise<number> {
  const features = await renderedFeatures(page, markerLayers);
  const seen = new Set<string>();
  let total = 0;
  for (const f of features) {
    const key = f.cluster_id !== undefined ? `c${f.cluster_id}` : `s${f.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    total += f.point_count !== undefined ? Number(f.point_count) : 1;
  }
  return total;
}

async function listIds(page: Page): Promise<string[]> {
  return page.locator('[data-testid="structure-list"] [data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
}

describe('structures on the map and in the list', () => {
  it('draws every located structure and lists every structure, located or not', async () => {
    const { page, context } = await openApp(browser);
    await waitForMapIdle(page);
    expect(await drawnCount(page)).toBe(located.length);
    expect((await listIds(page)).sort()).toEqual(catalogue.features.map((f) => f.properties.id).sort());
    await context.close();
  });

  it('toggling a type removes its markers from the map and its rows from the list', async () => {
    const { page, context } = await openApp(browser);
    await waitForMapIdle(page);
    const type = 'maison_region';
    const ofType = catalogue.features.filter((f) => f.properties.type === type);
    expect(ofType.length).toBeGreaterThan(0);
    await page.getByTestId(`toggle-type-${type}`).uncheck();
    await waitForMapIdle(page);
    const ofTypeLocated = ofType.filter((f) => f.geometry !== null).length;
    expect(await drawnCount(page)).toBe(located.length - ofTypeLocated);
    const ids = await listIds(page);
    expect(ids.length).toBe(catalogue.features.length - ofType.length);
    expect(ids.some((id) => ofType.some((f) => f.properties.id === id))).toBe(false);
    expect(page.url()).toContain('types=');
    await context.close();
  });

  it('a département filter narrows both the map and the list, and the URL restores the view', async () => {
    const { page, context } = await openApp(browser);
    await waitForMapIdle(page);
    await page.getByTestId('filter-dept').selectOption('65');
    await waitForMapIdle(page);
    const expected = catalogue.features.filter(
      (f) => f.properties.commune.startsWith('65') || f.properties.zone.includes('65') || f.properties.zone.includes('region'),
    );
    const ids = await listIds(page);
    expect(ids.sort()).toEqual(expected.map((f) => f.properties.id).sort());
    expect(await drawnCount(page)).toBe(expected.filter((f) => f.geometry !== null).length);
    const url = page.url();
    expect(url).toContain('dept=65');

    // A copied link reproduces the same view.
    const second = await context.newPage();
    await second.goto(url);
    await waitForMapIdle(second);
    expect((await listIds(second)).sort()).toEqual(ids.sort());
    expect(await second.getByTestId('filter-dept').inputValue()).toBe('65');

    // Back steps back to the unfiltered view.
    await page.goBack();
    await expect.poll(async () => (await listIds(page)).length).toBe(catalogue.features.length);
    await context.close();
  });

  it('selecting in the list opens the card and puts the selection in the URL', async () => {
    const { page, context } = await openApp(browser);
    await waitForMapIdle(page);
    const target = located[0]!.properties.id;
    await page.locator(`[data-testid="structure-list"] [data-id="${target}"]`).click();
    await page.getByTestId('structure-card').waitFor();
    expect(page.url()).toContain(`sel=${target}`);
    await page.reload();
    await page.getByTestId('structure-card').waitFor();
    await context.close();
  });

  it('shows a hostile name as plain text and runs nothing', async () => {
    const { page, context, errors } = await openApp(browser, '', {});
    const hostile = '<img src=x onerror=alert(1)>';
    await page.route('**/data/occitanie/structures.geojson', async (route) => {
      const copy = structuredClone(catalogue);
      copy.features[0]!.properties = { ...copy.features[0]!.properties, name: hostile, description: '<script>alert(2)</script>' } as never;
      await route.fulfill({ status: 200, contentType: 'application/geo+json', body: JSON.stringify(copy) });
    });
    await page.reload();
    await waitForMapIdle(page);
    const id = catalogue.features[0]!.properties.id;
    const item = page.locator(`[data-testid="structure-list"] [data-id="${id}"]`);
    expect(await item.innerText()).toContain(hostile);
    await item.click();
    expect(await page.getByTestId('card-title').innerText()).toContain(hostile);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
