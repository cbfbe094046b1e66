import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestOffers, suggestSites, summarise, type CoverageCommune, type CoverageOffer } from '../../src/domain/coverage/index.ts';
import { haversineKm } from '../../src/domain/geo/distance.ts';
import { mulberry32, randomCommunes, randomOffers } from '../fixtures/coverage/random.ts';

const line = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/coverage/line.json'), 'utf8')) as {
  communes: CoverageCommune[];
  offers: CoverageOffer[];
};

/** Brute-force greedy: every candidate against every uncovered commune, recomputed each round. */
function bruteGreedy(communes: CoverageCommune[], distance: ArrayLike<number>, km: number, count: number) {
  const uncovered = new Set(communes.map((_, i) => i).filter((i) => !(distance[i]! <= km)));
  const picks: Array<{ commune: number; gain: number; communes: number }> = [];
  for (let round = 0; round < count; round++) {
    let best = -1;
    let bestGain = 0;
    let bestReach: number[] = [];
    communes.forEach((c, i) => {
      const reach = [...uncovered].filter((u) => haversineKm(c.lon, c.lat, communes[u]!.lon, communes[u]!.lat) <= km);
      const gain = reach.reduce((s, u) => s + communes[u]!.population, 0);
      if (gain > bestGain) {
        best = i;
        bestGain = gain;
        bestReach = reach;
      }
    });
    if (best < 0) break;
    for (const u of bestReach) uncovered.delete(u);
    picks.push({ commune: best, gain: bestGain, communes: bestReach.length });
  }
  return picks;
}

describe('suggestSites', () => {
  it('known answer on the line: Foxtrot first (8,100 inhabitants), then Charlie (700), then nothing', () => {
    const r = nearestOffers(line.communes, line.offers.slice(0, 1), 'site');
    const s = suggestSites(line.communes, r, 15, 3);
    expect(s.map((x) => [x.rank, x.code, x.gainPopulation, x.gainCommunes])).toEqual([
      [1, '00006', 8100, 3],
      [2, '00003', 700, 2],
    ]);
    expect(s[0]).toMatchObject({ name: 'Foxtrot', lon: 2, lat: 43.5 });
  });

  it('the gains add up: adding the suggestions as sites covers exactly that many more inhabitants', () => {
    const rand = mulberry32(5);
    const communes = randomCommunes(rand, 500);
    const offers = randomOffers(rand, 6);
    const r = nearestOffers(communes, offers, 'site');
    const s = suggestSites(communes, r, 25, 3);
    const before = summarise(communes, r, 25).beyondPopulation;
    const added: CoverageOffer[] = s.map((x) => ({ ...offers[0]!, id: `s${x.rank}`, lon: x.lon, lat: x.lat }));
    const after = summarise(communes, nearestOffers(communes, [...offers, ...added], 'site'), 25).beyondPopulation;
    expect(before - after).toBe(s.reduce((sum, x) => sum + x.gainPopulation, 0));
  });

  for (const [seed, km] of [
    [31, 20],
    [32, 30],
    [33, 45],
    [34, 12],
  ] as const) {
    it(`greedy picks and gains match brute force (seed ${seed}, ${km} km)`, () => {
      const rand = mulberry32(seed);
      const communes = randomCommunes(rand, 160);
      const r = nearestOffers(communes, randomOffers(rand, 4), 'site');
      const got = suggestSites(communes, r, km, 3);
      const want = bruteGreedy(communes, r.distanceKm, km, 3);
      expect(got.map((x) => [x.commune, x.gainPopulation, x.gainCommunes])).toEqual(want.map((w) => [w.commune, w.gain, w.communes]));
      // Each gain is no larger than the one before (greedy on a coverage function).
      for (let i = 1; i < got.length; i++) expect(got[i]!.gainPopulation).toBeLessThanOrEqual(got[i - 1]!.gainPopulation);
    });
  }

  it('suggests nothing when every commune is covered', () => {
    const r = nearestOffers(line.communes, line.offers.slice(0, 1), 'site');
    expect(suggestSites(line.communes, r, 100, 3)).toEqual([]);
  });

  it('with no offer at all, the first pick is the densest place', () => {
    const r = nearestOffers(line.communes, [], 'site');
    const s = suggestSites(line.communes, r, 15, 1);
    expect(s[0]!.code).toBe('00006'); // Foxtrot reaches Echo, Foxtrot and Golf: 8,100
    expect(s[0]!.gainPopulation).toBe(8100);
  });
});
