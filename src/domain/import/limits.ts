// What the importer refuses before reading a file, and why.

/** Largest file accepted: 50 MB is about 300,000 catalogue rows, far above any referent's list. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface Refusal {
  code: 'tooLarge' | 'empty' | 'binary' | 'spreadsheet' | 'noColumn' | 'badJson' | 'notGeoJson';
  /** English explanation, for the command line; the app translates `code`. */
  message: string;
  params?: Record<string, string | number>;
}

/** Refuses a file by its size before any byte is read. */
export function checkSize(bytes: number, max = MAX_FILE_BYTES): Refusal | null {
  if (bytes > max) {
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    return {
      code: 'tooLarge',
      message: `File is ${mb(bytes)} MB; the limit is ${mb(max)} MB. Split it into several files.`,
      params: { size: mb(bytes), max: mb(max) },
    };
  }
  if (bytes === 0) return { code: 'empty', message: 'File is empty.' };
  return null;
}

const SIGNATURES: Array<{ bytes: number[]; what: string; spreadsheet?: boolean }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an .xlsx or .ods workbook?)', spreadsheet: true },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls)', spreadsheet: true },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

/**
 * Refuses binary content: known signatures (workbooks get a hint to save as CSV), NUL
 * bytes, or many control characters in the first 64 KB. Text in UTF-16 must be checked
 * by its byte order mark before calling this.
 */
export function sniffBinary(bytes: Uint8Array): Refusal | null {
  for (const sig of SIGNATURES) {
    if (sig.bytes.every((b, i) => bytes[i] === b)) {
      return sig.spreadsheet
        ? {
            code: 'spreadsheet',
            message: `This is ${sig.what}, not a text file: open it in your spreadsheet and save it as CSV (separator ";").`,
            params: { what: sig.what },
          }
        : { code: 'binary', message: `This is ${sig.what}, not a CSV or GeoJSON file.`, params: { what: sig.what } };
    }
  }
  // A few stray NUL or control bytes in a text file are reported on their rows; a share
  // above 1% means the file is not text at all (UTF-16 without BOM is half NUL bytes).
  const n = Math.min(bytes.length, 65536);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul++;
    // Tab, line feed, carriage return and form feed are text; other C0 controls are not.
    else if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (n > 0 && (nul + control) / n > 0.01) {
    return nul > 0
      ? { code: 'binary', message: `This file has ${nul} NUL bytes in its first ${n}: it is binary, not text.`, params: { what: 'NUL' } }
      : { code: 'binary', message: `This file has ${control} control bytes in its first ${n}: it is binary, not text.`, params: { what: 'control' } };
  }
  return null;
}
