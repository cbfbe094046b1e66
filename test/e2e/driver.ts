import { type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium';

export async function launch(): Promise<Browser> {
  return launchChromium();
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Every request the page made to another origin than the app's. */
  foreignRequests: string[];
  /** Uncaught errors and console errors of the page. */
  errors: string[];
}

export function appUrl(query = '', page = ''): string {
  return `${inject('appUrl')}${page}${query}`;
}

export async function openApp(
  browser: Browser,
  query = '',
  options: { viewport?: { width: number; height: number }; page?: string; locale?: string; permissions?: string[] } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'fr-FR',
    permissions: options.permissions,
  });
  const page = await context.newPage();
  const origin = new URL(inject('appUrl')).origin;
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('dialog', (dialog) => {
    errors.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(appUrl(query, options.page));
  return { page, context, foreignRequests, errors };
}

/**
 * Wait until the map has loaded all its data, the commune contours that come after the
 * first view included (src/data/load-region.ts), and finished rendering.
 */
export async function waitForMapIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('[data-testid="map"][data-ready="true"][data-communes="true"]', { timeout });
  await waitForMapStill(page, timeout);
}

/** Wait until the map has drawn its first view (outline, départements, structures) and is still, whatever else is still on its way. */
export async function waitForFirstView(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout });
  await waitForMapStill(page, timeout);
}

async function waitForMapStill(page: Page, timeout: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const c = (window as unknown as { __maillageMap?: { settled: boolean; map: { loaded(): boolean; isMoving(): boolean; areTilesLoaded(): boolean } } })
        .__maillageMap;
      return !!c && c.settled && c.map.loaded() && !c.map.isMoving() && c.map.areTilesLoaded();
    },
    undefined,
    { timeout, polling: 100 },
  );
}

/** Features of a layer currently drawn on the map. */
export async function renderedFeatures(page: Page, layers: string[]): Promise<Array<Record<string, unknown>>> {
  return page.evaluate((ids) => {
    const c = (
      window as unknown as {
        __maillageMap: { map: { getLayer(id: string): unknown; queryRenderedFeatures(o: unknown): Array<{ properties: Record<string, unknown> }> } };
      }
    ).__maillageMap;
    const present = ids.filter((id) => c.map.getLayer(id));
    return c.map.queryRenderedFeatures({ layers: present }).map((f) => f.properties);
  }, layers);
}

/** Screen position of a lon/lat on the map canvas, in page coordinates. */
export async function projectToPage(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([lng, la]) => {
      const c = (window as unknown as { __maillageMap: { map: { project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement } } })
        .__maillageMap;
      const p = c.map.project([lng!, la!]);
      const rect = c.map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    [lon, lat],
  );
}

/**
 * Ids of the structures handed to the map (its GeoJSON source), sorted; `target` is the app's
 * page or an embed's frame. Large data goes to MapLibre's worker as text behind a
 * `maillage-blob:` URL and the page keeps no parsed copy (src/map/maplibre-blob-protocol.mjs):
 * that text is read back here; smaller data is the source's own copy.
 */
export async function mapStructureIds(target: Page | Frame): Promise<string[]> {
  return target.evaluate(async () => {
    type Data = { features: Array<{ properties: { id: string } }> };
    const c = (window as unknown as { __maillageMap: { map: { getSource(id: string): { serialize(): { data: unknown }; getData(): Promise<Data> } } } })
      .__maillageMap;
    const source = c.map.getSource('structures');
    const handed = source.serialize().data;
    const data =
      typeof handed === 'string' && handed.startsWith('maillage-blob://')
        ? ((await (await fetch(handed.slice('maillage-blob://'.length))).json()) as Data)
        : await source.getData();
    return data.features.map((f) => f.properties.id).sort();
  });
}
