// Raw rows → Structures, with every problem reported by line and column.
import { haversineKm } from '../geo/distance';
import type { Issue, Precision, RegionConfig, Status, Structure } from '../types';
import { splitList, type CatalogueColumn, type RawRow } from './columns';

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
const STATUSES: readonly Status[] = ['verified', 'to_check'];
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
export function validateStructures(rows: readonly RawRow[], ctx: CatalogueContext): ValidatedCatalogue {
  const structures: Structure[] = [];
  const issues: Issue[] = [];
  const firstLineOfId = new Map<string, number>();
  const inRegion = ctx.inRegion ?? bboxTest(ctx.config.bounds);
  const types = new Set(ctx.config.offerTypes.map((t) => t.id));
  const stages = new Set(ctx.config.stages.map((s) => s.id));
  const depts = new Set(ctx.config.departements);
  const regionName = ctx.config.name.en;
  let communesByName: Map<string, CommuneRef[]> | null = null;

  for (const row of rows) {
    const v = row.values;
    const rowIssues: Issue[] = [];
    const err = (field: CatalogueColumn, message: string) =>
      rowIssues.push({ line: row.line, field, severity: 'error', message });
    const warn = (field: CatalogueColumn, message: string) =>
      rowIssues.push({ line: row.line, field, severity: 'warning', message });

    // id
    if (v.id === '') err('id', 'Missing id.');
    else if (!ID_PATTERN.test(v.id))
      err('id', `Id "${v.id}" is not a slug: use lower-case letters, digits and single hyphens (e.g. "catalis-toulouse").`);
    else {
      const first = firstLineOfId.get(v.id);
      if (first !== undefined) err('id', `Duplicate id "${v.id}" (first used on line ${first}).`);
      else firstLineOfId.set(v.id, row.line);
    }

    // name
    if (v.name === '') err('name', 'Missing name.');

    // type
    const type = v.type.toLowerCase();
    if (type === '') err('type', 'Missing type.');
    else if (!types.has(type)) err('type', `Unknown type "${v.type}"; expected one of: ${[...types].join(', ')}.`);

    // stages
    const rowStages = unique(splitList(v.stages.toLowerCase()));
    for (const s of rowStages) {
      if (!stages.has(s)) err('stages', `Unknown stage "${s}"; expected some of: ${[...stages].join('|')}.`);
    }
    if (rowStages.length === 0) warn('stages', 'No stage given: the structure is hidden as soon as a stage filter is set.');

    // postcode
    if (v.postcode !== '' && !/^\d{5}$/.test(v.postcode)) {
      err('postcode', `Postcode "${v.postcode}" is not 5 digits${/^\d{4}$/.test(v.postcode) ? ' (leading zero lost by a spreadsheet?)' : ''}.`);
    }

    // commune
    let commune: CommuneRef | undefined;
    if (v.commune !== '') {
      if (CODE_PATTERN.test(v.commune)) {
        commune = ctx.communes.get(v.commune);
        if (!commune) err('commune', `Commune "${v.commune}" is not a current commune of ${regionName}.`);
      } else if (/^\d{4}$/.test(v.commune)) {
        const padded = `0${v.commune}`;
        err('commune', `Commune "${v.commune}" has 4 digits: INSEE codes have 5 (leading zero lost by a spreadsheet? "${padded}").`);
      } else {
        communesByName ??= indexByName(ctx.communes);
        const matches = communesByName.get(nameKey(v.commune)) ?? [];
        const hint = matches.length > 0 ? ` "${v.commune}" is ${matches.map((c) => `${c.code} (${c.dept})`).join(' or ')}.` : '';
        err('commune', `Commune must be a 5-character INSEE code, got "${v.commune}".${hint}`);
      }
    }

    // precision and position
    const declared = v.precision.toLowerCase();
    if (declared !== '' && !(PRECISIONS as readonly string[]).includes(declared)) {
      err('precision', `Unknown precision "${v.precision}"; expected address, commune, none or empty.`);
    }
    const coords = readCoordinates(v.lon, v.lat, row.line, rowIssues);
    if (coords) {
      const [lon, lat] = coords;
      if (!inRegion(lon, lat)) {
        const swapped = inRegion(lat, lon) ? ' lon and lat look swapped.' : '';
        err('lon', `Point (lon ${lon}, lat ${lat}) is outside ${regionName}.${swapped}`);
      } else if (commune?.lon !== undefined && commune.lat !== undefined) {
        const km = haversineKm(lon, lat, commune.lon, commune.lat);
        if (km > FAR_FROM_COMMUNE_KM) {
          warn('lon', `Point is ${Math.round(km)} km from ${commune.name} (${commune.code}): check the coordinates or the commune.`);
        }
      }
      if (declared === 'commune') err('precision', 'Precision "commune" with lon/lat: use "address" for coordinates of the site, or remove lon/lat to place it at the commune.');
      if (declared === 'none') err('precision', 'Precision "none" with lon/lat: remove lon/lat or use "address".');
    } else if (v.lon === '' && v.lat === '') {
      if (declared === 'address') err('precision', 'Precision "address" needs lon and lat.');
      if (declared === 'commune' && v.commune === '') err('precision', 'Precision "commune" needs a commune.');
    }

    let precision: Precision = 'none';
    let lon: number | null = null;
    let lat: number | null = null;
    if (coords) {
      precision = 'address';
      [lon, lat] = coords;
    } else if (commune && declared === 'none') {
      warn('precision', 'Precision "none" with a commune: the structure is listed but not placed on the map.');
    } else if (commune) {
      precision = 'commune';
      if (commune.lon !== undefined && commune.lat !== undefined) {
        lon = commune.lon;
        lat = commune.lat;
      } else {
        warn('commune', `Commune ${commune.code} has no representative point: the structure is not placed.`);
      }
    }

    // contact
    if (v.website !== '' && !isHttpUrl(v.website)) err('website', `Website "${v.website}" is not an http(s) URL.`);
    if (v.email !== '' && !EMAIL_PATTERN.test(v.email)) err('email', `E-mail "${v.email}" is not an e-mail address.`);
    if (v.phone !== '' && !PHONE_PATTERN.test(v.phone)) err('phone', `Phone "${v.phone}" should hold digits, spaces, dots, hyphens and an optional leading +.`);

    // source
    if (v.source === '') err('source', 'Missing source: every row needs at least one public URL stating its facts.');
    else {
      const bad = v.source.split(/\s+\|\s+/).filter((s) => !isHttpUrl(s.trim()));
      if (bad.length > 0) err('source', `Source must be public http(s) URLs separated by " | "; not a URL: ${bad.map((b) => `"${b}"`).join(', ')}.`);
    }

    // updated
    if (v.updated === '') err('updated', 'Missing date of last check (updated, YYYY-MM-DD).');
    else if (!isIsoDate(v.updated)) err('updated', `Date "${v.updated}" is not a valid YYYY-MM-DD date.`);

    // status
    const status = v.status.toLowerCase();
    if (!(STATUSES as readonly string[]).includes(status)) {
      err('status', v.status === '' ? 'Missing status (verified or to_check).' : `Unknown status "${v.status}"; expected verified or to_check.`);
    }

    // zone
    const zone = unique(splitList(v.zone).map((z) => (z.toLowerCase() === 'region' ? 'region' : z.toUpperCase())));
    for (const z of zone) {
      if (z !== 'region' && !depts.has(z)) {
        const hint = /^\d$/.test(z) && depts.has(`0${z}`) ? ` (did you mean "0${z}"?)` : '';
        err('zone', `Unknown zone code "${z}"${hint}; expected département codes of ${regionName} (${[...depts].join(', ')}) or "region".`);
      }
    }

    issues.push(...rowIssues);
    if (rowIssues.some((i) => i.severity === 'error')) continue;

    structures.push({
      id: v.id,
      name: v.name,
      type,
      stages: rowStages,
      address: v.address,
      postcode: v.postcode,
      commune: commune ? commune.code : '',
      lon,
      lat,
      precision,
      website: v.website,
      email: v.email,
      phone: v.phone,
      description: v.description,
      source: v.source,
      updated: v.updated,
      status: status as Status,
      zone,
    });
  }
  return { structures, issues };
}

