import { describe, expect, it } from 'vitest';
import {
  concatOffers,
  nearestOffers,
  offerTallies,
  packOffers,
  selectOffers,
  simOffer,
  territoryTable,
  type CoverageOffer,
} from '../../src/domain/coverage/index';
import type { Status, Structure } from '../../src/domain/types';
import { bruteTerritoryOffers, mulberry32, randomCommunes } from '../fixtures/coverage/random';
import { makeStructure } from '../fixtures/structure';

// Selections read from the catalogue's columns (selectOffers, concatOffers) against the same
// counts written out over the offer objects.

const TYPES = ['incubateur', 'realis', 'maison', 'dla'];
const STAGES = ['emergence', 'creation', 'developpement'];
const SELECTIONS = [
  { types: null, stages: [] },
  { types: ['realis', 'maison'], stages: [] },
  { types: ['maison'], stages: [], verifiedOnly: true },
  { types: null, stages: ['creation'] },
  { types: ['incubateur', 'dla'], stages: ['emergence', 'developpement'], verifiedOnly: true },
  { types: [], stages: [] },
];

function fixture(seed: number) {
  const rand = mulberry32(seed);
  const communes = randomCommunes(rand, 80);
  const statuses: Status[] = ['verified', 'to_check', 'closed'];
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const structures: Structure[] = Array.from({ length: 300 }, (_, i) => {
    const home = pick(communes);
    const lonKnown = rand() < 0.85;
    return makeStructure({
      id: `s${i}`,
      type: pick(TYPES),
      stages: [pick(STAGES)],
      status: pick(statuses),
      // Unknown commune, département or coordinate, each on its own.
      commune: rand() < 0.1 ? '' : home.code,
      departement: rand() < 0.1 ? '' : home.dept,
      lon: lonKnown ? home.lon : null,
      lat: lonKnown && rand() < 0.95 ? home.lat : null,
      zone: rand() < 0.1 ? [pick(['D1', 'D2', 'region', 'D9'])] : [],
    });
  });
  const sims = [0, 1, 2].map((k) => {
    const at = pick(communes);
    return simOffer({ lon: at.lon, lat: at.lat, type: pick(TYPES) }, k, at.code, at.dept);
  });
  return { communes, structures, sims };
}

/** The tallies, written out over the objects. */
function bruteTallies(offers: readonly CoverageOffer[]) {
  const sitedByCommune = new Map<string, number>();
  const placedByType = new Map<string, Map<string, number>>();
  let located = 0;
  const zoned: number[] = [];
  offers.forEach((o, j) => {
    if (o.zone.length > 0) zoned.push(j);
    if (o.lon === null) return;
    sitedByCommune.set(o.commune, (sitedByCommune.get(o.commune) ?? 0) + 1);
    if (o.lat === null) return;
    located++;
    if (o.departement === '') return;
    const byDept = placedByType.get(o.type) ?? new Map<string, number>();
    byDept.set(o.departement, (byDept.get(o.departement) ?? 0) + 1);
    placedByType.set(o.type, byDept);
  });
  return { sitedByCommune, placedByType, located, zoned };
}

describe('selections read from the catalogue columns', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: tallies, pack and territory table equal those of plain copies and of the objects`, () => {
      const { communes, structures, sims } = fixture(seed);
      for (const selection of SELECTIONS) {
        const selected = selectOffers(structures, selection);
        for (const offers of [selected, concatOffers(selected, sims.slice(0, 1 + (seed % 3)))]) {
          const plain = [...offers];
          expect(offerTallies(offers)).toEqual(bruteTallies(plain));
          expect(packOffers(offers)).toEqual(packOffers(plain));
          for (const reading of ['site', 'zones'] as const) {
            const nearest = nearestOffers(communes, plain, reading);
            for (const groupBy of ['dept', 'epci'] as const) {
              const expected = bruteTerritoryOffers(communes, plain, groupBy, reading);
              const rows = territoryTable(communes, nearest, offers, { groupBy, thresholdKm: 30, reading });
              expect(new Map(rows.map((x) => [x.code, x.offers]))).toEqual(expected);
            }
          }
        }
      }
    });
  }

  it('keeps what it read with a selection, and reads a plain list again each time', () => {
    const { structures } = fixture(4);
    const offers = selectOffers(structures, { types: null, stages: [] });
    expect(offerTallies(offers)).toBe(offerTallies(offers));
    expect(packOffers(offers)).toBe(packOffers(offers));
    const plain = [...offers];
    const before = offerTallies(plain).located;
    plain.push({ ...plain.find((o) => o.lon !== null && o.lat !== null)!, id: 'added' });
    expect(offerTallies(plain).located).toBe(before + 1);
  });
});
