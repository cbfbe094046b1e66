import { BEYOND, communeState, UNKNOWN } from './states';
import { offerTallies } from './tallies';
import type { CoverageCommune, CoverageOffer, NearestResult, Reading } from './types';

export type GroupBy = 'dept' | 'epci';

export interface TerritoryRow {
  /** Département code or EPCI SIREN. */
  code: string;
  name: string;
  communes: number;
  population: number;
  /** Certain gaps (see summarise). */
  beyondCommunes: number;
  beyondPopulation: number;
  /** Share of the territory's inhabitants beyond the threshold (certain gaps), 0–1. */
  beyondPopulationShare: number;
  /** Beyond the threshold where the catalogue is incomplete: not known to be gaps. */
  unknownCommunes: number;
  unknownPopulation: number;
  /** True when the territory lies (at least partly) in a département where the catalogue misses expected offers. */
  incomplete: boolean;
  /** Commune farthest from any selected offer (first in input order on ties). */
  farthestCode: string;
  farthestName: string;
  /** Its distance in km; Infinity when no offer reaches it. */
  farthestKm: number;
  /** Selected offers counted for the territory (see countsForTerritory). */
  offers: number;
  /** Offers per 10,000 inhabitants, or null for a territory without inhabitants. */
  offersPer10k: number | null;
}

export interface TableOptions {
  groupBy: GroupBy;
  thresholdKm: number;
  reading: Reading;
  /** Names of the territories by code; the code stands in when missing. */
  names?: ReadonlyMap<string, string>;
  /** Départements where the catalogue misses expected offers of a selected type (coverage/states.ts). */
  incomplete?: ReadonlySet<string>;
}

/**
 * One row per département or EPCI: communes and inhabitants beyond the
 * threshold, farthest commune, offers per 10,000 inhabitants. An offer counts
 * for a territory when its site lies in one of its communes; in the 'zones'
 * reading also when it declares a zone covering one of the territory's
 * départements (or the region). Rows come in code order.
 */
export function territoryTable(
  communes: readonly CoverageCommune[],
  nearest: NearestResult,
  offers: readonly CoverageOffer[],
  options: TableOptions,
): TerritoryRow[] {
  const key = (c: CoverageCommune) => (options.groupBy === 'dept' ? c.dept : c.epci ?? '');
  const rows = new Map<string, TerritoryRow & { depts: Set<string> }>();
  // The row of each commune, for the offers counted below.
  const rowOfCommune = new Map<string, TerritoryRow & { depts: Set<string> }>();
  communes.forEach((c, i) => {
    const code = key(c);
    let row = rows.get(code);
    if (!row) {
      row = {
        code,
        name: options.names?.get(code) ?? code,
        communes: 0,
        population: 0,
        beyondCommunes: 0,
        beyondPopulation: 0,
        beyondPopulationShare: 0,
        unknownCommunes: 0,
        unknownPopulation: 0,
        incomplete: false,
        farthestCode: '',
        farthestName: '',
        farthestKm: -1,
        offers: 0,
        offersPer10k: null,
        depts: new Set(),
      };
      rows.set(code, row);
    }
    rowOfCommune.set(c.code, row);
    const d = nearest.distanceKm[i]!;
    row.communes++;
    row.population += c.population;
    row.depts.add(c.dept);
    const deptIncomplete = options.incomplete?.has(c.dept) ?? false;
    if (deptIncomplete) row.incomplete = true;
    const state = communeState(d, options.thresholdKm, deptIncomplete);
    if (state === UNKNOWN) {
      row.unknownCommunes++;
      row.unknownPopulation += c.population;
    } else if (state === BEYOND) {
      row.beyondCommunes++;
      row.beyondPopulation += c.population;
    }
    if (d > row.farthestKm) {
      row.farthestKm = d;
      row.farthestCode = c.code;
      row.farthestName = c.name;
    }
  });
  // Offers counted per commune once per selection (tallies.ts), then one lookup per commune:
  // walking 150,000 offer objects here took 40–70 ms of the page at each type change.
  const allRows = [...rows.values()];
  const rowsOfDept = new Map<string, typeof allRows>();
  for (const row of allRows) {
    for (const d of row.depts) {
      const list = rowsOfDept.get(d);
      if (list) list.push(row);
      else rowsOfDept.set(d, [row]);
    }
  }
  const tallies = offerTallies(offers);
  for (const [commune, n] of tallies.sitedByCommune) {
    const row = rowOfCommune.get(commune);
    if (row) row.offers += n;
  }
  if (options.reading === 'zones') {
    for (const j of tallies.zoned) {
      const o = offers[j]!;
      const located = o.lon !== null ? rowOfCommune.get(o.commune) : undefined;
      // An offer counts once per territory, however many of its ways reach it.
      const served = new Set(o.zone.flatMap((z) => (z === 'region' ? allRows : rowsOfDept.get(z) ?? [])));
      if (located) served.delete(located);
      for (const row of served) row.offers++;
    }
  }
  return [...rows.values()]
    .map(({ depts: _depts, ...row }) => ({
      ...row,
      beyondPopulationShare: row.population > 0 ? row.beyondPopulation / row.population : 0,
      offersPer10k: row.population > 0 ? (row.offers / row.population) * 10_000 : null,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export type SortKey =
  | 'name'
  | 'beyondCommunes'
  | 'beyondPopulation'
  | 'beyondPopulationShare'
  | 'unknownPopulation'
  | 'farthestKm'
  | 'offersPer10k'
  | 'population';

/** Rows sorted by a column (a new array); ties keep code order, nulls last. */
export function sortRows(rows: readonly TerritoryRow[], by: SortKey, descending: boolean): TerritoryRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (by === 'name') return sign * a.name.localeCompare(b.name, 'fr') || a.code.localeCompare(b.code);
    const x = a[by];
    const y = b[by];
    if (x === null && y === null) return a.code.localeCompare(b.code);
    if (x === null) return 1;
    if (y === null) return -1;
    if (x === y) return a.code.localeCompare(b.code);
    return sign * (x < y ? -1 : 1);
  });
}
