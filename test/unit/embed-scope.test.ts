import { describe, expect, it } from 'vitest';
import { filterStructures, matchesFilter, NO_FILTER } from '../../src/domain/filter.ts';
import { circleRing, readScope, resolveScope, writeScope, NO_SCOPE, type Scope, type ScopeContext } from '../../src/domain/embed-scope.ts';
import { haversineKm } from '../../src/domain/geo/distance.ts';
import type { Commune, Structure } from '../../src/domain/types.ts';
import { mulberry32 } from '../fixtures/coverage/random.ts';
import { makeStructure } from '../fixtures/structure';

// Hand-made territory: EPCI 200000001 = communes 31001 and 31002 (dept 31);
// EPCI 200000002 = 32001 (dept 32) and 81001 (dept 81, an EPCI across two départements).
const commune = (code: string, dept: string, epci: string | null, lon: number, lat: number): Commune => ({
  code,
  name: `Commune ${code}`,
  dept,
  population: 100,
  postcodes: [],
  epci,
  lon,
  lat,
});
const communes: Commune[] = [
  commune('31001', '31', '200000001', 1.0, 43.0),
  commune('31002', '31', '200000001', 1.1, 43.0),
  commune('32001', '32', '200000002', 0.5, 43.5),
  commune('81001', '81', '200000002', 2.0, 43.9),
  commune('34001', '34', null, 3.9, 43.6),
];
const ctx: ScopeContext = { communes, epci: [{ code: '200000001', name: 'CC Un' }], defaultRadiusKm: 30 };

const structure = (id: string, communeCode: string, lon: number | null, lat: number | null, zone: string[] = []): Structure =>
  makeStructure({ id, name: id, type: 't', commune: communeCode, lon, lat, precision: lon === null ? 'none' : 'address', zone });
const structures: Structure[] = [
  structure('in-31001', '31001', 1.0, 43.0),
  structure('in-31002', '31002', 1.1, 43.0),
  structure('in-32001', '32001', 0.5, 43.5),
  structure('in-34001', '34001', 3.9, 43.6),
  structure('serves-31', '34001', 3.9, 43.6, ['31']),
  structure('serves-region', '34001', 3.9, 43.6, ['region']),
  structure('unplaced-31001', '31001', null, null),
];
const scope = (over: Partial<Scope>): Scope => ({ ...NO_SCOPE, ...over });
const ids = (s: Scope) => filterStructures(structures, { ...NO_FILTER, area: resolveScope(s, ctx).area }).map((x) => x.id);

describe('readScope (URL → scope)', () => {
  it('reads the four parameters trimmed, absent ones as null', () => {
    const s = readScope(new URLSearchParams('epci=%20243100518%20&around=31555&radius=20&dept=31'));
    expect(s).toEqual({ epci: '243100518', commune: null, around: '31555', radius: '20' });
  });
  it('caps very long values instead of keeping them whole', () => {
    expect(readScope(new URLSearchParams(`commune=${'9'.repeat(500)}`)).commune).toHaveLength(40);
  });
  it('writes back what it read', () => {
    const params = new URLSearchParams();
    writeScope(scope({ commune: '31555', radius: '5' }), params);
    expect(params.toString()).toBe('commune=31555&radius=5');
  });
});

