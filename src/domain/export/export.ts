// Structures → files a referent can open: CSV for spreadsheets, GeoJSON for GIS tools.
import { slug } from '../text/normalise';
import { CATALOGUE_COLUMNS } from '../catalogue/columns';
import { structureCells } from '../catalogue/serialize';
import { structuresToGeoJSON } from '../catalogue/geojson';
import type { ImportResult, Table } from '../import/types';
import type { Structure } from '../types';
import { csvChunks, writeCsv } from './csv';

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
  return exportCsvChunks(structures).join('');
}

/** exportCsv in pieces (for a Blob or a file), never one huge string. */
export function exportCsvChunks(structures: readonly Structure[]): string[] {
  return csvChunks(
    (function* () {
      yield CATALOGUE_COLUMNS;
      for (const s of structures) {
        const cells = structureCells(s);
        yield CATALOGUE_COLUMNS.map((c) => cells[c]);
      }
    })(),
  );
}

/** GeoJSON FeatureCollection (RFC 7946): unlocated structures keep `geometry: null`. */
export function exportGeoJson(structures: readonly Structure[]): string {
  return `${JSON.stringify(structuresToGeoJSON(structures))}\n`;
}

export interface RejectedRow {
  line: number;
  fields: readonly string[];
  reasons: readonly string[];
}

/**
 * Rejected rows as CSV, with the original cells and a first column giving the line and
 * the reasons, so that a referent can fix them and import that file again. In pieces (for
 * a Blob or a file): a million rows never become one string or one call's arguments.
 */
export function rejectedCsvChunks(header: readonly string[], rows: readonly RejectedRow[], reasonColumn = 'motif du rejet', lineColumn = 'ligne'): string[] {
  let width = header.length;
  for (const r of rows) if (r.fields.length > width) width = r.fields.length;
  const fields = [reasonColumn, lineColumn, ...header];
  while (fields.length < width + 2) fields.push('');
  return csvChunks(
    (function* () {
      yield fields;
      for (const r of rows) yield [r.reasons.join(' | '), String(r.line), ...r.fields];
    })(),
  );
}

/** rejectedCsvChunks as one string. */
export function rejectedCsv(header: readonly string[], rows: readonly RejectedRow[], reasonColumn?: string, lineColumn?: string): string {
  return rejectedCsvChunks(header, rows, reasonColumn, lineColumn).join('');
}

export { writeCsv };

/** The rejected rows of a run with their original cells, in line order. */
export function rejectedRows(table: Table, result: ImportResult, reasons: (line: number) => readonly string[]): RejectedRow[] {
  const byLine = new Map<number, Table['rows'][number]>();
  for (const r of table.rows) byLine.set(r.line, r);
  const rows: RejectedRow[] = [];
  for (const o of result.outcomes) {
    if (o.status === 'rejected') rows.push({ line: o.line, fields: byLine.get(o.line)?.fields ?? [], reasons: reasons(o.line) });
  }
  return rows;
}

/** A file name that says what and when: maillage-occitanie-catalogue-2026-11-26.csv */
export function exportFileName(region: string, what: string, date: string, ext: 'csv' | 'geojson'): string {
  return `maillage-${region}-${slug(what) || 'export'}-${date}.${ext}`;
}
