// Raw rows → Structures, with every problem reported by line and column.
import { placeKey } from '../text/normalise';
import { haversineKm } from '../geo/distance';
import { isHttpUrl } from '../safe-url';
import type { Issue, Precision, RegionConfig, Status, Structure } from '../types';
import { splitList, type CatalogueColumn, type RawRow } from './columns';
import { catalogueIssue, joinList, type CatalogueCode, type MessageParams } from './messages';

/** What validation needs to know of a commune; `Commune` fits. Without lon/lat the commune cannot place a structure. */
export interface CommuneRef {
  code: string;
  name: string;
  dept: string;
  lon?: number;
  lat?: number;
}

export interface CatalogueContext {
  config: Pick<RegionConfig, 'name' | 'offerTypes' | 'stages' | 'departements' | 'bounds'>;
  /** Communes of the region by INSEE code: a commune outside this map is outside the region. */
  communes: ReadonlyMap<string, CommuneRef>;
  /**
   * Whether a point lies inside the region (e.g. a test against the départements' polygons).
   * Defaults to the configured bounding box, which is looser near the borders.
   */
  inRegion?: (lon: number, lat: number) => boolean;
}

/**
 * What the one validation demands, by way in. The catalogue (data/structures.csv) and a
 * partner's file must cite a source and the date of their last check for every row; the
 * catalogue build stops on any error, a partner's rows with an error are left out and
 * listed. An import (Import tab, `npm run import`) repairs what it can first (codes,
 * coordinates, communes by name, dates, contacts, ids: src/domain/import/import-table.ts),
 * keeps rows with warnings and rejects the others into a downloadable file; a source or a
 * date it lacks is a warning there, given by the import itself.
 */
export interface ValidationPolicy {
  requireSourceAndDate: boolean;
  /** Whether a row without a stage gets a warning (an import without a stages column says it once instead). */
  warnNoStage: boolean;
}

export const STRICT_POLICY: ValidationPolicy = { requireSourceAndDate: true, warnNoStage: true };

export interface ValidatedCatalogue {
  structures: Structure[];
  issues: Issue[];
}

/** Explicit coordinates further than this from the commune's point get a warning (likely a wrong commune or a typo). */
const FAR_FROM_COMMUNE_KM = 20;

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CODE_PATTERN = /^(?:\d{2}|2A|2B)\d{3}$/;
const EMAIL_PATTERN = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;
const PHONE_PATTERN = /^\+?[\d\s.()-]{6,}$/;
const STATUSES: readonly Status[] = ['verified', 'to_check', 'closed'];
const SOURCE_DATE_PATTERN = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-\d{2})?)?$/;
const PRECISIONS = ['address', 'commune', 'none'] as const;

/**
 * Checks raw rows against the region's configuration and communes, and builds the
 * structures. A row with an error is left out of `structures` and its errors are in
 * `issues` (nothing is dropped silently); warnings keep the row. Position: lon/lat when
 * given (precision "address"), else the commune's representative point (precision
 * "commune"), else none ("sans localisation").
 *
 * @example validateStructures(parseCatalogueCsv(text).rows, { config, communes }).issues
 */
export function validateStructures(rows: readonly RawRow[], ctx: CatalogueContext, policy: ValidationPolicy = STRICT_POLICY): ValidatedCatalogue {
  const validate = structureValidator(ctx, policy);
  const structures: Structure[] = [];
  const issues: Issue[] = [];
  for (const row of rows) {
    const structure = validate(row, issues);
    if (structure) structures.push(structure);
  }
  return { structures, issues };
}

/**
 * validateStructures one row at a time, for a caller that builds rows as it reads them (the
 * import): appends the row's issues to `issues` and returns its structure, or null when the
 * row has an error. Ids are checked for duplicates across the rows given to one validator.
 *
 * @example const validate = structureValidator(ctx, policy); validate({ line: 2, values }, issues)
 */
