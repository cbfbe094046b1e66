import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, mapStructureIds, openApp } from './driver';
import { NO_SCOPE, resolveScope, type Scope } from '../../src/domain/embed-scope';
import { filterStructures, NO_FILTER, type StructureFilter } from '../../src/domain/filter';
import type { Commune, EpciInfo, Structure } from '../../src/domain/types';

// Partner pages are served from another origin (inject('hostUrl')); they load
// the map from the app's origin (inject('appUrl')), as a partner site would.

const dataDir = resolve(import.meta.dirname, '../../public/data/occitanie');
const communes = JSON.parse(readFileSync(resolve(dataDir, 'communes.json'), 'utf8')) as Commune[];
const epci = JSON.parse(readFileSync(resolve(dataDir, 'epci.json'), 'utf8')) as EpciInfo[];
const structures = (JSON.parse(readFileSync(resolve(dataDir, 'structures.geojson'), 'utf8')) as { features: Array<{ properties: Structure }> }).features.map(
  (f) => f.properties,
);

/** What the list must show for a scope and filter, computed here with the domain code (ids, sorted). */
function expectedIds(scope: Partial<Scope>, filter: Partial<StructureFilter> = {}): string[] {
  const area = resolveScope({ ...NO_SCOPE, ...scope }, { communes, epci, defaultRadiusKm: 30 }).area;
  return filterStructures(structures, { ...NO_FILTER, ...filter, area })
    .map((s) => s.id)
    .sort();
}

/** Those of them the map can place (structures without position are listed, not drawn). */
function placed(ids: string[]): string[] {
  const at = new Map(structures.map((s) => [s.id, s.lon !== null && s.lat !== null]));
  return ids.filter((id) => at.get(id));
}

const appUrl = () => inject('appUrl');
const hostUrl = () => inject('hostUrl');
const hostOrigin = () => new URL(hostUrl()).origin;

type Target = Page | Frame;

