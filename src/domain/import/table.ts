// Text → table (header + rows with real line numbers), for CSV/TSV and GeoJSON.
import Papa from 'papaparse';
import type { DelimiterChoice, ImportIssue, Table, TableRow } from './types';
import type { Refusal } from './limits';
import { issue } from './issues';

type Delimiter = ';' | ',' | '\t';
const CANDIDATES: readonly Delimiter[] = [';', '\t', ','];

/**
 * Guesses the separator from the first 30 lines (quotes respected): the one whose most
 * frequent count per line is reached on most lines, ties going to ";" then tab then "," — a
 * French file with decimal commas still has the same number of ";" on every line, and a
 * title line above the header (`[Export du 12/03/2025]`) does not decide.
 *
 * @example sniffDelimiter('Nom;Lat\nA;43,6') === ';'
 */
export function sniffDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number[]> = { ';': [], '\t': [], ',': [] };
  let current: Record<Delimiter, number> = { ';': 0, '\t': 0, ',': 0 };
  let inQuotes = false;
  let fieldStart = true;
  let lines = 0;
  let nonBlank = false;
  for (let i = 0; i < text.length && lines < 30; i++) {
    const ch = text[i]!;
    // Quotes as the reader takes them: a quote opens a cell only at its start, and closes it
    // before a separator or a line end; "" is a quote inside; any other quote is text.
    if (inQuotes) {
      if (ch === '"') {
        const next = text[i + 1];
        if (next === '"') i++;
        else if (next === undefined || next === ';' || next === ',' || next === '\t' || next === '\n' || next === '\r') inQuotes = false;
      }
      continue;
    }
    const atStart = fieldStart;
    fieldStart = ch === ';' || ch === ',' || ch === '\t' || ch === '\n' || ch === '\r';
    if (ch === '"' && atStart) {
      inQuotes = true;
      nonBlank = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (nonBlank) {
        for (const d of CANDIDATES) counts[d].push(current[d]);
        lines++;
      }
      current = { ';': 0, '\t': 0, ',': 0 };
      nonBlank = false;
    } else {
      if (ch === ';' || ch === '\t' || ch === ',') current[ch]++;
      if (ch !== ' ') nonBlank = true;
    }
  }
  if (nonBlank) for (const d of CANDIDATES) counts[d].push(current[d]);

  let best: Delimiter = ';';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const perLine = counts[d];
    const usual = mostFrequent(perLine);
    if (usual === 0) continue;
    // Lines with more (trailing empty columns, a shifted row) still agree; fewer do not.
    const same = perLine.filter((n) => n >= usual).length / perLine.length;
    // Consistency first, then how many columns the separator gives.
    const score = same * 1000 + Math.min(usual, 999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** The most frequent non-zero count (the smaller on a tie), or 0. */
function mostFrequent(counts: readonly number[]): number {
  const seen = new Map<number, number>();
  let best = 0;
  let bestSeen = 0;
  for (const n of counts) {
    if (n === 0) continue;
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    if (k > bestSeen || (k === bestSeen && n < best)) {
      best = n;
      bestSeen = k;
    }
  }
  return best;
}

/** 1-based line of any offset, by binary search over the offsets where lines start. */
class Lines {
  private readonly starts: number[] = [0];
  readonly total: number;
  /** `text` as normaliseLineEnds gives it: every line ends in LF (alone, or after a CR). */
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    const last = this.starts[this.starts.length - 1]!;
    // A final line break does not open a new line.
    this.total = text.length === 0 ? 0 : last === text.length ? this.starts.length - 1 : this.starts.length;
  }
  /** Index of the last answer: rows are asked about in order, mostly a line or two further. */
  private near = 0;
  lineAt(offset: number): number {
    const starts = this.starts;
    let k = this.near;
    if (starts[k]! <= offset) {
      for (let step = 0; step < 4; step++) {
        if (k + 1 >= starts.length || starts[k + 1]! > offset) {
          this.near = k;
          return k + 1;
        }
        k++;
      }
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.near = lo;
    return lo + 1;
  }
  startOf(line: number): number {
    return this.starts[line - 1] ?? Number.POSITIVE_INFINITY;
  }
}

export interface CsvOptions {
  delimiter?: DelimiterChoice;
  /** Called now and then with the share of the text read (0–1). */
  onProgress?: (fraction: number) => void;
}

const PROGRESS_EVERY = 5000;
// eslint-disable-next-line no-control-regex -- what importTable warns about: U+FFFD and control characters other than tab, LF, CR
const ODD_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\uFFFD]/;
/** How many first rows may be a title above the table (a row with at most one filled cell). */
const MAX_PREAMBLE = 10;

