import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogueCsv, validateStructures, type CatalogueContext } from '../../src/domain/catalogue/index.ts';
import { detectKind, geojsonRows, readPartnerStructures } from '../../src/domain/partner-structures.ts';
import type { Commune, RegionConfig } from '../../src/domain/types.ts';

const root = resolve(import.meta.dirname, '..', '..');
const fixture = (name: string) => readFileSync(resolve(root, 'test/fixtures/catalogue', name), 'utf8');
const config = JSON.parse(readFileSync(resolve(root, 'data/regions/occitanie.json'), 'utf8')) as RegionConfig;
const communes = JSON.parse(fixture('communes.json')) as Commune[];
const ctx: CatalogueContext = { config, communes: new Map(communes.map((c) => [c.code, c])) };

describe('partner structures file', () => {
  it('a CSV partner file gives exactly what the catalogue validation gives', () => {
    for (const name of ['valid.csv', 'errors.csv']) {
      const text = fixture(name);
      const direct = validateStructures(parseCatalogueCsv(text).rows, ctx);
      const partner = readPartnerStructures(text, 'csv', ctx);
      expect(partner.structures).toEqual(direct.structures);
      expect(partner.issues.filter((i) => i.severity === 'error').length).toBe(
        [...parseCatalogueCsv(text).issues, ...direct.issues].filter((i) => i.severity === 'error').length,
      );
      // Every error names its line.
      expect(partner.issues.filter((i) => i.severity === 'error').every((i) => typeof i.line === 'number')).toBe(true);
    }
  });

  it('GeoJSON features become catalogue rows numbered by feature; geometry gives the position', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [1.4437, 43.6043] },
          properties: { id: 'p-one', name: 'Un', type: 'realis', stages: ['emergence', 'developpement'], commune: '31555', source: ['https://example.org/a', 'https://example.org/b'], updated: '2026-01-02', status: 'verified' },
        },
        { type: 'Feature', geometry: null, properties: { id: 'p-two', name: 'Deux', type: 'nope', source: 'https://example.org', updated: '2026-01-02', status: 'verified' } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, properties: { id: 'p-three' } },
        { type: 'Nope' },
      ],
    });
    const r = readPartnerStructures(text, 'geojson', ctx);
    expect(r.rows).toBe(2);
    expect(r.structures.map((s) => [s.id, s.lon, s.lat, s.precision, s.stages, s.source])).toEqual([
      ['p-one', 1.4437, 43.6043, 'address', ['emergence', 'developpement'], 'https://example.org/a | https://example.org/b'],
    ]);
    const errors = r.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.field ?? null]);
    expect(errors).toEqual([
      [2, 'type'],
      [3, 'lon'],
      [4, null],
    ]);
  });

  it('reports a file that is not GeoJSON instead of crashing', () => {
    expect(geojsonRows('{"type": "Feature"}').issues[0]?.message).toMatch(/FeatureCollection/);
    expect(geojsonRows('{oops').issues[0]?.message).toMatch(/Not valid JSON/);
  });

  it('detects the kind from the type, the name, then the content', () => {
    expect(detectKind('', 'application/geo+json', 'x')).toBe('geojson');
    expect(detectKind('', 'text/csv', 'x.json')).toBe('csv');
    expect(detectKind('', null, 'https://a.example/s.geojson?v=2')).toBe('geojson');
    expect(detectKind('\uFEFF { "type": ', 'text/plain', 'https://a.example/s')).toBe('geojson');
    expect(detectKind('id,name', 'text/plain', 'https://a.example/s')).toBe('csv');
  });
});
