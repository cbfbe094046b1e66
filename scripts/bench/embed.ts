// The embeds next to the full app: what a first visit downloads (gzip JS+CSS
// of the iframe page and of the web component module, lazy parts excluded) and
// the time to the first idle map in headless Chromium (software WebGL,
// loopback), the embeds being loaded by a partner page on another origin.
import { resolve } from 'node:path';
import { type Browser, type Frame, type Page } from 'playwright-core';
import { ROOT } from '../lib/build-app';
import { benchBuild } from '../lib/bench-app';
import { kib, measureBuild, type Measure } from '../lib/bundle-size';
import { serveStatic } from '../lib/static-server';
import { ms, type BenchRow } from './types';
import { launchChromium } from '../lib/chromium';

const RUNS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Epoch milliseconds when the map of this page or frame is loaded, drawn and still. */
async function idleEpoch(target: Page | Frame): Promise<number> {
  const handle = await target.waitForFunction(
    () => {
      const c = (window as unknown as { __maillageMap?: { map: { loaded(): boolean; isMoving(): boolean; areTilesLoaded(): boolean } } }).__maillageMap;
      const idle = !!c && c.map.loaded() && !c.map.isMoving() && c.map.areTilesLoaded();
      return idle ? performance.timeOrigin + performance.now() : false;
    },
    undefined,
    { timeout: 120_000, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

type Scenario = { name: string; url: string; frame?: boolean };

/** Time from the page's navigation start to the first idle map (in its frame, for the iframe), first visits. */
async function firstIdle(browser: Browser, scenario: Scenario): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(scenario.url);
    const start = await page.evaluate(() => performance.timeOrigin);
    let target: Page | Frame = page;
    if (scenario.frame) {
      const handle = await page.waitForSelector('#map');
      target = (await handle.contentFrame())!;
    }
    times.push((await idleEpoch(target)) - start);
    await context.close();
  }
  return times;
}

const sum = (measures: Measure[], ids: string[]) => measures.filter((m) => ids.includes(m.id)).reduce((a, m) => a + m.gzip, 0);

export async function run(): Promise<BenchRow[]> {
  const dist = await benchBuild();
  const measures = measureBuild(dist);
  const app = sum(measures, ['app-js', 'app-css']);
  const page = sum(measures, ['embed-page-js', 'embed-page-css']);
  const component = sum(measures, ['embed-component-js']);
  const rows: BenchRow[] = [
    { group: 'embed size (gzip)', name: 'full app: index.html JS+CSS', value: kib(app), note: 'baseline; MapLibre worker and data not counted' },
    {
      group: 'embed size (gzip)',
      name: 'iframe page: embed.html JS+CSS',
      value: kib(page),
      ratio: `${(page / app).toFixed(2)}× the app`,
      note: 'lazy parts (coverage, partner file parser) load only when asked',
    },
    {
      group: 'embed size (gzip)',
      name: 'web component: embed/maillage-map.js',
      value: kib(component),
      ratio: `${(component / app).toFixed(2)}× the app`,
      note: 'its CSS is inside the module (Shadow DOM); static imports included',
    },
  ];

  // The app allows partner pages to load the module (CORS), as a deployment must (docs/embed.md).
  const appServer = await serveStatic(dist, { headers: { 'access-control-allow-origin': '*' } });
  const hostServer = await serveStatic(resolve(ROOT, 'test/e2e/host-pages'));
  const browser = await launchChromium();
  try {
    const q = (params: Record<string, string>) => new URLSearchParams({ app: appServer.url, w: '1000px', h: '600px', ...params }).toString();
    const scenarios: Scenario[] = [
      { name: 'full app (index.html)', url: appServer.url },
      { name: 'iframe page alone (embed.html)', url: `${appServer.url}embed.html` },
      { name: 'iframe in a partner page', url: `${hostServer.url}iframe.html?${q({ q: '' })}`, frame: true },
      { name: 'web component in a partner page', url: `${hostServer.url}component.html?${q({})}` },
    ];
    let baseline = 0;
    for (const scenario of scenarios) {
      const times = await firstIdle(browser, scenario);
      const m = median(times);
      if (!baseline) baseline = m;
      rows.push({
        group: 'embed first idle',
        name: scenario.name,
        value: ms(m),
        ratio: scenario === scenarios[0] ? undefined : `${(m / baseline).toFixed(2)}× the app`,
        note: `median of ${RUNS} first visits (${times.map((t) => t.toFixed(0)).join(', ')} ms), Occitanie, software WebGL, loopback`,
      });
    }
    return rows;
  } finally {
    await browser.close();
    await appServer.close();
    await hostServer.close();
  }
}
