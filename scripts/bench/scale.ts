// Scale: 15,000 / 50,000 / 150,000 structures (issue 15). In Node, the pure
// parts the page runs per change: coverage figures (offers packed as for the
// worker, nearest, summary), the gap area (grid) and the import rate. In
// headless Chromium (software WebGL: read the ratios, not the milliseconds),
// a generated list imported through the Import tab as a layer, then the pan
// frame and the zoom settle against the same page before the import, the
// switch to the list tab and a scroll, and the coverage figures.
// `npx tsx scripts/bench/scale.ts [node|browser]` runs one half alone. The layer's
// downloads (CSV, GeoJSON) are timed and checked whole at each size.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  gapArea,
  incompleteDepartements,
  nearestOffers,
  packOffers,
  selectOffers,
  summarise,
  territoryTable,
  type CoverageOffer,
} from '../../src/domain/coverage/index';
import { NearestByKind } from '../../src/domain/coverage/nearest-by-kind';
import { buildImportContext } from '../../src/domain/import/context';
import { importTable } from '../../src/domain/import/import-table';
import { readImportFile } from '../../src/domain/import/pipeline';
import { mulberry32 } from '../../src/domain/random';
import type { Commune, RegionConfig, Structure } from '../../src/domain/types';
import { benchBuild } from '../lib/bench-app';
import { launchChromium } from '../lib/chromium';
import { loadRegionInputs } from '../lib/import-report';
import { serveStatic } from '../lib/static-server';
import { generateRows } from './import';
import { ms, timeMedian, type BenchRow } from './types';

const GROUP = 'scale';
// BENCH_SCALE_COUNTS (e.g. "2000") narrows a run to check the bench itself.
const COUNTS = (process.env.BENCH_SCALE_COUNTS ?? '15000,50000,150000').split(',').map(Number);
const DATA = resolve(import.meta.dirname, '../../public/data/occitanie');
const THRESHOLD = 30;

/** Offers spread like structures: most at a commune's point (shared), the rest scattered around one. */
function offersAt(communes: readonly Commune[], n: number): CoverageOffer[] {
  const rand = mulberry32(n);
  return Array.from({ length: n }, (_, i) => {
    const c = communes[Math.floor(rand() * communes.length)]!;
    const scatter = rand() < 0.5;
    return {
      id: `s${i}`,
      name: `S${i}`,
      type: 'incubateur',
      lon: scatter ? c.lon + (rand() - 0.5) * 0.02 : c.lon,
      lat: scatter ? c.lat + (rand() - 0.5) * 0.02 : c.lat,
      commune: c.code,
      departement: c.dept,
      zone: [],
      hypothetical: false,
    };
  });
}

