import { describe, expect, it } from 'vitest';
import {
  beyondIndices,
  isBeyond,
  nearestOffers,
  packOffers,
  selectOffers,
  summarise,
  type CoverageCommune,
  type CoverageOffer,
} from '../../src/domain/coverage/index.ts';
import { SphereIndex, toUnitVectors, chord2OfKm, kmOfChord2 } from '../../src/domain/coverage/sphere-index.ts';
import { SlabIndex } from '../../src/domain/coverage/slab-index.ts';
import { hilbertOrder } from '../../src/domain/coverage/hilbert.ts';
import { EARTH_RADIUS_KM, haversineKm } from '../../src/domain/geo/distance.ts';
import type { Structure } from '../../src/domain/types.ts';
import { mulberry32, randomCommunes, randomOffers } from '../fixtures/coverage/random.ts';
import { line, STEP } from '../fixtures/coverage/line.ts';
import { makeStructure } from '../fixtures/structure';

/** Brute force: every commune against every located offer, with the shared haversine. */
function bruteForce(communes: readonly CoverageCommune[], offers: readonly CoverageOffer[]): number[] {
  return communes.map((c) =>
    offers.reduce((best, o) => (o.lon === null || o.lat === null ? best : Math.min(best, haversineKm(c.lon, c.lat, o.lon, o.lat))), Infinity),
  );
}

describe('haversineKm', () => {
  it('gives R·Δφ along a meridian and 0 for the same point', () => {
    expect(haversineKm(2, 43, 2, 43.1)).toBeCloseTo(STEP, 9);
    expect(haversineKm(2, 43, 2, 43)).toBe(0);
    expect(EARTH_RADIUS_KM).toBe(6371.0088);
  });
});

describe('nearestOffers — known answers', () => {
  it('gives k × 11.12 km along the line, to the only site', () => {
    const r = nearestOffers(line.communes, line.offers.slice(0, 1), 'site');
    line.communes.forEach((_, k) => {
      expect(r.distanceKm[k]).toBeCloseTo(k * STEP, 9);
      expect(r.offer[k]).toBe(0);
      expect(r.byZone[k]).toBe(0);
    });
  });

  it('ignores offers without a position in the site reading', () => {
    const r = nearestOffers(line.communes, line.offers, 'site');
    expect(r.distanceKm[6]).toBeCloseTo(6 * STEP, 9);
    expect(r.offer[6]).toBe(0);
  });

  it('zones reading: communes of a declared département are served at distance 0 by that offer', () => {
    const offers = line.offers.slice(0, 2); // the site, and the offer declaring D2
    const r = nearestOffers(line.communes, offers, 'zones');
    expect([...r.byZone]).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect([...r.distanceKm].slice(4)).toEqual([0, 0, 0]);
    expect([...r.offer].slice(4)).toEqual([1, 1, 1]);
    expect(r.distanceKm[3]).toBeCloseTo(3 * STEP, 9);
    // The same offers read as "distance to a site only" leave D2 far away.
    const s = nearestOffers(line.communes, offers, 'site');
    expect(s.distanceKm[6]).toBeCloseTo(6 * STEP, 9);
    const sum = summarise(line.communes, r, 20);
    expect(sum.servedByZone).toBe(3);
    expect(sum.beyondCommunes).toBe(2); // Charlie (22.2 km) and Delta (33.4 km)
    expect(sum.beyondPopulation).toBe(700);
  });

  it('zones reading: an offer declaring the region serves every commune', () => {
    const r = nearestOffers(line.communes, [line.offers[2]!], 'zones');
    expect([...r.distanceKm]).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(summarise(line.communes, r, 5).beyondCommunes).toBe(0);
    // Without zones the same offer reaches nobody: it has no site.
    const s = summarise(line.communes, nearestOffers(line.communes, [line.offers[2]!], 'site'), 5);
    expect(s.noOffer).toBe(true);
    expect(s.beyondCommunes).toBe(7);
  });

  it('no offer selected: everything is beyond, at any threshold, and it is said', () => {
    const r = nearestOffers(line.communes, [], 'site');
    expect([...r.distanceKm].every((d) => d === Infinity)).toBe(true);
    expect([...r.offer].every((o) => o === -1)).toBe(true);
    const s = summarise(line.communes, r, 100);
    expect(s.noOffer).toBe(true);
    expect(s.beyondCommunes).toBe(7);
    expect(s.beyondPopulation).toBe(10000);
    expect(s.beyondPopulationShare).toBe(1);
  });

  it('a commune exactly at the threshold counts as covered', () => {
    const r = nearestOffers(line.communes, line.offers.slice(0, 1), 'site');
    const exact = r.distanceKm[2]!; // Charlie, two steps away
    expect(isBeyond(exact, exact)).toBe(false);
    expect(summarise(line.communes, r, exact).beyondCommunes).toBe(4);
    expect(summarise(line.communes, r, exact * (1 - 1e-12)).beyondCommunes).toBe(5);
  });

  it('ties go to the offer listed first (structures sharing one point)', () => {
    const twin = { ...line.offers[0]!, id: 'twin' };
    const r = nearestOffers(line.communes, [line.offers[0]!, twin], 'site');
    expect([...r.offer].every((o) => o === 0)).toBe(true);
  });

  it('lists the communes beyond, farthest first', () => {
    const r = nearestOffers(line.communes, line.offers.slice(0, 1), 'site');
    expect(beyondIndices(r, 40)).toEqual([6, 5, 4]);
  });
});

