import { describe, expect, it } from 'vitest';
import { catalogueCompleteness, checkExpectations, type CatalogueExpectation } from '../../src/domain/catalogue/expectations';
import {
  communeCsvRows,
  communeStates,
  incompleteDepartements,
  nearestOffers,
  selectOffers,
  suggestSites,
  summarise,
  territoryTable,
  type CoverageCommune,
  type Reading,
} from '../../src/domain/coverage/index';
import { haversineKm } from '../../src/domain/geo/distance';
import type { RegionConfig, Status, Structure } from '../../src/domain/types';
import { mulberry32, randomCommunes } from '../fixtures/coverage/random';
import { makeStructure } from '../fixtures/structure';

// Three states against brute force: covered when an open selected offer lies within the
// threshold (or serves the commune's département by its zone, in the zones reading);
// otherwise unknown when a selected type expected in every département has fewer placed
// open offers there than expected; otherwise beyond.

const DEPTS = ['D1', 'D2', 'D3'];
const TYPES = ['mr', 'dla', 'inc'];

function structure(over: Partial<Structure> & Pick<Structure, 'id' | 'type'>): Structure {
  return makeStructure({ name: over.id, stages: ['creation'], status: 'to_check', ...over });
}

interface Case {
  communes: CoverageCommune[];
  structures: Structure[];
  expectations: CatalogueExpectation[];
}

function randomCase(seed: number): Case {
  const rand = mulberry32(seed);
  const communes = randomCommunes(rand, 120, undefined, DEPTS);
  const statuses: Status[] = ['verified', 'to_check', 'closed'];
  const structures: Structure[] = Array.from({ length: 14 }, (_, i) => {
    const placed = rand() < 0.75;
    const home = communes[Math.floor(rand() * communes.length)]!;
    return structure({
      id: `s${i}`,
      type: TYPES[Math.floor(rand() * TYPES.length)]!,
      status: statuses[Math.floor(rand() * 3)]!,
      commune: placed ? home.code : '',
      departement: placed || rand() < 0.6 ? home.dept : '',
      lon: placed ? home.lon + (rand() - 0.5) * 0.1 : null,
      lat: placed ? home.lat + (rand() - 0.5) * 0.1 : null,
      precision: placed ? 'address' : 'none',
      zone: rand() < 0.2 ? [rand() < 0.3 ? 'region' : DEPTS[Math.floor(rand() * 3)]!] : [],
    });
  });
  const source = [{ url: 'https://example.org/e', quote: 'one per département', date: '2024' }];
  const expectations: CatalogueExpectation[] = [
    { type: 'mr', perDepartement: 1, source },
    { type: 'dla', perDepartement: 1 + Math.floor(rand() * 2), regional: 1, source },
  ];
  return { communes, structures, expectations };
}

/** The rule, written out plainly: no index, no shared helper. */
function bruteState(c: CoverageCommune, kase: Case, types: string[] | null, verifiedOnly: boolean, reading: Reading, km: number): string {
  const open = kase.structures.filter((s) => s.status !== 'closed' && (!verifiedOnly || s.status === 'verified') && (types === null || types.includes(s.type)));
  let best = Infinity;
  for (const s of open) {
    if (reading === 'zones' && (s.zone.includes('region') || s.zone.includes(c.dept))) best = 0;
    if (s.lon !== null && s.lat !== null) best = Math.min(best, haversineKm(c.lon, c.lat, s.lon, s.lat));
  }
  if (best <= km) return 'covered';
  for (const e of kase.expectations) {
    if (!e.perDepartement || (types !== null && !types.includes(e.type))) continue;
    const placed = open.filter((s) => s.type === e.type && s.departement === c.dept && s.lon !== null).length;
    if (placed < e.perDepartement) return 'unknown';
  }
  return 'beyond';
}