/**
 * Reads CSV/TSV text with PapaParse, row by row (streamed over the text), keeping for each
 * row the lines it spans. A quote opened and never properly closed would swallow the rest
 * of the file into one field: that row is rejected on its first line only and reading
 * resumes on the next line, so one bad cell never costs the rows after it.
 */
export function readCsvTable(original: string, options: CsvOptions = {}): Table {
  // One line end for the parser: CRLF, LF and CR all become LF when mixed (a file pasted
  // together from several systems), and the breaks inside multi-line cells are put back below.
  const { text, breaks, newline } = normaliseLineEnds(original);
  const lines = new Lines(text);
  const delimiter: Delimiter = options.delimiter && options.delimiter !== 'auto' ? options.delimiter : sniffDelimiter(text);
  const issues: ImportIssue[] = [];
  const rows: TableRow[] = [];
  let header: string[] | null = null;
  let headerLine = 0;
  let blankLines = 0;
  let preambleLines = 0;
  const pending: TableRow[] = [];
  let seen = 0;

  const acceptHeader = (candidate: TableRow, before: TableRow[]) => {
    header = candidate.fields.map((f) => f.trim());
    headerLine = candidate.line;
    for (const p of before) {
      preambleLines += p.endLine - p.line + 1;
      issues.push(issue('warning', 'preamble', { line: p.line }, { line: p.line }));
    }
  };

  const takeRow = (row: TableRow) => {
    if (header !== null) {
      rows.push(row);
      return;
    }
    if (row.broken) {
      // A broken row before any header: keep it as a row so that it is reported.
      rows.push(row);
      return;
    }
    pending.push(row);
    const filled = row.fields.filter((f) => f.trim() !== '').length;
    if (filled >= 2) {
      const before = pending.splice(0, pending.length);
      const candidate = before.pop()!;
      acceptHeader(candidate, before);
    } else if (pending.length >= MAX_PREAMBLE) flushPending();
  };
  // No row with two filled cells near the top: a one-column file, its first row is the header.
  const flushPending = () => {
    if (header !== null || pending.length === 0) return;
    const all = pending.splice(0, pending.length);
    acceptHeader(all[0]!, []);
    rows.push(...all.slice(1));
  };

  let start = 0;
  while (start < text.length) {
    let restartAt = -1;
    let rowStart = start;
    const chunk = start === 0 ? text : text.slice(start);
    Papa.parse<string[]>(chunk, {
      delimiter,
      newline,
      skipEmptyLines: false,
      step: (result, parser) => {
        const from = rowStart;
        const to = start + result.meta.cursor;
        rowStart = to;
        if (from >= text.length) return; // Papa's empty row after a final line break
        const line = lines.lineAt(from);
        const endLine = Math.max(line, lines.lineAt(Math.max(from, to - 1)));
        let fields = breaks && endLine > line ? restoreBreaks(result.data, line, breaks) : result.data;
        // A cell left open on the last line takes the final line end: read as LF, as in a text whose line ends were rewritten.
        if (newline === '\r\n' && endLine === line && to >= text.length) fields = fields.map((f) => f.replace(/\r\n/g, '\n'));
        const quoteError = result.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');

        if (quoteError && (endLine > line || quoteError.code === 'MissingQuotes')) {
          const lineEnd = Math.min(lines.startOf(line + 1), text.length);
          const raw = text.slice(from, lineEnd).replace(/[\r\n]+$/, '');
          takeRow({
            line,
            endLine: line,
            fields: raw.split(delimiter),
            broken: issue('error', 'unclosedQuote', { line }, { line }),
          });
          restartAt = lineEnd;
          parser.abort();
          return;
        }
        if (fields.every((f) => f.trim() === '')) {
          blankLines += endLine - line + 1;
          return;
        }
        const row: TableRow = { line, endLine, fields };
        if (quoteError) {
          row.notes = [issue('warning', 'strayQuote', { line }, { line })];
        }
        takeRow(row);
        if (++seen % PROGRESS_EVERY === 0) options.onProgress?.(to / text.length);
      },
    });
    if (restartAt < 0 || restartAt <= start) break;
    start = restartAt;
  }
  flushPending();
  options.onProgress?.(1);

  if (header === null) header = [];
  return {
    kind: 'csv',
    header,
    headerLine,
    rows,
    blankLines,
    preambleLines,
    totalLines: lines.total,
    delimiter,
    issues,
    // Cells are pieces of the text (quoted line breaks put back are CR and LF only).
    plainText: !ODD_CHARS.test(text),
  };
}

