// Each quirk of French spreadsheets has a fixture file (test/fixtures/import) with a known result.
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes, readImportFile } from '../../src/domain/import/pipeline';
import type { ImportIssue, ImportResult } from '../../src/domain/import/types';
import { isCatalogueCode } from '../../src/domain/catalogue/messages';
import { ctx, FIXTURES, fixtureBytes } from './import-helpers';

const run = (name: string) => {
  const r = importBytes(fixtureBytes(name), name, ctx);
  if (!r.ok) throw new Error(`${name} refused: ${r.refusal.message}`);
  return r;
};
const byName = (result: ImportResult, name: string) => result.structures.find((s) => s.name === name);
/** The import's own issues by code; the catalogue validator's by field (its codes name the check, the field says where). */
const kindOf = (i: ImportIssue) => (isCatalogueCode(i.code) ? i.field : (i.code ?? i.field));
const errorsOf = (result: ImportResult) => result.issues.filter((i) => i.severity === 'error' && i.line !== undefined).map((i) => [i.line, kindOf(i)]);

describe('encodings and separators', () => {
  it('reads Windows-1252 with ";" and Lambert-93 coordinates with decimal commas, finding each commune from its point', () => {
    const { read, result } = run('cp1252-semicolon-lambert93.csv');
    expect(read.encoding).toBe('windows-1252');
    expect(read.table.delimiter).toBe(';');
    expect(result.counts).toMatchObject({ rows: 5, rejected: 0, lambert93: 5, communeFromPoint: 5 });
    // œ, ’, — and – are the bytes where Windows-1252 differs from ISO-8859-1.
    expect(result.structures.map((s) => [s.name, s.commune, s.precision])).toEqual([
      ['Cœur d’Économie Lozère', '48095', 'address'],
      ['Pépinière « Les Tanneurs »', '81004', 'address'],
      ['Réseau Ariège Solidaire', '09122', 'address'],
      ['Incubateur Aveyron — Rodez', '12202', 'address'],
      ['Maison de la Région – Cahors', '46042', 'address'],
    ]);
    // Back within 1e-6 degree (about 10 cm) of the town centres the fixture was made from.
    const mende = result.structures[0]!;
    expect(mende.lon).toBeCloseTo(3.51, 6);
    expect(mende.lat).toBeCloseTo(44.52, 6);
    // Types by their French label; contacts repaired and reported.
    expect(result.structures.map((s) => s.type)).toEqual(['pole_ess', 'realis', 'reseau', 'incubateur', 'maison_region']);
    expect(mende.website).toBe('https://www.coeur-eco.example.org');
    expect(mende.phone).toBe('0466000000');
    expect(result.issues.filter((i) => i.line === 2).map((i) => i.code)).toEqual(['repairedWebsite', 'repairedPhone']);
  });

  it('can be told the encoding: forcing UTF-8 on a Windows-1252 file replaces the bad bytes and says so per row', () => {
    const read = readImportFile(fixtureBytes('cp1252-semicolon-lambert93.csv'), 'x.csv', { encoding: 'utf-8' });
    expect(read.ok && read.encoding).toBe('utf-8');
    const r = importBytes(fixtureBytes('cp1252-semicolon-lambert93.csv'), 'x.csv', ctx, { encoding: 'utf-8' });
    expect(r.ok && r.result.issues.filter((i) => i.code === 'replacedBytes').map((i) => i.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('reads UTF-8 with a byte order mark and ",", quoted commas, doubled quotes, line breaks, blank lines and empty trailing columns', () => {
    const { read, result } = run('utf8-bom-comma.csv');
    expect(read.bom).toBe(true);
    expect(read.table.delimiter).toBe(',');
    expect(read.table.header[0]).toBe('Nom'); // no BOM glued to the first header
    expect(result.counts).toMatchObject({ rows: 3, rejected: 0, blankLines: 2 });
    expect(result.outcomes.map((o) => [o.line, o.endLine])).toEqual([
      [2, 3],
      [5, 5],
      [7, 7],
    ]);
    expect(byName(result, 'Catalyse, incubateur')?.description).toBe('Deux lignes :\npremière, puis seconde');
    expect(byName(result, 'Guillemets "doubles"')?.commune).toBe('66136');
  });

  it('reads tab-separated text with decimal commas and repairs codes that lost their leading zero', () => {
    const { read, result } = run('utf8-tab.tsv');
    expect(read.table.delimiter).toBe('\t');
    const foix = byName(result, 'Foix Initiatives')!;
    expect([foix.postcode, foix.commune, foix.lon, foix.lat]).toEqual(['09000', '09122', 1.6, 42.96]);
    expect(result.issues.filter((i) => i.code === 'repairedCode').map((i) => [i.line, i.field, i.params?.from, i.params?.to])).toEqual([
      [2, 'postcode', '9000', '09000'],
      [2, 'commune', '9122', '09122'],
    ]);
    expect(result.counts.repairedCodes).toBe(2);
    expect(byName(result, 'Sans position')).toMatchObject({ precision: 'none', lon: null, commune: '' });
  });

  it('reads Excel "Unicode text" (UTF-16 with byte order mark, tabs)', () => {
    const { read, result } = run('excel-unicode.txt');
    expect(read.encoding).toBe('utf-16le');
    expect(result.structures.map((s) => [s.name, s.commune])).toEqual([['Unicode ≠ ASCII', '81004']]);
  });

  it('skips a title above the table, saying which line, and counts the blank line', () => {
    const { read, result } = run('preamble.csv');
    expect(read.table.headerLine).toBe(3);
    expect(result.counts).toMatchObject({ preambleLines: 1, blankLines: 1, rows: 1, valid: 1, rejected: 0 });
    expect(result.issues.find((i) => i.code === 'preamble')?.line).toBe(1);
  });
});

describe('positions', () => {
  it('places rows without coordinates at their commune: by code, name + postcode, name + département, unique name, postcode alone', () => {
    const { result } = run('commune-only.csv');
    expect(result.structures.map((s) => [s.name, s.commune, s.precision])).toEqual([
      ['Par le code', '81004', 'commune'],
      ['Nom et code postal', '11001', 'commune'], // Aigues-Vives, Aude
      ['Nom et département', '30004', 'commune'], // "Aigues Vives" in the Gard
      ['Nom seul, unique', '46042', 'commune'], // "CAHORS"
      ['Homonyme par le CP', '48018', 'commune'], // Barjac (Lozère) shares 48000 with Mende
      ['Code postal seul', '09122', 'commune'],
    ]);
    const cahors = byName(result, 'Nom seul, unique')!;
    expect([cahors.lon, cahors.lat]).toEqual([1.46, 44.45]);
    expect(errorsOf(result)).toEqual([
      [7, 'unknownCommuneName'],
      [8, 'ambiguousCommune'],
    ]);
  });

  it('swaps latitude/longitude given in the wrong order (WGS84 and Lambert-93) and rejects points outside the region', () => {
    const { result } = run('swapped-outside.csv');
    expect(result.structures.map((s) => [s.name, s.commune])).toEqual([
      ['Inversée', '81004'],
      ['Lambert inversé', '12202'],
      ['Bonne', '46042'],
    ]);
    expect(result.counts.swapped).toBe(2);
    expect(result.issues.filter((i) => i.code === 'swapped').map((i) => i.line)).toEqual([2, 4]);
    expect(errorsOf(result)).toEqual([
      [3, 'lon'], // Bordeaux: outside Occitanie (catalogue validator)
      [5, 'badNumber'],
      [6, 'halfPair'],
    ]);
  });
});

describe('errors never cost other rows', () => {
  it('rejects each bad row with its line and reason, and keeps reading after an unclosed quote', () => {
    const { result } = run('errors.csv');
    expect(result.structures.map((s) => s.id)).toEqual(['ok-1', 'ok-2', 'ok-3']);
    expect(byName(result, 'Troisième, "citée"')?.commune).toBe('81004');
    expect(errorsOf(result)).toEqual([
      [3, 'unclosedQuote'],
      [5, 'extraFields'],
      [6, 'unknownType'],
      [7, 'email'],
      [8, 'duplicateId'],
      [9, 'name'],
    ]);
    // Every input line is one outcome: 1 header + 9 rows.
    expect(result.outcomes.map((o) => o.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.counts.valid + result.counts.warning + result.counts.rejected).toBe(result.counts.rows);
  });

  it('reads GeoJSON: points, no geometry, polygons (properties used), and reports items that are not features', () => {
    const { read, result } = run('features.geojson');
    expect(read.table.kind).toBe('geojson');
    expect(result.structures.map((s) => [s.name, s.commune, s.precision, s.stages])).toEqual([
      ['Point à Mende', '48095', 'address', ['emergence', 'creation']],
      ['Sans géométrie', '09122', 'commune', []],
      ['Polygone', '81004', 'commune', []],
    ]);
    expect(result.issues.find((i) => i.code === 'geometryIgnored')?.line).toBe(3);
    expect(errorsOf(result)).toEqual([
      [4, 'lon'], // Paris
      [5, 'notFeature'],
    ]);
  });
});

describe('formulas and codes kept as text', () => {
  it('unwraps ="09122" and restores neutralised formula cells', () => {
    const { read, result } = run('formulas.csv');
    expect(read.mapping.commune).toBe(3); // a "commune" column of codes is the INSEE code
    const f = result.structures[0]!;
    expect([f.commune, f.postcode, f.phone, f.description]).toEqual(['09122', '09000', '+33 5 61 00 00 00', '=HYPERLINK("http://example.org")']);
    expect(result.structures[1]?.description).toBe('-tiret en tête');
  });
});

describe('refusals say why', () => {
  it.each([
    ['workbook.xlsx', 'spreadsheet'],
    ['binary.bin', 'binary'],
    ['no-columns.csv', 'noColumn'],
    ['not-geojson.json', 'notGeoJson'],
  ])('%s is refused (%s)', (name, code) => {
    const r = readImportFile(fixtureBytes(name), name);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.refusal.code).toBe(code);
      expect(r.refusal.message.length).toBeGreaterThan(20);
    }
  });

  it('refuses a file over the size limit before reading it', () => {
    const r = readImportFile(new Uint8Array(2048), 'big.csv', { maxBytes: 1024 });
    expect(!r.ok && r.refusal.code).toBe('tooLarge');
  });

  it('refuses an empty file and a file of blank lines', () => {
    expect(readImportFile(new Uint8Array(0), 'e.csv').ok).toBe(false);
    expect(readImportFile(new TextEncoder().encode('\n  \n\n'), 'e.csv').ok).toBe(false);
  });
});

// Golden outcomes of every fixture (REGEN=1 rewrites them): any change of behaviour shows in review.
describe('golden outcomes', () => {
  const inputs = readdirSync(FIXTURES).filter((f) => !/^communes\.|\.ts$|\.md$|^expected$/.test(f));
  it.each(inputs)('%s', (name) => {
    const r = importBytes(fixtureBytes(name), name, ctx);
    const summary = !r.ok
      ? { refused: r.refusal.code }
      : {
          counts: r.result.counts,
          rows: r.result.outcomes.map((o) => {
            const s = o.id ? r.result.structures.find((x) => x.id === o.id) : undefined;
            return s
              ? [o.line, o.status, s.id, s.commune, s.precision, s.lon === null ? null : round(s.lon), s.lat === null ? null : round(s.lat)]
              : [o.line, o.status];
          }),
          issues: r.result.issues.map((i) => [i.line ?? null, i.severity, kindOf(i) ?? null]),
        };
    const dir = resolve(FIXTURES, 'expected');
    const file = resolve(dir, `${name}.json`);
    if (process.env.REGEN || !existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, `${JSON.stringify(summary, null, 1)}\n`);
    }
    expect(summary).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
