// `npm run catalogue -- apply FILE [--region occitanie] [--write] [--catalogue PATH]`
// Checks rows (the catalogue's CSV format, e.g. from "Proposer une correction", or any file the
// import reads) with the catalogue's rules against the region, prints what they change in the
// region's catalogue and, with --write, rewrites it. Any error: nothing is written, exit 1.
// Exit 2 when a file cannot be read.
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeBytes } from '../src/domain/import/decode';
import { basename, relative, resolve } from 'node:path';
import { aliasReuseIssues, applyToCatalogueText, diffCatalogue } from '../src/domain/catalogue/apply';
import { quoteIssues } from '../src/domain/catalogue/correction';
import { formatIssues, parseCatalogueCsv, serializeCatalogueCsv, validateStructures, type CatalogueContext } from '../src/domain/catalogue/index';
import type { RawRow } from '../src/domain/catalogue/columns';
import { buildImportContext } from '../src/domain/import/context';
import { importTable } from '../src/domain/import/import-table';
import { readImportFile } from '../src/domain/import/pipeline';
import type { Issue, RegionConfig } from '../src/domain/types';
import { loadRegionInputs, ROOT } from './lib/import-report';
import { regionTestFromOutDir } from './lib/structures-build';

const USAGE = `Usage: npm run catalogue -- apply <file.csv> [options]
  --region <id>        region (default occitanie)
  --write              rewrite the catalogue with the rows applied (default: only print the diff)
  --catalogue <path>   catalogue file to compare with and write (default: the region's, data/regions/<id>.json "structures")`;

interface Args {
  file: string;
  region: string;
  write: boolean;
  catalogue: string | null;
}

function parseArgs(argv: string[]): Args | null {
  const rest: string[] = [];
  const args: Args = { file: '', region: 'occitanie', write: false, catalogue: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [key, inline] = a.startsWith('--') ? (a.slice(2).split('=', 2) as [string, string | undefined]) : ['', undefined];
    if (key === 'write') args.write = true;
    else if (key === 'region') args.region = inline ?? argv[++i] ?? '';
    else if (key === 'catalogue') args.catalogue = inline ?? argv[++i] ?? '';
    else if (key !== '') return null;
    else rest.push(a);
  }
  if (rest.length !== 2 || rest[0] !== 'apply' || args.region === '' || args.catalogue === '') return null;
  args.file = rest[1]!;
  return args;
}

function readText(path: string, what: string): string {
  try {
    return decodeBytes(new Uint8Array(readFileSync(path))).text;
  } catch (e) {
    console.error(`${what} ${path} cannot be read: ${(e as Error).message}`);
    process.exit(2);
  }
}

function fail(issues: readonly Issue[], file: string): never {
  const errors = issues.filter((i) => i.severity === 'error');
  console.error(formatIssues(errors, file));
  console.error(`\n${errors.length} error(s): nothing written.`);
  process.exit(1);
}

/**
 * The file's rows in the catalogue's format. A file whose header is not the catalogue's goes
 * through the import pipeline (column names of spreadsheets, codes repaired), then is read back
 * as catalogue rows, keeping its own line numbers.
 */
function readRows(path: string, text: string, inputs: ReturnType<typeof loadRegionInputs>['inputs']): { rows: RawRow[]; issues: Issue[]; via: string } {
  const parsed = parseCatalogueCsv(text);
  if (!parsed.issues.some((i) => i.code === 'catalogue.missingColumns')) return { ...parsed, via: 'catalogue format' };
  const read = readImportFile(new Uint8Array(readFileSync(path)), basename(path), { encoding: 'auto', delimiter: 'auto' });
  if (!read.ok) return { ...parsed, via: 'catalogue format' };
  const result = importTable(read.table, read.mapping, buildImportContext(inputs), { crs: 'auto', defaultType: null, defaultUpdated: null });
  const again = parseCatalogueCsv(serializeCatalogueCsv(result.structures));
  const rows = again.rows.map((r, i) => ({ ...r, line: result.structureLines[i] ?? r.line }));
  return { rows, issues: [...again.issues, ...result.issues], via: 'import format' };
}