export function structureValidator(ctx: CatalogueContext, policy: ValidationPolicy = STRICT_POLICY): (row: RawRow, issues: Issue[]) => Structure | null {
  const firstLineOfId = new Map<string, number>();
  const inRegion = ctx.inRegion ?? bboxTest(ctx.config.bounds);
  const types = new Set(ctx.config.offerTypes.map((t) => t.id));
  const stages = new Set(ctx.config.stages.map((s) => s.id));
  const depts = new Set(ctx.config.departements);
  const region = { region: ctx.config.name.en, regionFr: ctx.config.name.fr };
  let communesByName: Map<string, CommuneRef[]> | null = null;

  // The row being checked: err and warn are made once, not per row.
  let line = 0;
  let rowIssues: Issue[] = [];
  let errors = 0;
  const err = (field: CatalogueColumn, code: CatalogueCode, params: MessageParams = {}) => {
    rowIssues.push(catalogueIssue('error', code, params, { line, field }));
    errors++;
  };
  const warn = (field: CatalogueColumn, code: CatalogueCode, params: MessageParams = {}) => {
    rowIssues.push(catalogueIssue('warning', code, params, { line, field }));
  };

  return (row, issues) => {
    const v = row.values;
    line = row.line;
    rowIssues = issues;
    errors = 0;

    // id
    if (v.id === '') err('id', 'catalogue.missingId');
    else if (!ID_PATTERN.test(v.id)) err('id', 'catalogue.idNotSlug', { value: v.id });
    else {
      const first = firstLineOfId.get(v.id);
      if (first !== undefined) err('id', 'catalogue.duplicateId', { value: v.id, first });
      else firstLineOfId.set(v.id, row.line);
    }

    // name
    if (v.name === '') err('name', 'catalogue.missingName');

    // type
    const type = v.type.toLowerCase();
    if (type === '') err('type', 'catalogue.missingType');
    else if (!types.has(type)) err('type', 'catalogue.unknownType', { value: v.type, expected: joinList([...types]) });

    // stages
    const rowStages = unique(splitList(v.stages.toLowerCase()));
    for (const s of rowStages) {
      if (!stages.has(s)) err('stages', 'catalogue.unknownStage', { value: s, expected: joinList([...stages]) });
    }
    if (rowStages.length === 0 && policy.warnNoStage) warn('stages', 'catalogue.noStage');

    // postcode
    if (v.postcode !== '' && !/^\d{5}$/.test(v.postcode)) {
      err('postcode', 'catalogue.badPostcode', { value: v.postcode, fourDigits: /^\d{4}$/.test(v.postcode) ? 1 : 0 });
    }

    // commune
    let commune: CommuneRef | undefined;
    if (v.commune !== '') {
      if (CODE_PATTERN.test(v.commune)) {
        commune = ctx.communes.get(v.commune);
        if (!commune) err('commune', 'catalogue.communeNotInRegion', { value: v.commune, ...region });
      } else if (/^\d{4}$/.test(v.commune)) {
        err('commune', 'catalogue.commune4Digits', { value: v.commune, padded: `0${v.commune}` });
      } else {
        communesByName ??= indexByName(ctx.communes);
        const matches = communesByName.get(placeKey(v.commune)) ?? [];
        err('commune', 'catalogue.communeNotCode', { value: v.commune, matches: joinList(matches.map((c) => `${c.code} (${c.dept})`)) });
      }
    }

    // département: the commune's when placed; the column names it for a row placed at no commune.
    let departement = commune?.dept ?? '';
    const namedDept = v.departement.toUpperCase();
    if (namedDept !== '') {
      if (!depts.has(namedDept)) {
        err('departement', 'catalogue.unknownDepartement', { value: v.departement, depts: joinList([...depts]), ...region });
      } else if (commune && commune.dept !== namedDept) {
        err('departement', 'catalogue.departementMismatch', { value: namedDept, code: commune.code, dept: commune.dept });
      } else departement = namedDept;
    }

    // precision and position
    const declared = v.precision.toLowerCase();
    if (declared !== '' && !(PRECISIONS as readonly string[]).includes(declared)) {
      err('precision', 'catalogue.unknownPrecision', { value: v.precision });
    }
    const point = row.point;
    const coords: [number, number] | null =
      point === undefined
        ? readCoordinates(v.lon, v.lat, err)
        : readsAsWritten(point)
          ? [point.lon, point.lat]
          : readCoordinates(String(point.lon), String(point.lat), err);
    if (coords) {
      const [lon, lat] = coords;
      if (!inRegion(lon, lat)) {
        err('lon', 'catalogue.outsideRegion', { lon, lat, ...region, swapped: inRegion(lat, lon) ? 1 : 0 });
      } else if (commune?.lon !== undefined && commune.lat !== undefined) {
        const km = haversineKm(lon, lat, commune.lon, commune.lat);
        if (km > FAR_FROM_COMMUNE_KM) {
          warn('lon', 'catalogue.farFromCommune', { km: Math.round(km), commune: commune.name, code: commune.code });
        }
      }
      if (declared === 'commune') err('precision', 'catalogue.communePrecisionWithPoint');
      if (declared === 'none') err('precision', 'catalogue.nonePrecisionWithPoint');
    } else if (point === undefined && v.lon === '' && v.lat === '') {
      if (declared === 'address') err('precision', 'catalogue.addressPrecisionNeedsPoint');
      if (declared === 'commune' && v.commune === '') err('precision', 'catalogue.communePrecisionNeedsCommune');
    }

    let precision: Precision = 'none';
    let lon: number | null = null;
    let lat: number | null = null;
    if (coords) {
      precision = 'address';
      [lon, lat] = coords;
    } else if (commune && declared === 'none') {
      warn('precision', 'catalogue.nonePrecisionWithCommune');
    } else if (commune) {
      precision = 'commune';
      if (commune.lon !== undefined && commune.lat !== undefined) {
        lon = commune.lon;
        lat = commune.lat;
      } else {
        warn('commune', 'catalogue.communeWithoutPoint', { code: commune.code });
      }
    }

    // contact
    if (v.website !== '' && !isHttpUrl(v.website)) err('website', 'catalogue.badWebsite', { value: v.website });
    if (v.email !== '' && !EMAIL_PATTERN.test(v.email)) err('email', 'catalogue.badEmail', { value: v.email });
    if (v.phone !== '' && !PHONE_PATTERN.test(v.phone)) err('phone', 'catalogue.badPhone', { value: v.phone });

    // source
    if (v.source === '') {
      if (policy.requireSourceAndDate) err('source', 'catalogue.missingSource');
    } else {
      const bad = v.source.split(/\s+\|\s+/).filter((s) => !isHttpUrl(s.trim()));
      if (bad.length > 0) err('source', 'catalogue.badSource', { values: joinList(bad) });
    }

    // source date: the sources' own date, kept apart from the date of the check
    if (v.source_date !== '' && !(SOURCE_DATE_PATTERN.test(v.source_date) && (v.source_date.length < 10 || isIsoDate(v.source_date)))) {
      err('source_date', 'catalogue.badSourceDate', { value: v.source_date });
    }

    // updated
    if (v.updated === '') {
      if (policy.requireSourceAndDate) err('updated', 'catalogue.missingUpdated');
    } else if (!isIsoDate(v.updated)) err('updated', 'catalogue.badDate', { value: v.updated });

    // status
    const status = v.status.toLowerCase();
    if (!(STATUSES as readonly string[]).includes(status)) {
      if (v.status === '') err('status', 'catalogue.missingStatus');
      else err('status', 'catalogue.unknownStatus', { value: v.status });
    }

    // zone
    const zone = unique(splitList(v.zone).map((z) => (z.toLowerCase() === 'region' ? 'region' : z.toUpperCase())));
    for (const z of zone) {
      if (z !== 'region' && !depts.has(z)) {
        const padded = /^\d$/.test(z) && depts.has(`0${z}`) ? `0${z}` : '';
        err('zone', 'catalogue.unknownZone', { value: z, padded, depts: joinList([...depts]), ...region });
      }
    }

    if (errors > 0) return null;
    return {
      id: v.id,
      name: v.name,
      type,
      stages: rowStages,
      address: v.address,
      postcode: v.postcode,
      commune: commune ? commune.code : '',
      departement,
      lon,
      lat,
      precision,
      website: v.website,
      email: v.email,
      phone: v.phone,
      hours: v.hours,
      description: v.description,
      source: v.source,
      quote: v.quote,
      sourceDate: v.source_date,
      updated: v.updated,
      status: status as Status,
      zone,
    };
  };
}

