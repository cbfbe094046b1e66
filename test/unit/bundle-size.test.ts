import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  htmlAssets,
  jsClosure,
  judge,
  measureBuild,
  measureCommuneTiles,
  fitZoom,
  measureData,
  measureFirstPaintData,
  missingMeasures,
  staticImports,
  type BudgetConfig,
} from '../../scripts/lib/bundle-size';

describe('htmlAssets', () => {
  it('finds the entry script, module preloads and stylesheets, not icons or remote URLs', () => {
    const html = `<link rel="icon" href="data:image/svg+xml,x"><script type="module" crossorigin src="./assets/main-1.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/chunk-2.js"><link rel="stylesheet" href="./assets/main-3.css">
      <script src="https://cdn.example.org/x.js"></script><script>inline()</script>`;
    expect(htmlAssets(html)).toEqual({ scripts: ['./assets/main-1.js', './assets/chunk-2.js'], styles: ['./assets/main-3.css'] });
  });
});

describe('staticImports', () => {
  it('keeps static imports and re-exports of minified code, never import()', () => {
    const code =
      'import{n as e}from"./rolldown-runtime.js";import"./side.js";export*from"./re.js";' +
      'const x=()=>import("./lazy.js");import {a, b as c} from "./spaced.js";var y="./not-an-import.js"';
    expect(staticImports(code).sort()).toEqual(['./re.js', './rolldown-runtime.js', './side.js', './spaced.js']);
  });
});

/**
 * Deterministic noise (an LCG's high bytes): deflate cannot shrink it, so zlib stores it
 * in one stored block and a file of n bytes gzips to exactly n + 23 bytes (RFC 1952:
 * 10-byte header, 8-byte trailer; RFC 1951: 5 bytes for the stored block's header).
 */
function noise(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}
const GZIP_STORED_OVERHEAD = 23;

/** The initial JavaScript of the fixture build: path → content (a statement, then a comment of noise). */
const INITIAL_JS: Record<string, Buffer> = {
  'assets/main.js': Buffer.concat([Buffer.from('import{a}from"./shared.js";const l=()=>import("./lazy.js");a(l)/*'), noise(1500, 1)]),
  'assets/shared.js': Buffer.concat([Buffer.from('import"./deep.js";export const a=f=>f/*'), noise(700, 2)]),
  'assets/deep.js': Buffer.concat([Buffer.from('console.log(1)/*'), noise(300, 3)]),
};

function fixtureBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'size-'));
  mkdirSync(join(dist, 'assets'));
  const write = (file: string, text: string | Buffer) => writeFileSync(join(dist, file), text);
  write('index.html', '<script type="module" src="./assets/main.js"></script><link rel="stylesheet" href="./assets/main.css">');
  for (const [file, content] of Object.entries(INITIAL_JS)) write(file, content);
  write('assets/lazy.js', 'x'.repeat(5000));
  write('assets/main.css', 'body{color:red}');
  write('assets/maplibre-gl-worker-abc.mjs', 'self.onmessage=()=>{}');
  return dist;
}