describe('nearestOffers — against brute force', () => {
  for (const [seed, nCommunes, nOffers, dups] of [
    [1, 300, 5, 1],
    [2, 500, 40, 10],
    [3, 800, 120, 30], // above the linear-scan limit: the k-d tree answers
    [4, 400, 600, 100],
  ] as const) {
    it(`seed ${seed}: ${nCommunes} communes, ${nOffers} offers`, () => {
      const rand = mulberry32(seed);
      const communes = randomCommunes(rand, nCommunes);
      const offers = randomOffers(rand, nOffers, undefined, dups);
      const r = nearestOffers(communes, offers, 'site');
      const brute = bruteForce(communes, offers);
      communes.forEach((c, i) => {
        expect(r.distanceKm[i]).toBeCloseTo(brute[i]!, 8);
        const o = offers[r.offer[i]!]!;
        expect(haversineKm(c.lon, c.lat, o.lon!, o.lat!)).toBeCloseTo(brute[i]!, 8);
        // The offer given is the first one at the minimum distance.
        const first = offers.findIndex((x) => Math.abs(haversineKm(c.lon, c.lat, x.lon!, x.lat!) - brute[i]!) < 1e-9);
        expect(r.offer[i]).toBe(first);
      });
    });
  }

  it('works at national scale and across the antimeridian-free sphere (random points on the globe)', () => {
    const rand = mulberry32(9);
    const world = { west: -180, south: -80, east: 180, north: 80 };
    const communes = randomCommunes(rand, 300, world);
    const offers = randomOffers(rand, 200, world);
    const r = nearestOffers(communes, offers, 'site');
    const brute = bruteForce(communes, offers);
    communes.forEach((_, i) => expect(r.distanceKm[i]).toBeCloseTo(brute[i]!, 6));
  });
});

