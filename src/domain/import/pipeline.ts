// The whole import in two steps, shared by the worker, the command line, tests and bench:
// readImportFile (bytes → table + guessed mapping) then importTable (table → structures).
import { decodeBytes } from './decode';
import { importTable } from './import-table';
import { checkSize, MAX_FILE_BYTES, sniffBinary, type Refusal } from './limits';
import { guessMapping } from './mapping';
import { readTextTable } from './table';
import {
  DEFAULT_OPTIONS,
  type DelimiterChoice,
  type EncodingChoice,
  type ImportContext,
  type ImportOptions,
  type ImportResult,
  type Mapping,
  type Table,
} from './types';

export interface ReadOptions {
  encoding?: EncodingChoice;
  delimiter?: DelimiterChoice;
  maxBytes?: number;
  onProgress?: (fraction: number) => void;
}

export interface ReadFile {
  ok: true;
  table: Table;
  mapping: Mapping;
  encoding: string;
  bom: boolean;
}

export type ReadOutcome = ReadFile | { ok: false; refusal: Refusal };

/**
 * Reads a file's bytes as a table and guesses its mapping. Refuses, with the reason, a file
 * too large, empty, binary (a workbook gets a hint to save as CSV), invalid JSON, or with no
 * column the import can use. Never throws.
 *
 * @example readImportFile(bytes, 'liste.csv') // { ok: true, table, mapping: { name: 0, ... } }
 */
export function readImportFile(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): ReadOutcome {
  try {
    const size = checkSize(bytes.length, options.maxBytes ?? MAX_FILE_BYTES);
    if (size) return { ok: false, refusal: size };
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    if (!utf16) {
      const binary = sniffBinary(bytes);
      if (binary) return { ok: false, refusal: binary };
    }
    const decoded = decodeBytes(bytes, options.encoding ?? 'auto');
    const read = readTextTable(decoded.text, fileName, { delimiter: options.delimiter, onProgress: options.onProgress });
    if ('code' in read) return { ok: false, refusal: read };
    const table = read;

    const mapping = guessMapping(table.header, table.rows.slice(0, 200));
    if (Object.keys(mapping).length === 0) {
      const columns = table.header
        .filter((h) => h !== '')
        .slice(0, 12)
        .join(', ');
      return {
        ok: false,
        refusal: {
          code: 'noColumn',
          message: `No usable column: none of the headers (${columns || 'none'}) is a name, address, commune, coordinates or other known column.`,
          params: { columns: columns || '—' },
        },
      };
    }
    return { ok: true, table, mapping, encoding: decoded.encoding, bom: decoded.bom };
  } catch (error) {
    // Nothing above should throw; if it does, the file is refused rather than the page broken.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, refusal: { code: 'binary', message: `File could not be read: ${detail}`, params: { what: detail } } };
  }
}

/** Reads and imports in one call, with the guessed mapping (command line, tests, bench). */
export function importBytes(
  bytes: Uint8Array,
  fileName: string,
  ctx: ImportContext,
  options: Partial<ImportOptions> & ReadOptions = {},
): { ok: true; read: ReadFile; result: ImportResult } | { ok: false; refusal: Refusal } {
  const read = readImportFile(bytes, fileName, options);
  if (!read.ok) return read;
  const result = importTable(read.table, read.mapping, ctx, { ...DEFAULT_OPTIONS, ...options });
  return { ok: true, read, result };
}
