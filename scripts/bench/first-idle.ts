// Time from navigation to the first idle map in headless Chromium (software
// WebGL), on a production build served from loopback: first visit (empty
// cache, no service worker) and repeat visit (shell and data from the service
// worker). Median of 3 each. Plus the data a first visit downloads, from the manifest.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { ROOT } from '../lib/build-app';
import { benchBuild } from '../lib/bench-app';
import { serveStatic } from '../lib/static-server';
import { kb, ms, type BenchRow } from './types';
import { launchChromium } from '../lib/chromium';

const RUNS = 3;

/** Milliseconds since navigation start when the map is loaded, drawn and still (as the e2e driver waits). */
async function idleAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const ready = document.querySelector('[data-testid="map"][data-ready="true"]');
      const c = (window as unknown as { __maillageMap?: { settled?: boolean; map: { loaded(): boolean; isMoving(): boolean; areTilesLoaded(): boolean } } })
        .__maillageMap;
      const idle = !!ready && !!c && c.settled !== false && c.map.loaded() && !c.map.isMoving() && c.map.areTilesLoaded();
      return idle ? performance.now() : false;
    },
    undefined,
    { timeout: 120_000, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(browser: Browser, url: string): Promise<{ first: number[]; repeat: number[] }> {
  const first: number[] = [];
  const repeat: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(url);
    first.push(await idleAt(page));
    // Repeat visit: once the service worker holds the shell and the data.
    await page.waitForSelector('html[data-offline="ready"]', { state: 'attached', timeout: 120_000 }).catch(() => undefined);
    await page.reload();
    repeat.push(await idleAt(page));
    await context.close();
  }
  return { first, repeat };
}

export async function run(): Promise<BenchRow[]> {
  const dist = await benchBuild();
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const rows: BenchRow[] = [];
    for (const region of ['occitanie', 'pays-de-la-loire']) {
      const url = region === 'occitanie' ? server.url : `${server.url}?region=${region}`;
      const { first, repeat } = await measure(browser, url);
      const manifest = JSON.parse(readFileSync(resolve(ROOT, `public/data/${region}/manifest.json`), 'utf8')) as {
        counts: Record<string, number>;
        sizes: Record<string, { bytes: number; gzip: number }>;
      };
      const dataGzip = Object.values(manifest.sizes).reduce((sum, s) => sum + s.gzip, 0);
      rows.push(
        {
          group: 'first map idle',
          name: `${region}: first visit`,
          value: ms(median(first)),
          note: `median of ${RUNS} (${first.map((t) => t.toFixed(0)).join(', ')} ms), headless Chromium, software WebGL, loopback`,
        },
        {
          group: 'first map idle',
          name: `${region}: repeat visit`,
          value: ms(median(repeat)),
          ratio: `${(median(repeat) / median(first)).toFixed(2)}× the first visit`,
          note: 'shell and data from the service worker; on loopback the gain is small (parse and draw dominate), it grows with a slow network',
        },
        {
          group: 'first map idle',
          name: `${region}: data downloaded`,
          value: kb(dataGzip),
          note: `gzip, ${manifest.counts.communes ?? '?'} communes, ${manifest.counts.structures ?? '?'} structures (manifest.json sizes)`,
        },
      );
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}
