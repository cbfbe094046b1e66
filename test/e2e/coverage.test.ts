import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearestOffers, selectOffers, simOffer, summarise } from '../../src/domain/coverage/index';
import type { Commune, Structure } from '../../src/domain/types';
import { launch, openApp, projectToPage, waitForMapIdle } from './driver';

const dir = resolve(import.meta.dirname, '../../public/data/occitanie');
const communes = JSON.parse(readFileSync(resolve(dir, 'communes.json'), 'utf8')) as Commune[];
const structures = (JSON.parse(readFileSync(resolve(dir, 'structures.geojson'), 'utf8')) as { features: Array<{ properties: Structure }> }).features.map(
  (f) => f.properties,
);
const allOffers = selectOffers(structures, { types: null, stages: [] });
/** The figures the app must show: the same domain code, run here. */
const expected = (km: number, extra = allOffers) => summarise(communes, nearestOffers(communes, extra, 'site'), km);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Given the app, when the coverage tab is opened and its figures are computed. */
async function openCoverage(page: Page): Promise<void> {
  await waitForMapIdle(page);
  await page.getByRole('tab', { name: 'Couverture' }).click();
  await page.getByTestId('coverage-panel').waitFor();
  await figuresReady(page);
}

async function figuresReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="coverage-figures"][data-state="ready"] [data-testid="coverage-beyond-communes"]');
}

async function beyond(page: Page): Promise<{ communes: number; population: number }> {
  await figuresReady(page);
  return {
    communes: Number(await page.getByTestId('coverage-beyond-communes').getAttribute('data-value')),
    population: Number(await page.getByTestId('coverage-beyond-population').getAttribute('data-value')),
  };
}