describe('coverage in three states, against brute force', () => {
  const selections: Array<string[] | null> = [null, ['mr'], ['dla', 'inc'], ['inc']];
  for (let seed = 1; seed <= 25; seed++) {
    it(`seed ${seed}: states, figures, tables and CSV agree with the rule`, () => {
      const kase = randomCase(seed);
      for (const types of selections) {
        for (const verifiedOnly of [false, true]) {
          for (const reading of ['site', 'zones'] as const) {
            const km = 20 + (seed % 4) * 15;
            const offers = selectOffers(kase.structures, { types, stages: [], verifiedOnly });
            const nearest = nearestOffers(kase.communes, offers, reading);
            const incomplete = incompleteDepartements(offers, kase.expectations, types, DEPTS);
            const states = communeStates(kase.communes, nearest, km, incomplete);
            const expected = kase.communes.map((c) => bruteState(c, kase, types, verifiedOnly, reading, km));
            expect([...states].map((s) => ['covered', 'beyond', 'unknown'][s])).toEqual(expected);

            const count = (state: string) => expected.filter((e) => e === state).length;
            const pop = (state: string) => kase.communes.reduce((n, c, i) => n + (expected[i] === state ? c.population : 0), 0);
            const summary = summarise(kase.communes, nearest, km, incomplete);
            expect([summary.coveredCommunes, summary.beyondCommunes, summary.unknownCommunes]).toEqual([count('covered'), count('beyond'), count('unknown')]);
            expect([summary.coveredPopulation, summary.beyondPopulation, summary.unknownPopulation]).toEqual([pop('covered'), pop('beyond'), pop('unknown')]);

            const rows = territoryTable(kase.communes, nearest, offers, { groupBy: 'dept', thresholdKm: km, reading, incomplete });
            for (const row of rows) {
              const mine = kase.communes.map((c, i) => [c, expected[i]] as const).filter(([c]) => c.dept === row.code);
              expect(row.unknownCommunes).toBe(mine.filter(([, e]) => e === 'unknown').length);
              expect(row.beyondCommunes).toBe(mine.filter(([, e]) => e === 'beyond').length);
              expect(row.incomplete).toBe(incomplete.has(row.code));
            }

            const csv = communeCsvRows(kase.communes, nearest, offers, { thresholdKm: km, onlyBeyond: false, incomplete });
            const stateByCode = new Map(csv.slice(1).map((r) => [r[0], r[7]]));
            expect(kase.communes.map((c) => stateByCode.get(c.code))).toEqual(expected);
          }
        }
      }
    });
  }

  it('a département with an expectation and no placed offer is unknown, never a certain gap', () => {
    const communes: CoverageCommune[] = [
      { code: '00001', name: 'Near', dept: 'D1', epci: null, population: 10, lon: 1, lat: 43 },
      { code: '00002', name: 'Far', dept: 'D2', epci: null, population: 20, lon: 3, lat: 43 },
    ];
    const structures = [
      structure({ id: 'mr-d1', type: 'mr', commune: '00001', departement: 'D1', lon: 1, lat: 43, precision: 'commune' }),
      // Listed in D2 but placed nowhere: D2 still lacks a placed Maison.
      structure({ id: 'mr-d2', type: 'mr', departement: 'D2' }),
    ];
    const expectations: CatalogueExpectation[] = [{ type: 'mr', perDepartement: 1, source: [{ url: 'https://e.org/x', quote: 'q', date: '' }] }];
    const offers = selectOffers(structures, { types: ['mr'], stages: [] });
    const nearest = nearestOffers(communes, offers, 'site');
    const incomplete = incompleteDepartements(offers, expectations, ['mr'], ['D1', 'D2']);
    expect([...incomplete]).toEqual(['D2']);
    const s = summarise(communes, nearest, 30, incomplete);
    expect([s.beyondCommunes, s.unknownCommunes, s.unknownPopulation]).toEqual([0, 1, 20]);
    // Without the expectation the same commune is a certain gap.
    expect(summarise(communes, nearest, 30).beyondCommunes).toBe(1);
    // Suggestions rank on certain gaps only.
    expect(suggestSites(communes, nearest, 30, 3, incomplete)).toEqual([]);
    expect(suggestSites(communes, nearest, 30, 3).map((x) => x.code)).toEqual(['00002']);
  });

  it('a closed row that would be nearest is never counted', () => {
    const communes: CoverageCommune[] = [{ code: '00001', name: 'A', dept: 'D1', epci: null, population: 5, lon: 1, lat: 43 }];
    const structures = [
      structure({ id: 'old', type: 'inc', status: 'closed', commune: '00001', departement: 'D1', lon: 1, lat: 43, precision: 'commune' }),
      structure({ id: 'open', type: 'inc', commune: '00001', departement: 'D1', lon: 1.5, lat: 43, precision: 'address' }),
    ];
    const offers = selectOffers(structures, { types: null, stages: [] });
    expect(offers.map((o) => o.id)).toEqual(['open']);
    const nearest = nearestOffers(communes, offers, 'site');
    expect(nearest.distanceKm[0]).toBeCloseTo(haversineKm(1, 43, 1.5, 43), 6);
  });
});

