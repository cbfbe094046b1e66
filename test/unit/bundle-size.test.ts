import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { htmlAssets, jsClosure, judge, measureBuild, measureData, staticImports, type BudgetConfig } from '../../scripts/lib/bundle-size';

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

function fixtureBuild(): string {
  const dist = mkdtempSync(join(tmpdir(), 'size-'));
  mkdirSync(join(dist, 'assets'));
  const write = (file: string, text: string) => writeFileSync(join(dist, file), text);
  write('index.html', '<script type="module" src="./assets/main.js"></script><link rel="stylesheet" href="./assets/main.css">');
  write('assets/main.js', 'import{a}from"./shared.js";const l=()=>import("./lazy.js");a(l)');
  write('assets/shared.js', 'import"./deep.js";export const a=f=>f');
  write('assets/deep.js', 'console.log(1)');
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
    const expectedGzip = ['assets/main.js', 'assets/shared.js', 'assets/deep.js']
      .map((f) => gzipSync(Buffer.from(readText(dist, f)), { level: 6 }).length)
      .reduce((a, b) => a + b, 0);
    expect(js.gzip).toBe(expectedGzip);
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

function readText(dist: string, file: string): string {
  return readFileSync(join(dist, file), 'utf8');
}

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
});
