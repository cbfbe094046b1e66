import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp, projectToPage, renderedFeatures, waitForMapIdle } from './driver';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Commune } from '../../src/domain/types';

const communes = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/occitanie/communes.json'), 'utf8')) as Commune[];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the map of Occitanie', () => {
  it('reaches idle with the 13 départements drawn and no request outside its origin', async () => {
    const { page, foreignRequests, errors, context } = await openApp(browser);
    await waitForMapIdle(page);
    const depts = await renderedFeatures(page, ['departements-line']);
    const codes = new Set(depts.map((f) => f.code));
    expect(codes.size).toBe(13);
    // Their names are drawn at the points the data build found (departements.geojson's `label`).
    const labels = await renderedFeatures(page, ['dept-labels']);
    expect(new Set(labels.map((f) => f.code)).size).toBeGreaterThanOrEqual(10);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    // Attribution credits the territory data.
    const attribution = await page.locator('.maplibregl-ctrl-attrib').innerText();
    expect(attribution).toContain('IGN ADMIN EXPRESS');
    await context.close();
  });

  it('clicking a commune shows its name, INSEE code, département, population and postcodes', async () => {
    const { page, context } = await openApp(browser);
    await waitForMapIdle(page);
    const mende = communes.find((c) => c.code === '48095')!;
    const at = await projectToPage(page, mende.lon, mende.lat);
    await page.mouse.click(at.x, at.y);
    const details = page.getByTestId('commune-details');
    await details.waitFor();
    const text = await details.innerText();
    expect(text).toContain('Mende');
    expect(text).toContain('48095');
    expect(text).toContain('Lozère');
    expect(text).toContain('48000');
    expect(text.replace(/\s/g, '')).toContain(String(mende.population));
    await context.close();
  });

  it('shows Pays de la Loire by configuration', async () => {
    const { page, context, foreignRequests } = await openApp(browser, '?region=pays-de-la-loire');
    await waitForMapIdle(page);
    const codes = new Set((await renderedFeatures(page, ['departements-line'])).map((f) => f.code));
    expect([...codes].sort()).toEqual(['44', '49', '53', '72', '85']);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('works on a 375 px wide phone: map and bottom sheet both visible', async () => {
    const { page, context } = await openApp(browser, '', { viewport: { width: 375, height: 667 } });
    await waitForMapIdle(page);
    const map = await page.getByTestId('map').boundingBox();
    const sheet = await page.getByTestId('side-panel').boundingBox();
    expect(map!.width).toBeGreaterThanOrEqual(370);
    expect(sheet!.y + sheet!.height).toBeLessThanOrEqual(667 + 1);
    expect(sheet!.y).toBeGreaterThan(200);
    // No horizontal scroll on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