/** The map is still, with all its data: the commune contours come after the first view (src/data/load-region.ts). */
async function waitIdle(target: Target): Promise<void> {
  await target.waitForFunction(
    () => {
      const c = (window as unknown as { __maillageMap?: { map: { loaded(): boolean; isMoving(): boolean; areTilesLoaded(): boolean } } }).__maillageMap;
      const el = document.querySelector('[data-testid="map"]') ?? document.querySelector('maillage-map')?.shadowRoot?.querySelector('[data-testid="map"]');
      if (el && el.getAttribute('data-communes') !== 'true') return false;
      return !!c && c.map.loaded() && !c.map.isMoving() && c.map.areTilesLoaded();
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}

async function listIds(target: Target, scopeSelector = ''): Promise<string[]> {
  const ids = await target
    .locator(`${scopeSelector} [data-testid="structure-list"] [data-id]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-id') ?? ''));
  return ids.sort();
}

async function hostPage(context: BrowserContext, path: string, query: Record<string, string>): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  (page as Page & { errors?: string[] }).errors = errors;
  const params = new URLSearchParams({ app: appUrl(), ...query });
  await page.goto(`${hostUrl()}${path}?${params.toString()}`);
  return page;
}

async function frameOf(page: Page): Promise<Frame> {
  const handle = await page.locator('#map').elementHandle();
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('no frame');
  return frame;
}

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the iframe page (embed.html)', () => {
  it('renders on a partner page and honours its parameters: EPCI, types, parts, language', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'fr-FR' });
    const page = await hostPage(context, 'iframe.html', { q: '?epci=243100518&types=incubateur,pole_ess&parts=list&lang=en' });
    const frame = await frameOf(page);
    await waitIdle(frame);
    const expected = expectedIds({ epci: '243100518' }, { types: ['incubateur', 'pole_ess'] });
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.length).toBeLessThan(expectedIds({}).length);
    expect(await mapStructureIds(frame)).toEqual(placed(expected));
    expect(await listIds(frame)).toEqual(expected);
    // parts=list: the list, no legend nor search box; lang=en.
    expect(await frame.locator('[data-testid^="toggle-type-"]').count()).toBe(0);
    expect(await frame.locator('[data-testid="scope-notice"]').innerText()).toContain('Toulouse Métropole');
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
    // The territory is outlined on the map.
    const outlined = await frame.evaluate(() => {
      const c = (window as unknown as { __maillageMap: { map: { queryRenderedFeatures(o: unknown): Array<{ properties: { code: string } }> } } }).__maillageMap;
      return [...new Set(c.map.queryRenderedFeatures({ layers: ['scope-communes'] }).map((f) => f.properties.code))];
    });
    const members = communes.filter((c) => c.epci === '243100518').map((c) => c.code);
    expect(outlined.length).toBeGreaterThan(0);
    expect(outlined.every((code) => members.includes(code))).toBe(true);
    // "Plein écran" opens the full app with the same parameters.
    const href = await frame.getByTestId('embed-fullscreen').getAttribute('href');
    const full = new URL(href!);
    expect(full.origin + full.pathname).toBe(appUrl());
    expect(full.searchParams.get('epci')).toBe('243100518');
    expect(full.searchParams.get('types')).toBe('incubateur,pole_ess');
    expect(full.searchParams.get('lang')).toBe('en');
    expect(full.searchParams.has('parts')).toBe(false);
    await context.close();
  });

  it('postMessage round trip: the host selects a structure, sets a filter, reads the state; the map announces', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'fr-FR' });
    const page = await hostPage(context, 'iframe.html', { q: `?around=31555&radius=20&origins=${encodeURIComponent(hostOrigin())}` });
    const frame = await frameOf(page);
    await waitIdle(frame);
    const messages = () => page.evaluate(() => (window as unknown as { __messages: Array<{ origin: string; data: Record<string, unknown> }> }).__messages);
    await page.waitForFunction(() => (window as unknown as { __messages: Array<{ data: { type: string } }> }).__messages.some((m) => m.data.type === 'ready'));
    const ready = (await messages()).find((m) => m.data.type === 'ready')!;
    expect(ready.origin).toBe(new URL(appUrl()).origin);
    expect(ready.data).toMatchObject({
      source: 'maillage',
      type: 'ready',
      version: 1,
      region: 'occitanie',
      count: expectedIds({ around: '31555', radius: '20' }).length,
    });

    await page.evaluate(() => (window as unknown as { sendToMap(m: unknown): void }).sendToMap({ target: 'maillage', type: 'select', id: 'catalis-toulouse' }));
    await page.waitForFunction(() =>
      (window as unknown as { __messages: Array<{ data: { type: string; id?: string } }> }).__messages.some(
        (m) => m.data.type === 'select' && m.data.id === 'catalis-toulouse',
      ),
    );
    expect((await messages()).find((m) => m.data.type === 'select')!.data).toMatchObject({ source: 'maillage', name: expect.stringContaining('Catalis') });
    await expect.poll(() => frame.getByTestId('card-title').innerText()).toContain('Catalis');

    await page.evaluate(() => (window as unknown as { sendToMap(m: unknown): void }).sendToMap({ target: 'maillage', type: 'setFilter', types: ['pole_ess'] }));
    await page.evaluate(() => (window as unknown as { sendToMap(m: unknown): void }).sendToMap({ target: 'maillage', type: 'getState' }));
    await page.waitForFunction(() => (window as unknown as { __messages: Array<{ data: { type: string } }> }).__messages.some((m) => m.data.type === 'state'));
    const state = (await messages()).find((m) => m.data.type === 'state')!.data.state as Record<string, unknown>;
    expect(state).toMatchObject({ region: 'occitanie', types: ['pole_ess'], selectedId: 'catalis-toulouse', scope: { around: '31555', radius: '20' } });
    expect(state.count).toBe(expectedIds({ around: '31555', radius: '20' }, { types: ['pole_ess'] }).length);
    await expect.poll(() => mapStructureIds(frame)).toEqual(placed(expectedIds({ around: '31555', radius: '20' }, { types: ['pole_ess'] })));

    // A malformed message from an allowed origin gets a reason back, and changes nothing.
    await page.evaluate(() =>
      (window as unknown as { sendToMap(m: unknown): void }).sendToMap({ target: 'maillage', type: 'select', id: '<img src=x onerror=alert(1)>' }),
    );
    await page.waitForFunction(() => (window as unknown as { __messages: Array<{ data: { type: string } }> }).__messages.some((m) => m.data.type === 'error'));
    expect(await frame.locator('img[src="x"]').count()).toBe(0);

    // Moving the map is announced with the new view.
    const before = (await messages()).filter((m) => m.data.type === 'view').length;
    await page.evaluate(() =>
      (window as unknown as { sendToMap(m: unknown): void }).sendToMap({ target: 'maillage', type: 'setView', lon: 1.5, lat: 43.7, zoom: 9 }),
    );
    await page.waitForFunction(
      (n) => (window as unknown as { __messages: Array<{ data: { type: string } }> }).__messages.filter((m) => m.data.type === 'view').length > n,
      before,
    );
    const view = (await messages()).filter((m) => m.data.type === 'view').pop()!.data;
    expect(view).toMatchObject({ lon: 1.5, lat: 43.7, zoom: 9 });
    expect((view.bounds as number[]).length).toBe(4);

    // Searching from a commune opens the "near" results, as the search box does.
    await page.evaluate(() => (window as unknown as { sendToMap(m: unknown): void }).sendToMap({ target: 'maillage', type: 'search', commune: '31555' }));
    await frame.locator('#tab-search[aria-selected="true"]').waitFor();
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });

  it('ignores messages from an origin not allowed (the default: only its own), without a reply', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'fr-FR' });
    // No origins= parameter: the partner page (another origin) may listen, not drive.
    const page = await hostPage(context, 'iframe.html', { q: '?around=31555&radius=20' });
    const frame = await frameOf(page);
    await waitIdle(frame);
    await page.waitForFunction(() => (window as unknown as { __messages: Array<{ data: { type: string } }> }).__messages.some((m) => m.data.type === 'ready'));
    // Record, inside the frame, what reaches it (this listener runs after the map's own).
    await frame.evaluate(() => {
      const w = window as unknown as { __received: unknown[] };
      w.__received = [];
      window.addEventListener('message', (e) => w.__received.push(e.data));
    });
    for (const message of [
      { target: 'maillage', type: 'select', id: 'catalis-toulouse' },
      { target: 'maillage', type: 'setFilter', types: ['pole_ess'] },
      { target: 'maillage', type: 'getState' },
      { target: 'maillage', type: 'eval', code: 'document.body.remove()' },
    ]) {
      await page.evaluate((m) => (window as unknown as { sendToMap(m: unknown): void }).sendToMap(m), message);
    }
    await frame.waitForFunction(() => (window as unknown as { __received: unknown[] }).__received.length === 4);
    // Let React render whatever the messages might have changed.
    await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    expect(await frame.getByTestId('card-title').count()).toBe(0);
    expect(await listIds(frame)).toEqual(expectedIds({ around: '31555', radius: '20' }));
    // Then the visitor picks a structure: its announcement reaches the host after any reply
    // to the messages above would have; there is none.
    const other = expectedIds({ around: '31555', radius: '20' }).find((id) => id !== 'catalis-toulouse')!;
    await frame.locator(`[data-testid="structure-list"] [data-id="${other}"]`).click();
    await page.waitForFunction(
      (id) =>
        (window as unknown as { __messages: Array<{ data: { type: string; id?: string } }> }).__messages.some(
          (m) => m.data.type === 'select' && m.data.id === id,
        ),
      other,
    );
    const types = (await page.evaluate(() => (window as unknown as { __messages: Array<{ data: { type: string } }> }).__messages)).map((m) => m.data.type);
    expect(types.filter((t) => t !== 'view')).toEqual(['ready', 'select']);
    await context.close();
  });

  it('fits a 320 × 300 slot: the panel folds into a toggle that stays inside the slot', async () => {
    context = await browser.newContext({ viewport: { width: 800, height: 700 }, locale: 'fr-FR' });
    const page = await hostPage(context, 'iframe.html', { q: '?commune=34172', w: '320px', h: '300px' });
    const frame = await frameOf(page);
    await waitIdle(frame);
    const panel = frame.getByTestId('side-panel');
    const toggle = frame.locator('.sheet-handle');
    await expect.poll(() => panel.getAttribute('class')).toContain('is-closed');
    const inside = async () => {
      const box = await panel.boundingBox();
      const frameBox = await page.locator('#map').boundingBox();
      return (
        box!.x >= frameBox!.x - 0.5 &&
        box!.y >= frameBox!.y - 0.5 &&
        box!.x + box!.width <= frameBox!.x + frameBox!.width + 0.5 &&
        box!.y + box!.height <= frameBox!.y + frameBox!.height + 0.5
      );
    };
    expect(await toggle.isVisible()).toBe(true);
    expect(await inside()).toBe(true);
    const canvas = await frame.locator('canvas.maplibregl-canvas').boundingBox();
    expect(canvas!.width).toBeGreaterThanOrEqual(318);
    expect(canvas!.height).toBeGreaterThanOrEqual(298);
    await toggle.click();
    await expect.poll(() => panel.getAttribute('class')).toContain('is-open');
    expect(await inside()).toBe(true);
    expect(await listIds(frame)).toEqual(expectedIds({ commune: '34172' }));
    const last = frame.locator('[data-testid="structure-list"] [data-id]').last();
    await last.scrollIntoViewIfNeeded();
    expect(await last.isVisible()).toBe(true);
    await context.close();
  });

  it('shows a partner’s own structures file, with the rejected lines named', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'fr-FR' });
    const csv = [
      'id,name,type,stages,address,postcode,commune,lon,lat,precision,website,email,phone,description,source,updated,status,zone',
      'partenaire-un,Tiers-lieu partenaire,pole_ess,emergence,,,31555,,,commune,,,,,https://partner.example/a,2026-11-01,verified,',
      'partenaire-deux,Couveuse partenaire,incubateur,creation,,,34172,,,commune,,,,,https://partner.example/b,2026-11-01,to_check,',
      'partenaire-trois,Ligne fautive,incubateur,creation,,,99999,,,commune,,,,,https://partner.example/c,2026-11-01,verified,',
    ].join('\n');
    // The partner's server, with the CORS header docs/embed.md asks for.
    await context.route('https://partner.example/structures.csv', (route) =>
      route.fulfill({ status: 200, contentType: 'text/csv', headers: { 'access-control-allow-origin': '*' }, body: csv }),
    );
    const page = await hostPage(context, 'iframe.html', { q: `?data=${encodeURIComponent('https://partner.example/structures.csv')}&parts=list` });
    const frame = await frameOf(page);
    await waitIdle(frame);
    expect(await listIds(frame)).toEqual(['partenaire-deux', 'partenaire-un']);
    expect(await mapStructureIds(frame)).toEqual(['partenaire-deux', 'partenaire-un']);
    const issues = await frame.getByTestId('partner-issues').innerText();
    expect(issues).toMatch(/ligne 4 \[commune\]/);
    expect(issues).toContain('99999');
    // The validator's message in the interface language, not its English text.
    expect(issues).toContain('aucune commune actuelle de la région Occitanie');
    await context.close();
  });

  it('says in French why a partner file could not be read, and falls back to the catalogue', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'fr-FR' });
    await context.route('https://partner.example/missing.csv', (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', headers: { 'access-control-allow-origin': '*' }, body: 'not found' }),
    );
    const page = await hostPage(context, 'iframe.html', { q: `?data=${encodeURIComponent('https://partner.example/missing.csv')}&parts=list` });
    const frame = await frameOf(page);
    await waitIdle(frame);
    const status = await frame.getByTestId('partner-status').innerText();
    expect(status).toContain('erreur HTTP 404');
    expect(status).toContain('catalogue Maillage');
    expect((await listIds(frame)).length).toBeGreaterThan(0);
    await context.close();
  });
});

describe('the web component <maillage-map>', () => {
  it('renders with its attributes, and follows attribute changes', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'fr-FR' });
    const page = await hostPage(context, 'component.html', { attrs: JSON.stringify({ around: '31555', radius: '20', parts: 'list,legend', lang: 'fr' }) });
    await waitIdle(page);
    const first = expectedIds({ around: '31555', radius: '20' });
    expect(await mapStructureIds(page)).toEqual(placed(first));
    expect(await listIds(page, 'maillage-map')).toEqual(first);

    // Attributes change at run time: types, then the radius.
    await page.evaluate(() => document.getElementById('map')!.setAttribute('types', 'pole_ess'));
    const second = expectedIds({ around: '31555', radius: '20' }, { types: ['pole_ess'] });
    expect(second.length).toBeGreaterThan(0);
    expect(second.length).toBeLessThan(first.length);
    await expect.poll(() => mapStructureIds(page)).toEqual(placed(second));
    await page.evaluate(() => document.getElementById('map')!.setAttribute('radius', '5'));
    const third = expectedIds({ around: '31555', radius: '5' }, { types: ['pole_ess'] });
    expect(third).not.toEqual(second);
    await expect.poll(() => mapStructureIds(page)).toEqual(placed(third));
    await expect.poll(() => listIds(page, 'maillage-map')).toEqual(third);
    // Removing the attribute brings every type back.
    await page.evaluate(() => document.getElementById('map')!.removeAttribute('types'));
    await expect.poll(() => mapStructureIds(page)).toEqual(placed(expectedIds({ around: '31555', radius: '5' })));

    // Selections are announced as DOM events.
    await page.locator('maillage-map [data-testid="structure-list"] [data-id]').first().click();
    await page.waitForFunction(() => (window as unknown as { __events: Array<{ type: string }> }).__events.some((e) => e.type === 'select'));
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });

  it('is not broken by the host’s aggressive CSS, and does not change the host’s styles', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'fr-FR' });
    const page = await hostPage(context, 'component.html', { auto: '0', w: '900px', h: '500px' });
    await page.waitForFunction(() => (window as unknown as { __hostReady?: boolean }).__hostReady === true);
    const hostStyle = () =>
      page.evaluate(() =>
        ['host-text', 'host-after'].map((id) => {
          const s = getComputedStyle(document.getElementById(id)!);
          return [s.color, s.fontSize, s.fontFamily, s.margin, s.lineHeight, s.display, s.boxSizing].join('|');
        }),
      );
    const sheetsBefore = await page.evaluate(() => document.styleSheets.length);
    const before = await hostStyle();
    await page.evaluate(async () => {
      const w = window as unknown as { addMap(id: string, a: Record<string, string>): HTMLElement; loadComponent(): Promise<unknown> };
      w.addMap('map', { commune: '31555', parts: 'list,legend' });
      await w.loadComponent();
    });
    await waitIdle(page);
    // The host's page is as it was: same computed styles, no style sheet added to it.
    expect(await hostStyle()).toEqual(before);
    expect(await page.evaluate(() => document.styleSheets.length)).toBe(sheetsBefore);

    // The map is a sane size and its text keeps its own colours and layout.
    const element = await page.locator('#map').boundingBox();
    const canvas = await page.locator('maillage-map canvas.maplibregl-canvas').boundingBox();
    expect(element!.height).toBe(500);
    expect(canvas!.height).toBeGreaterThan(480);
    expect(canvas!.width).toBeGreaterThan(500);
    const look = await page.evaluate(() => {
      const root = document.getElementById('map')!.shadowRoot!;
      const name = root.querySelector('.structure-name')!;
      const panel = root.querySelector('.side-panel')!;
      return { color: getComputedStyle(name).color, font: getComputedStyle(name).fontFamily, panel: getComputedStyle(panel).display };
    });
    expect(look.color).not.toBe('rgb(255, 0, 0)');
    expect(look.font).not.toContain('Comic');
    expect(look.panel).toBe('flex');
    expect(await listIds(page, 'maillage-map')).toEqual(expectedIds({ commune: '31555' }));
    await context.close();
  });

  it('in a short, wide slot (1000 × 300) the panel folds too, and unfolded it scrolls inside the slot', async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 600 }, locale: 'fr-FR' });
    const page = await hostPage(context, 'component.html', { attrs: JSON.stringify({ epci: '243100518' }), w: '1000px', h: '300px' });
    await waitIdle(page);
    const panel = page.locator('maillage-map [data-testid="side-panel"]');
    await expect.poll(() => panel.getAttribute('class')).toContain('is-closed');
    // Folded, only the toggle shows: the search box waits inside.
    expect(await page.locator('maillage-map .side-panel input').first().isVisible()).toBe(false);
    const slot = (await page.locator('#map').boundingBox())!;
    const within = async (box: { x: number; y: number; width: number; height: number } | null) =>
      !!box &&
      box.x >= slot.x - 0.5 &&
      box.y >= slot.y - 0.5 &&
      box.x + box.width <= slot.x + slot.width + 0.5 &&
      box.y + box.height <= slot.y + slot.height + 0.5;
    expect(await within(await panel.boundingBox())).toBe(true);
    await page.locator('maillage-map .sheet-handle').click();
    await expect.poll(() => panel.getAttribute('class')).toContain('is-open');
    expect(await within(await panel.boundingBox())).toBe(true);
    const last = page.locator('maillage-map [data-testid="structure-list"] [data-id]').last();
    await last.scrollIntoViewIfNeeded();
    expect(await within(await last.boundingBox())).toBe(true);
    await context.close();
  });

  it('two maps on one page keep separate states', async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 1400 }, locale: 'fr-FR' });
    const page = await hostPage(context, 'component.html', { auto: '0', w: '700px', h: '420px' });
    await page.waitForFunction(() => (window as unknown as { __hostReady?: boolean }).__hostReady === true);
    await page.evaluate(async () => {
      const w = window as unknown as { addMap(id: string, a: Record<string, string>): HTMLElement; loadComponent(): Promise<unknown> };
      w.addMap('a', { commune: '34172', parts: 'list' });
      w.addMap('b', { epci: '243100518', types: 'incubateur', parts: 'list' });
      await w.loadComponent();
    });
    await expect.poll(() => listIds(page, '#a')).toEqual(expectedIds({ commune: '34172' }));
    await expect.poll(() => listIds(page, '#b')).toEqual(expectedIds({ epci: '243100518' }, { types: ['incubateur'] }));
    await context.close();
  });
});

describe('the "Intégrer cette carte" dialog', () => {
  it('builds the snippet of the current view, previews it, copies it; Tab stays inside, Escape closes', async () => {
    const { page, context: ctx } = await openApp(browser, '?types=incubateur&epci=243100518&lang=fr', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByTestId('embed-open').click();
    const dialog = page.getByTestId('embed-dialog');
    await dialog.waitFor();
    const code = () => page.getByTestId('embed-code').inputValue();
    expect(await code()).toMatch(/^<iframe src="[^"]*embed\.html\?[^"]*types=incubateur/);
    expect(await code()).toContain('epci=243100518');
    await page.getByTestId('embed-part-search').uncheck();
    expect(await code()).toContain('parts=list,legend');
    const preview = await page.getByTestId('embed-preview').getAttribute('src');
    expect(preview).toContain('embed.html?');
    expect(preview).toContain('parts=list,legend');
    await page.getByTestId('embed-mode-component').check();
    expect(await code()).toContain('<maillage-map');
    expect(await code()).toContain('epci="243100518"');
    await page.getByTestId('embed-copy').click();
    await expect.poll(() => page.getByTestId('embed-copy-status').innerText()).toBe('Code copié.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code());
    // Focus stays in the dialog.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="embed-dialog"]'))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('embed-open');
    await ctx.close();
  });
});
