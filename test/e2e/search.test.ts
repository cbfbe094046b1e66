import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTER, matchesFilter } from '../../src/domain/filter';
import { buildNearestIndex, nearest } from '../../src/domain/search/nearest';
import type { Commune, Structure } from '../../src/domain/types';
import { appUrl, launch, openApp, projectToPage, renderedFeatures, waitForMapIdle } from './driver';

const dir = resolve(import.meta.dirname, '../../public/data/occitanie');
const communes = JSON.parse(readFileSync(resolve(dir, 'communes.json'), 'utf8')) as Commune[];
const structures = (JSON.parse(readFileSync(resolve(dir, 'structures.geojson'), 'utf8')) as { features: Array<{ properties: Structure }> }).features.map(
  (f) => f.properties,
);
// Closed rows (historical traces) are never offered: the expectation leaves them out on its own.
const index = buildNearestIndex(structures.filter((s) => s.status !== 'closed'));
const commune = (code: string) => communes.find((c) => c.code === code)!;
/** The answer the app must show: the same domain code, from the commune's point. */
const expectedIds = (code: string, k = 10, keep?: (s: Structure) => boolean) =>
  nearest(index, commune(code).lon, commune(code).lat, k, keep).map((n) => n.item.id);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Given the app, when the user types a query key by key into the search box. */
async function typeQuery(page: Page, text: string): Promise<void> {
  const input = page.locator('#search');
  await input.click();
  await input.fill('');
  await page.keyboard.type(text, { delay: 20 });
}

async function shownIds(page: Page): Promise<string[]> {
  await page.getByTestId('near-results').waitFor();
  return page.locator('[data-testid="near-results"] > li').evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
}

