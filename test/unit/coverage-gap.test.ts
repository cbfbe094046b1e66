import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { circle } from '@turf/circle';
import { featureCollection, polygon } from '@turf/helpers';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { gapArea, gapAreaExact, nearestOffers, type CoverageOffer } from '../../src/domain/coverage/index.ts';
import { mulberry32, randomCommunes, randomOffers } from '../fixtures/coverage/random.ts';

// A 2° × 1° box around (2.5, 43.5): two "départements" side by side.
const region = polygon([
  [
    [1.5, 43],
    [3.5, 43],
    [3.5, 44],
    [1.5, 44],
    [1.5, 43],
  ],
]);
const departements = featureCollection([
  polygon(
    [
      [
        [1.5, 43],
        [2.5, 43],
        [2.5, 44],
        [1.5, 44],
        [1.5, 43],
      ],
    ],
    { code: 'D1' },
  ),
  polygon(
    [
      [
        [2.5, 43],
        [3.5, 43],
        [3.5, 44],
        [2.5, 44],
        [2.5, 43],
      ],
    ],
    { code: 'D2' },
  ),
]) as FeatureCollection<Polygon, { code: string }>;
const regionKm2 = area(region) / 1e6;
const site = (lon: number, lat: number, over: Partial<CoverageOffer> = {}): CoverageOffer => ({
  id: `s${lon}`,
  name: 'S',
  type: 'incubateur',
  lon,
  lat,
  commune: '',
  departement: '',
  zone: [],
  hypothetical: false,
  ...over,
});

describe('gapAreaExact (the reference)', () => {
  it('is the whole region when no offer is selected', () => {
    const g = gapAreaExact(region, [], 30, { reading: 'site' });
    expect(g.gapAreaKm2).toBeCloseTo(regionKm2, 6);
    expect(g.regionAreaKm2).toBeCloseTo(regionKm2, 6);
  });

  it('is the region minus one circle lying inside it', () => {
    const g = gapAreaExact(region, [site(2.5, 43.5)], 20, { reading: 'site' });
    const disc = area(circle([2.5, 43.5], 20, { units: 'kilometers', steps: 64 })) / 1e6;
    expect(g.gapAreaKm2).toBeCloseTo(regionKm2 - disc, 0);
    expect(disc).toBeGreaterThan(1200); // π·20² ≈ 1257 km², less the polygon's chords
  });

  it('counts overlapping circles once and sites sharing a point once', () => {
    const one = gapAreaExact(region, [site(2.5, 43.5)], 20, { reading: 'site' }).gapAreaKm2;
    const twice = gapAreaExact(region, [site(2.5, 43.5), site(2.5, 43.5, { id: 'twin' })], 20, { reading: 'site' }).gapAreaKm2;
    expect(twice).toBeCloseTo(one, 6);
    const overlapping = gapAreaExact(region, [site(2.5, 43.5), site(2.6, 43.5)], 20, { reading: 'site' }).gapAreaKm2;
    expect(overlapping).toBeLessThan(one);
    expect(overlapping).toBeGreaterThan(one - 1257);
  });

  it('is null when one circle covers the whole region', () => {
    const g = gapAreaExact(region, [site(2.5, 43.5)], 200, { reading: 'site' });
    expect(g.gap).toBeNull();
    expect(g.gapAreaKm2).toBe(0);
  });

  it('zones reading: declared départements are cut out; a regional zone leaves no gap', () => {
    const d2 = gapAreaExact(region, [site(0, 0, { lon: null, lat: null, zone: ['D2'] })], 20, { reading: 'zones', departements });
    expect(d2.gapAreaKm2).toBeCloseTo(area(departements.features[0]!) / 1e6, 0);
    const sameInSite = gapAreaExact(region, [site(0, 0, { lon: null, lat: null, zone: ['D2'] })], 20, { reading: 'site', departements });
    expect(sameInSite.gapAreaKm2).toBeCloseTo(regionKm2, 6);
    expect(gapAreaExact(region, [site(0, 0, { zone: ['region'] })], 20, { reading: 'zones', departements }).gap).toBeNull();
  });

  it('contains the commune points beyond the threshold and not those well within (random fixture)', () => {
    const rand = mulberry32(51);
    const box = { west: 1.5, south: 43, east: 3.5, north: 44 };
    const communes = randomCommunes(rand, 300, box);
    const offers = randomOffers(rand, 5, box);
    const km = 15;
    const { gap } = gapAreaExact(region, offers, km, { reading: 'site' });
    const r = nearestOffers(communes, offers, 'site');
    communes.forEach((c, i) => {
      const d = r.distanceKm[i]!;
      // Circles are 64-gons inscribed in the true circle: allow 0.2 % at the edge.
      if (d > km * 1.002) expect(booleanPointInPolygon([c.lon, c.lat], gap as Feature<Polygon | MultiPolygon>)).toBe(true);
      if (d < km * 0.99) expect(booleanPointInPolygon([c.lon, c.lat], gap as Feature<Polygon | MultiPolygon>)).toBe(false);
    });
  });

  it('refuses a threshold that is not positive', () => {
    expect(() => gapAreaExact(region, [], 0, { reading: 'site' })).toThrow(/threshold/);
  });
});