describe('measureBuild', () => {
  it('counts an entry and its static imports, not lazy chunks, and skips parts not built', () => {
    const dist = fixtureBuild();
    expect(jsClosure(dist, ['assets/main.js'])).toEqual(['assets/deep.js', 'assets/main.js', 'assets/shared.js']);
    const measures = measureBuild(dist);
    // No embed.html, no web component, no service worker in this build: no such measure.
    expect(measures.map((m) => m.id)).toEqual(['app-js', 'app-css', 'map-worker']);
    const js = measures.find((m) => m.id === 'app-js')!;
    // main.js 65 + 1500, shared.js 39 + 700, deep.js 16 + 300 bytes; lazy.js (5000) not counted.
    expect(js.bytes).toBe(2620);
    expect(js.gzip).toBe(2620 + 3 * GZIP_STORED_OVERHEAD);
    expect(measures.find((m) => m.id === 'app-css')).toMatchObject({ files: ['assets/main.css'], bytes: 15 });
  });

  it('measures the embed page and the web component with its chunks when they exist', () => {
    const dist = fixtureBuild();
    mkdirSync(join(dist, 'embed/chunks'), { recursive: true });
    writeFileSync(join(dist, 'embed.html'), '<script type="module" src="./assets/shared.js"></script>');
    writeFileSync(join(dist, 'embed/maillage-map.js'), 'import{r}from"./chunks/rt.js";r()');
    writeFileSync(join(dist, 'embed/chunks/rt.js'), 'export const r=()=>1');
    const byId = new Map(measureBuild(dist).map((m) => [m.id, m]));
    expect(byId.get('embed-page-js')!.files).toEqual(['assets/deep.js', 'assets/shared.js']);
    expect(byId.get('embed-component-js')!.files).toEqual(['embed/chunks/rt.js', 'embed/maillage-map.js']);
  });
});