describe('find support near me', () => {
  it('typing "mende" then choosing Mende lists the nearest structures with distances, and marks the origin', async () => {
    const { page, context, foreignRequests, errors } = await openApp(browser);
    await waitForMapIdle(page);
    await typeQuery(page, 'mende');
    const option = page.locator('#search-listbox [role="option"][data-code="48095"]');
    await option.waitFor();
    expect(await page.locator('#search').getAttribute('aria-expanded')).toBe('true');
    // The number of results is announced to screen readers.
    expect(await page.getByTestId('search-count').textContent()).toMatch(/communes? trouvées?/);
    await option.click();
    await page.getByTestId('near-title').waitFor();
    expect(await page.getByTestId('near-title').textContent()).toBe('Autour de Mende (48)');
    expect(await page.locator('#search').getAttribute('aria-expanded')).toBe('false');
    expect(await shownIds(page)).toEqual(expectedIds('48095'));
    const distances = await page.getByTestId('near-distance').allTextContents();
    expect(distances.length).toBeGreaterThan(0);
    for (const d of distances) expect(d).toMatch(/^\d+(,\d)?\s?km$/);
    // Said as such: great-circle distances.
    expect(await page.getByTestId('near-panel').textContent()).toContain('vol d’oiseau');
    expect(new URL(page.url()).searchParams.get('from')).toBe('48095');
    await waitForMapIdle(page);
    expect((await renderedFeatures(page, ['search-origin-point'])).length).toBeGreaterThan(0);
    // No third-party request: the commune search is the app's own.
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"31000" then Enter leads to Toulouse', async () => {
    const { page, context } = await openApp(browser);
    await page.locator('#search').waitFor();
    await typeQuery(page, '31000');
    const option = page.locator('#search-listbox [role="option"]').first();
    await option.waitFor();
    expect(await option.getAttribute('data-code')).toBe('31555');
    expect(await option.textContent()).toContain('code postal 31000');
    await page.keyboard.press('Enter');
    await page.getByTestId('near-title').waitFor();
    expect(await page.getByTestId('near-title').textContent()).toContain('Toulouse');
    expect(await shownIds(page)).toEqual(expectedIds('31555'));
    await context.close();
  });

  it.each(['saint gaudens', 'st-gaudens'])('"%s" finds Saint-Gaudens, chosen with the keyboard', async (query) => {
    const { page, context } = await openApp(browser);
    await page.locator('#search').waitFor();
    await typeQuery(page, query);
    const first = page.locator('#search-listbox [role="option"]').first();
    await first.waitFor();
    expect(await first.getAttribute('data-code')).toBe('31483');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#search').getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByTestId('near-title').waitFor();
    expect(await page.getByTestId('near-title').textContent()).toBe('Autour de Saint-Gaudens (31)');
    await context.close();
  });

  it('Escape closes the list, a second Escape clears the box; arrows wrap around', async () => {
    const { page, context } = await openApp(browser);
    await page.locator('#search').waitFor();
    await typeQuery(page, 'carca');
    const options = page.locator('#search-listbox [role="option"]');
    await options.first().waitFor();
    expect(await options.first().textContent()).toContain('Carcassonne');
    const n = await options.count();
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('#search').getAttribute('aria-activedescendant')).toBe(await options.nth(n - 1).getAttribute('id'));
    await page.keyboard.press('Escape');
    expect(await page.locator('#search').getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#search').inputValue()).toBe('carca');
    await page.keyboard.press('Escape');
    expect(await page.locator('#search').inputValue()).toBe('');
    await context.close();
  });

  it('a postcode shared by several communes lets the user choose', async () => {
    const { page, context } = await openApp(browser);
    await page.locator('#search').waitFor();
    await typeQuery(page, '09240');
    const options = page.locator('#search-listbox [role="option"]');
    await options.first().waitFor();
    expect(await options.count()).toBeGreaterThan(5);
    const sharing = communes.filter((c) => c.postcodes.includes('09240') || c.code === '09240').length;
    expect(await page.getByTestId('search-count').textContent()).toContain(`${sharing} communes trouvées`);
    const second = options.nth(1);
    const code = (await second.getAttribute('data-code'))!;
    await second.click();
    await page.getByTestId('near-title').waitFor();
    expect(await page.getByTestId('near-title').textContent()).toContain(commune(code).name);
    await context.close();
  });

  it('?from=48095 reproduces the result, and &stage= keeps the stage', async () => {
    const { page, context } = await openApp(browser, '?from=48095');
    await page.getByTestId('near-title').waitFor();
    expect(await page.getByTestId('near-title').textContent()).toBe('Autour de Mende (48)');
    expect(await page.locator('#search').inputValue()).toBe('Mende');
    expect(await shownIds(page)).toEqual(expectedIds('48095'));
    await context.close();

    const staged = await openApp(browser, '?from=48095&stage=creation');
    await staged.page.getByTestId('near-title').waitFor();
    const creation = (s: Structure) => matchesFilter(s, { ...NO_FILTER, stages: ['creation'] });
    expect(await shownIds(staged.page)).toEqual(expectedIds('48095', 10, creation));
    await staged.context.close();
  });

  it('the parcours gives, for each stage, the nearest structure serving it', async () => {
    const { page, context } = await openApp(browser, '?from=48095');
    await page.getByTestId('near-mode-parcours').click();
    const steps = page.locator('[data-testid="parcours"] > li');
    await steps.first().waitFor();
    expect(await steps.count()).toBe(5);
    const mende = commune('48095');
    for (const stage of ['emergence', 'creation', 'developpement', 'changement_echelle', 'transmission']) {
      const [best] = nearest(index, mende.lon, mende.lat, 1, (s) => s.stages.includes(stage));
      const shown = await page.locator(`[data-stage="${stage}"] .near-item`).getAttribute('data-id');
      expect(shown).toBe(best!.item.id);
    }
    expect(new URL(page.url()).searchParams.get('parcours')).toBe('1');
    await context.close();
  });

  it('on a 375×667 phone: map above, results in the bottom sheet', async () => {
    const { page, context } = await openApp(browser, '', { viewport: { width: 375, height: 667 } });
    await waitForMapIdle(page);
    await typeQuery(page, 'mende');
    await page.locator('#search-listbox [role="option"][data-code="48095"]').click();
    const first = page.locator('[data-testid="near-results"] > li').first();
    await first.waitFor();
    const sheet = (await page.getByTestId('side-panel').boundingBox())!;
    const map = (await page.getByTestId('map').boundingBox())!;
    expect(sheet.y).toBeGreaterThan(150);
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(667 + 1);
    expect(map.width).toBeGreaterThanOrEqual(370);
    const box = (await first.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(sheet.y);
    expect(box.y + box.height).toBeLessThanOrEqual(667);
    expect(await first.textContent()).toMatch(/\d+(,\d)?\s?km/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('geolocation refused: says so and suggests searching instead', async () => {
    // A context without the geolocation permission: Chromium refuses the position.
    const { page, context } = await openApp(browser);
    await page.getByTestId('locate').click();
    const message = page.getByTestId('geo-message');
    await message.waitFor({ timeout: 20_000 });
    expect(await message.textContent()).toContain('Accès à votre position refusé');
    expect(await message.getAttribute('role')).toBe('alert');
    await context.close();
  });

  it('geolocation unavailable in the browser: says so', async () => {
    const { page, context } = await openApp(browser);
    await page.evaluate(() => Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true }));
    await page.getByTestId('locate').click();
    expect(await page.getByTestId('geo-message').textContent()).toContain('ne donne pas accès à votre position');
    await context.close();
  });

  it('a position outside the region still gets distances, and is said to be outside', async () => {
    const { page, context } = await openApp(browser);
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 48.8566, longitude: 2.3522 }); // Paris
    await page.getByTestId('locate').click();
    await page.getByTestId('near-outside').waitFor();
    expect(await page.getByTestId('near-outside').textContent()).toContain('hors de la région Occitanie');
    const expected = nearest(index, 2.352, 48.857, 10).map((n) => n.item.id);
    expect(await shownIds(page)).toEqual(expected);
    expect(new URL(page.url()).searchParams.get('from')).toBe('48.857,2.352');
    await context.close();
  });
});

