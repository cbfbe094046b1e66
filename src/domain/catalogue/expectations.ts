// What the catalogue should hold, and how complete it is. The region configuration
// declares, per offer type, the presence the region is known to have (with the public
// source that says so); completeness compares the catalogue's open rows with it.
import type { Localized, RegionConfig, Structure } from '../types';

export interface ExpectationSource {
  url: string;
  /** A short verbatim quote of the source stating the expectation. */
  quote: string;
  /** Date of the source (YYYY, YYYY-MM or YYYY-MM-DD), '' when undated. */
  date: string;
}

/** The known presence of one offer type in the region. */
export interface CatalogueExpectation {
  type: string;
  /** Open offers of this type known to exist in every département of the region. */
  perDepartement?: number;
  /** Open region-wide offers of this type known to exist (counted among rows of no département). */
  regional?: number;
  source: ExpectationSource[];
  note?: Localized;
}

export type CompletenessState = 'complete' | 'incomplete' | 'no_expectation';

/** One département (or '' for region-wide offers) × one offer type. */
export interface CompletenessCell {
  /** Département code, or '' for the offers of the whole region (no département). */
  dept: string;
  type: string;
  /** Open rows (verified or to check) of this type in the département. */
  listed: number;
  /** Of those, rows with a position (commune or coordinates). */
  placed: number;
  verified: number;
  /** Expected number, or null when nothing is known. */
  expected: number | null;
  /** complete when placed ≥ expected. */
  state: CompletenessState;
}

export interface TypeCompleteness {
  type: string;
  listed: number;
  placed: number;
  verified: number;
  closed: number;
  /** Départements where the type is expected (0 without a per-département expectation). */
  expectedDepts: number;
  /** Of those, départements with at least the expected placed offers. */
  completeDepts: number;
  /** Départements (of the region) with at least one listed open row. */
  deptsListed: number;
  /** Expected region-wide rows, or null. */
  expectedRegional: number | null;
}

export interface CatalogueCompleteness {
  cells: CompletenessCell[];
  byType: TypeCompleteness[];
}

/** Open: a closed row (no longer operating, historical trace) never counts as an offer. */
export function isOpen(s: Pick<Structure, 'status'>): boolean {
  return s.status !== 'closed';
}

/**
 * Problems of the `expectations` of a region configuration, each naming its key
 * (`expectations[1].source[0].url`). An unknown type or a missing source is an error.
 *
 * @example checkExpectations({ ...config, expectations: [{ type: 'x', perDepartement: 1, source: [] }] })[0]
 */
export function checkExpectations(config: Pick<RegionConfig, 'offerTypes' | 'expectations'>): string[] {
  const problems: string[] = [];
  const list = config.expectations;
  if (list === undefined) return problems;
  if (!Array.isArray(list)) return ['"expectations" must be a list'];
  const types = new Set(config.offerTypes.map((t) => t.id));
  const seen = new Set<string>();
  list.forEach((e, i) => {
    const key = `expectations[${i}]`;
    if (typeof e !== 'object' || e === null) {
      problems.push(`${key} must be an object`);
      return;
    }
    if (typeof e.type !== 'string' || !types.has(e.type)) {
      problems.push(`${key}.type "${String(e.type)}" is not an offer type of the region (${[...types].join(', ')})`);
    } else if (seen.has(e.type)) problems.push(`${key}.type "${e.type}" is declared twice`);
    else seen.add(e.type);
    for (const field of ['perDepartement', 'regional'] as const) {
      const v = e[field];
      if (v !== undefined && !(Number.isInteger(v) && v >= 0)) problems.push(`${key}.${field} must be a whole number ≥ 0`);
    }
    if (e.perDepartement === undefined && e.regional === undefined) problems.push(`${key} needs perDepartement or regional`);
    if (!Array.isArray(e.source) || e.source.length === 0) {
      problems.push(`${key}.source is missing: give at least one public source { url, quote, date }`);
      return;
    }
    e.source.forEach((s, j) => {
      const sk = `${key}.source[${j}]`;
      if (typeof s?.url !== 'string' || !/^https?:\/\/[^\s]+\.[^\s]+$/.test(s.url)) problems.push(`${sk}.url must be a public http(s) URL`);
      if (typeof s?.quote !== 'string' || s.quote.trim() === '') problems.push(`${sk}.quote is missing`);
      if (typeof s?.date !== 'string' || !/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/.test(s.date))
        problems.push(`${sk}.date must be YYYY, YYYY-MM, YYYY-MM-DD or empty`);
    });
  });
  return problems;
}

/**
 * Per département × type: open rows listed, placed and verified against what is
 * expected. A département row counts rows of that département (`departement`);
 * the region row ('') counts rows of no département.
 *
 * @example catalogueCompleteness(structures, config).byType.find((t) => t.type === 'maison_region').completeDepts
 */
export function catalogueCompleteness(
  structures: readonly Structure[],
  config: Pick<RegionConfig, 'offerTypes' | 'departements' | 'expectations'>,
): CatalogueCompleteness {
  const depts = [...config.departements, ''];
  const expectations = new Map((config.expectations ?? []).map((e) => [e.type, e]));
  const key = (dept: string, type: string) => `${dept}|${type}`;
  const cells = new Map<string, CompletenessCell>();
  for (const t of config.offerTypes) {
    const e = expectations.get(t.id);
    for (const dept of depts) {
      const expected = dept === '' ? (e?.regional ?? null) : (e?.perDepartement ?? null);
      cells.set(key(dept, t.id), { dept, type: t.id, listed: 0, placed: 0, verified: 0, expected, state: 'no_expectation' });
    }
  }
  const closed = new Map<string, number>();
  for (const s of structures) {
    if (!isOpen(s)) {
      closed.set(s.type, (closed.get(s.type) ?? 0) + 1);
      continue;
    }
    const cell = cells.get(key(s.departement, s.type));
    if (!cell) continue; // a type or département the region does not know: the validator reports it
    cell.listed++;
    if (s.lon !== null && s.lat !== null) cell.placed++;
    if (s.status === 'verified') cell.verified++;
  }
  for (const cell of cells.values()) {
    if (cell.expected !== null) cell.state = cell.placed >= cell.expected ? 'complete' : 'incomplete';
  }
  const all = [...cells.values()];
  const byType = config.offerTypes.map((t): TypeCompleteness => {
    const own = all.filter((c) => c.type === t.id);
    const deptCells = own.filter((c) => c.dept !== '');
    const expectedCells = deptCells.filter((c) => c.expected !== null && c.expected > 0);
    return {
      type: t.id,
      listed: own.reduce((n, c) => n + c.listed, 0),
      placed: own.reduce((n, c) => n + c.placed, 0),
      verified: own.reduce((n, c) => n + c.verified, 0),
      closed: closed.get(t.id) ?? 0,
      expectedDepts: expectedCells.length,
      completeDepts: expectedCells.filter((c) => c.state === 'complete').length,
      deptsListed: deptCells.filter((c) => c.listed > 0).length,
      expectedRegional: expectations.get(t.id)?.regional ?? null,
    };
  });
  return { cells: all, byType };
}