/** Reads lon/lat; returns null when both are empty or when one is wrong (then an error is added). */
function readCoordinates(
  lonText: string,
  latText: string,
  err: (field: 'lon' | 'lat', code: CatalogueCode, params?: MessageParams) => void,
): [number, number] | null {
  if (lonText === '' && latText === '') return null;
  if (lonText === '' || latText === '') {
    err(lonText === '' ? 'lon' : 'lat', 'catalogue.halfCoordinates');
    return null;
  }
  const lon = readNumber(lonText);
  const lat = readNumber(latText);
  let ok = true;
  if (lon === null) {
    err('lon', 'catalogue.notDecimal', { axis: 'lon', value: lonText, comma: lonText.includes(',') ? 1 : 0 });
    ok = false;
  } else if (lon < -180 || lon > 180) {
    err('lon', 'catalogue.lonOutOfRange', { value: lon });
    ok = false;
  }
  if (lat === null) {
    err('lat', 'catalogue.notDecimal', { axis: 'lat', value: latText, comma: latText.includes(',') ? 1 : 0 });
    ok = false;
  } else if (lat < -90 || lat > 90) {
    const swapped = lon !== null && Math.abs(lon) <= 90 && Math.abs(lat) <= 180 ? 1 : 0;
    err('lat', 'catalogue.latOutOfRange', { value: lat, swapped });
    ok = false;
  }
  return ok && lon !== null && lat !== null ? [lon, lat] : null;
}

