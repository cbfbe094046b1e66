// `npm run import -- <file> [--region occitanie] [--out file.geojson|file.csv] [options]`
// Runs the app's import pipeline on a CSV/TSV/GeoJSON file, prints a report (every line
// accounted for, every problem with its line) and writes the valid rows; rejected rows go
// to <file>.rejected.csv with a reason column.
// Exit code: 0 when at least one row was imported, 1 when none was, 2 when the file could
// not be read (missing, refused, or the arguments are wrong).
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { buildImportContext } from '../src/domain/import/context';
import { importTable } from '../src/domain/import/import-table';
import { MAX_FILE_BYTES, checkSize } from '../src/domain/import/limits';
import { readImportFile } from '../src/domain/import/pipeline';
import { planImport } from '../src/domain/import/plan';
import { exportCsvChunks, exportGeoJson, rejectedCsvChunks, rejectedRows } from '../src/domain/export/export';
import type { CrsChoice, DelimiterChoice, EncodingChoice } from '../src/domain/import/types';
import { formatReport, loadRegionInputs } from './lib/import-report';

const USAGE = `Usage: npm run import -- <file.csv|file.tsv|file.geojson> [options]
  --region <id>          region (default occitanie)
  --out <file>           where to write the valid rows (.geojson or .csv; default <file>.valid.geojson)
  --rejected <file>      where to write rejected rows (default <file>.rejected.csv, only when some are)
  --encoding <e>         auto | utf-8 | windows-1252 (default auto)
  --delimiter <d>        auto | ';' | ',' | tab (default auto)
  --crs <c>              auto | wgs84 | lambert93 (default auto: detected by range)
  --type <id>            offer type for rows without one
  --target <t>           catalogue | layer: how the rows compare to the current catalogue (default catalogue)`;

function parseArgs(argv: string[]): { file: string; opts: Record<string, string> } {
  const opts: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      opts[key] = inline ?? argv[++i] ?? '';
    } else rest.push(a);
  }
  if (rest.length !== 1 || opts.help !== undefined) {
    console.error(USAGE);
    process.exit(2);
  }
  return { file: rest[0]!, opts };
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined) return fallback;
  const v = (value === 'tab' ? '\t' : value) as T;
  if (!allowed.includes(v)) {
    console.error(`--${name} must be one of: ${allowed.join(', ')}`);
    process.exit(2);
  }
  return v;
}

/** Writes a document piece by piece: a million rows never become one string. */
function writePieces(path: string, pieces: readonly string[]): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of pieces) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

const { file, opts } = parseArgs(process.argv.slice(2));
const path = resolve(process.cwd(), file);
let bytes: Uint8Array;
try {
  // The size first: a file far too large is refused before it is read.
  const size = checkSize(statSync(path).size, MAX_FILE_BYTES);
  if (size) {
    console.error(`${file}: refused — ${size.message}`);
    process.exit(2);
  }
  bytes = new Uint8Array(readFileSync(path));
} catch (error) {
  console.error(`${file}: cannot be read — ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const region = opts.region ?? 'occitanie';
const { inputs, catalogue } = loadRegionInputs(region);
const ctx = buildImportContext(inputs);

const read = readImportFile(bytes, basename(path), {
  encoding: oneOf<EncodingChoice>(opts.encoding, ['auto', 'utf-8', 'windows-1252'], 'encoding', 'auto'),
  delimiter: oneOf<DelimiterChoice>(opts.delimiter, ['auto', ';', ',', '\t'], 'delimiter', 'auto'),
});
if (!read.ok) {
  console.error(`${file}: refused — ${read.refusal.message}`);
  process.exit(2);
}
const result = importTable(read.table, read.mapping, ctx, {
  crs: oneOf<CrsChoice>(opts.crs, ['auto', 'wgs84', 'lambert93'], 'crs', 'auto'),
  defaultType: opts.type ?? null,
  defaultUpdated: null,
});
const target = oneOf(opts.target, ['catalogue', 'layer'] as const, 'target', 'catalogue');
const plan = planImport(result, catalogue, target);

console.log(`Importing ${file} for ${inputs.config.name.en}`);
console.log(formatReport(file, read, result, plan));

const stem = resolve(dirname(path), basename(path, extname(path)));
const out = resolve(process.cwd(), opts.out ?? `${stem}.valid.geojson`);
const structures = plan.rows.map((r) => r.structure);
writePieces(out, /\.csv$/i.test(out) ? exportCsvChunks(structures) : [exportGeoJson(structures)]);
console.log(`\nWrote ${structures.length} structures to ${out}`);

if (result.counts.rejected > 0) {
  const rejectedPath = resolve(process.cwd(), opts.rejected ?? `${stem}.rejected.csv`);
  const reasons = new Map<number, string[]>();
  for (const i of result.issues) {
    if (i.severity !== 'error' || i.line === undefined) continue;
    const list = reasons.get(i.line) ?? [];
    list.push(`${i.field ? `[${i.field}] ` : ''}${i.message}`);
    reasons.set(i.line, list);
  }
  const rows = rejectedRows(read.table, result, (line) => reasons.get(line) ?? []);
  writePieces(rejectedPath, rejectedCsvChunks(read.table.header, rows, 'reason', 'line'));
  console.log(`Wrote ${rows.length} rejected rows to ${rejectedPath}`);
}
if (result.counts.valid + result.counts.warning === 0) {
  console.error(`${file}: no row imported (${result.counts.rejected} rejected)`);
  process.exit(1);
}