function nodeRows(): BenchRow[] {
  const read = <T>(name: string) => JSON.parse(readFileSync(resolve(DATA, name), 'utf8')) as T;
  const communes = read<Commune[]>('communes.json');
  const regionFc = read<FeatureCollection<Geometry> | Feature<Geometry>>('region.geojson');
  const region = regionFc.type === 'FeatureCollection' ? regionFc.features[0]! : regionFc;
  const departements = read<FeatureCollection<Geometry, { code: string }>>('departements.geojson');
  const { inputs } = loadRegionInputs('occitanie');
  const ctx = buildImportContext(inputs);
  const rows: BenchRow[] = [];
  for (const n of COUNTS) {
    const offers = offersAt(communes, n);
    const bytes = new TextEncoder().encode(generateRows(inputs.communes, n));
    let imported: Structure[] = [];
    const importMs = timeMedian(() => {
      const r = readImportFile(bytes, 'scale.csv');
      if (!r.ok) throw new Error(r.refusal.message);
      imported = importTable(r.table, r.mapping, ctx).structures;
    }, 1);
    if (imported.length !== n) throw new Error(`scale import: ${imported.length} of ${n} rows accepted`);
    // The imported structures, placed as `offers` are and of every type in turn: what the page
    // selects from after such an import.
    const config = read<RegionConfig>('config.json');
    const typeIds = config.offerTypes.map((t) => t.id);
    const structures = imported.map((st, i) => {
      const { lon, lat, commune, departement } = offers[i]!;
      return { ...st, type: typeIds[i % typeIds.length]!, lon, lat, commune, departement };
    });
    // What one change costs: a new selection and its pack (page), a new search (worker), the summary (page).
    const figures = timeMedian(() => {
      const selected = selectOffers(structures, { types: null, stages: [] });
      summarise(communes, nearestOffers(communes, packOffers(selected), 'site'), THRESHOLD);
    }, 5);
    // A type ticked off, as the page answers it: the selection from the catalogue's columns,
    // the engine's answers kept per type and merged, the summary and the département table.
    const engine = new NearestByKind(communes);
    engine.nearest(packOffers(selectOffers(structures, { types: null, stages: [] })), 'site');
    let toggled = 0;
    const typeOff = timeMedian(() => {
      const off = typeIds[toggled++ % typeIds.length];
      const types = typeIds.filter((t) => t !== off);
      const selected = selectOffers(structures, { types, stages: [] });
      const incomplete = incompleteDepartements(selected, config.expectations, types, config.departements);
      const nearest = engine.nearest(packOffers(selected), 'site');
      summarise(communes, nearest, THRESHOLD, incomplete);
      territoryTable(communes, nearest, selected, { groupBy: 'dept', thresholdKm: THRESHOLD, reading: 'site', incomplete });
    }, 5);
    let gapNote = '';
    const gap = timeMedian(() => {
      const g = gapArea(region, offers, 5, { reading: 'site', departements });
      gapNote = `5 km, grid of ${g.precision.cellKm} km cells, ${Math.round(g.gapAreaKm2)} km² ± ${g.precision.maxErrorKm2}`;
    }, 3);
    const label = n.toLocaleString('en-GB');
    rows.push(
      {
        group: GROUP,
        name: `${label}: coverage figures after a change (Node)`,
        value: ms(figures),
        note: 'selection + pack + nearest + summary, Occitanie communes',
      },
      {
        group: GROUP,
        name: `${label}: coverage figures after a type change (Node)`,
        value: ms(typeOff),
        ratio: `${(typeOff / figures).toFixed(2)}× a new search`,
        note: `selection + pack + answers kept per type, merged + summary + département table; ${typeIds.length} types, one ticked off`,
      },
      { group: GROUP, name: `${label}: gap area (Node)`, value: ms(gap), note: gapNote },
      {
        group: GROUP,
        name: `${label}: import rate (Node)`,
        value: `${Math.round(n / (importMs / 1000)).toLocaleString('en-GB')} rows/s`,
        note: `${Math.round(importMs)} ms, one run`,
      },
    );
  }
  return rows;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type MapWindow = {
  __maillageMap: {
    settled?: boolean;
    fitRegion(): void;
    map: {
      loaded(): boolean;
      isMoving(): boolean;
      areTilesLoaded(): boolean;
      panBy(offset: [number, number], options: { duration: number; easing?: (t: number) => number }): void;
      jumpTo(o: { center?: [number, number]; zoom: number }): void;
      once(event: string, fn: () => void): void;
      triggerRepaint(): void;
    };
  };
};

async function waitIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const c = (window as unknown as Partial<MapWindow>).__maillageMap;
      return !!c && c.settled !== false && c.map.loaded() && !c.map.isMoving() && c.map.areTilesLoaded();
    },
    undefined,
    { timeout: 600_000, polling: 50 },
  );
}

/** Median frame interval while the map pans for 2 s at region zoom. */
async function panFrame(page: Page): Promise<number> {
  await page.evaluate(() => (window as unknown as MapWindow).__maillageMap.fitRegion());
  await waitIdle(page);
  // A string, not a function: the bundler's helpers (__name) do not exist in the page.
  const frames = await page.evaluate<number[]>(`new Promise((done) => {
    const m = window.__maillageMap.map;
    const times = [];
    const tick = (t) => {
      times.push(t);
      if (times.length < 400 && t - times[0] < 2000) requestAnimationFrame(tick);
      else done(times.slice(1).map((x, i) => x - times[i]));
    };
    m.panBy([300, 120], { duration: 2000, easing: (t) => t });
    requestAnimationFrame(tick);
  })`);
  await waitIdle(page);
  return median(frames);
}

/** From a jump to zoom 11 until the map is idle again. */
async function zoomSettle(page: Page): Promise<number> {
  await page.evaluate(() => (window as unknown as MapWindow).__maillageMap.fitRegion());
  await waitIdle(page);
  const t0 = Date.now();
  // Returns nothing: jumpTo returns the map, which Playwright would serialise (seconds at
  // 150,000 points, counted as settle time until this was found).
  await page.evaluate(() => {
    (window as unknown as MapWindow).__maillageMap.map.jumpTo({ center: [1.444, 43.604], zoom: 11 });
  });
  await waitIdle(page);
  return Date.now() - t0;
}

const TYPE_ROUNDS = 8;

async function openTab(page: Page, id: string): Promise<void> {
  await page.locator(`#tab-${id}`).click();
}