describe('resolveScope', () => {
  it('no scope means no area', () => {
    expect(resolveScope(NO_SCOPE, ctx)).toEqual({ area: null, parts: [], problems: [], bounds: null });
  });

  it('an EPCI keeps structures located in its communes or serving its départements or the region', () => {
    expect(ids(scope({ epci: '200000001' }))).toEqual(['in-31001', 'in-31002', 'serves-31', 'serves-region', 'unplaced-31001']);
    const r = resolveScope(scope({ epci: '200000001' }), ctx);
    expect(r.parts).toEqual([{ kind: 'epci', code: '200000001', name: 'CC Un', communes: 2 }]);
    expect(r.bounds).toEqual([
      [1.0, 43.0],
      [1.1, 43.0],
    ]);
  });

  it('an EPCI across two départements covers both', () => {
    const r = resolveScope(scope({ epci: '200000002' }), ctx);
    expect(r.area?.depts).toEqual(['32', '81']);
    expect(ids(scope({ epci: '200000002' }))).toEqual(['in-32001', 'serves-region']);
  });

  it('a commune keeps what is located in it or serves its département', () => {
    expect(ids(scope({ commune: '31002' }))).toEqual(['in-31002', 'serves-31', 'serves-region']);
  });

  it('a radius keeps only placed structures within the distance, whatever their zone', () => {
    // 31001 → 31002 is about 8.1 km; 31001 → 32001 about 68 km.
    expect(ids(scope({ around: '31001', radius: '10' }))).toEqual(['in-31001', 'in-31002']);
    expect(ids(scope({ around: '31001', radius: '5' }))).toEqual(['in-31001']);
    expect(ids(scope({ around: '43.0,1.0', radius: '70' }))).toEqual(['in-31001', 'in-31002', 'in-32001']);
  });

  it('a radius without value uses the default and says so', () => {
    const r = resolveScope(scope({ around: '31001' }), ctx);
    expect(r.area?.within?.radiusKm).toBe(30);
    expect(r.parts[0]).toMatchObject({ kind: 'around', defaulted: true, radiusKm: 30 });
  });

  it('parts combine: an EPCI and a radius must both hold', () => {
    expect(ids(scope({ epci: '200000001', around: '31001', radius: '5' }))).toEqual(['in-31001']);
  });

  it('reports each unusable parameter with its reason and keeps the rest', () => {
    const r = resolveScope(scope({ epci: '12', commune: '99999', around: 'Toulouse', radius: '2000' }), ctx);
    expect(r.problems.map((p) => [p.param, p.code])).toEqual([
      ['epci', 'epciFormat'],
      ['commune', 'communeUnknown'],
      ['radius', 'radiusRange'],
      ['around', 'aroundFormat'],
    ]);
    expect(r.area).toBeNull();
    const r2 = resolveScope(scope({ epci: '999999999', commune: '31001', radius: 'abc' }), ctx);
    expect(r2.problems.map((p) => p.code)).toEqual(['epciUnknown', 'radiusFormat', 'radiusAlone']);
    expect(r2.parts.map((p) => p.kind)).toEqual(['commune']);
  });

  it('radius filtering agrees with a brute-force haversine scan on random points', () => {
    const rand = mulberry32(7);
    const random: Structure[] = Array.from({ length: 400 }, (_, i) => {
      const placed = rand() > 0.05;
      return structure(`s${i}`, '31001', placed ? -0.3 + rand() * 5 : null, placed ? 42.3 + rand() * 2.7 : null);
    });
    for (const radius of [3, 25, 80, 150]) {
      const area = resolveScope(scope({ around: '31001', radius: String(radius) }), ctx).area!;
      const got = random.filter((s) => matchesFilter(s, { ...NO_FILTER, area })).map((s) => s.id);
      const expected = random.filter((s) => s.lon !== null && s.lat !== null && haversineKm(1.0, 43.0, s.lon, s.lat) <= radius).map((s) => s.id);
      expect(got).toEqual(expected);
    }
  });

  it('frames a radius with a box that contains the whole circle', () => {
    const r = resolveScope(scope({ around: '31001', radius: '20' }), ctx);
    const [[w, s], [e, n]] = r.bounds!;
    for (const [lon, lat] of circleRing(1.0, 43.0, 20)) {
      expect(lon).toBeGreaterThanOrEqual(w - 1e-9);
      expect(lon).toBeLessThanOrEqual(e + 1e-9);
      expect(lat).toBeGreaterThanOrEqual(s - 1e-9);
      expect(lat).toBeLessThanOrEqual(n + 1e-9);
      expect(haversineKm(1.0, 43.0, lon, lat)).toBeCloseTo(20, 6);
    }
  });
});

describe('existing filter behaviour is unchanged without an area', () => {
  it('department filter still works and area null changes nothing', () => {
    const byDept = filterStructures(structures, { ...NO_FILTER, dept: '31' }).map((s) => s.id);
    expect(byDept).toEqual(['in-31001', 'in-31002', 'serves-31', 'serves-region', 'unplaced-31001']);
    expect(filterStructures(structures, { ...NO_FILTER, area: null })).toHaveLength(structures.length);
  });
});
