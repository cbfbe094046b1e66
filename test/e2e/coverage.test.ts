import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incompleteDepartements, nearestOffers, selectOffers, simOffer, summarise } from '../../src/domain/coverage/index';
import type { Commune, RegionConfig, Structure } from '../../src/domain/types';
import { launch, openApp, projectToPage, waitForMapIdle } from './driver';

const dir = resolve(import.meta.dirname, '../../public/data/occitanie');
const communes = JSON.parse(readFileSync(resolve(dir, 'communes.json'), 'utf8')) as Commune[];
const structures = (JSON.parse(readFileSync(resolve(dir, 'structures.geojson'), 'utf8')) as { features: Array<{ properties: Structure }> }).features.map(
  (f) => f.properties,
);
const config = JSON.parse(readFileSync(resolve(dir, 'config.json'), 'utf8')) as RegionConfig;
const allOffers = selectOffers(structures, { types: null, stages: [] });
/**
 * The figures the app must show: the same domain code, run here. `beyondCommunes` and
 * `beyondPopulation` here count every commune beyond the threshold, certain gaps and unknown
 * alike (the three states are checked on their own below).
 */
const expected = (km: number, extra = allOffers, types: string[] | null = null, reading: 'site' | 'zones' = 'site') => {
  const s = summarise(communes, nearestOffers(communes, extra, reading), km, incompleteDepartements(extra, config.expectations, types, config.departements));
  return { ...s, beyondCommunes: s.beyondCommunes + s.unknownCommunes, beyondPopulation: s.beyondPopulation + s.unknownPopulation, certain: s };
};

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

/** Communes and inhabitants beyond the threshold as shown: certain gaps plus unknown. */
async function beyond(page: Page): Promise<{ communes: number; population: number }> {
  await figuresReady(page);
  const n = async (id: string, attr = 'data-value') => Number(await page.getByTestId(id).getAttribute(attr));
  return {
    communes: (await n('coverage-beyond-communes')) + (await n('coverage-unknown-population', 'data-communes')),
    population: (await n('coverage-beyond-population')) + (await n('coverage-unknown-population')),
  };
}

/** Wait until the figures show this many communes beyond the threshold (certain + unknown). */
async function waitForBeyond(page: Page, n: number): Promise<void> {
  await page.waitForFunction((want) => {
    const ready = document.querySelector('[data-testid="coverage-figures"][data-state="ready"]');
    const certain = ready?.querySelector('[data-testid="coverage-beyond-communes"]')?.getAttribute('data-value');
    const unknown = ready?.querySelector('[data-testid="coverage-unknown-population"]')?.getAttribute('data-communes');
    return certain != null && unknown != null && Number(certain) + Number(unknown) === want;
  }, n);
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
    await waitForBeyond(page, expected(45).beyondCommunes);
    expect(expected(45).beyondCommunes).toBeLessThan(expected(30).beyondCommunes);
    expect(await beyond(page)).toEqual({ communes: expected(45).beyondCommunes, population: expected(45).beyondPopulation });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('covkm') === '45');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('coverage');

    // The map highlights communes beyond, and draws the hatched gap area.
    await page.waitForFunction(() => {
      const m = (window as unknown as { __maillageMap: { map: { getLayer(id: string): unknown; getSource(id: string): { _data?: unknown } | undefined } } })
        .__maillageMap.map;
      return !!m.getLayer('coverage-communes') && !!m.getLayer('coverage-gap-fill');
    });
    await page.getByTestId('coverage-gap-area').filter({ hasText: 'km²' }).waitFor();

    // Dragging the slider (keyboard here) moves the figures too.
    await page.getByTestId('coverage-threshold-range').focus();
    await page.keyboard.press('ArrowLeft');
    await waitForBeyond(page, expected(44).beyondCommunes);
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
    // Saint-Chély-d'Apcher: no structure marker within 30 km, so the click lands on the map, not on a card.
    const mende = communes.find((c) => c.code === '48140')!;
    const at = await projectToPage(page, mende.lon, mende.lat);
    await page.mouse.click(at.x, at.y);
    await page.getByTestId('coverage-sim-list').locator('li').first().waitFor();
    await page.waitForFunction(() => (new URLSearchParams(location.search).get('sim') ?? '').split(';').length === 1 && location.search.includes('sim='));
    const sim = new URL(page.url()).searchParams.get('sim')!;
    const [lon, lat, type] = sim.split(',');
    expect(Math.abs(Number(lon) - mende.lon)).toBeLessThan(0.02);
    expect(Math.abs(Number(lat) - mende.lat)).toBeLessThan(0.02);
    expect(type).toBe('incubateur');
    const withSite = expected(30, [...allOffers, simOffer({ lon: Number(lon), lat: Number(lat), type: type! }, 0, '48140', '48')]);
    await waitForBeyond(page, withSite.beyondCommunes);
    const after = await beyond(page);
    expect(after.communes).toBeLessThanOrEqual(before.communes);
    expect(after.population).toBeLessThanOrEqual(before.population);
    expect(after).toEqual({ communes: withSite.beyondCommunes, population: withSite.beyondPopulation });

    // Reloading the link restores the site; removing it restores the figures.
    await page.reload();
    await waitForMapIdle(page);
    await page.getByTestId('coverage-sim-list').locator('li').first().waitFor();
    expect(await beyond(page)).toEqual(after);
    await page
      .getByTestId('coverage-sim-list')
      .getByRole('button', { name: /Retirer/ })
      .click();
    await page.waitForFunction(() => !location.search.includes('sim='));
    await waitForBeyond(page, before.communes);
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
    await waitForBeyond(page, communes.length);
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
    const zones = expected(30, offers, ['maison_region'], 'zones');
    await waitForBeyond(page, zones.beyondCommunes);
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