describe('coverage gaps', () => {
  it('opens on the region’s default threshold with the domain’s figures, and they follow the threshold', async () => {
    const { page, context, errors, foreignRequests } = await openApp(browser);
    await openCoverage(page);
    expect(await page.getByTestId('coverage-threshold-number').inputValue()).toBe('30');
    expect(await beyond(page)).toEqual({ communes: expected(30).beyondCommunes, population: expected(30).beyondPopulation });
    // The reading in force is always said.
    expect(await page.getByTestId('coverage-reading-label').innerText()).toContain('distance au site seul');

    await page.getByTestId('coverage-threshold-number').fill('45');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="coverage-beyond-communes"]')?.getAttribute('data-value') === String(n),
      expected(45).beyondCommunes,
    );
    expect(expected(45).beyondCommunes).toBeLessThan(expected(30).beyondCommunes);
    expect(await beyond(page)).toEqual({ communes: expected(45).beyondCommunes, population: expected(45).beyondPopulation });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('covkm') === '45');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('coverage');

    // The map highlights communes beyond, and draws the hatched gap area.
    await page.waitForFunction(() => {
      const m = (window as unknown as { __maillageMap: { map: { getLayer(id: string): unknown; getSource(id: string): { _data?: unknown } | undefined } } }).__maillageMap.map;
      return !!m.getLayer('coverage-communes') && !!m.getLayer('coverage-gap-fill');
    });
    await page.getByTestId('coverage-gap-area').filter({ hasText: 'km²' }).waitFor();

    // Dragging the slider (keyboard here) moves the figures too.
    await page.getByTestId('coverage-threshold-range').focus();
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="coverage-beyond-communes"]')?.getAttribute('data-value') === String(n),
      expected(44).beyondCommunes,
    );
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('adding a test site by clicking the map never increases the uncovered count, and the URL keeps it', async () => {
    const { page, context, errors } = await openApp(browser, '?tab=coverage');
    await waitForMapIdle(page);
    await figuresReady(page);
    const before = await beyond(page);
    await page.getByTestId('coverage-add-mode').click();
    expect(await page.getByTestId('coverage-add-mode').getAttribute('aria-pressed')).toBe('true');
    const mende = communes.find((c) => c.code === '48095')!;
    const at = await projectToPage(page, mende.lon, mende.lat);
    await page.mouse.click(at.x, at.y);
    await page.getByTestId('coverage-sim-list').locator('li').first().waitFor();
    await page.waitForFunction(() => (new URLSearchParams(location.search).get('sim') ?? '').split(';').length === 1 && location.search.includes('sim='));
    const sim = new URL(page.url()).searchParams.get('sim')!;
    const [lon, lat, type] = sim.split(',');
    expect(Math.abs(Number(lon) - mende.lon)).toBeLessThan(0.02);
    expect(Math.abs(Number(lat) - mende.lat)).toBeLessThan(0.02);
    expect(type).toBe('incubateur');
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="coverage-figures"][data-state="ready"] [data-testid="coverage-beyond-communes"]')?.getAttribute('data-value')) !== n,
      before.communes,
    );
    const after = await beyond(page);
    expect(after.communes).toBeLessThanOrEqual(before.communes);
    expect(after.population).toBeLessThanOrEqual(before.population);
    const withSite = expected(30, [...allOffers, simOffer({ lon: Number(lon), lat: Number(lat), type: type! }, 0)]);
    expect(after).toEqual({ communes: withSite.beyondCommunes, population: withSite.beyondPopulation });

    // Reloading the link restores the site; removing it restores the figures.
    await page.reload();
    await waitForMapIdle(page);
    await page.getByTestId('coverage-sim-list').locator('li').first().waitFor();
    expect(await beyond(page)).toEqual(after);
    await page.getByTestId('coverage-sim-list').getByRole('button', { name: /Retirer/ }).click();
    await page.waitForFunction(() => !location.search.includes('sim='));
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="coverage-figures"][data-state="ready"] [data-testid="coverage-beyond-communes"]')?.getAttribute('data-value') === String(n),
      before.communes,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports the communes beyond the threshold as CSV with a byte order mark and semicolons', async () => {
    const { page, context } = await openApp(browser, '?tab=coverage&covkm=30');
    await waitForMapIdle(page);
    await figuresReady(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('coverage-export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toContain(';');
    expect(lines[0]!.split(';')[0]).toBe('code INSEE');
    expect(lines.length - 1).toBe(expected(30).beyondCommunes);
    // French decimals, farthest first.
    expect(lines[1]!.split(';')[5]).toMatch(/^\d+,\d$/);
    await context.close();
  });

  it('says clearly when no offer is selected: every commune is out of reach', async () => {
    const { page, context } = await openApp(browser, '?tab=coverage');
    await waitForMapIdle(page);
    await figuresReady(page);
    await page.getByRole('button', { name: 'Aucun type' }).click();
    await page.getByTestId('coverage-no-offer').waitFor();
    expect(await page.getByTestId('coverage-no-offer').innerText()).toContain('Aucune offre sélectionnée');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="coverage-figures"][data-state="ready"] [data-testid="coverage-beyond-communes"]')?.getAttribute('data-value') === String(n),
      communes.length,
    );
    await context.close();
  });

  it('the zones reading counts communes inside a declared zone as served, and says so', async () => {
    const { page, context } = await openApp(browser, '?tab=coverage&covtypes=maison_region');
    await waitForMapIdle(page);
    await figuresReady(page);
    const site = await beyond(page);
    await page.getByTestId('coverage-reading-zones').check();
    await page.getByTestId('coverage-reading-label').filter({ hasText: 'distance ou zone déclarée' }).waitFor();
    const offers = selectOffers(structures, { types: ['maison_region'], stages: [] });
    const zones = summarise(communes, nearestOffers(communes, offers, 'zones'), 30);
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid="coverage-figures"][data-state="ready"] [data-testid="coverage-beyond-communes"]')?.getAttribute('data-value') === String(n),
      zones.beyondCommunes,
    );
    expect(zones.beyondCommunes).toBeLessThanOrEqual(site.communes);
    expect(new URL(page.url()).searchParams.get('covzones')).toBe('1');
    await context.close();
  });

  it('prepares a printable one-page sheet for a département', async () => {
    const { page, context, errors } = await openApp(browser, '?tab=coverage');
    await page.addInitScript(() => undefined);
    await waitForMapIdle(page);
    await figuresReady(page);
    await page.evaluate(() => {
      (window as unknown as { __printed: number }).__printed = 0;
      window.print = () => {
        (window as unknown as { __printed: number }).__printed++;
      };
    });
    await page.getByTestId('coverage-print-target').selectOption('dept:48');
    await page.getByTestId('coverage-print').click();
    await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed === 1);
    const sheet = page.getByTestId('print-sheet');
    expect(await sheet.locator('h1').innerText()).toContain('Lozère');
    expect(await sheet.locator('img.print-map').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // Hidden on screen, shown on paper.
    expect(await sheet.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await sheet.isVisible()).toBe(true);
    expect(await page.getByTestId('side-panel').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is usable on a 375 px phone: controls reachable, the panel never scrolls sideways', async () => {
    const { page, context } = await openApp(browser, '?tab=coverage', { viewport: { width: 375, height: 667 } });
    await waitForMapIdle(page);
    await figuresReady(page);
    await page.getByTestId('coverage-threshold-number').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('coverage-threshold-number').isVisible()).toBe(true);
    await page.getByTestId('coverage-table').scrollIntoViewIfNeeded();
    // The wide table scrolls inside its own box: the panel itself never scrolls sideways.
    const panel = await page.evaluate(() => {
      const body = document.querySelector('.panel-body')!;
      const box = document.querySelector('[data-testid="coverage-panel"]')!.getBoundingClientRect();
      return { overflow: body.scrollWidth - body.clientWidth, right: box.right };
    });
    expect(panel.overflow).toBeLessThanOrEqual(0);
    expect(panel.right).toBeLessThanOrEqual(375);
    await context.close();
  });
});