/**
 * Whether readCoordinates would give these numbers back from their text without a word: a
 * number JavaScript writes without an exponent reads back as itself (-0 reads back as 0).
 */
function readsAsWritten(point: { lon: number; lat: number }): boolean {
  return plainNumber(point.lon) && plainNumber(point.lat) && Math.abs(point.lon) <= 180 && Math.abs(point.lat) <= 90;
}

function plainNumber(n: number): boolean {
  const size = Math.abs(n);
  return n === 0 ? !Object.is(n, -0) : size >= 1e-6 && size < 1e21;
}

function readNumber(text: string): number | null {
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function isIsoDate(text: string): boolean {
  const m = DATE_PATTERN.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function bboxTest(bounds: RegionConfig['bounds']): (lon: number, lat: number) => boolean {
  const [[west, south], [east, north]] = bounds;
  return (lon, lat) => lon >= west && lon <= east && lat >= south && lat <= north;
}

/** The items without repeats, first occurrences in order (lists hold a few items: no Set). */
function unique(items: string[]): string[] {
  if (items.length < 2) return items;
  const out: string[] = [];
  for (const item of items) if (!out.includes(item)) out.push(item);
  return out;
}

function indexByName(communes: ReadonlyMap<string, CommuneRef>): Map<string, CommuneRef[]> {
  const index = new Map<string, CommuneRef[]>();
  for (const c of communes.values()) {
    const key = placeKey(c.name);
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  }
  return index;
}