const args = parseArgs(process.argv.slice(2));
if (!args) {
  console.error(USAGE);
  process.exit(1);
}
if (!/^[a-z0-9-]+$/.test(args.region)) {
  console.error(`invalid region id "${args.region}"`);
  process.exit(1);
}

const config = JSON.parse(readText(resolve(ROOT, 'data/regions', `${args.region}.json`), 'Region configuration')) as RegionConfig;
const cataloguePath = args.catalogue ? resolve(process.cwd(), args.catalogue) : config.structures ? resolve(ROOT, config.structures) : null;
if (!cataloguePath) {
  console.error(`Region ${args.region} has no catalogue ("structures": null); give one with --catalogue.`);
  process.exit(1);
}
let inputs: ReturnType<typeof loadRegionInputs>['inputs'];
try {
  inputs = loadRegionInputs(args.region).inputs;
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const ctx: CatalogueContext = {
  config,
  communes: new Map(inputs.communes.map((c) => [c.code, c])),
  inRegion: (await regionTestFromOutDir(resolve(ROOT, 'public/data', args.region))) ?? undefined,
};
const shown = (p: string) => relative(process.cwd(), p) || p;
const file = shown(resolve(process.cwd(), args.file));
const catalogueFile = shown(cataloguePath);

// The incoming rows, checked as the build checks the catalogue.
const inText = readText(resolve(process.cwd(), args.file), 'File');
const incoming = readRows(resolve(process.cwd(), args.file), inText, inputs);
const checked = validateStructures(incoming.rows, ctx);
const inIssues = [...incoming.issues, ...checked.issues, ...quoteIssues(incoming.rows), ...aliasReuseIssues(incoming.rows, config.aliases)];
if (inIssues.some((i) => i.severity === 'error')) fail(inIssues, file);
if (incoming.rows.length === 0) fail([{ severity: 'error', line: 1, message: 'No row to apply.' }], file);

// The catalogue as it is.
const catText = readText(cataloguePath, 'Catalogue');
const current = parseCatalogueCsv(catText);
const currentChecked = validateStructures(current.rows, ctx);
const catIssues = [...current.issues, ...currentChecked.issues];
if (catIssues.some((i) => i.severity === 'error')) fail(catIssues, catalogueFile);

const diff = diffCatalogue(currentChecked.structures, checked.structures);
const next = applyToCatalogueText(catText, current.rows, diff);

// The result must read back with zero errors, as the build will read it.
const after = parseCatalogueCsv(next);
const afterChecked = validateStructures(after.rows, ctx);
const afterIssues = [...after.issues, ...afterChecked.issues];
if (afterIssues.some((i) => i.severity === 'error')) fail(afterIssues, `${catalogueFile} (after applying)`);

console.log(`Applying ${file} (${incoming.via}, ${incoming.rows.length} row(s)) to ${catalogueFile} for ${config.name.en}`);
const warnings = inIssues.filter((i) => i.severity === 'warning');
if (warnings.length > 0) console.log(`\nWarnings:\n${formatIssues(warnings, file)}`);
console.log('');
for (const s of diff.added) console.log(`+ new ${s.id}: ${s.name} (${s.type}${s.commune ? `, ${s.commune}` : s.departement ? `, ${s.departement}` : ''})`);
for (const c of diff.changed) {
  console.log(`~ changed ${c.id}:`);
  for (const ch of c.changes) console.log(`    ${ch.field}: ${JSON.stringify(ch.before)} → ${JSON.stringify(ch.after)}`);
}
console.log(`\n${diff.added.length} new, ${diff.changed.length} changed, ${diff.unchanged} unchanged`);

if (!args.write) {
  console.log(next === catText ? 'Nothing to write.' : `Not written: add --write to update ${catalogueFile}.`);
} else if (next === catText) {
  console.log(`Nothing to write: ${catalogueFile} is unchanged.`);
} else {
  writeFileSync(cataloguePath, next);
  console.log(`Wrote ${catalogueFile} (${afterChecked.structures.length} rows). Then: npm run build:data.`);
}