/** Reads lon/lat; returns null when both are empty or when one is wrong (then an error is added). */
function readCoordinates(lonText: string, latText: string, line: number, out: Issue[]): [number, number] | null {
  if (lonText === '' && latText === '') return null;
  const err = (field: 'lon' | 'lat', message: string) => out.push({ line, field, severity: 'error', message });
  if (lonText === '' || latText === '') {
    err(lonText === '' ? 'lon' : 'lat', 'Give both lon and lat, or neither.');
    return null;
  }
  const lon = readNumber(lonText);
  const lat = readNumber(latText);
  let ok = true;
  if (lon === null) {
    err('lon', `lon "${lonText}" is not a decimal number${lonText.includes(',') ? ' (use a dot as decimal separator)' : ''}.`);
    ok = false;
  } else if (lon < -180 || lon > 180) {
    err('lon', `lon ${lon} is out of range (-180 to 180).`);
    ok = false;
  }
  if (lat === null) {
    err('lat', `lat "${latText}" is not a decimal number${latText.includes(',') ? ' (use a dot as decimal separator)' : ''}.`);
    ok = false;
  } else if (lat < -90 || lat > 90) {
    const swapped = lon !== null && Math.abs(lon) <= 90 && Math.abs(lat) <= 180 ? ' lon and lat look swapped.' : '';
    err('lat', `lat ${lat} is out of range (-90 to 90).${swapped}`);
    ok = false;
  }
  return ok && lon !== null && lat !== null ? [lon, lat] : null;
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

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text) || /\s/.test(text)) return false;
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    return false;
  }
}

function bboxTest(bounds: RegionConfig['bounds']): (lon: number, lat: number) => boolean {
  const [[west, south], [east, north]] = bounds;
  return (lon, lat) => lon >= west && lon <= east && lat >= south && lat <= north;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/** Key for matching a commune name typed by hand: no accents, case, hyphens or "St" abbreviation. */
function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .trim();
}

function indexByName(communes: ReadonlyMap<string, CommuneRef>): Map<string, CommuneRef[]> {
  const index = new Map<string, CommuneRef[]>();
  for (const c of communes.values()) {
    const key = nameKey(c.name);
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  }
  return index;
}
