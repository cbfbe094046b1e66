// The first view, timed in headless Chromium (software WebGL) on production builds
// served from loopback as a static host would (scripts/lib/static-server.ts: brotli,
// immutable hashed files, ETag), for this working tree and for a previous build
// (BENCH_PREVIOUS, default HEAD~1) in the same run, turn about:
//
// - "first useful paint": the map is drawn with the outline, the départements and the
//   structures, and still (its first idle); what a visitor needs to start;
// - "idle": the map is complete and still: the commune list is in (search works) and the
//   communes are drawn (the `data-communes` mark; since the commune tiles, the contours
//   GeoJSON for coverage and imports comes after it, and is not waited for); for a build
//   that loads everything before drawing, both are the same moment;
// - the bytes transferred before the first useful paint (Resource Timing transferSize,
//   headers included), all of them and those of the data (data/…) the first paint waited
//   for, to set beside the "data before first paint" line of `npm run size` (bodies only),
//   the commune tiles MapLibre's worker fetched included (seen through Playwright: they are
//   not in the page's Resource Timing);
//   the commune list, contours and the first view's commune tiles (fetched ahead by the page),
//   which download while the map starts, are counted apart.
//
// Profiles: "4G" (150 ms RTT, 1.6 Mbps down, 750 kbps up, through CDP
// Network.emulateNetworkConditions; CPU slowed 4× through Emulation.setCPUThrottlingRate)
// and "plain" (loopback, no slowdown). First visit: a new context (empty cache, no service
// worker); repeat visit: a reload once the service worker holds the shell.
// BENCH_RUNS (default 3) runs each, median; BENCH_REGIONS (default both) and
// BENCH_PROFILES (default "4g,plain") narrow the run.
import { type Browser, type Page } from 'playwright-core';
import { benchBuild } from '../lib/bench-app';
import { previousBuild } from '../lib/bench-previous';
import { serveStatic, type StaticServer } from '../lib/static-server';
import { kb, type BenchRow } from './types';
import { LATER_FILES } from '../../src/data/first-view';
import { launchChromium } from '../lib/chromium';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REGIONS = (process.env.BENCH_REGIONS ?? 'occitanie,pays-de-la-loire').split(',');

interface Profile {
  name: string;
  label: string;
  network: { latency: number; downloadThroughput: number; uploadThroughput: number } | null;
  cpu: number;
}

const PROFILES: Profile[] = [
  {
    name: '4g',
    label: '4G (150 ms RTT, 1.6 Mbps down), CPU 4× slower',
    network: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
    cpu: 4,
  },
  { name: 'plain', label: 'loopback, no slowdown', network: null, cpu: 1 },
].filter((p) => (process.env.BENCH_PROFILES ?? '4g,plain').split(',').includes(p.name));

export interface Visit {
  /** ms since navigation start: map drawn with the structures, and still. */
  paint: number;
  /** ms since navigation start: everything in (commune contours too), and still. */
  idle: number;
  /** Bytes transferred (headers included) by responses finished before `paint`: all, and data/ only. */
  bytesBeforePaint: number;
  dataBeforePaint: number;
  /** Of `dataBeforePaint`, the commune list, contours (LATER_FILES) and commune tiles: downloaded while the map starts, not waited for. */
  laterBeforePaint: number;
  /** `dataBeforePaint` less `laterBeforePaint`: the data the first paint waited for. */
  firstViewData: number;
  /** Bytes transferred until `idle`. */
  bytesTotal: number;
}

/**
 * Waits for the first useful paint, then for idle, in the page; times are the page's own
 * (performance.now(), since navigation start). A build without the `data-communes` mark
 * (before the first view was split) loads everything before drawing: its idle is its paint.
 */
