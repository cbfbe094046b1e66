// Catalogue text (CSV or GeoJSON) → raw rows with real line numbers, through the one table
// reader of import/table.ts. No validation of values here: see validate.ts.
import type { Issue } from '../types';
import type { Refusal } from '../import/limits';
import { readTextTable } from '../import/table';
import type { Table } from '../import/types';
import { CATALOGUE_COLUMNS, SOURCE_SEPARATOR, splitList, type CatalogueColumn, type RawRow } from './columns';
import { catalogueIssue, joinList } from './messages';

/** Columns without which a row cannot be checked; the others may be left out of an imported file. */
const REQUIRED_COLUMNS: readonly CatalogueColumn[] = ['id', 'name', 'type', 'source', 'updated', 'status'];

export interface ParsedCatalogue {
  rows: RawRow[];
  issues: Issue[];
  /** What the text was read as. */
  kind: 'csv' | 'geojson';
}

/**
 * Reads a catalogue CSV (header row; comma, `;` or tab) through the one table reader
 * (import/table.ts). Every value stays a string, so codes such as "09122" keep their
 * leading zero. Rows spanning several lines (quoted line breaks) keep the number of the
 * line where they start; a row whose quote never closes is reported and reading resumes
 * on the next line.
 *
 * @example parseCatalogueCsv('id,name,...\ncatalis-toulouse,Catalis,...').rows[0].line === 2
 */
export function parseCatalogueCsv(text: string): ParsedCatalogue {
  return readCatalogueText(text, 'structures.csv');
}

/**
 * A file in the catalogue's columns, CSV or GeoJSON (points whose properties use the
 * column names), as raw rows: the catalogue build and a partner's file read through here.
 * GeoJSON rows are numbered by feature (1-based).
 */
export function readCatalogueText(text: string, fileName: string): ParsedCatalogue {
  const table = readTextTable(text, fileName);
  if ('code' in table) {
    if (table.code === 'empty') return { rows: [], issues: [catalogueIssue('error', 'catalogue.emptyFile', {}, { line: 1 })], kind: 'csv' };
    return { rows: [], issues: [refusalIssue(table)], kind: /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')) ? 'geojson' : 'csv' };
  }
  return catalogueRows(table);
}

/** A refusal of the whole file as an error issue, translated by `import.refusal.<code>`. */
function refusalIssue(refusal: Refusal): Issue {
  const out: Issue = { severity: 'error', message: refusal.message, code: `refusal.${refusal.code}` };
  if (refusal.params) out.params = refusal.params;
  return out;
}

/**
 * A table whose columns are the catalogue's, as raw rows: the header is checked (unknown,
 * missing or repeated columns), every row must have the header's width, and the reader's
 * own findings (unclosed quote, misplaced quote, non-point geometry…) are kept with their line.
 */
export function catalogueRows(table: Table): ParsedCatalogue {
  const issues: Issue[] = [...table.issues];
  const rows: RawRow[] = [];
  const geojson = table.kind === 'geojson';
  if (!geojson && table.header.length === 0) {
    issues.push(catalogueIssue('error', 'catalogue.noHeader', {}, { line: 1 }));
    return { rows, issues, kind: table.kind };
  }
  const header = table.header.map((f) => f.trim().toLowerCase());
  const checked = geojson ? geojsonHeader(header) : checkHeader(header);
  issues.push(...checked.issues);
  if (!checked.ok) {
    for (const row of table.rows) if (row.broken) issues.push(row.broken);
    return { rows, issues, kind: table.kind };
  }
  const columnIndex = checked.index;
  const expected = header.length;
  for (const row of table.rows) {
    const line = row.line;
    if (row.broken) {
      issues.push(row.broken);
      continue;
    }
    if (row.notes) issues.push(...row.notes);
    const fields = row.fields;
    if (!geojson) {
      if (fields.length < expected) {
        issues.push(catalogueIssue('error', 'catalogue.missingFields', { n: fields.length, m: expected }, { line }));
        continue;
      }
      if (fields.length > expected) {
        const extra = fields.slice(expected);
        if (extra.some((f) => f.trim() !== '')) {
          issues.push(catalogueIssue('error', 'catalogue.extraFields', { n: fields.length, m: expected }, { line }));
          continue;
        }
        issues.push(catalogueIssue('warning', 'catalogue.emptyExtraFields', { n: extra.length }, { line }));
      }
    }
    const values = {} as Record<CatalogueColumn, string>;
    for (const col of CATALOGUE_COLUMNS) {
      const i = columnIndex.get(col);
      values[col] = i === undefined ? '' : (fields[i] ?? '').trim();
    }
    if (geojson) {
      // The point's coordinates, unless the properties give lon/lat themselves.
      if (values.lon === '' && values.lat === '') {
        values.lon = (fields[header.length - 2] ?? '').trim();
        values.lat = (fields[header.length - 1] ?? '').trim();
      }
      // A list of sources in a property is an array: written with the catalogue's separator.
      values.source = splitList(values.source).join(SOURCE_SEPARATOR);
    }
    rows.push({ line, values });
  }
  return { rows, issues, kind: table.kind };
}

/** GeoJSON properties: features may leave any property out; unknown ones are reported once. */
function geojsonHeader(header: string[]): { ok: boolean; index: Map<CatalogueColumn, number>; issues: Issue[] } {
  const index = new Map<CatalogueColumn, number>();
  const known = new Set<string>(CATALOGUE_COLUMNS);
  const unknown: string[] = [];
  header.slice(0, -2).forEach((name, i) => {
    if (known.has(name) && !index.has(name as CatalogueColumn)) index.set(name as CatalogueColumn, i);
    else unknown.push(name);
  });
  const issues = unknown.length > 0 ? [catalogueIssue('warning', 'catalogue.unknownColumns', { columns: joinList(unknown), positions: '' }, { line: 1 })] : [];
  return { ok: true, index, issues };
}

function checkHeader(header: string[]): { ok: boolean; index: Map<CatalogueColumn, number>; issues: Issue[] } {
  const issues: Issue[] = [];
  const index = new Map<CatalogueColumn, number>();
  const known = new Set<string>(CATALOGUE_COLUMNS);
  const unknown: string[] = [];
  const unnamed: string[] = [];
  let ok = true;

  header.forEach((name, i) => {
    if (!known.has(name)) {
      if (name === '') unnamed.push(String(i + 1));
      else unknown.push(name);
      return;
    }
    const col = name as CatalogueColumn;
    if (index.has(col)) {
      issues.push(catalogueIssue('error', 'catalogue.duplicateColumn', { column: col }, { line: 1, field: col }));
      ok = false;
      return;
    }
    index.set(col, i);
  });

  const missingRequired = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missingRequired.length > 0) {
    const params = { columns: joinList(missingRequired), header: CATALOGUE_COLUMNS.join(',') };
    issues.push(catalogueIssue('error', 'catalogue.missingColumns', params, { line: 1 }));
    ok = false;
  }
  const missingOptional = CATALOGUE_COLUMNS.filter((c) => !index.has(c) && !REQUIRED_COLUMNS.includes(c));
  if (missingOptional.length > 0) {
    issues.push(catalogueIssue('warning', 'catalogue.absentColumns', { columns: joinList(missingOptional) }, { line: 1 }));
  }
  if (unknown.length + unnamed.length > 0) {
    const params = { columns: joinList(unknown), positions: joinList(unnamed) };
    issues.push(catalogueIssue('warning', 'catalogue.unknownColumns', params, { line: 1 }));
  }
  return { ok, index, issues };
}