/**
 * From a change in the coverage controls to the figures painted again: the figures' section
 * changes and says "ready" (after "computing" when the worker is asked: `shown`), then two
 * frames, the map's new colours included (`painted`).
 * The threshold goes from 30 to 20 km through its number field; `type` unticks the first type.
 */
async function timeFiguresAfter(page: Page, change: 'threshold' | 'type'): Promise<{ shown: number; painted: number }> {
  // A string, not a function: tsx's name helpers (`__name`) do not exist in the page.
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const figures = document.querySelector('[data-testid="coverage-figures"]');
    const frames = (shown) => requestAnimationFrame(() => requestAnimationFrame(() => resolve({ shown, painted: performance.now() - t })));
    const observer = new MutationObserver(() => {
      if (figures.getAttribute('data-state') !== 'ready') return;
      observer.disconnect();
      frames(performance.now() - t);
    });
    observer.observe(figures, { attributes: true, childList: true, subtree: true, characterData: true });
    setTimeout(() => reject(new Error('the coverage figures did not change within 60 s')), 60000);
    const t = performance.now();
    if (${JSON.stringify(change)} === 'threshold') {
      const input = document.querySelector('[data-testid="coverage-threshold-number"]');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, '20');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } else {
      document.querySelector('[data-testid^="coverage-type-"]').click();
    }
  })`)) as { shown: number; painted: number };
}

async function browserRows(): Promise<BenchRow[]> {
  const { inputs } = loadRegionInputs('occitanie');
  const dist = await benchBuild();
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const dir = mkdtempSync(join(tmpdir(), 'maillage-scale-'));
  const rows: BenchRow[] = [];
  try {
    for (const n of COUNTS) {
      const label = n.toLocaleString('en-GB');
      const file = join(dir, `scale-${n}.csv`);
      writeFileSync(file, generateRows(inputs.communes, n));
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
      const page = await context.newPage();
      await page.goto(server.url);
      await waitIdle(page);
      // The same page before the import: the reference for the ratios.
      const panBefore = await panFrame(page);
      const zoomBefore = await zoomSettle(page);

      await openTab(page, 'import');
      await page.waitForSelector('[data-testid="import-drop"] button:not([disabled])');
      // The page's longest task while it imports: whether it stays responsive.
      await page.evaluate(`(() => {
        window.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
        }).observe({ type: 'longtask' });
      })()`);
      const t0 = Date.now();
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-preview').waitFor({ timeout: 600_000 });
      const previewMs = Date.now() - t0;
      // Long tasks are reported once they end: the preview's own render included.
      await page.waitForTimeout(300);
      const longestTask = await page.evaluate<number>('window.__longest');
      await page.getByTestId('import-target-layer').check();
      await page.waitForSelector('[data-testid="import-commit"]:not([disabled])', { timeout: 600_000 });
      await page.evaluate('window.__longest = 0');
      const tc = Date.now();
      await page.getByTestId('import-commit').click();
      await page.getByTestId('import-done').waitFor({ timeout: 600_000 });
      await waitIdle(page);
      const commitMs = Date.now() - tc;
      await page.waitForTimeout(300);
      const commitLongest = await page.evaluate<number>('window.__longest');

      const panAfter = await panFrame(page);
      const zoomAfter = await zoomSettle(page);

      // Switch to the list: from the click to its first rows painted, timed in the page
      // (Playwright's own click, with its actionability checks, adds 50–150 ms here).
      await page.evaluate(() => {
        (window as unknown as { __t: number }).__t = performance.now();
        (document.querySelector('#tab-list') as HTMLElement).click();
      });
      await page.waitForSelector('[data-testid="structure-list"] [data-id]', { timeout: 600_000 });
      const listMs = await page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - (window as unknown as { __t: number }).__t))),
          ),
      );
      const rendered = await page.locator('[data-testid="structure-list"] [data-id]').count();
      const scrollMs = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const t = performance.now();
            const s = document.querySelector('[data-testid="structure-list-scroller"]');
            if (s) s.scrollTop = s.scrollHeight / 2;
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t)));
          }),
      );
      const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);

      // Coverage figures and gap area, from the tab switch.
      const t3 = Date.now();
      await openTab(page, 'coverage');
      await page.waitForSelector('[data-testid="coverage-gap-area"][aria-busy="false"]', { timeout: 600_000 });
      const coverageMs = Date.now() - t3;
      const gapText = await page.getByTestId('coverage-gap-area').innerText();
      // A change in the coverage tab, timed in the page until the figures are painted again.
      const thresholdMs = await timeFiguresAfter(page, 'threshold');
      // A type ticked off then on again, TYPE_ROUNDS times: one change varies by 2× here.
      const typeRounds: Array<{ shown: number; painted: number }> = [];
      for (let i = 0; i < TYPE_ROUNDS; i++) {
        typeRounds.push(await timeFiguresAfter(page, 'type'));
        await page.waitForTimeout(1000);
      }
      const typeShown = typeRounds.map((r) => r.shown);
      const typeMs = { shown: median(typeShown), painted: median(typeRounds.map((r) => r.painted)) };

      // The imported layer's downloads at that size, checked whole (one row or feature per structure).
      await openTab(page, 'import');
      const layer = page.getByTestId('import-layer');
      const downloaded = async (format: 'CSV' | 'GeoJSON') => {
        const t = Date.now();
        const [file] = await Promise.all([
          page.waitForEvent('download', { timeout: 600_000 }),
          layer.getByRole('button', { name: format, exact: true }).click(),
        ]);
        const text = readFileSync(await file.path(), 'utf8');
        return { ms: Date.now() - t, text };
      };
      const csv = await downloaded('CSV');
      const csvRows =
        csv.text
          .replace(/^\uFEFF/, '')
          .trimEnd()
          .split(/\r?\n/).length - 1;
      const geojson = await downloaded('GeoJSON');
      const features = (JSON.parse(geojson.text) as FeatureCollection).features.length;
      if (csvRows !== n || features !== n) throw new Error(`layer downloads at ${label}: ${csvRows} CSV rows, ${features} features`);
      await context.close();

      rows.push(
        {
          group: GROUP,
          name: `${label}: pan at region zoom, median frame`,
          value: ms(panAfter),
          ratio: `${(panAfter / panBefore).toFixed(2)}× without`,
          note: `${ms(panBefore)} before the import, same page`,
        },
        {
          group: GROUP,
          name: `${label}: jump to zoom 11 until idle`,
          value: ms(zoomAfter),
          ratio: `${(zoomAfter / zoomBefore).toFixed(2)}× without`,
          note: `${ms(zoomBefore)} before the import`,
        },
        {
          group: GROUP,
          name: `${label}: import preview in the page`,
          value: ms(previewMs),
          note: `${Math.round(n / (previewMs / 1000)).toLocaleString('en-GB')} rows/s, file chosen → preview; longest task of the page meanwhile ${ms(longestTask)}`,
        },
        {
          group: GROUP,
          name: `${label}: import as a layer, until the map is still`,
          value: ms(commitMs),
          note: `click → saved in the browser, drawn and still; longest task of the page meanwhile ${ms(commitLongest)}`,
        },
        {
          group: GROUP,
          name: `${label}: switch to the list tab`,
          value: ms(listMs),
          note: `${rendered} rows in the DOM, heap ${(heap / 1024 / 1024).toFixed(0)} MB after`,
        },
        { group: GROUP, name: `${label}: scroll the list to its middle`, value: ms(scrollMs) },
        {
          group: GROUP,
          name: `${label}: download the imported layer`,
          value: `${ms(csv.ms)} CSV, ${ms(geojson.ms)} GeoJSON`,
          note: `click → file saved; ${csvRows.toLocaleString('en-GB')} rows and ${features.toLocaleString('en-GB')} features, checked`,
        },
        {
          group: GROUP,
          name: `${label}: coverage figures after a change`,
          value: `${ms(thresholdMs.shown)} threshold, ${ms(typeMs.shown)} type`,
          note:
            `change → figures in the page; painted with the map: ${ms(thresholdMs.painted)}, ${ms(typeMs.painted)}. ` +
            'Threshold 30 → 20 km (figures from the distances already known), then one type off and on again ' +
            `(in the worker, the answers kept per type, merged): median of ${TYPE_ROUNDS}, ${ms(Math.min(...typeShown))}–${ms(Math.max(...typeShown))}`,
        },
        {
          group: GROUP,
          name: `${label}: coverage figures and gap area`,
          value: ms(coverageMs),
          note: `tab switch → gap area shown: ${gapText.replace(/\s+/g, ' ')}`,
        },
      );
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const which = process.env.BENCH_SCALE ?? 'all';
  return [...(which !== 'browser' ? nodeRows() : []), ...(which !== 'node' ? await browserRows() : [])];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.BENCH_SCALE ??= process.argv[2] ?? 'all';
  for (const row of await run()) console.log(`${row.name}: ${row.value} ${row.ratio ?? ''} ${row.note ?? ''}`);
  process.exit(0);
}