async function measureVisit(page: Page, workerFetched: readonly WorkerResponse[]): Promise<Visit> {
  // Page-side code as strings: tsx's name helpers (`__name`) do not exist in the page.
  const still = `(() => {
    const el = document.querySelector('[data-testid="map"]');
    const c = window.__maillageMap;
    return el?.getAttribute('data-ready') === 'true' && !!c && c.settled !== false && c.map.loaded() && !c.map.isMoving() && c.map.areTilesLoaded();
  })()`;
  const complete = `(() => {
    const mark = document.querySelector('[data-testid="map"]')?.getAttribute('data-communes');
    return mark === null || mark === 'true';
  })()`;
  const at = async (condition: string) =>
    (await (await page.waitForFunction(`${condition} && performance.now()`, undefined, { timeout: 180_000, polling: 25 })).jsonValue()) as number;
  // A build whose test hook notes the moment of its first view (`firstViewAt`) is read from
  // it: it starts drawing the communes right then, which ends that stillness before a poll
  // can see it. Older builds are polled.
  const paint = (await (
    await page.waitForFunction(`(window.__maillageMap && window.__maillageMap.firstViewAt) || (${still} && performance.now())`, undefined, {
      timeout: 180_000,
      polling: 25,
    })
  ).jsonValue()) as number;
  const idle = await at(`${still} && ${complete}`);
  // A string, not a function: tsx's name helpers (`__name`) do not exist in the page.
  const bytes = (await page.evaluate(`(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    // Commune tiles are counted from the browser's own requests below (the map's worker fetches them).
    const sum = (keep) => entries.filter((e) => !/\\.pbf$/.test(e.name) && keep(e)).reduce((n, e) => n + e.transferSize, 0);
    return {
      bytesBeforePaint: sum((e) => e.responseEnd <= ${paint}),
      dataBeforePaint: sum((e) => e.responseEnd <= ${paint} && /\\/data\\//.test(e.name)),
      laterBeforePaint: sum((e) => e.responseEnd <= ${paint} && ${JSON.stringify(LATER_FILES)}.some((f) => e.name.endsWith('/' + f))),
      bytesTotal: sum((e) => e.responseEnd <= ${idle}),
    };
  })()`)) as Pick<Visit, 'bytesBeforePaint' | 'dataBeforePaint' | 'laterBeforePaint' | 'bytesTotal'>;
  // What MapLibre's worker fetched (the commune tiles) is not in the page's Resource Timing.
  const origin = (await page.evaluate('performance.timeOrigin')) as number;
  const fetched = (until: number) => workerFetched.filter((r) => r.end >= origin && r.end - origin <= until).reduce((n, r) => n + r.bytes, 0);
  bytes.bytesBeforePaint += fetched(paint);
  bytes.dataBeforePaint += fetched(paint);
  // Tiles in before the first paint were fetched ahead for the communes drawn after it: not waited for.
  bytes.laterBeforePaint += fetched(paint);
  bytes.bytesTotal += fetched(idle);
  return { paint, idle, ...bytes, firstViewData: bytes.dataBeforePaint - bytes.laterBeforePaint };
}

/** A response to MapLibre's worker: when it ended (epoch ms) and its bytes (headers and encoded body). */
interface WorkerResponse {
  end: number;
  bytes: number;
}

/**
 * Collects the responses to the commune tiles' requests: MapLibre's worker makes them (out of
 * the page's Resource Timing), and the page fetches those of the first view ahead of it.
 */
function collectWorkerResponses(page: Page): WorkerResponse[] {
  const responses: WorkerResponse[] = [];
  page.on('requestfinished', (request) => {
    // Versioned tile folders (tiles/<version>/…) or, in a build from before them, none.
    if (!/\/tiles\/(?:[0-9a-f]{12}\/)?\d+\/\d+\/\d+\.pbf$/.test(new URL(request.url()).pathname)) return;
    const finished = Date.now();
    void request
      .sizes()
      .then((size) => {
        // Playwright's timing: start since the epoch, end since the start (the same clock as
        // the page's timeOrigin); when the event reaches us if it has none.
        const timing = request.timing();
        const end = timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : finished;
        responses.push({ end, bytes: size.responseBodySize + size.responseHeadersSize });
      })
      .catch(() => undefined);
  });
  return responses;
}