describe('catalogue completeness', () => {
  const config: Pick<RegionConfig, 'offerTypes' | 'departements' | 'expectations'> = {
    offerTypes: TYPES.map((id) => ({ id, label: { fr: id, en: id }, color: '#000000', symbol: 'circle' })),
    departements: DEPTS,
    expectations: [{ type: 'mr', perDepartement: 1, source: [{ url: 'https://e.org/x', quote: 'q', date: '2020' }] }],
  };

  it('counts listed, placed and verified open rows per département and type, against brute force', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const kase = randomCase(seed);
      const report = catalogueCompleteness(kase.structures, config);
      for (const cell of report.cells) {
        const rows = kase.structures.filter((s) => s.status !== 'closed' && s.type === cell.type && s.departement === cell.dept);
        expect(cell.listed).toBe(rows.length);
        expect(cell.placed).toBe(rows.filter((s) => s.lon !== null).length);
        expect(cell.verified).toBe(rows.filter((s) => s.status === 'verified').length);
        const expected = cell.type === 'mr' && cell.dept !== '' ? 1 : null;
        expect(cell.expected).toBe(expected);
        expect(cell.state).toBe(expected === null ? 'no_expectation' : cell.placed >= expected ? 'complete' : 'incomplete');
      }
      const mr = report.byType.find((t) => t.type === 'mr')!;
      expect(mr.expectedDepts).toBe(3);
      expect(mr.completeDepts).toBe(report.cells.filter((c) => c.type === 'mr' && c.state === 'complete').length);
      expect(mr.closed).toBe(kase.structures.filter((s) => s.type === 'mr' && s.status === 'closed').length);
    }
  });

  it('rejects an unknown type or a missing source, naming the key', () => {
    const base = { offerTypes: config.offerTypes };
    expect(
      checkExpectations({ ...base, expectations: [{ type: 'zzz', perDepartement: 1, source: [{ url: 'https://e.org', quote: 'q', date: '' }] }] }),
    ).toEqual(['expectations[0].type "zzz" is not an offer type of the region (mr, dla, inc)']);
    expect(checkExpectations({ ...base, expectations: [{ type: 'mr', perDepartement: 1, source: [] }] })).toEqual([
      'expectations[0].source is missing: give at least one public source { url, quote, date }',
    ]);
    expect(checkExpectations({ ...base, expectations: [{ type: 'mr', regional: 1, source: [{ url: 'nope', quote: '', date: 'hier' }] }] })).toEqual([
      'expectations[0].source[0].url must be a public http(s) URL',
      'expectations[0].source[0].quote is missing',
      'expectations[0].source[0].date must be YYYY, YYYY-MM, YYYY-MM-DD or empty',
    ]);
  });
});