describe('coverage properties (seeded random fixtures)', () => {
  const seeds = [11, 12, 13, 14, 15];

  it('covered plus uncovered inhabitants equal the region total, at every threshold and reading', () => {
    for (const seed of seeds) {
      const rand = mulberry32(seed);
      const communes = randomCommunes(rand, 400);
      const offers = randomOffers(rand, 12).map((o, i) => (i % 4 === 0 ? { ...o, zone: ['D2'] } : o));
      const total = communes.reduce((s, c) => s + c.population, 0);
      for (const reading of ['site', 'zones'] as const) {
        const r = nearestOffers(communes, offers, reading);
        for (const km of [5, 20, 30, 45, 100]) {
          const s = summarise(communes, r, km);
          expect(s.coveredPopulation + s.beyondPopulation).toBe(total);
          expect(s.population).toBe(total);
          expect(s.coveredCommunes + s.beyondCommunes).toBe(communes.length);
          const brute = bruteForce(communes, offers);
          const beyond = communes.filter((c, i) => !(reading === 'zones' && c.dept === 'D2') && brute[i]! > km);
          expect(s.beyondCommunes).toBe(beyond.length);
        }
      }
    }
  });

  it('the uncovered set only shrinks as the threshold grows', () => {
    for (const seed of seeds) {
      const rand = mulberry32(seed);
      const communes = randomCommunes(rand, 400);
      const r = nearestOffers(communes, randomOffers(rand, 10), 'site');
      let previous = new Set(beyondIndices(r, 0));
      for (let km = 1; km <= 120; km += 1 + Math.floor(rand() * 7)) {
        const current = new Set(beyondIndices(r, km));
        for (const i of current) expect(previous.has(i)).toBe(true);
        previous = current;
      }
    }
  });

  it('the uncovered set only shrinks when a site is added', () => {
    for (const seed of seeds) {
      const rand = mulberry32(seed);
      const communes = randomCommunes(rand, 400);
      const offers = randomOffers(rand, 3);
      let previous = new Set(beyondIndices(nearestOffers(communes, offers, 'site'), 30));
      for (let k = 0; k < 8; k++) {
        offers.push(...randomOffers(rand, 1).map((o) => ({ ...o, id: `added-${k}`, hypothetical: true })));
        const current = new Set(beyondIndices(nearestOffers(communes, offers, 'site'), 30));
        expect(current.size).toBeLessThanOrEqual(previous.size);
        for (const i of current) expect(previous.has(i)).toBe(true);
        previous = current;
      }
    }
  });
});

describe('chord and km', () => {
  it('kmOfChord2 inverts chord2OfKm, on both sides of the series/asin switch (≈255 km)', () => {
    for (const km of [0, 0.001, 1, 12.5, 30, 100, 254.9, 255.1, 400, 2000, 15000]) {
      expect(kmOfChord2(chord2OfKm(km))).toBeCloseTo(km, 9);
    }
  });

  it('agrees with haversineKm to the micrometre', () => {
    const rand = mulberry32(77);
    for (let k = 0; k < 500; k++) {
      const a = [-5 + rand() * 15, 41 + rand() * 10] as const;
      const b = [a[0] + (rand() - 0.5) * 8 * rand() ** 3, a[1] + (rand() - 0.5) * 6 * rand() ** 3] as const;
      const v = toUnitVectors([a[0], b[0]], [a[1], b[1]]);
      const c2 = (v[0]! - v[3]!) ** 2 + (v[1]! - v[4]!) ** 2 + (v[2]! - v[5]!) ** 2;
      expect(Math.abs(kmOfChord2(c2) - haversineKm(a[0], a[1], b[0], b[1]))).toBeLessThan(1e-9);
    }
  });
});

