// A partner's own structures file (CSV in the catalogue's columns, or GeoJSON
// points whose properties use the same names), checked exactly like the
// catalogue: same parser, same validation, every problem with its line (CSV)
// or feature number (GeoJSON). Nothing is dropped silently.
import { CATALOGUE_COLUMNS, LIST_SEPARATOR, SOURCE_SEPARATOR, parseCatalogueCsv, validateStructures } from './catalogue/index';
import type { CatalogueColumn, CatalogueContext, RawRow } from './catalogue/index';
import { catalogueIssue } from './catalogue/messages';
import type { Issue, Structure } from './types';

export type PartnerKind = 'csv' | 'geojson';

/** Files above this size are refused before parsing (a map of a partner's offer is a few hundred rows). */
export const PARTNER_MAX_BYTES = 5 * 1024 * 1024;

export interface PartnerStructures {
  kind: PartnerKind;
  /** Rows (CSV) or features (GeoJSON) read. */
  rows: number;
  structures: Structure[];
  /** `line` is the CSV line, or the 1-based feature number for GeoJSON. */
  issues: Issue[];
}

/**
 * CSV or GeoJSON, by the file's content whatever the server's Content-Type (servers
 * often send text/plain, application/octet-stream or the wrong one): text that parses
 * as JSON is GeoJSON; text that starts like JSON but does not parse is GeoJSON too
 * (its error is reported as such) unless the name ends in .csv/.tsv/.txt; the rest is CSV.
 *
 * @example detectKind('id,name\n…', 'https://a.example/s.json') // 'csv'
 */
export function detectKind(text: string, url: string): PartnerKind {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body.startsWith('{') || body.startsWith('[')) {
    try {
      JSON.parse(body);
      return 'geojson';
    } catch {
      const path = url.split(/[?#]/)[0]!.toLowerCase();
      return /\.(csv|tsv|txt)$/.test(path) ? 'csv' : 'geojson';
    }
  }
  return 'csv';
}

/**
 * Read and validate a partner file against the region.
 *
 * @example readPartnerStructures(csvText, 'csv', ctx).issues // [{ line: 3, field: 'commune', severity: 'error', … }]
 */
export function readPartnerStructures(text: string, kind: PartnerKind, ctx: CatalogueContext): PartnerStructures {
  const read = kind === 'csv' ? parseCatalogueCsv(text) : geojsonRows(text);
  const checked = validateStructures(read.rows, ctx);
  const issues = [...read.issues, ...checked.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { kind, rows: read.rows.length, structures: checked.structures, issues };
}

/** GeoJSON features → raw catalogue rows (line = feature number), with the problems of the file's shape. */
export function geojsonRows(text: string): { rows: RawRow[]; issues: Issue[] } {
  const issues: Issue[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    issues.push(catalogueIssue('error', 'partner.badJson', { detail: error instanceof Error ? error.message : String(error) }));
    return { rows: [], issues };
  }
  const fc = json as { type?: unknown; features?: unknown };
  if (typeof fc !== 'object' || fc === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    issues.push(catalogueIssue('error', 'partner.notFeatureCollection'));
    return { rows: [], issues };
  }
  const rows: RawRow[] = [];
  fc.features.forEach((feature: unknown, index) => {
    const line = index + 1;
    const f = feature as { type?: unknown; properties?: unknown; geometry?: unknown };
    if (typeof f !== 'object' || f === null || f.type !== 'Feature') {
      issues.push(catalogueIssue('error', 'partner.notFeature', { line }, { line }));
      return;
    }
    const props = (typeof f.properties === 'object' && f.properties !== null ? f.properties : {}) as Record<string, unknown>;
    const values = {} as Record<CatalogueColumn, string>;
    for (const col of CATALOGUE_COLUMNS) values[col] = cell(props[col], col === 'source' ? SOURCE_SEPARATOR : LIST_SEPARATOR);
    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
    if (g !== null && g !== undefined) {
      const coords = g.coordinates;
      if (g.type !== 'Point' || !Array.isArray(coords) || coords.length < 2) {
        issues.push(catalogueIssue('error', 'partner.notPoint', { line }, { line, field: 'lon' }));
        return;
      }
      values.lon = cell(coords[0]);
      values.lat = cell(coords[1]);
    }
    rows.push({ line, values });
  });
  return { rows, issues };
}

/** A property as catalogue text: lists joined with "|", numbers written out, nothing else than text kept. */
function cell(value: unknown, separator = LIST_SEPARATOR): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value
      .map((v) => cell(v))
      .filter(Boolean)
      .join(separator);
  return '';
}