describe("a project holder's search, complete", () => {
  it('a postcode of 36 communes lists them all in a list the thumb scrolls, and the keyboard reaches the last', async () => {
    const { page, context } = await openApp(browser, '', { viewport: { width: 375, height: 667 } });
    await page.locator('#search').waitFor();
    await typeQuery(page, '65100');
    const options = page.locator('#search-listbox [role="option"]');
    await options.first().waitFor();
    const expected = communes.filter((c) => c.postcodes.includes('65100') || c.code === '65100').map((c) => c.code);
    expect(expected.length).toBe(37);
    expect(new Set(await options.evaluateAll((els) => els.map((el) => el.getAttribute('data-code'))))).toEqual(new Set(expected));
    expect(await page.locator('.search-more').count()).toBe(0);
    // The list scrolls inside itself, within the screen.
    const list = page.getByTestId('search-listbox');
    const box = (await list.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(667);
    expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight && getComputedStyle(el).overflowY === 'auto')).toBe(true);
    // A thumb's swipe: the wheel stands in for it in headless Chromium, and the list moves, not the page.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => document.getElementById('search-listbox')!.scrollTop > 0);
    // ArrowUp from the input wraps to the last option, scrolled into view.
    await page.keyboard.press('ArrowUp');
    const last = options.last();
    expect(await page.locator('#search').getAttribute('aria-activedescendant')).toBe(await last.getAttribute('id'));
    const lastBox = (await last.boundingBox())!;
    const listNow = (await list.boundingBox())!;
    expect(lastBox.y).toBeGreaterThanOrEqual(listNow.y - 1);
    expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(listNow.y + listNow.height + 1);
    const code = (await last.getAttribute('data-code'))!;
    await page.keyboard.press('Enter');
    await page.getByTestId('near-title').waitFor();
    expect(await page.getByTestId('near-title').textContent()).toContain(commune(code).name);
    await context.close();
  });

  it.each([
    ['VALENCE D AGEN', '82186', 'La Poste : VALENCE D AGEN'],
    ['BASTIDE-PUYLAURENT (LA)', '48021', ''],
    ['Saint-Blancard', '32365', 'ancienne commune Saint-Blancard'],
    ['Narbone', '11262', 'orthographe proche'],
  ])('%j lists %s first, saying why', async (query, code, why) => {
    const { page, context } = await openApp(browser);
    await page.locator('#search').waitFor();
    await typeQuery(page, query);
    const first = page.locator('#search-listbox [role="option"]').first();
    await first.waitFor();
    expect(await first.getAttribute('data-code')).toBe(code);
    const shown = first.getByTestId('search-option-why');
    if (why) expect(await shown.textContent()).toBe(why);
    else expect(await shown.count()).toBe(0);
    await context.close();
  });
});