describe('SlabIndex', () => {
  it('finds the nearest site as brute force does, whatever the visiting order and start', () => {
    const rand = mulberry32(61);
    const sites = randomCommunes(rand, 90);
    const pts = randomCommunes(rand, 600);
    const sv = toUnitVectors(
      sites.map((s) => s.lon),
      sites.map((s) => s.lat),
    );
    const pv = toUnitVectors(
      pts.map((s) => s.lon),
      pts.map((s) => s.lat),
    );
    const slab = new SlabIndex(sv);
    for (const order of [
      hilbertOrder(
        pts.map((p) => p.lon),
        pts.map((p) => p.lat),
      ),
      Int32Array.from(pts.map((_, i) => pts.length - 1 - i)),
    ]) {
      const d2 = new Float64Array(pts.length);
      const id = new Int32Array(pts.length);
      slab.nearestAll(pv, order, null, d2, id);
      pts.forEach((p, i) => {
        const want = sites.reduce(
          (b, s, j) => {
            const d = haversineKm(p.lon, p.lat, s.lon, s.lat);
            return d < b[0] ? ([d, j] as [number, number]) : b;
          },
          [Infinity, -1] as [number, number],
        );
        expect(id[i]).toBe(want[1]);
        expect(kmOfChord2(d2[i]!)).toBeCloseTo(want[0], 8);
      });
    }
    expect(slab.nearest(pv[0]!, pv[1]!, pv[2]!, 45)).toBe(slab.nearest(pv[0]!, pv[1]!, pv[2]!));
  });
});

describe('SphereIndex', () => {
  it('finds every point within a radius, as brute force does', () => {
    const rand = mulberry32(21);
    const pts = randomCommunes(rand, 700);
    const v = toUnitVectors(
      pts.map((p) => p.lon),
      pts.map((p) => p.lat),
    );
    const index = new SphereIndex(v);
    for (let q = 0; q < 30; q++) {
      const c = pts[Math.floor(rand() * pts.length)]!;
      const km = 5 + rand() * 80;
      const got = index.within(v[3 * +c.code]!, v[3 * +c.code + 1]!, v[3 * +c.code + 2]!, chord2OfKm(km) * (1 + 1e-12)).sort((a, b) => a - b);
      const want = pts
        .map((p, i) => [i, haversineKm(c.lon, c.lat, p.lon, p.lat)] as const)
        .filter(([, d]) => d <= km)
        .map(([i]) => i);
      expect(got).toEqual(want);
    }
  });

  it('answers -1 when empty', () => {
    expect(new SphereIndex(new Float64Array(0)).nearest(1, 0, 0)).toBe(-1);
  });
});

describe('selectOffers', () => {
  const s = (over: Partial<Structure>): Structure =>
    makeStructure({ stages: ['emergence'], commune: '31555', lon: 1.4, lat: 43.6, precision: 'commune', source: 'https://e.org', ...over });
  it('keeps the chosen types and stages, in catalogue order', () => {
    const all = [s({ id: 'a' }), s({ id: 'b', type: 'realis', stages: ['developpement'] }), s({ id: 'c', stages: ['creation'] })];
    expect(selectOffers(all, { types: ['incubateur'], stages: [] }).map((o) => o.id)).toEqual(['a', 'c']);
    expect(selectOffers(all, { types: null, stages: ['developpement'] }).map((o) => o.id)).toEqual(['b']);
    expect(selectOffers(all, { types: [], stages: [] })).toEqual([]);
  });

  it('comes with the pack packOffers would make of it, read from the catalogue', () => {
    const rand = mulberry32(11);
    const types = ['incubateur', 'realis', 'maison'];
    const all = Array.from({ length: 200 }, (_, i) =>
      s({
        id: `s${i}`,
        type: types[i % 3]!,
        stages: [rand() < 0.5 ? 'emergence' : 'creation'],
        status: rand() < 0.5 ? 'verified' : 'to_check',
        lon: rand() < 0.1 ? null : 1 + rand(),
        lat: 43 + rand(),
        zone: rand() < 0.1 ? ['31'] : [],
      }),
    );
    const selections = [
      { types: null, stages: [] },
      { types: ['realis', 'maison'], stages: [] },
      { types: ['maison'], stages: [], verifiedOnly: true },
      { types: null, stages: ['creation'] },
      { types: [], stages: [] },
    ];
    for (const selection of selections) {
      const offers = selectOffers(all, selection);
      const made = packOffers([...offers]);
      expect(packOffers(offers)).toEqual(made);
      expect(made.count).toBe(offers.length);
    }
  });
});