const BREAK_LF = 0;
const BREAK_CRLF = 1;
const BREAK_CR = 2;

/**
 * One line end for the whole text: the text as it is when all its lines end the same way in
 * LF or in CRLF (a Windows or spreadsheet export); else every line end as LF, with the
 * original end of each line (by 0-based line index). Line numbers are unchanged (each end
 * still ends one line).
 *
 * @example normaliseLineEnds('a\r\nb\nc').text === 'a\nb\nc'
 * @example normaliseLineEnds('a\r\nb\r\n') // { text: 'a\r\nb\r\n', breaks: null, newline: '\r\n' }
 */
export function normaliseLineEnds(text: string): { text: string; breaks: Uint8Array | null; newline: '\n' | '\r\n' } {
  let cr = text.indexOf('\r');
  if (cr === -1) return { text, breaks: null, newline: '\n' };
  const kinds: number[] = [];
  let allCrlf = true;
  // From one line end to the next (indexOf skips the text between faster than a loop over it).
  let lf = text.indexOf('\n');
  while (lf !== -1 || cr !== -1) {
    if (cr === -1 || (lf !== -1 && lf < cr)) {
      kinds.push(BREAK_LF);
      allCrlf = false;
      lf = text.indexOf('\n', lf + 1);
    } else {
      if (lf === cr + 1) {
        kinds.push(BREAK_CRLF);
        lf = text.indexOf('\n', lf + 1);
      } else {
        kinds.push(BREAK_CR);
        allCrlf = false;
      }
      cr = text.indexOf('\r', cr + 1);
    }
  }
  // Rewriting a large text costs as much as parsing it (the new string is built in pieces).
  if (allCrlf) return { text, breaks: null, newline: '\r\n' };
  return { text: text.replace(/\r\n?/g, '\n'), breaks: Uint8Array.from(kinds), newline: '\n' };
}

/**
 * The cells of a row spanning lines `line`…, with their line ends as in the original text:
 * every LF inside the row's span belongs to a quoted cell (an unquoted LF ends the row), so
 * the k-th LF met in the cells, in order, is the end of line `line + k`.
 */
function restoreBreaks(fields: string[], line: number, breaks: Uint8Array): string[] {
  let k = 0;
  return fields.map((f) =>
    f.includes('\n')
      ? f.replace(/\n/g, () => {
          const kind = breaks[line - 1 + k++];
          return kind === BREAK_CRLF ? '\r\n' : kind === BREAK_CR ? '\r' : '\n';
        })
      : f,
  );
}