async function visits(browser: Browser, url: string, profile: Profile): Promise<{ first: Visit; repeat: Visit }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
    if (profile.cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    const workerFetched = collectWorkerResponses(page);
    await page.goto(url, { waitUntil: 'commit' });
    const first = await measureVisit(page, workerFetched);
    // Repeat visit: once the service worker holds the shell (data stay network-first, revalidated).
    await page.waitForSelector('html[data-offline="ready"]', { state: 'attached', timeout: 300_000 }).catch(() => undefined);
    await page.reload({ waitUntil: 'commit' });
    const repeat = await measureVisit(page, workerFetched);
    return { first, repeat };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const s = (value: number) => `${(value / 1000).toFixed(2)} s`;

export async function run(): Promise<BenchRow[]> {
  const current = await benchBuild();
  const previous = previousBuild();
  const servers: Array<{ name: string; server: StaticServer }> = [{ name: 'current', server: await serveStatic(current) }];
  if ('dist' in previous) servers.push({ name: 'previous', server: await serveStatic(previous.dist) });
  const browser = await launchChromium();
  try {
    const rows: BenchRow[] = [];
    if ('error' in previous) rows.push({ group: 'first view', name: 'previous build', value: 'not measured', note: previous.error });
    const against = 'dist' in previous ? `${previous.ref} (${previous.sha.slice(0, 8)})` : '';
    for (const profile of PROFILES) {
      for (const region of REGIONS) {
        const results = new Map<string, Array<{ first: Visit; repeat: Visit }>>();
        // Builds alternate run by run, so a slower moment of the machine hits both alike.
        for (let i = 0; i < RUNS; i++) {
          for (const { name, server } of servers) {
            const url = region === 'occitanie' ? server.url : `${server.url}?region=${region}`;
            const list = results.get(name) ?? [];
            list.push(await visits(browser, url, profile));
            results.set(name, list);
          }
        }
        const pick = (build: string, visit: 'first' | 'repeat', key: keyof Visit) => median((results.get(build) ?? []).map((r) => r[visit][key]));
        const group = `first view, ${profile.name}`;
        const ratio = (visit: 'first' | 'repeat', key: keyof Visit, format: (n: number) => string) =>
          results.has('previous')
            ? `${(pick('current', visit, key) / pick('previous', visit, key)).toFixed(2)}× previous (${format(pick('previous', visit, key))})`
            : undefined;
        const runs = (visit: 'first' | 'repeat', key: keyof Visit) => (results.get('current') ?? []).map((r) => (r[visit][key] / 1000).toFixed(1)).join(', ');
        for (const visit of ['first', 'repeat'] as const) {
          rows.push(
            {
              group,
              name: `${region}: ${visit} visit, first useful paint`,
              value: s(pick('current', visit, 'paint')),
              ratio: ratio(visit, 'paint', s),
              note: `median of ${RUNS} (${runs(visit, 'paint')} s); outline, départements and structures drawn, map still; ${profile.label}`,
            },
            {
              group,
              name: `${region}: ${visit} visit, idle`,
              value: s(pick('current', visit, 'idle')),
              ratio: ratio(visit, 'idle', s),
              note:
                `median of ${RUNS} (${runs(visit, 'idle')} s); commune list in, communes drawn, map still` +
                (visit === 'repeat' ? `; ${(pick('current', 'repeat', 'idle') / pick('current', 'first', 'idle')).toFixed(2)}× the first visit` : ''),
            },
          );
        }
        rows.push(
          {
            group,
            name: `${region}: data before first paint`,
            value: kb(pick('current', 'first', 'firstViewData')),
            ratio: ratio('first', 'firstViewData', kb),
            note:
              'first visit, data/ responses finished before the first useful paint (transferSize: brotli bodies and headers), ' +
              `the commune list, contours and commune tiles left out: ${kb(pick('current', 'first', 'laterBeforePaint'))} of them were in by then, downloaded while the map started`,
          },
          {
            group,
            name: `${region}: all bytes before first paint`,
            value: kb(pick('current', 'first', 'bytesBeforePaint')),
            ratio: ratio('first', 'bytesBeforePaint', kb),
            note: `first visit, page, code and data; ${kb(pick('current', 'first', 'bytesTotal'))} until idle${against ? `; previous = ${against}` : ''}`,
          },
        );
      }
    }
    return rows;
  } finally {
    await browser.close();
    for (const { server } of servers) await server.close();
  }
}