describe('budgets', () => {
  const config: BudgetConfig = { budgetsKB: { 'app-js': 1, 'data-region': 2 }, initialDataFiles: ['a.json'] };
  it('fails a measure over its budget, passes one under it, and applies data-region to every region', () => {
    const verdicts = judge(
      [
        { id: 'app-js', label: 'js', files: [], bytes: 0, gzip: 1025 },
        { id: 'data-x', label: 'x', files: [], bytes: 0, gzip: 2048 },
        { id: 'other', label: 'o', files: [], bytes: 0, gzip: 10 ** 9 },
      ],
      config,
    );
    expect(verdicts.map((v) => [v.id, v.budgetKB, v.ok])).toEqual([
      ['app-js', 1, false],
      ['data-x', 2, true],
      ['other', null, true],
    ]);
  });

  it('names every budgeted part the build did not produce, data-region when no region was measured', () => {
    const budgets: BudgetConfig = { budgetsKB: { 'app-js': 1, 'map-worker': 1, 'embed-component-js': 1, 'data-region': 1 }, initialDataFiles: [] };
    const m = (id: string) => ({ id, label: id, files: [], bytes: 0, gzip: 0 });
    expect(missingMeasures(measureBuild(fixtureBuild()), budgets)).toEqual(['embed-component-js', 'data-region']);
    expect(missingMeasures([m('app-js'), m('map-worker'), m('embed-component-js'), m('data-r1')], budgets)).toEqual([]);
  });

  it('measures only the first-visit data files of each region that has a manifest', () => {
    const data = mkdtempSync(join(tmpdir(), 'data-'));
    mkdirSync(join(data, 'r1'));
    mkdirSync(join(data, 'not-a-region'));
    writeFileSync(join(data, 'regions.json'), '[]');
    writeFileSync(join(data, 'r1/manifest.json'), '{}');
    writeFileSync(join(data, 'r1/a.json'), '{"a":1}');
    writeFileSync(join(data, 'r1/lazy.json'), 'x'.repeat(9999));
    const [m, ...rest] = measureData(data, ['a.json', 'manifest.json']);
    expect(rest).toEqual([]);
    expect(m!.id).toBe('data-r1');
    expect(m!.files).toEqual(['r1/a.json', 'r1/manifest.json', 'regions.json']);
  });

  it("counts the commune tiles of the region's overview with its first-visit data, not the other zooms' or versions'", () => {
    const data = mkdtempSync(join(tmpdir(), 'data-'));
    const version = 'a'.repeat(12);
    // Occitanie's frame: drawn at zoom 6.x in a laptop's map, from the zoom 6 tiles 31/23 and 32/23.
    const bounds = [-0.33, 42.33, 4.85, 45.05];
    for (const [path, body] of [
      ['regions.json', '[]'],
      ['r1/manifest.json', JSON.stringify({ communeTiles: { minzoom: 4, maxzoom: 9, bounds, version } })],
      ['r1/config.json', JSON.stringify({ bounds: [bounds.slice(0, 2), bounds.slice(2)] })],
      [`r1/tiles/${version}/6/31/23.pbf`, 'a'.repeat(300)],
      [`r1/tiles/${version}/6/32/23.pbf`, 'b'.repeat(200)],
      [`r1/tiles/${version}/5/15/11.pbf`, 'c'.repeat(200)],
      [`r1/tiles/${'b'.repeat(12)}/6/31/23.pbf`, 'd'.repeat(200)],
    ] as const) {
      mkdirSync(dirname(join(data, path)), { recursive: true });
      writeFileSync(join(data, path), body);
    }
    const [m] = measureData(data, ['manifest.json']);
    expect(m!.files).toEqual(['r1/manifest.json', 'regions.json', `r1/tiles/${version}/6/31/23.pbf`, `r1/tiles/${version}/6/32/23.pbf`]);
  });

  it('frames bounds at the zoom MapLibre would: the world in one 512-pixel tile at zoom 0, half of it at zoom 1', () => {
    const map = { width: 536, height: 536, padding: 12 };
    expect(fitZoom([-180, -85.0511, 180, 85.0511], map)).toBeCloseTo(0, 3);
    expect(fitZoom([0, 0, 180, 85.0511], map)).toBeCloseTo(1, 3);
  });

  it('measures the data before the first paint on a line of its own per region, under the first-paint-data budget', () => {
    const data = mkdtempSync(join(tmpdir(), 'data-'));
    mkdirSync(join(data, 'r1'));
    writeFileSync(join(data, 'regions.json'), '[]');
    writeFileSync(join(data, 'r1/manifest.json'), '{}');
    writeFileSync(join(data, 'r1/structures.geojson'), '{"s":1}');
    writeFileSync(join(data, 'r1/communes.geojson'), 'x'.repeat(9999));
    const [m, ...rest] = measureFirstPaintData(data, ['manifest.json', 'structures.geojson']);
    expect(rest).toEqual([]);
    expect([m!.id, m!.label]).toEqual(['first-paint-r1', 'data before first paint (r1)']);
    expect(m!.files).toEqual(['r1/manifest.json', 'r1/structures.geojson', 'regions.json']);
    const budgets: BudgetConfig = { budgetsKB: { 'first-paint-data': 150 }, initialDataFiles: [] };
    expect(judge([m!], budgets).map((v) => [v.budgetKB, v.ok])).toEqual([[150, true]]);
    expect(missingMeasures([], budgets)).toEqual(['first-paint-data']);
    expect(missingMeasures([m!], budgets)).toEqual([]);
  });
});

describe('the commune tiles line', () => {
  it('counts every tile of each region, without a budget', () => {
    const data = mkdtempSync(join(tmpdir(), 'data-'));
    for (const [path, body] of [
      ['r1/manifest.json', '{}'],
      ['r1/tiles/4/7/5.pbf', 'a'.repeat(300)],
      ['r1/tiles/5/15/11.pbf', 'b'.repeat(200)],
      ['r1/tiles/5/15/11.pbf.gz', 'not a tile'],
      ['r2/manifest.json', '{}'],
    ] as const) {
      mkdirSync(dirname(join(data, path)), { recursive: true });
      writeFileSync(join(data, path), body);
    }
    const measures = measureCommuneTiles(data);
    expect(measures.map((m) => [m.id, m.label, m.files, m.bytes])).toEqual([
      ['tiles-r1', 'commune tiles, all 2 (r1)', ['r1/tiles/4/7/5.pbf', 'r1/tiles/5/15/11.pbf'], 500],
    ]);
    expect(judge(measures, { budgetsKB: { 'data-region': 1 }, initialDataFiles: [] }).map((v) => [v.budgetKB, v.ok])).toEqual([[null, true]]);
  });
});
