// The one CSV writer of every export (catalogue, layers, rejected rows, import report,
// coverage tables): PapaParse, the formula rule of formula.ts, built in chunks.
import Papa from 'papaparse';
import { FORMULA_AFTER_SEPARATOR, neutraliseCell } from './formula';

export interface CsvWriteOptions {
  /** Default ";" (French spreadsheets). */
  delimiter?: ';' | ',' | '\t';
  /** Byte order mark first (default true): without it Excel on Windows breaks every accent. */
  bom?: boolean;
  /** Default CRLF. */
  newline?: '\r\n' | '\n';
}

/** Rows per piece of text: large enough to be fast, small enough never to build one huge string at once. */
export const ROWS_PER_CHUNK = 10_000;

const PAPA_BASE = {
  quoteChar: '"',
  escapeChar: '"',
  header: false,
  // A cell with a formula-like piece after any separator is quoted as well as neutralised:
  // split on our separator it stays one cell, split on another its pieces start with "'".
  quotes: (value: unknown) => typeof value === 'string' && FORMULA_AFTER_SEPARATOR.test(value),
} as const;

/**
 * CSV as pieces of text (each ending with a line end; join them, or hand them to a Blob or
 * a file one by one), every cell neutralised (formula.ts). Rows may differ in width. Never
 * spreads the rows into a call, so a million rows are fine.
 *
 * @example csvChunks([['a', '=1'], ['b', '-1.5']]).join('') === "\uFEFFa;'=1\r\nb;-1.5\r\n"
 */
export function csvChunks(rows: Iterable<readonly string[]>, options: CsvWriteOptions = {}): string[] {
  const newline = options.newline ?? '\r\n';
  const config = { ...PAPA_BASE, delimiter: options.delimiter ?? ';', newline };
  const chunks: string[] = options.bom === false ? [] : ['\uFEFF'];
  let batch: string[][] = [];
  const flush = () => {
    if (batch.length === 0) return;
    chunks.push(Papa.unparse(batch, config) + newline);
    batch = [];
  };
  for (const row of rows) {
    const cells = new Array<string>(row.length);
    for (let i = 0; i < row.length; i++) cells[i] = neutraliseCell(row[i] ?? '');
    batch.push(cells);
    if (batch.length >= ROWS_PER_CHUNK) flush();
  }
  flush();
  return chunks;
}

/** csvChunks as one string, for small documents. @example writeCsv([['a', 'b']], { bom: false }) === 'a;b\r\n' */
export function writeCsv(rows: Iterable<readonly string[]>, options: CsvWriteOptions = {}): string {
  return csvChunks(rows, options).join('');
}