describe('gapArea (grid): bounded time, precision stated, checked against the exact method', () => {
  const cases: Array<[string, CoverageOffer[], number, 'site' | 'zones']> = [
    ['one site inside', [site(2.5, 43.5)], 20, 'site'],
    ['overlapping sites', [site(2.5, 43.5), site(2.6, 43.5), site(1.7, 43.9)], 25, 'site'],
    ['a site outside the region', [site(1.2, 43.5)], 40, 'site'],
    ['random sites', randomOffers(mulberry32(7), 12, { west: 1.5, south: 43, east: 3.5, north: 44 }), 12, 'site'],
    ['zones reading, D2 declared', [site(2, 43.5), site(0, 0, { id: 'z', lon: null, lat: null, zone: ['D2'] })], 15, 'zones'],
  ];
  for (const [name, offers, km, reading] of cases) {
    it(`${name}: within the stated bound of the exact area`, () => {
      const exact = gapAreaExact(region, offers, km, { reading, departements }).gapAreaKm2;
      const grid = gapArea(region, offers, km, { reading, departements, cellKm: 2 });
      expect(grid.precision.method).toBe('grid');
      expect(grid.precision.cellKm).toBeGreaterThanOrEqual(2);
      expect(Math.abs(grid.gapAreaKm2 - exact)).toBeLessThanOrEqual(grid.precision.maxErrorKm2);
      // The bound is a worst case; centre sampling errors cancel: the real error is far smaller.
      expect(Math.abs(grid.gapAreaKm2 - exact)).toBeLessThan(0.01 * regionKm2);
      expect(grid.gap?.properties).toMatchObject({ method: 'grid', maxErrorKm2: grid.precision.maxErrorKm2 });
    });
  }

  it('is the region itself with no offer, and null when everything is served', () => {
    expect(gapArea(region, [], 30, { reading: 'site' }).gapAreaKm2).toBeCloseTo(regionKm2, 6);
    expect(gapArea(region, [site(2.5, 43.5)], 200, { reading: 'site' }).gap).toBeNull();
    expect(gapArea(region, [site(0, 0, { zone: ['region'] })], 20, { reading: 'zones', departements }).gap).toBeNull();
  });

  it('never lays more cells than MAX_CELLS, whatever the cell size asked', () => {
    const fine = gapArea(region, [site(2.5, 43.5)], 20, { reading: 'site', cellKm: 0.001 });
    const boxKm2 = 2 * 111.195 * Math.cos((43.5 * Math.PI) / 180) * 111.195;
    expect(fine.precision.cellKm ** 2 * 120_000).toBeGreaterThanOrEqual(boxKm2 * 0.99);
  });

  it('holds the commune points beyond the threshold by more than half a cell, and none within it by as much (random fixture)', () => {
    const rand = mulberry32(51);
    const box = { west: 1.5, south: 43, east: 3.5, north: 44 };
    const communes = randomCommunes(rand, 300, box);
    const offers = randomOffers(rand, 5, box);
    const km = 15;
    const { gap, precision } = gapArea(region, offers, km, { reading: 'site', cellKm: 2 });
    const r = nearestOffers(communes, offers, 'site');
    const margin = precision.cellKm;
    communes.forEach((c, i) => {
      const d = r.distanceKm[i]!;
      const inGap = booleanPointInPolygon([c.lon, c.lat], gap as Feature<Polygon | MultiPolygon>);
      if (d > km + margin) expect(inGap).toBe(true);
      if (d < km - margin) expect(inGap).toBe(false);
    });
  });
});
