// The engine answers from one kept answer per kind (type) of offer: every answer must be
// the one nearestOffers gives for the whole list, whatever was asked before.
import { describe, expect, it } from 'vitest';
import { nearestOffers, packOffers, type CoverageCommune, type CoverageOffer, type NearestResult, type Reading } from '../../src/domain/coverage/index';
import { NearestByKind } from '../../src/domain/coverage/nearest-by-kind';
import { mulberry32, randomCommunes, randomOffers } from '../fixtures/coverage/random';

const TYPES = ['incubateur', 'realis', 'maison', 'financeur'];
const DEPTS = ['D1', 'D2', 'D3'];

/** Offers of four kinds: shared positions, some without a position, some declaring zones. */
function mixedOffers(seed: number, n: number): CoverageOffer[] {
  const rand = mulberry32(seed);
  return randomOffers(rand, n, undefined, Math.floor(n / 3)).map((o, i) => {
    const unplaced = rand() < 0.1;
    const zone = rand() < 0.08 ? (rand() < 0.3 ? ['region'] : [DEPTS[Math.floor(rand() * DEPTS.length)]!]) : [];
    return { ...o, id: `o${i}`, type: TYPES[Math.floor(rand() * TYPES.length)]!, lon: unplaced ? null : o.lon, lat: unplaced ? null : o.lat, zone };
  });
}

const plain = (r: NearestResult) => ({ distanceKm: [...r.distanceKm], offer: [...r.offer], byZone: [...r.byZone] });

function expectSame(engine: NearestByKind, communes: CoverageCommune[], offers: CoverageOffer[], reading: Reading) {
  expect(plain(engine.nearest(packOffers(offers), reading))).toEqual(plain(nearestOffers(communes, offers, reading)));
}

describe('NearestByKind', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('gives the answer of nearestOffers for the whole list, both readings (seed %i)', (seed) => {
    const communes = randomCommunes(mulberry32(seed * 31), 300, undefined, DEPTS);
    const offers = mixedOffers(seed, 40 + seed * 60);
    const engine = new NearestByKind(communes);
    for (const reading of ['site', 'zones'] as const) expectSame(engine, communes, offers, reading);
  });

  it('stays right through a sequence of selections: types off and on, a moved offer, a test site, an empty list', () => {
    const communes = randomCommunes(mulberry32(99), 400, undefined, DEPTS);
    const all = mixedOffers(42, 500);
    const engine = new NearestByKind(communes);
    const only = (types: string[]) => all.filter((o) => types.includes(o.type));
    const moved = all.map((o, i) => (i === 7 ? { ...o, lon: 1.0, lat: 43.5 } : o));
    const withSite: CoverageOffer[] = [...all, { ...all[0]!, id: 'sim-0', type: 'maison', lon: 2.2, lat: 43.9, zone: [], hypothetical: true }];
    const steps: CoverageOffer[][] = [all, only(['incubateur']), only(['incubateur', 'realis']), all, moved, all, withSite, only(['maison']), [], all];
    for (const offers of steps) for (const reading of ['site', 'zones'] as const) expectSame(engine, communes, offers, reading);
  });

  it('answers ties as nearestOffers does: at one point, the offer listed first', () => {
    const communes = randomCommunes(mulberry32(5), 50, undefined, DEPTS);
    const at = (id: string, type: string): CoverageOffer => ({
      id,
      name: id,
      type,
      lon: 1.5,
      lat: 43.5,
      commune: '',
      departement: '',
      zone: [],
      hypothetical: false,
    });
    const offers = [at('a', 'realis'), at('b', 'incubateur'), at('c', 'realis')];
    const r = new NearestByKind(communes).nearest(packOffers(offers), 'site');
    expect(new Set(r.offer)).toEqual(new Set([0]));
    const swapped = new NearestByKind(communes).nearest(packOffers([offers[1]!, offers[0]!, offers[2]!]), 'site');
    expect(new Set(swapped.offer)).toEqual(new Set([0]));
  });
});