describe('honest coverage: a gap in the catalogue is not a gap in the territory', () => {
  it('the Aude shows as "catalogue incomplet" for the Maisons de la Région, with its inhabitants unknown, not uncovered', async () => {
    const { page, context, errors } = await openApp(browser, '?tab=coverage&covtypes=maison_region&covkm=30');
    await waitForMapIdle(page);
    await figuresReady(page);
    const offers = selectOffers(structures, { types: ['maison_region'], stages: [] });
    const incomplete = incompleteDepartements(offers, config.expectations, ['maison_region'], config.departements);
    // Independent expectation: no Maison de la Région is listed in the Aude today.
    expect(structures.some((s) => s.type === 'maison_region' && s.departement === '11' && s.status !== 'closed')).toBe(false);
    expect(incomplete.has('11')).toBe(true);
    const want = expected(30, offers, ['maison_region']).certain;
    await page.waitForFunction(
      (n) =>
        document
          .querySelector('[data-testid="coverage-figures"][data-state="ready"] [data-testid="coverage-unknown-population"]')
          ?.getAttribute('data-value') === String(n),
      want.unknownPopulation,
    );
    expect(Number(await page.getByTestId('coverage-beyond-population').getAttribute('data-value'))).toBe(want.beyondPopulation);
    expect(await page.getByTestId('coverage-incomplete-note').innerText()).toContain('Aude (11)');
    // The département table: the Aude carries the badge, and none of its inhabitants count as a certain gap.
    await page.getByTestId('coverage-incomplete-11').waitFor();
    const aude = communes.filter((c) => c.dept === '11');
    const nearest = nearestOffers(aude, offers, 'site');
    const audeBeyond = aude.reduce((n, c, i) => n + (nearest.distanceKm[i]! > 30 ? c.population : 0), 0);
    expect(audeBeyond).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('coverage-unknown-11').getAttribute('data-value'))).toBe(audeBeyond);
    // The catalogue status tab says the same.
    await page.getByRole('tab', { name: 'État du catalogue' }).click();
    expect(await page.getByTestId('completeness-11-maison_region').getAttribute('data-state')).toBe('incomplete');
    expect(await page.getByTestId('completeness-81-maison_region').getAttribute('data-state')).toBe('complete');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the legend says how many Maisons de la Région are listed against the départements where they are expected', async () => {
    const { page, context } = await openApp(browser);
    await waitForMapIdle(page);
    const listed = structures.filter((s) => s.type === 'maison_region' && s.status !== 'closed').length;
    const text = await page.getByTestId('legend-expected-maison_region').innerText();
    expect(text).toContain(`${listed} listées, attendues dans 13 départements`);
    await context.close();
  });

  it('verified only computes on verified rows: fewer or equal offers, never fewer communes beyond', async () => {
    const { page, context } = await openApp(browser, '?tab=coverage&covtypes=incubateur,realis,pole_ess');
    await waitForMapIdle(page);
    await figuresReady(page);
    const types = ['incubateur', 'realis', 'pole_ess'];
    const all = expected(30, selectOffers(structures, { types, stages: [] }), types);
    await waitForBeyond(page, all.beyondCommunes);
    await page.getByTestId('coverage-verified').check();
    await page.getByTestId('coverage-verified-only').waitFor();
    const verified = expected(30, selectOffers(structures, { types, stages: [], verifiedOnly: true }), types);
    await waitForBeyond(page, verified.beyondCommunes);
    expect(verified.beyondCommunes).toBeGreaterThanOrEqual(all.beyondCommunes);
    expect(new URL(page.url()).searchParams.get('verified')).toBe('1');
    await context.close();
  });
});
