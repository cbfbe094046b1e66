import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CatalogueContext } from '../../src/domain/catalogue/index.ts';
import { readImportFile } from '../../src/domain/import/pipeline.ts';
import { readPartnerStructures } from '../../src/domain/partner-structures.ts';
import type { Commune, RegionConfig } from '../../src/domain/types.ts';

const root = resolve(import.meta.dirname, '..', '..');
const fixture = (name: string) => readFileSync(resolve(root, 'test/fixtures/catalogue', name), 'utf8');
const config = JSON.parse(readFileSync(resolve(root, 'data/regions/occitanie.json'), 'utf8')) as RegionConfig;
const communes = JSON.parse(fixture('communes.json')) as Commune[];
const ctx: CatalogueContext = { config, communes: new Map(communes.map((c) => [c.code, c])) };

describe('partner structures file', () => {
  // Expectations written from the fixtures (test/fixtures/catalogue/README.md), not
  // from another run of the catalogue code: positions come from the row or from the
  // commune's point in communes.json.
  it('a valid CSV partner file keeps every row, placed from its coordinates or its commune', () => {
    const partner = readPartnerStructures(fixture('valid.csv'), 'https://a.example/valid.csv', ctx);
    expect(partner.rows).toBe(5);
    expect(partner.structures.map((s) => [s.id, s.commune, s.lon, s.lat, s.precision])).toEqual([
      ['site-toulouse', '31555', 1.4437, 43.6043, 'address'],
      ['site-montpellier', '34172', 3.8767, 43.6108, 'commune'],
      ['site-foix', '09122', 1.6053, 42.9653, 'commune'],
      ['regional-network', '', null, null, 'none'],
      ['listed-only', '81004', null, null, 'none'],
    ]);
    expect(partner.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('a CSV partner file with errors drops each faulty row, named by its line, and keeps the rest', () => {
    const partner = readPartnerStructures(fixture('errors.csv'), 'https://a.example/errors.csv', ctx);
    expect(partner.rows).toBe(24);
    // ok-first (lines 2-4) and no-stage (line 27, a warning only); line 15 repeats ok-first's id.
    expect(partner.structures.map((s) => [s.id, s.lon, s.lat, s.precision])).toEqual([
      ['ok-first', 1.4442, 43.6045, 'commune'],
      ['no-stage', 1.4442, 43.6045, 'commune'],
    ]);
    const errors = partner.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.field ?? null]);
    expect(errors).toEqual([
      [5, 'id'],
      [6, 'name'],
      [7, 'type'],
      [8, 'stages'],
      [9, 'commune'],
      [10, 'commune'],
      [11, 'lon'],
      [12, 'lon'],
      [13, 'lon'],
      [14, 'lat'],
      [15, 'id'],
      [16, 'source'],
      [17, 'source'],
      [18, 'updated'],
      [19, 'status'],
      [20, 'precision'],
      [21, 'zone'],
      [22, 'website'],
      [23, 'id'],
      [24, 'commune'],
      [25, 'precision'],
      [26, 'email'],
    ]);
    // Line 1: the fixture predates the departement, hours, quote and source_date columns (read as empty).
    expect(partner.issues.filter((i) => i.severity === 'warning').map((i) => [i.line, i.field ?? i.code])).toEqual([
      [1, 'catalogue.absentColumns'],
      [27, 'stages'],
    ]);
  });

  it('GeoJSON features become catalogue rows numbered by feature; geometry gives the position', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [1.4437, 43.6043] },
          properties: {
            id: 'p-one',
            name: 'Un',
            type: 'realis',
            stages: ['emergence', 'developpement'],
            commune: '31555',
            source: ['https://example.org/a', 'https://example.org/b'],
            updated: '2026-01-02',
            status: 'verified',
          },
        },
        {
          type: 'Feature',
          geometry: null,
          properties: { id: 'p-two', name: 'Deux', type: 'nope', source: 'https://example.org', updated: '2026-01-02', status: 'verified' },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [1, 1],
            ],
          },
          properties: { id: 'p-three' },
        },
        { type: 'Nope' },
      ],
    });
    const r = readPartnerStructures(text, 'https://a.example/s.geojson', ctx);
    expect(r.kind).toBe('geojson');
    // Feature 4 is not a feature: it cannot be read as a row.
    expect(r.rows).toBe(3);
    expect(r.structures.map((s) => [s.id, s.lon, s.lat, s.precision, s.stages, s.source])).toEqual([
      ['p-one', 1.4437, 43.6043, 'address', ['emergence', 'developpement'], 'https://example.org/a | https://example.org/b'],
    ]);
    const errors = r.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.field ?? null]);
    expect(errors).toContainEqual([2, 'type']);
    expect(errors).toContainEqual([3, 'name']);
    expect(errors).toContainEqual([4, null]);
    expect(new Set(errors.map(([line]) => line))).toEqual(new Set([2, 3, 4]));
    // A line is not a point: the import says the same, and the row is judged on its properties.
    expect(r.issues.filter((i) => i.line === 3 && i.severity === 'warning').map((i) => i.code)).toContain('geometryIgnored');
  });

  it('accepts the same GeoJSON shapes as the Import tab: a FeatureCollection, a single Feature, an array of features', () => {
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [1.4437, 43.6043] },
      properties: { id: 'p-one', name: 'Un', type: 'realis', stages: 'emergence', source: 'https://example.org/a', updated: '2026-01-02', status: 'verified' },
    };
    for (const shape of [{ type: 'FeatureCollection', features: [feature] }, feature, [feature]]) {
      const text = JSON.stringify(shape);
      const partner = readPartnerStructures(text, 'https://a.example/s.json', ctx);
      expect(partner.structures.map((s) => s.id)).toEqual(['p-one']);
      const imported = readImportFile(new TextEncoder().encode(text), 's.json');
      expect(imported.ok && imported.table.rows.length).toBe(1);
    }
  });

  it('reports a file that is not GeoJSON instead of crashing, with the same reason as the Import tab', () => {
    const notGeo = readPartnerStructures('{"type": "Polygon"}', 'https://a.example/s.json', ctx);
    expect(notGeo.issues.map((i) => i.code)).toEqual(['refusal.notGeoJson']);
    expect(notGeo.structures).toEqual([]);
    const badJson = readPartnerStructures('{oops', 'https://a.example/s', ctx);
    expect(badJson.issues[0]?.message).toMatch(/Not valid JSON/);
    const imported = readImportFile(new TextEncoder().encode('{oops'), 's.json');
    expect(!imported.ok && imported.refusal.code).toBe('badJson');
  });

  it('detects the kind from the content, the name deciding only for text that starts like JSON but does not parse', () => {
    const kind = (text: string, url: string) => readPartnerStructures(text, url, ctx).kind;
    // By content, whatever the Content-Type or the name says.
    expect(kind('{"type":"FeatureCollection","features":[]}', 'https://a.example/s.csv')).toBe('geojson');
    expect(kind('id,name\na,b', 'https://a.example/s.geojson')).toBe('csv');
    expect(kind('\uFEFF { "type": ', 'https://a.example/s')).toBe('geojson');
    expect(kind('{Liste}\nid,name', 'https://a.example/s.csv')).toBe('csv');
    expect(kind('id,name', 'https://a.example/s')).toBe('csv');
  });
});
