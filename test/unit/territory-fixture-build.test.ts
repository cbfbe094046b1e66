// End-to-end data build on the hand-made fixture (test/fixtures/territory/README.md):
// every expected value is known by construction.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { rm, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { area } from '@turf/area';
import { bboxPolygon } from '@turf/bbox-polygon';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { centroid } from '@turf/centroid';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, type RegionReport } from '../../scripts/build-data.ts';
import type { Commune, EpciInfo, Manifest } from '../../src/domain/types.ts';
import { copySource, FIXTURE_CONFIGS, fixtureEtalab, readJson, scratch } from '../fixtures/territory/fixture.ts';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { COMMUNE_TILE_LAYER, communeTilePath, pyramidTiles, TILE_VERSION, tileX, tileY } from '../../src/domain/tiles.ts';

type Area = Feature<Polygon | MultiPolygon, Record<string, string | number>>;

let dir: string;
let source: string;
let out: string;
let first: RegionReport[];
const logs: string[] = [];

const build = (extra: { force?: boolean } = {}) =>
  buildData({
    configDir: FIXTURE_CONFIGS,
    territorySource: source,
    outRoot: out,
    etalab: fixtureEtalab(),
    log: (m) => logs.push(m),
    ...extra,
  });

beforeAll(async () => {
  dir = await scratch('territory-fixture');
  source = await copySource(dir);
  out = join(dir, 'out');
  first = await build();
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (name: string) => join(out, 'testland', name);
const communesGeo = () => readJson<FeatureCollection<Polygon | MultiPolygon>>(file('communes.geojson')).features as Area[];
const byCode = (code: string) => {
  const f = communesGeo().find((x) => x.properties.code === code);
  if (!f) throw new Error(`no feature ${code}`);
  return f;
};

describe('data build on the hand-made fixture', () => {
  it('writes the current communes with etalab attributes and EPCI', () => {
    expect(first.map((r) => [r.id, r.status])).toEqual([['testland', 'built']]);
    const communes = readJson<Commune[]>(file('communes.json'));
    expect(communes.map(({ lon, lat, ...rest }) => rest)).toEqual([
      { code: '97001', name: 'Elle-en-U', dept: '97', population: 250, postcodes: ['97100', '97200'], epci: '200000001' },
      // Former names: the 2018 contours merged since ("Encoche", "Anciens A/B"), searched as "ancienne commune".
      { code: '97003', name: 'Chef-Lieu', dept: '97', population: 40, postcodes: ['97300'], epci: null, former: ['Encoche'] },
      { code: '98001', name: 'Nouvelle-AB', dept: '98', population: 1000, postcodes: ['98100'], epci: '200000001', former: ['Anciens A', 'Anciens B'] },
    ]);
    expect(readJson<EpciInfo[]>(file('epci.json'))).toEqual([{ code: '200000001', name: 'CC Test' }]);
  });

  it('dissolves the two 2018 parts of 98001 into one rectangle without inner border', () => {
    const f = byCode('98001');
    expect(f.properties).toEqual({ code: '98001', nom: 'Nouvelle-AB', dept: '98', population: 1000 });
    expect(f.geometry.type).toBe('Polygon');
    const rings = (f.geometry as Polygon).coordinates;
    expect(rings).toHaveLength(1);
    // The shared border at lon 1.10 is gone: no vertex of it is left inside the rectangle.
    expect(rings[0]?.some(([x, y]) => x === 1.1 && (y as number) > 43.0 && (y as number) < 43.1)).toBe(false);
    const expected = area(bboxPolygon([1.0, 43.0, 1.2, 43.1]));
    expect(area(f)).toBeCloseTo(expected, -2);
  });

  it('adds the notch joined through chefLieu to 97003 as a second part', () => {
    const f = byCode('97003');
    expect(f.geometry.type).toBe('MultiPolygon');
    expect((f.geometry as MultiPolygon).coordinates).toHaveLength(2);
    const expected = area(bboxPolygon([1.4, 43.0, 1.55, 43.1])) + area(bboxPolygon([1.24, 43.02, 1.36, 43.1]));
    expect(area(f) / expected).toBeCloseTo(1, 6);
  });

  it('places each point inside its commune, even where the centroid falls outside (U shape)', () => {
    const communes = readJson<Commune[]>(file('communes.json'));
    for (const c of communes) {
      expect(booleanPointInPolygon([c.lon, c.lat], byCode(c.code), { ignoreBoundary: true }), c.code).toBe(true);
    }
    const u = byCode('97001');
    expect(booleanPointInPolygon(centroid(u), u)).toBe(false);
    // 97003: the point lies in its larger part, the square [1.40, 1.55].
    const c3 = communes.find((c) => c.code === '97003');
    expect(c3?.lon).toBeGreaterThan(1.4);
    // Coordinates keep 5 decimals at most.
    for (const c of communes) {
      expect(Math.round(c.lon * 1e5) / 1e5).toBe(c.lon);
      expect(Math.round(c.lat * 1e5) / 1e5).toBe(c.lat);
    }
  });

  it('writes départements (names from their file) and region outlines that cover the communes', () => {
    const depts = readJson<FeatureCollection>(file('departements.geojson')).features as Area[];
    expect(depts.map((f) => ({ code: f.properties.code, nom: f.properties.nom }))).toEqual([
      { code: '97', nom: 'Bêta-Sud' },
      { code: '98', nom: 'Alpha' },
    ]);
    // Where the map writes each name: inside the département, never on its edge.
    for (const f of depts) expect(booleanPointInPolygon(f.properties.label as unknown as [number, number], f, { ignoreBoundary: true })).toBe(true);
    const region = readJson<FeatureCollection>(file('region.geojson')).features as Area[];
    expect(region.map((f) => f.properties)).toEqual([{ code: '99', nom: 'Testland' }]);
    const communesArea = communesGeo().reduce((s, f) => s + area(f), 0);
    const deptArea = depts.reduce((s, f) => s + area(f), 0);
    expect(deptArea / communesArea).toBeCloseTo(1, 6);
    expect(area(region[0] as Area) / communesArea).toBeCloseTo(1, 6);
  });

  it('writes a manifest with counts, sources, hashes and the real sizes of the outputs', async () => {
    const m = readJson<Manifest>(file('manifest.json'));
    expect(m.region).toBe('testland');
    expect(m.counts).toMatchObject({ communes: 3, contours2018: 5, departements: 2, epci: 1, population: 1290 });
    expect(m.sources).toEqual([{ text: 'Fixture contours, hand-made for tests' }]);
    expect(m.inputHashes['package/@etalab/decoupage-administratif']).toBe('fixture-1');
    expect(Object.keys(m.inputHashes)).toEqual(expect.arrayContaining(['config/testland.json', 'territory/testland/communes.geojson', 'code/build']));
    for (const [name, s] of Object.entries(m.sizes)) expect(statSync(file(name)).size, name).toBe(s.bytes);
    expect(Object.keys(m.sizes)).toEqual(
      expect.arrayContaining(['region.geojson', 'departements.geojson', 'communes.geojson', 'communes.json', 'epci.json', 'config.json']),
    );
    expect(await readFile(file('config.json'), 'utf8')).toBe(await readFile(join(FIXTURE_CONFIGS, 'testland.json'), 'utf8'));
    expect(readJson(join(out, 'regions.json'))).toEqual([{ id: 'testland', name: { fr: 'Testland', en: 'Testland' } }]);
  });

  it('cuts the communes into tiles: each one in the tile under its point at every zoom, its polygon around it at the last', () => {
    const m = readJson<Manifest>(file('manifest.json'));
    const pyramid = m.communeTiles;
    const tiles = pyramidTiles(pyramid);
    expect(m.communeTiles.tiles).toBe(tiles.length);
    // In the folder of their version, a hash of their content: the only folder under tiles/.
    expect(m.communeTiles.version).toMatch(TILE_VERSION);
    expect(readdirSync(file('tiles'))).toEqual([m.communeTiles.version]);
    const bytes = tiles.map(([z, x, y]) => readFileSync(file(communeTilePath(m.communeTiles.version, z, x, y))));
    expect(bytes.reduce((n, b) => n + b.length, 0)).toBe(m.communeTiles.bytes);
    // The bounds are those of the contours.
    const [west, south, east, north] = pyramid.bounds;
    for (const f of communesGeo()) {
      const coords = JSON.stringify(f.geometry.coordinates)
        .match(/-?\d+(\.\d+)?/g)!
        .map(Number);
      for (let i = 0; i < coords.length; i += 2) {
        expect(coords[i]!).toBeGreaterThanOrEqual(west);
        expect(coords[i]!).toBeLessThanOrEqual(east);
        expect(coords[i + 1]!).toBeGreaterThanOrEqual(south);
        expect(coords[i + 1]!).toBeLessThanOrEqual(north);
      }
    }
    const communes = readJson<Commune[]>(file('communes.json'));
    for (let z = pyramid.minzoom; z <= pyramid.maxzoom; z++) {
      for (const c of communes) {
        const [x, y] = [tileX(c.lon, z), tileY(c.lat, z)];
        const layer = new VectorTile(new PbfReader(readFileSync(file(communeTilePath(m.communeTiles.version, z, x, y))))).layers[COMMUNE_TILE_LAYER]!;
        const found = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).filter((f) => f.properties.code === c.code);
        expect(found.length, `${c.code} at zoom ${z}`).toBe(1);
        expect(found[0]!.properties).toEqual({ code: c.code, dept: c.dept });
        if (z === pyramid.maxzoom) {
          const shape = found[0]!.toGeoJSON(x, y, z) as Feature<Polygon | MultiPolygon>;
          expect(booleanPointInPolygon([c.lon, c.lat], shape), c.code).toBe(true);
        }
      }
    }
  });

  it('skips an unchanged region, rebuilds on --force and when an input changes', async () => {
    const before = statSync(file('communes.json')).mtimeMs;
    expect((await build()).map((r) => r.status)).toEqual(['up-to-date']);
    expect(statSync(file('communes.json')).mtimeMs).toBe(before);
    expect(logs.some((l) => l.includes('testland: up to date'))).toBe(true);

    // The same inputs give the same tiles, hence the same version: browsers keep them.
    const version = readJson<Manifest>(file('manifest.json')).communeTiles.version;
    expect((await build({ force: true })).map((r) => r.status)).toEqual(['built']);
    expect(readJson<Manifest>(file('manifest.json')).communeTiles.version).toBe(version);
    expect(readdirSync(file('tiles'))).toEqual([version]);

    const deptFile = join(source, 'testland', 'departements.geojson');
    await writeFile(deptFile, (await readFile(deptFile, 'utf8')).replace('Bêta-Sud', 'Bêta-Nord'));
    expect((await build()).map((r) => r.status)).toEqual(['built']);
    const depts = readJson<FeatureCollection>(file('departements.geojson')).features;
    expect(depts[0]?.properties?.nom).toBe('Bêta-Nord');
  });
});
