// Structures → files a referent can open: CSV for spreadsheets, GeoJSON for GIS tools.
import Papa from 'papaparse';
import { CATALOGUE_COLUMNS } from '../catalogue/columns';
import { structureCells } from '../catalogue/serialize';
import { structuresToGeoJSON } from '../catalogue/geojson';
import type { Structure } from '../types';
import { neutraliseCell } from './formula';

export { structureCells };

/** Byte order mark: without it, Excel on Windows reads UTF-8 as Windows-1252 and breaks every accent. */
export const BOM = '\uFEFF';

/**
 * CSV for French spreadsheets: ";" separator, UTF-8 with byte order mark, CRLF, the
 * catalogue's columns, formula-like cells neutralised (see formula.ts). Importing it gives
 * back the same structures.
 *
 * @example exportCsv(structures).startsWith('\uFEFFid;name;type;')
 */
export function exportCsv(structures: readonly Structure[]): string {
  const data = structures.map((s) => {
    const cells = structureCells(s);
    return CATALOGUE_COLUMNS.map((c) => neutraliseCell(cells[c]));
  });
  return BOM + Papa.unparse({ fields: [...CATALOGUE_COLUMNS], data }, { delimiter: ';', newline: '\r\n', quotes: false }) + '\r\n';
}

/** GeoJSON FeatureCollection (RFC 7946): unlocated structures keep `geometry: null`. */
export function exportGeoJson(structures: readonly Structure[]): string {
  return `${JSON.stringify(structuresToGeoJSON(structures))}\n`;
}

/**
 * Rejected rows as CSV, with the original cells and a first column giving the line and
 * the reasons, so that a referent can fix them and import that file again.
 */
export function rejectedCsv(
  header: readonly string[],
  rows: ReadonlyArray<{ line: number; fields: readonly string[]; reasons: readonly string[] }>,
  reasonColumn = 'motif du rejet',
  lineColumn = 'ligne',
): string {
  const width = Math.max(header.length, ...rows.map((r) => r.fields.length));
  const fields = [reasonColumn, lineColumn, ...header, ...new Array<string>(Math.max(0, width - header.length)).fill('')];
  const data = rows.map((r) => [r.reasons.join(' | '), String(r.line), ...r.fields].map((c) => neutraliseCell(c)));
  return BOM + Papa.unparse({ fields: fields.map(neutraliseCell), data }, { delimiter: ';', newline: '\r\n', quotes: false }) + '\r\n';
}

/** A file name that says what and when: maillage-occitanie-catalogue-2026-11-26.csv */
export function exportFileName(region: string, what: string, date: string, ext: 'csv' | 'geojson'): string {
  const slug = what
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `maillage-${region}-${slug || 'export'}-${date}.${ext}`;
}
