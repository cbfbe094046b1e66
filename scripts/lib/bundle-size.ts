import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { communeTilePath, viewTiles } from '../../src/domain/tiles';
import type { Manifest, RegionConfig } from '../../src/domain/types';

/**
 * What a first visit downloads, measured on a build folder: the JavaScript and
 * CSS an HTML entry loads before anything is clicked (its <script>, <link
 * rel=modulepreload|stylesheet> and the static imports of those scripts, but
 * not `import()`ed lazy parts), MapLibre's worker, the web component module,
 * and a region's data files. Sizes are gzip level 6, like a web server's.
 */

export interface Measure {
  id: string;
  label: string;
  /** Files counted, relative to the build folder (or to public/data for data). */
  files: string[];
  bytes: number;
  gzip: number;
}

export interface BudgetConfig {
  /** Budgets in KB of gzip (1 KB = 1024 bytes), by measure id; `data-*` ids use `data-region`, `first-paint-*` ones `first-paint-data`. */
  budgetsKB: Record<string, number>;
  /** Files a first visit loads from public/data/<region>/ (src/data/load-region.ts), plus regions.json. */
  initialDataFiles: string[];
}

export interface Verdict extends Measure {
  budgetKB: number | null;
  ok: boolean;
}

export const gzipSize = (buf: Buffer | string): number => gzipSync(buf, { level: 6 }).length;

function sizes(root: string, files: string[]): { bytes: number; gzip: number } {
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const buf = readFileSync(join(root, file));
    bytes += buf.length;
    gzip += gzipSize(buf);
  }
  return { bytes, gzip };
}

/** URLs of the scripts and stylesheets an HTML page loads up front (relative ones only). */
export function htmlAssets(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
    if (/^<script/i.test(tag)) {
      const src = attr('src');
      if (src) scripts.push(src);
    } else {
      const rel = attr('rel')?.toLowerCase();
      const href = attr('href');
      if (!href || href.startsWith('data:')) continue;
      if (rel === 'stylesheet') styles.push(href);
      else if (rel === 'modulepreload') scripts.push(href);
    }
  }
  const local = (u: string) => !/^[a-z]+:|^\/\//i.test(u);
  return { scripts: scripts.filter(local), styles: styles.filter(local) };
}

/**
 * Relative modules a (minified) ES module imports statically:
 * `import"./a.js"`, `import{x}from"./a.js"`, `export*from"./a.js"`.
 * `import("./lazy.js")` is left out on purpose: lazy parts are not initial.
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+?\.m?js)["']/g;
  for (const m of code.matchAll(pattern)) found.add(m[1]!);
  return [...found];
}

/** A module and everything it imports statically, as paths relative to root. */
export function jsClosure(root: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(root, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    const rel = relative(root, file);
    if (seen.has(rel) || !existsSync(file)) continue;
    seen.add(rel);
    for (const imp of staticImports(readFileSync(file, 'utf8'))) queue.push(resolve(dirname(file), imp));
  }
  return [...seen].sort();
}

function measureHtmlEntry(dist: string, html: string, id: string, label: string): Measure[] {
  const page = join(dist, html);
  if (!existsSync(page)) return [];
  const base = dirname(page);
  const { scripts, styles } = htmlAssets(readFileSync(page, 'utf8'));
  const toRel = (u: string) => relative(dist, resolve(base, u.split(/[?#]/)[0]!.replace(/^\//, '')));
  const js = jsClosure(dist, scripts.map(toRel));
  const css = styles.map(toRel).filter((f) => existsSync(join(dist, f)));
  return [
    { id: `${id}-js`, label: `${label}: initial JavaScript`, files: js, ...sizes(dist, js) },
    { id: `${id}-css`, label: `${label}: initial CSS`, files: css, ...sizes(dist, css) },
  ];
}

function findFiles(dir: string, test: (name: string) => boolean, root = dir): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findFiles(path, test, root));
    else if (test(entry.name)) out.push(relative(root, path));
  }
  return out.sort();
}

/** Every measure available in a build folder; parts that were not built are simply absent. */
export function measureBuild(dist: string): Measure[] {
  const out: Measure[] = [];
  out.push(...measureHtmlEntry(dist, 'index.html', 'app', 'App (index.html)'));
  // MapLibre's worker: fetched as soon as a map starts, by the app and the embeds.
  const workers = findFiles(join(dist, 'assets'), (n) => /^maplibre-gl-worker.*\.m?js$/.test(n)).map((f) => join('assets', f));
  if (workers.length > 0) out.push({ id: 'map-worker', label: 'MapLibre worker', files: workers, ...sizes(dist, workers) });
  const sw = ['sw.js', ...findFiles(dist, (n) => /^workbox-[\w-]+\.js$/.test(n)).filter((f) => !f.includes('/'))].filter((f) => existsSync(join(dist, f)));
  if (existsSync(join(dist, 'sw.js'))) out.push({ id: 'service-worker', label: 'Service worker + Workbox', files: sw, ...sizes(dist, sw) });
  out.push(...measureHtmlEntry(dist, 'embed.html', 'embed-page', 'Embed page (embed.html)'));
  const component = findFiles(dist, (n) => n === 'maillage-map.js')[0];
  if (component) {
    const files = jsClosure(dist, [component]);
    out.push({ id: 'embed-component-js', label: `Web component (${component})`, files, ...sizes(dist, files) });
  }
  return out;
}

/** Regions built in dataDir (public/data): the folders with a manifest. */
function builtRegions(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dataDir, e.name, 'manifest.json')))
    .map((e) => e.name)
    .sort();
}

