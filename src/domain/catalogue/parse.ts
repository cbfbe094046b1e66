// CSV → raw rows with real line numbers. No validation of values here: see validate.ts.
import Papa from 'papaparse';
import type { Issue } from '../types';
import { CATALOGUE_COLUMNS, type CatalogueColumn, type RawRow } from './columns';
import { catalogueIssue, joinList } from './messages';

/** Columns without which a row cannot be checked; the others may be left out of an imported file. */
const REQUIRED_COLUMNS: readonly CatalogueColumn[] = ['id', 'name', 'type', 'source', 'updated', 'status'];

export interface ParsedCatalogue {
  rows: RawRow[];
  issues: Issue[];
}

/**
 * Parses a catalogue CSV (header row, comma by default; `;` and tab are detected from the
 * header for files saved by spreadsheet software). Every value stays a string, so codes
 * such as "09122" keep their leading zero. Rows spanning several lines (quoted line breaks)
 * keep the number of the line where they start.
 *
 * @example parseCatalogueCsv('id,name,...\ncatalis-toulouse,Catalis,...').rows[0].line === 2
 */
export function parseCatalogueCsv(text: string): ParsedCatalogue {
  const issues: Issue[] = [];
  const rows: RawRow[] = [];
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;

  if (src.trim() === '') {
    issues.push(catalogueIssue('error', 'catalogue.emptyFile', {}, { line: 1 }));
    return { rows, issues };
  }

  const lines = new LineCounter(src);
  let header: string[] | null = null;
  let columnIndex = new Map<CatalogueColumn, number>();
  let headerOk = true;
  let rowStart = 0;

  Papa.parse<string[]>(src, {
    header: false,
    delimiter: detectDelimiter(src),
    // Empty lines are skipped below, not by Papa: its cursor then gives every row's start.
    skipEmptyLines: false,
    step: (result) => {
      const start = rowStart;
      rowStart = result.meta.cursor;
      const line = lines.lineAt(start);
      const fields = result.data;

      if (result.errors.some((e) => e.code === 'MissingQuotes')) {
        issues.push(catalogueIssue('error', 'catalogue.unclosedQuote', { line }, { line }));
        return;
      }
      if (fields.every((f) => f.trim() === '')) return; // blank line

      if (header === null) {
        header = fields.map((f) => f.trim().toLowerCase());
        const checked = checkHeader(header);
        issues.push(...checked.issues);
        columnIndex = checked.index;
        headerOk = checked.ok;
        return;
      }
      if (!headerOk) return;

      const expected = header.length;
      if (fields.length < expected) {
        issues.push(catalogueIssue('error', 'catalogue.missingFields', { n: fields.length, m: expected }, { line }));
        return;
      }
      if (fields.length > expected) {
        const extra = fields.slice(expected);
        if (extra.some((f) => f.trim() !== '')) {
          issues.push(catalogueIssue('error', 'catalogue.extraFields', { n: fields.length, m: expected }, { line }));
          return;
        }
        issues.push(catalogueIssue('warning', 'catalogue.emptyExtraFields', { n: extra.length }, { line }));
      }

      const values = {} as Record<CatalogueColumn, string>;
      for (const col of CATALOGUE_COLUMNS) {
        const i = columnIndex.get(col);
        values[col] = i === undefined ? '' : (fields[i] ?? '').trim();
      }
      rows.push({ line, values });
    },
  });

  if (header === null) {
    issues.push(catalogueIssue('error', 'catalogue.noHeader', {}, { line: 1 }));
  }
  return { rows, issues };
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

/** Picks the separator that occurs most in the first line (outside quotes); comma on a tie. */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  let best = ',';
  for (const d of [';', '\t']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}

/**
 * Maps character offsets to 1-based line numbers. Offsets are asked in increasing order,
 * so the scan is linear over the whole file. "\r\n", "\n" and a lone "\r" each end a line.
 */
class LineCounter {
  private pos = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    const t = this.text;
    while (this.pos < offset) {
      const ch = t.charCodeAt(this.pos);
      if (ch === 10 /* \n */) this.line++;
      else if (ch === 13 /* \r */ && t.charCodeAt(this.pos + 1) !== 10) this.line++;
      this.pos++;
    }
    return this.line;
  }
}