/** Every result drawn on the map (the origin and the structures linked to it) lies in the part of the map the panel leaves visible. */
async function expectResultsInView(page: Page, code: string): Promise<void> {
  await waitForMapIdle(page);
  const ids = expectedIds(code, 5);
  // (Lines are not compared: a structure placed at its commune's point has a link of length zero, never drawn.)
  expect((await renderedFeatures(page, ['search-origin-point'])).length).toBeGreaterThan(0);
  const map = (await page.getByTestId('map').boundingBox())!;
  const panel = (await page.getByTestId('side-panel').boundingBox())!;
  const points = [
    { id: 'origin', lon: commune(code).lon, lat: commune(code).lat },
    ...ids.map((id) => structures.find((s) => s.id === id)!).map((s) => ({ id: s.id, lon: s.lon!, lat: s.lat! })),
  ];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of points) {
    const { x, y } = await projectToPage(page, p.lon, p.lat);
    xs.push(x);
    ys.push(y);
    const inMap = x >= map.x && x <= map.x + map.width && y >= map.y && y <= map.y + map.height;
    const underPanel = x >= panel.x && x <= panel.x + panel.width && y >= panel.y && y <= panel.y + panel.height;
    expect({ id: p.id, inMap, underPanel }).toEqual({ id: p.id, inMap: true, underPanel: false });
  }
  // And framed, not merely left somewhere on the whole region: the results fill the view, or the map is at its closest framing zoom.
  const zoom = await page.evaluate(() => (window as unknown as { __maillageMap: { map: { getZoom(): number } } }).__maillageMap.map.getZoom());
  const fill = Math.max((Math.max(...xs) - Math.min(...xs)) / map.width, (Math.max(...ys) - Math.min(...ys)) / map.height);
  expect({ framed: zoom >= 10.99 || fill >= 0.4 }).toEqual({ framed: true });
}

describe('framing the origin and its results', () => {
  const viewports = [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 375, height: 667 }],
  ] as const;

  // Mende: results far apart in Lozère; Toulouse: results close together; Bagnères-de-Luchon: results all to the north.
  it.each(viewports.flatMap(([name, viewport]) => ['48095', '31555', '31042'].map((code) => [name, code, viewport] as const)))(
    '%s, ?from=%s: every result marker is inside the visible map',
    async (_name, code, viewport) => {
      const { page, context, errors } = await openApp(browser, `?from=${code}`, { viewport });
      await page.getByTestId('near-results').waitFor();
      await expectResultsInView(page, code);
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it.each(viewports)('%s, after choosing a place in the list', async (_name, viewport) => {
    const { page, context } = await openApp(browser, '', { viewport });
    await waitForMapIdle(page);
    await typeQuery(page, 'luchon');
    await page.locator('#search-listbox [role="option"][data-code="31042"]').click();
    await page.getByTestId('near-results').waitFor();
    await expectResultsInView(page, '31042');
    await context.close();
  });
});

