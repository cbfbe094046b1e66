// Coverage in three states (covered, beyond, unknown where the catalogue is incomplete):
// the recompute a referent triggers by moving the threshold or the selection, with the
// completeness check, against a plain brute-force loop over the same inputs (the rule
// written out, no index), measured in the same run and checked equal commune by commune.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FeatureCollection, Point } from 'geojson';
import {
  communeStates,
  incompleteDepartements,
  nearestOffers,
  selectOffers,
  summarise,
  type CoverageCommune,
  type CoverageOffer,
} from '../../src/domain/coverage/index';
import { haversineKm } from '../../src/domain/geo/distance';
import { mulberry32 } from '../../src/domain/random';
import type { CatalogueExpectation } from '../../src/domain/catalogue/expectations';
import type { Commune, RegionConfig, Structure } from '../../src/domain/types';
import { ms, timeMedian, type BenchRow } from './types';

const GROUP = 'coverage (3 states)';
const DATA = resolve(import.meta.dirname, '../../public/data/occitanie');
const KM = 30;

/** The rule, plainly: every commune against every offer, then the département's expectation. */
function brute(communes: readonly CoverageCommune[], offers: readonly CoverageOffer[], expectations: readonly CatalogueExpectation[], km: number): Uint8Array {
  const placedByDeptType = new Map<string, number>();
  for (const o of offers)
    if (o.lon !== null && o.departement) placedByDeptType.set(`${o.departement}|${o.type}`, (placedByDeptType.get(`${o.departement}|${o.type}`) ?? 0) + 1);
  const out = new Uint8Array(communes.length);
  communes.forEach((c, i) => {
    let best = Infinity;
    for (const o of offers) if (o.lon !== null && o.lat !== null) best = Math.min(best, haversineKm(c.lon, c.lat, o.lon, o.lat));
    if (best <= km) return;
    const short = expectations.some((e) => (e.perDepartement ?? 0) > (placedByDeptType.get(`${c.dept}|${e.type}`) ?? 0));
    out[i] = short ? 2 : 1;
  });
  return out;
}

function measure(
  label: string,
  communes: CoverageCommune[],
  offers: CoverageOffer[],
  expectations: CatalogueExpectation[],
  depts: string[],
  note: string,
): BenchRow[] {
  const fast = () => {
    const nearest = nearestOffers(communes, offers, 'site');
    const incomplete = incompleteDepartements(offers, expectations, null, depts);
    summarise(communes, nearest, KM, incomplete);
    return communeStates(communes, nearest, KM, incomplete);
  };
  const a = fast();
  // The brute force is quadratic: on a large case it runs on every `step`-th commune and its
  // time is scaled up by `step` (linear in the communes); the states are checked on that sample.
  const step = communes.length < 10_000 ? 1 : 10;
  const sample = communes.filter((_, i) => i % step === 0);
  const b = brute(sample, offers, expectations, KM);
  for (let k = 0; k < sample.length; k++) {
    if (a[k * step] !== b[k]) throw new Error(`${label}: states differ at commune ${k * step} (${a[k * step]} vs ${b[k]})`);
  }
  const reps = communes.length < 10_000 ? 20 : 1;
  const fastMs =
    timeMedian(() => {
      for (let k = 0; k < reps; k++) fast();
    }, 7) / reps;
  const slowMs = timeMedian(() => brute(sample, offers, expectations, KM), step === 1 ? 3 : 1) * step;
  return [
    { group: GROUP, name: `${label}: recompute with states`, value: ms(fastMs), ratio: `${(slowMs / fastMs).toFixed(0)}× faster`, note },
    {
      group: GROUP,
      name: `${label}: brute force, same states`,
      value: ms(slowMs),
      note: step === 1 ? 'checked equal, commune by commune' : `on every ${step}th commune, time × ${step}; checked equal on that sample`,
    },
  ];
}

export async function run(): Promise<BenchRow[]> {
  const read = <T>(name: string) => JSON.parse(readFileSync(resolve(DATA, name), 'utf8')) as T;
  const communes = read<Commune[]>('communes.json');
  const config = read<RegionConfig>('config.json');
  const structures = read<FeatureCollection<Point | null, Structure>>('structures.geojson').features.map((f) => f.properties);
  const offers = selectOffers(structures, { types: null, stages: [] });
  const rows = measure(
    'Occitanie',
    communes,
    offers,
    config.expectations ?? [],
    config.departements,
    `${communes.length} communes, ${offers.length} open offers, ${KM} km`,
  );

  // National synthetic case: 35,000 communes in 96 départements, 10,000 sites of two types, one expected per département.
  const rand = mulberry32(2027);
  const box = { west: -4.8, south: 42.3, east: 8.2, north: 51.1 };
  const depts = Array.from({ length: 96 }, (_, i) => String(i + 1).padStart(2, '0'));
  const national: CoverageCommune[] = Array.from({ length: 35_000 }, (_, i) => ({
    code: String(i),
    name: `C${i}`,
    dept: depts[i % 96]!,
    epci: null,
    population: Math.floor(rand() * 3000),
    lon: box.west + rand() * (box.east - box.west),
    lat: box.south + rand() * (box.north - box.south),
  }));
  const sites: CoverageOffer[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `o${i}`,
    name: `O${i}`,
    type: i % 50 === 0 ? 'expected' : 'other',
    lon: box.west + rand() * (box.east - box.west),
    lat: box.south + rand() * (box.north - box.south),
    commune: '',
    departement: depts[Math.floor(rand() * 96)]!,
    zone: [],
    hypothetical: false,
  }));
  const expectations: CatalogueExpectation[] = [
    { type: 'expected', perDepartement: 2, source: [{ url: 'https://example.org', quote: 'synthetic', date: '' }] },
  ];
  rows.push(...measure('national (synthetic)', national, sites, expectations, depts, '35,000 communes × 10,000 sites, 96 départements'));
  return rows;
}