/** One measure per region: the given files of its folder plus regions.json (the header's region list). */
function measureRegionFiles(dataDir: string, regionFiles: readonly string[], id: string, label: (region: string) => string): Measure[] {
  return builtRegions(dataDir).map((region) => {
    const files = [...regionFiles.map((f) => `${region}/${f}`), 'regions.json'].filter((f) => existsSync(join(dataDir, f)));
    return { id: `${id}-${region}`, label: label(region), files, ...sizes(dataDir, files) };
  });
}

/**
 * The map’s size on a laptop (1280 × 800: the page less its header and side panel, measured;
 * Occitanie is framed there at zoom 6.89, as MapLibre gives it), where
 * the overview's commune tiles are counted: a first visit downloads those of its zoom.
 */
export const OVERVIEW_MAP = { width: 900, height: 752, padding: 12 };

/** The zoom MapLibre frames bounds at in a map of this size (512-pixel tiles, Web Mercator), as `fitBounds` does. */
export function fitZoom(bounds: readonly [number, number, number, number], map: { width: number; height: number; padding: number }): number {
  const x = (lon: number) => (lon + 180) / 360;
  const y = (lat: number) => {
    const rad = (lat * Math.PI) / 180;
    return (1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2;
  };
  const dx = x(bounds[2]) - x(bounds[0]);
  const dy = y(bounds[1]) - y(bounds[3]);
  return Math.min(Math.log2((map.width - 2 * map.padding) / (512 * dx)), Math.log2((map.height - 2 * map.padding) / (512 * dy)));
}

/** The commune tiles the overview of a region draws (its configured bounds framed in OVERVIEW_MAP), as files of its folder. */
export function overviewTileFiles(dataDir: string, region: string): string[] {
  const manifestFile = join(dataDir, region, 'manifest.json');
  const configFile = join(dataDir, region, 'config.json');
  if (!existsSync(manifestFile) || !existsSync(configFile)) return [];
  const pyramid = (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest).communeTiles;
  if (!pyramid?.version) return [];
  const [[west, south], [east, north]] = (JSON.parse(readFileSync(configFile, 'utf8')) as Pick<RegionConfig, 'bounds'>).bounds;
  const bounds: [number, number, number, number] = [west, south, east, north];
  return viewTiles(pyramid, bounds, fitZoom(bounds, OVERVIEW_MAP))
    .map(([z, x, y]) => `${region}/${communeTilePath(pyramid.version, z, x, y)}`)
    .filter((f) => existsSync(join(dataDir, f)));
}

/** First-visit data of each region built in dataDir (public/data): its files, and the commune tiles of its overview. */
export function measureData(dataDir: string, initialFiles: string[]): Measure[] {
  return measureRegionFiles(dataDir, initialFiles, 'data', (region) => `Data, first visit (${region})`).map((m) => {
    const region = m.id.slice('data-'.length);
    const files = [...m.files, ...overviewTileFiles(dataDir, region)];
    return { ...m, files, ...sizes(dataDir, files) };
  });
}

/** The data each region's first view needs before the map's first paint (src/data/first-view.ts): one line per region. */
export function measureFirstPaintData(dataDir: string, firstViewFiles: readonly string[]): Measure[] {
  return measureRegionFiles(dataDir, firstViewFiles, 'first-paint', (region) => `data before first paint (${region})`);
}

/**
 * Each region's commune tiles, all of them: the map downloads those of its view, and after
 * a first visit the service worker keeps the whole pyramid for offline use
 * (src/offline/register-sw.ts). Not budgeted: informative.
 */
export function measureCommuneTiles(dataDir: string): Measure[] {
  return builtRegions(dataDir).flatMap((region) => {
    const dir = join(dataDir, region, 'tiles');
    if (!existsSync(dir)) return [];
    const files = findFiles(dir, (n) => n.endsWith('.pbf')).map((f) => join(region, 'tiles', f));
    return [{ id: `tiles-${region}`, label: `commune tiles, all ${files.length} (${region})`, files, ...sizes(dataDir, files) }];
  });
}

export function budgetFor(id: string, config: BudgetConfig): number | null {
  if (config.budgetsKB[id] !== undefined) return config.budgetsKB[id];
  if (id.startsWith('data-')) return config.budgetsKB['data-region'] ?? null;
  if (id.startsWith('first-paint-')) return config.budgetsKB['first-paint-data'] ?? null;
  return null;
}

export function judge(measures: Measure[], config: BudgetConfig): Verdict[] {
  return measures.map((m) => {
    const budgetKB = budgetFor(m.id, config);
    return { ...m, budgetKB, ok: budgetKB === null || m.gzip <= budgetKB * 1024 };
  });
}

/**
 * Budgeted measures a build did not produce (`data-region` stands for every region):
 * a part that went missing must fail the size check, not pass it unmeasured.
 *
 * @example missingMeasures([{ id: 'app-js', … }], { budgetsKB: { 'app-js': 1, 'map-worker': 1 }, … }) // ['map-worker']
 */
export function missingMeasures(measures: Measure[], config: BudgetConfig): string[] {
  const measured = new Set(measures.map((m) => m.id));
  const family: Record<string, string> = { 'data-region': 'data-', 'first-paint-data': 'first-paint-' };
  return Object.keys(config.budgetsKB).filter((id) => (family[id] ? !measures.some((m) => m.id.startsWith(family[id]!)) : !measured.has(id)));
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
