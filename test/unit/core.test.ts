import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { filterStructures, matchesFilter } from '../../src/domain/filter';
import { summariseCatalogue, latestUpdate } from '../../src/domain/summary';
import { safeHttpUrl, safeMailto, safeTel, splitSources } from '../../src/domain/safe-url';
import { baseStyle, communeLayers, SOURCE, structureLayerId } from '../../src/map/style';
import { scopeLayers } from '../../src/map/layers/scope';
import { coverageCommuneLayer, territoryLayer } from '../../src/map/layers/coverage';
import { shapeVertices } from '../../src/map/symbol-shapes';
import { formatView, parseView } from '../../src/store/url-state';
import { pickLanguage, translate, formatKm } from '../../src/i18n/translate';
import type { RegionConfig, Structure } from '../../src/domain/types';
import { makeStructure } from '../fixtures/structure';

const structure = (patch: Partial<Structure>): Structure =>
  makeStructure({ stages: ['creation'], commune: '31555', departement: '31', lon: 1.44, lat: 43.6, precision: 'commune', ...patch });

describe('structure filter', () => {
  const all = [
    structure({ id: 'a', type: 'incubateur', stages: ['emergence', 'creation'], commune: '31555' }),
    structure({ id: 'b', type: 'realis', stages: ['developpement'], commune: '34172' }),
    structure({ id: 'c', type: 'reseau', stages: ['creation'], commune: '', zone: ['region'], lon: null, lat: null }),
    structure({ id: 'd', type: 'reseau', stages: ['developpement'], commune: '', zone: ['65'], lon: null, lat: null }),
  ];
  it('keeps everything without a filter', () => {
    expect(filterStructures(all, { types: null, stages: [], dept: null }).map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('filters by type, by stage (any of), and by département (located or serving it)', () => {
    expect(filterStructures(all, { types: ['reseau'], stages: [], dept: null }).map((s) => s.id)).toEqual(['c', 'd']);
    expect(filterStructures(all, { types: null, stages: ['creation'], dept: null }).map((s) => s.id)).toEqual(['a', 'c']);
    expect(filterStructures(all, { types: null, stages: [], dept: '65' }).map((s) => s.id)).toEqual(['c', 'd']);
    expect(filterStructures(all, { types: null, stages: [], dept: '34' }).map((s) => s.id)).toEqual(['b', 'c']);
    expect(matchesFilter(all[0]!, { types: [], stages: [], dept: null })).toBe(false);
  });
});

describe('catalogue summary', () => {
  it('counts per type, lists empty types, keeps the latest date', () => {
    const rows = [
      structure({ type: 'a', updated: '2025-03-01' }),
      structure({ type: 'a', updated: '2026-02-01', precision: 'address' }),
      structure({ type: 'b', updated: '' }),
    ];
    const summary = summariseCatalogue(rows, ['a', 'b', 'c']);
    expect(summary).toEqual([
      { type: 'a', count: 2, lastUpdated: '2026-02-01', byPrecision: { commune: 1, address: 1 } },
      { type: 'b', count: 1, lastUpdated: null, byPrecision: { commune: 1 } },
      { type: 'c', count: 0, lastUpdated: null, byPrecision: {} },
    ]);
    expect(latestUpdate(rows)).toBe('2026-02-01');
  });
});

describe('links from data', () => {
  it('only lets web, mail and phone links through', () => {
    expect(safeHttpUrl('https://laregion.fr/x')).toBe('https://laregion.fr/x');
    expect(safeHttpUrl('alterincub.coop')).toBe('https://alterincub.coop/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>')).toBeNull();
    expect(safeHttpUrl('')).toBeNull();
    expect(safeMailto('contact@cress.org')).toBe('mailto:contact@cress.org');
    expect(safeMailto('a@b"><img')).toBeNull();
    expect(safeTel('05 61 33 50 50')).toBe('tel:0561335050');
    expect(safeTel('call me')).toBeNull();
    expect(splitSources('https://a.fr | https://b.fr')).toEqual(['https://a.fr', 'https://b.fr']);
  });
});

describe('map style', () => {
  const config = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../data/regions/occitanie.json'), 'utf8')) as RegionConfig;
  const style = baseStyle(config.offerTypes);
  it('requests nothing from a third party: no glyphs, no sprite, no text layer, no remote source', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const layer of style.layers) expect(JSON.stringify((layer as { layout?: unknown }).layout ?? {})).not.toContain('text-field');
    for (const source of Object.values(style.sources)) expect(typeof (source as { data?: unknown }).data).not.toBe('string');
  });
  it('has one marker layer per offer type, each with its own shape', () => {
    for (const t of config.offerTypes) expect(style.layers.some((l) => l.id === structureLayerId(t.id))).toBe(true);
    const shapes = config.offerTypes.map((t) => t.symbol);
    expect(new Set(shapes).size).toBe(shapes.length);
    const colors = config.offerTypes.map((t) => t.color);
    expect(new Set(colors).size).toBe(colors.length);
    for (const t of config.offerTypes) expect(shapeVertices(t.symbol)).toBeTruthy();
  });
  it('leaves the communes out of the first view: their tiles load only once something draws them', () => {
    // A vector source in the style loads its tiles at once, whatever its layers.
    expect(Object.keys(style.sources)).not.toContain(SOURCE.communes);
    expect(style.layers.filter((l) => 'source' in l && l.source === SOURCE.communes)).toEqual([]);
    // What draws on the communes names the tiles' layer; a territory without communes draws none.
    const onCommunes = [...communeLayers(), scopeLayers(['31555'])[0]!, coverageCommuneLayer(10, true), territoryLayer({ dept: '31' })];
    for (const layer of onCommunes) expect(layer, layer.id).toMatchObject({ source: SOURCE.communes, 'source-layer': 'communes' });
    expect(scopeLayers([]).filter((l) => 'source' in l && l.source === SOURCE.communes)).toEqual([]);
  });
});

describe('URL and language helpers', () => {
  it('round-trips the camera and rejects nonsense', () => {
    expect(parseView(formatView({ zoom: 8.5, lat: 43.6, lon: 1.44 }))).toEqual({ zoom: 8.5, lat: 43.6, lon: 1.44 });
    expect(parseView('8/95/1')).toBeNull();
    expect(parseView('a/b/c')).toBeNull();
  });
  it('picks the URL language, then the browser language, then French', () => {
    expect(pickLanguage('en', ['fr-FR'])).toBe('en');
    expect(pickLanguage(null, ['de-DE', 'en-US'])).toBe('en');
    expect(pickLanguage('xx', ['de-DE'])).toBe('fr');
  });
  it('formats with the language and falls back to French, then to the key', () => {
    expect(translate('fr', 'commune.inhabitants', { n: 12500 })).toBe('12\u202f500 hab.');
    expect(translate('en', 'commune.inhabitants', { n: 12500 })).toBe('12,500 inhabitants');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
    expect(formatKm('fr', 4.25)).toBe('4,3 km');
  });
});