/**
 * Text as a table, whatever the source (catalogue, partner file, Import tab, command line):
 * GeoJSON when the whole text parses as JSON, else CSV/TSV. A CSV export may start with a
 * title line such as "[Export du 12/03/2025]" or "{Liste}", so text that only looks like JSON
 * is read as CSV when the name says CSV (.csv, .tsv, .txt), and refused with the JSON
 * parser's reason otherwise (a truncated download). Refuses an empty text.
 *
 * @example readTextTable('id;nom\n1;A', 'liste.csv') // { kind: 'csv', header: ['id', 'nom'], … }
 */
export function readTextTable(original: string, fileName: string, options: CsvOptions = {}): Table | Refusal {
  const text = original.charCodeAt(0) === 0xfeff ? original.slice(1) : original;
  const start = text.search(/\S/);
  if (start === -1) return { code: 'empty', message: 'File has no text.' };
  const first = text[start];
  if (first === '{' || first === '[') {
    const json = parseJson(text);
    if ('value' in json) return readGeoJsonValue(json.value);
    const path = fileName.split(/[?#]/)[0]!.toLowerCase();
    if (!/\.(csv|tsv|txt)$/.test(path)) return badJson(json.error);
  }
  return readCsvTable(text, options);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Columns holding a point geometry's coordinates in a GeoJSON table. */
export const GEOMETRY_LON = 'geometry.lon';
export const GEOMETRY_LAT = 'geometry.lat';

/**
 * Reads a GeoJSON FeatureCollection (or a Feature, or an array of features) as a table:
 * one row per feature (its "line" is its 1-based number), columns are the properties
 * (arrays joined with "|") plus the point's coordinates.
 */
export function readGeoJsonTable(text: string): Table | Refusal {
  const json = parseJson(text);
  return 'error' in json ? badJson(json.error) : readGeoJsonValue(json.value);
}

/** The text as JSON, or the parser's complaint. */
export function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function badJson(detail: string): Refusal {
  return { code: 'badJson', message: `Not valid JSON: ${detail}`, params: { detail } };
}

/** readGeoJsonTable on an already parsed value. */
export function readGeoJsonValue(value: unknown): Table | Refusal {
  const json = value as Json;
  const features = featuresOf(json);
  if (!features) {
    return { code: 'notGeoJson', message: 'JSON but not GeoJSON: expected a FeatureCollection, a Feature or an array of features.' };
  }
  const keys = new Map<string, number>();
  for (const f of features) {
    const props = isObject(f) && isObject(f.properties) ? f.properties : {};
    for (const k of Object.keys(props)) if (!keys.has(k)) keys.set(k, keys.size);
  }
  const header = [...keys.keys(), GEOMETRY_LON, GEOMETRY_LAT];
  const rows: TableRow[] = features.map((f, i) => {
    const line = i + 1;
    const fields = new Array<string>(header.length).fill('');
    const notes: TableRow['notes'] = [];
    if (!isObject(f) || f.type !== 'Feature') {
      return {
        line,
        endLine: line,
        fields,
        broken: issue('error', 'notFeature', { line }, { line }),
      };
    }
    const props = isObject(f.properties) ? f.properties : {};
    for (const [k, v] of Object.entries(props)) fields[keys.get(k)!] = cell(v);
    const g = f.geometry;
    if (isObject(g)) {
      const c = g.coordinates;
      if (g.type === 'Point' && Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
        fields[header.length - 2] = String(c[0]);
        fields[header.length - 1] = String(c[1]);
      } else {
        notes.push(issue('warning', 'geometryIgnored', { line, type: String(g.type) }, { line }));
      }
    }
    return notes.length > 0 ? { line, endLine: line, fields, notes } : { line, endLine: line, fields };
  });
  return {
    kind: 'geojson',
    header,
    headerLine: 0,
    rows,
    blankLines: 0,
    preambleLines: 0,
    totalLines: features.length,
    delimiter: null,
    issues: [],
  };
}

function featuresOf(json: Json): Json[] | null {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return null;
  if (json.type === 'FeatureCollection' && Array.isArray(json.features)) return json.features;
  if (json.type === 'Feature') return [json];
  return null;
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function cell(v: Json): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('|');
  return JSON.stringify(v);
}
