import { isBeyond } from './summary';
import { writeCsv } from '../export/csv';
import { communeState, STATE_CODES } from './states';
import type { CommuneState, CoverageCommune, CoverageOffer, NearestResult } from './types';

// CSV for French spreadsheets: semicolon separator, UTF-8 byte order mark,
// CRLF line ends, and no cell a spreadsheet would run as a formula.

/** Prefix a quote to a cell a spreadsheet would read as a formula: one rule for every export. */
export { neutraliseCell as neutralise } from '../export/formula';

/** One CSV document from rows of cells (the first row is the header), by the one CSV writer (export/csv.ts). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>, options: { separator?: ';' | ',' | '\t'; bom?: boolean } = {}): string {
  return writeCsv(rows, { delimiter: options.separator ?? ';', bom: options.bom !== false });
}

export interface CommuneCsvOptions {
  thresholdKm: number;
  /** Only the communes beyond the threshold (the export of the app), or all of them (the CLI). */
  onlyBeyond: boolean;
  /** ',' for French spreadsheets, '.' for scripts. */
  decimal?: ',' | '.';
  /** Header cells, in column order; defaults to stable snake_case names. */
  headers?: readonly string[];
  /** Text of the structure column when no offer is selected. */
  noOfferText?: string;
  deptNames?: ReadonlyMap<string, string>;
  epciNames?: ReadonlyMap<string, string>;
  /** Départements where the catalogue misses expected offers: their communes beyond are `unknown`. */
  incomplete?: ReadonlySet<string>;
  /** Text of the state column, by state; defaults to covered / beyond / unknown. */
  stateText?: Readonly<Record<CommuneState, string>>;
}

export const COMMUNE_CSV_COLUMNS = [
  'code_insee',
  'commune',
  'departement',
  'epci',
  'population',
  'distance_km',
  'au_dela_du_seuil',
  'etat',
  'desservie_par_zone',
  'structure_la_plus_proche',
  'type_structure',
  'id_structure',
] as const;

/**
 * Per-commune rows (header first), farthest commune first: distance to the
 * nearest selected offer, the offer, whether the commune is beyond, and its
 * state (covered, beyond = certain gap, unknown = catalogue incomplete there).
 * `onlyBeyond` keeps the communes beyond the threshold, certain or unknown.
 */
export function communeCsvRows(
  communes: readonly CoverageCommune[],
  nearest: NearestResult,
  offers: readonly CoverageOffer[],
  options: CommuneCsvOptions,
): string[][] {
  const decimal = options.decimal ?? '.';
  const rows: string[][] = [[...(options.headers ?? COMMUNE_CSV_COLUMNS)]];
  const order = communes.map((_, i) => i).sort((a, b) => nearest.distanceKm[b]! - nearest.distanceKm[a]! || a - b);
  for (const i of order) {
    const c = communes[i]!;
    const d = nearest.distanceKm[i]!;
    const beyond = isBeyond(d, options.thresholdKm);
    if (options.onlyBeyond && !beyond) continue;
    const state = STATE_CODES[communeState(d, options.thresholdKm, options.incomplete?.has(c.dept) ?? false)]!;
    const o = offers[nearest.offer[i]!];
    const dept = options.deptNames?.get(c.dept);
    const epci = c.epci ? options.epciNames?.get(c.epci) ?? c.epci : '';
    rows.push([
      c.code,
      c.name,
      dept ? `${c.dept} ${dept}` : c.dept,
      epci,
      String(c.population),
      Number.isFinite(d) ? d.toFixed(1).replace('.', decimal) : '',
      beyond ? '1' : '0',
      options.stateText?.[state] ?? state,
      nearest.byZone[i] ? '1' : '0',
      o ? o.name : options.noOfferText ?? '',
      o ? o.type : '',
      o ? o.id : '',
    ]);
  }
  return rows;
}