describe('street addresses (optional online service)', () => {
  const BAN = 'https://api-adresse.data.gouv.fr/**';
  const answer = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [3.4989, 44.5176] },
        properties: { label: '2 Rue de l’Ange 48000 Mende', type: 'housenumber', citycode: '48095', postcode: '48000' },
      },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [3.5, 44.5] }, properties: { label: '<img src=x onerror=alert(1)>', type: 'street' } },
    ],
  };

  it('sends nothing to the address service unless the user opts in', async () => {
    const { page, context, foreignRequests } = await openApp(browser);
    await typeQuery(page, '2 rue de l ange mende');
    await page.waitForTimeout(800);
    expect(foreignRequests).toEqual([]);
    expect(await page.getByTestId('address-opt-in').isChecked()).toBe(false);
    await context.close();
  });

  it('when opted in, completes the search with addresses; data are shown as text', async () => {
    const { page, context, errors } = await openApp(browser);
    const asked: string[] = [];
    await context.route(BAN, (route) => {
      asked.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(answer) });
    });
    await page.getByTestId('address-opt-in').check();
    await typeQuery(page, '2 rue de l ange mende');
    const address = page.locator('#search-listbox [role="option"][data-kind="address"]').first();
    await address.waitFor();
    expect(asked.at(-1)).toContain('q=2+rue+de+l+ange+mende');
    expect(asked.at(-1)).toContain('limit=5');
    // The hostile label is plain text, never markup.
    expect(await page.locator('#search-listbox img').count()).toBe(0);
    await address.click();
    await page.getByTestId('near-title').waitFor();
    expect(await page.getByTestId('near-title').textContent()).toBe('Autour de 2 Rue de l’Ange 48000 Mende');
    expect(await shownIds(page)).toEqual(nearest(index, 3.499, 44.518, 10).map((n) => n.item.id));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when the service fails or the browser is offline, communes still work and the user is told why', async () => {
    const { page, context } = await openApp(browser);
    await context.route(BAN, (route) => route.fulfill({ status: 503, body: 'unavailable', headers: { 'access-control-allow-origin': '*' } }));
    await page.getByTestId('address-opt-in').check();
    await typeQuery(page, 'mende');
    await page.getByTestId('address-status').filter({ hasText: 'n’a pas répondu' }).waitFor();
    expect(await page.getByTestId('address-status').textContent()).toContain('HTTP 503');
    // The address service may answer before the commune list has arrived (it is parsed once the
    // first view is drawn): the suggestions then fill in by themselves, without retyping.
    await page.locator('#search-listbox [role="option"][data-code="48095"]').waitFor();
    expect(await page.locator('#search-listbox [role="option"][data-code="48095"]').count()).toBe(1);

    await context.setOffline(true);
    await typeQuery(page, 'foix');
    await page.getByTestId('address-status').filter({ hasText: 'hors ligne' }).waitFor();
    expect(await page.locator('#search-listbox [role="option"]').first().textContent()).toContain('Foix');
    await context.setOffline(false);
    await context.close();
  });
});

describe('closed rows', () => {
  it('a closed row never appears in results, even shown on the map, and its card says it is closed', async () => {
    const closed = structures.filter((s) => s.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    // Balma: the historical Grand Toulouse DLA row is placed here.
    const { page, context, errors } = await openApp(browser, '?from=31044&closed=1');
    await waitForMapIdle(page);
    const ids = await shownIds(page);
    expect(ids).toEqual(expectedIds('31044'));
    expect(ids.some((id) => closed.some((c) => c.id === id))).toBe(false);
    await page.goto(appUrl(`?sel=${closed[0]!.id}&closed=1`));
    await page.getByTestId('card-closed').waitFor();
    expect(await page.getByTestId('card-closed').innerText()).toContain('fermée');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('old links keep working: types=reseau still shows the DLA, and a merged id opens the row it was merged into', async () => {
    const { page, context } = await openApp(browser, '?types=reseau&sel=ptce-cartoucherie-toulouse');
    await waitForMapIdle(page);
    await page.getByTestId('card-title').waitFor();
    expect(await page.getByTestId('card-title').innerText()).toContain('Cartoucherie');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('sel') === 'halles-cartoucherie-toulouse');
    expect(new URL(page.url()).searchParams.get('types')).toBe('reseau,dla');
    await context.close();
  });
});
