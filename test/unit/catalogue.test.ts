import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE_COLUMNS,
  formatIssues,
  parseCatalogueCsv,
  serializeCatalogueCsv,
  structuresToGeoJSON,
  validateStructures,
  type CatalogueContext,
} from '../../src/domain/catalogue/index.ts';
import type { Commune, Issue, RegionConfig } from '../../src/domain/types.ts';
import { HEADER, row } from '../fixtures/catalogue/rows';

const root = resolve(import.meta.dirname, '..', '..');
const fixture = (name: string) => readFileSync(resolve(root, 'test/fixtures/catalogue', name), 'utf8');
const config = JSON.parse(readFileSync(resolve(root, 'data/regions/occitanie.json'), 'utf8')) as RegionConfig;
const communes = JSON.parse(fixture('communes.json')) as Commune[];
const ctx: CatalogueContext = { config, communes: new Map(communes.map((c) => [c.code, c])) };

const errorsOf = (issues: Issue[]) => issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.field ?? null]);

describe('parseCatalogueCsv', () => {
  it('numbers rows from the header (line 1), first data row is line 2', () => {
    const { rows, issues } = parseCatalogueCsv(`${HEADER}\n${row({ id: 'a' })}\n${row({ id: 'b' })}\n`);
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.line, r.values.id])).toEqual([
      [2, 'a'],
      [3, 'b'],
    ]);
  });

  it('keeps the start line of a quoted multi-line field and counts its lines for the rows after it', () => {
    const multi = row({ id: 'multi', description: '"un\ndeux\ntrois"' });
    const text = `${HEADER}\n${multi}\n${row({ id: 'after' })}\n\n${row({ id: 'after-blank' })}\n`;
    const { rows } = parseCatalogueCsv(text);
    expect(rows.map((r) => [r.line, r.values.id])).toEqual([
      [2, 'multi'],
      [5, 'after'],
      [7, 'after-blank'],
    ]);
    expect(rows[0]?.values.description).toBe('un\ndeux\ntrois');
  });

  it('counts CRLF and CR line endings as one line each, also inside quotes', () => {
    const crlf = `${HEADER}\r\n${row({ id: 'a', description: '"l1\r\nl2"' })}\r\n${row({ id: 'b' })}\r\n`;
    expect(parseCatalogueCsv(crlf).rows.map((r) => r.line)).toEqual([2, 4]);
    const cr = `${HEADER}\r${row({ id: 'a' })}\r${row({ id: 'b' })}`;
    expect(parseCatalogueCsv(cr).rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('keeps codes as strings, strips a BOM and reads a ;-separated file', () => {
    const text = `\uFEFF${CATALOGUE_COLUMNS.join(';')}\n${row({ commune: '09122', postcode: '09000' }).replaceAll(',', ';')}\n`;
    const { rows, issues } = parseCatalogueCsv(text);
    expect(issues).toEqual([]);
    expect(rows[0]?.values.commune).toBe('09122');
    expect(rows[0]?.values.postcode).toBe('09000');
    expect(rows[0]?.values.id).toBe('x');
  });

  it('reports a row with too few or too many fields by its line and keeps the others', () => {
    const text = `${HEADER}\n${row({ id: 'a' })}\nb,B\n${row({ id: 'c' })},extra\n${row({ id: 'd' })},,\n`;
    const { rows, issues } = parseCatalogueCsv(text);
    expect(rows.map((r) => r.values.id)).toEqual(['a', 'd']);
    expect(issues.map((i) => [i.line, i.severity])).toEqual([
      [3, 'error'],
      [4, 'error'],
      [5, 'warning'],
    ]);
  });

  it('reports an unterminated quote at the line where its row starts, and reads on from the next line', () => {
    const text = `${HEADER}\n${row({ id: 'a' })}\n${row({ id: 'b', description: '"never closed' })}\n${row({ id: 'c' })}\n`;
    const { rows, issues } = parseCatalogueCsv(text);
    // The same reader as the Import tab: one bad cell does not swallow the rows after it.
    expect(rows.map((r) => r.values.id)).toEqual(['a', 'c']);
    expect(errorsOf(issues)).toEqual([[3, null]]);
    expect(issues[0]?.message).toMatch(/never properly closed/);
  });

  it('refuses a header without a required column, naming it, and warns on unknown columns', () => {
    const noSource = parseCatalogueCsv('id,name,type,updated,status\na,A,incubateur,2026-11-26,verified\n');
    expect(noSource.rows).toEqual([]);
    expect(noSource.issues.find((i) => i.severity === 'error')?.message).toMatch(/source/);
    const extra = parseCatalogueCsv(`${HEADER},note\n${row()},hello\n`);
    expect(extra.rows).toHaveLength(1);
    expect(extra.issues).toEqual([expect.objectContaining({ line: 1, severity: 'warning' })]);
  });

  it('reports an empty file instead of throwing', () => {
    expect(errorsOf(parseCatalogueCsv('').issues)).toEqual([[1, null]]);
    expect(errorsOf(parseCatalogueCsv('\n\n').issues)).toEqual([[1, null]]);
  });
});

describe('validateStructures on errors.csv', () => {
  const parsed = parseCatalogueCsv(fixture('errors.csv'));
  const result = validateStructures(parsed.rows, ctx);
  const at = (line: number) => result.issues.filter((i) => i.line === line);

  it('parses every row of the fixture', () => {
    // The fixture predates the departement, hours, quote and source_date columns: read as empty, with a note.
    expect(parsed.issues.map((i) => [i.code, i.params?.columns])).toEqual([['catalogue.absentColumns', 'departement\u001fhours\u001fquote\u001fsource_date']]);
    expect(parsed.rows).toHaveLength(24); // 26 data lines, row 2 spans three
  });

  it('gives each error its exact line and column', () => {
    expect(errorsOf(result.issues)).toEqual([
      [5, 'id'], // missing id
      [6, 'name'], // missing name
      [7, 'type'], // unknown type
      [8, 'stages'], // unknown stage
      [9, 'commune'], // Paris: not in the region
      [10, 'commune'], // 4-digit code
      [11, 'lon'], // point in Paris
      [12, 'lon'], // swapped
      [13, 'lon'], // decimal comma
      [14, 'lat'], // lat 95
      [15, 'id'], // duplicate
      [16, 'source'], // missing
      [17, 'source'], // not a URL
      [18, 'updated'], // 30 February
      [19, 'status'],
      [20, 'precision'],
      [21, 'zone'],
      [22, 'website'],
      [23, 'id'], // not a slug
      [24, 'commune'], // a name instead of a code
      [25, 'precision'], // address without coordinates
      [26, 'email'],
    ]);
  });

  it('explains the reason with a hint where one helps', () => {
    const msg = (line: number) =>
      at(line)
        .map((i) => i.message)
        .join(' ');
    expect(msg(7)).toMatch(/Unknown type "couveuse"/);
    expect(msg(8)).toMatch(/Unknown stage "ideation"/);
    expect(msg(9)).toMatch(/75056.*not a current commune of Occitanie/);
    expect(msg(10)).toMatch(/leading zero.*"09122"/);
    expect(msg(11)).toMatch(/outside Occitanie/);
    expect(msg(11)).not.toMatch(/swapped/);
    expect(msg(12)).toMatch(/swapped/);
    expect(msg(13)).toMatch(/use a dot/);
    expect(msg(14)).toMatch(/out of range/);
    expect(msg(15)).toMatch(/Duplicate id "ok-first" \(first used on line 2\)/);
    expect(msg(17)).toMatch(/not a URL: "Plan régional ESS/);
    expect(msg(21)).toMatch(/Unknown zone code "99"/);
    expect(msg(24)).toMatch(/"Toulouse" is 31555 \(31\)/);
  });

  it('keeps the valid row and the row with only a warning, drops each row with an error', () => {
    expect(result.structures.map((s) => s.id)).toEqual(['ok-first', 'no-stage']);
    expect(at(27)).toEqual([expect.objectContaining({ field: 'stages', severity: 'warning' })]);
    expect(result.structures[0]?.description).toBe('Description sur\ntrois lignes,\navec une virgule.');
  });
});

describe('validateStructures positions', () => {
  const validate = (over: Parameters<typeof row>[0], c: CatalogueContext = ctx) => validateStructures(parseCatalogueCsv(`${HEADER}\n${row(over)}\n`).rows, c);

  it('uses lon/lat when given, else the commune point, else none', () => {
    expect(validate({ lon: '1.5', lat: '43.5', precision: 'address' }).structures[0]).toMatchObject({
      lon: 1.5,
      lat: 43.5,
      precision: 'address',
    });
    expect(validate({ precision: '' }).structures[0]).toMatchObject({ lon: 1.4442, lat: 43.6045, precision: 'commune' });
    expect(validate({ commune: '', precision: '' }).structures[0]).toMatchObject({ lon: null, lat: null, precision: 'none' });
  });

  it('uses the region test given in the context instead of the bounding box', () => {
    // Inside the configured bounding box but refused by the (fake) polygon test.
    const strict: CatalogueContext = { ...ctx, inRegion: (lon) => lon > 1 };
    expect(errorsOf(validate({ lon: '0.5', lat: '43.5', precision: 'address' }, strict).issues)).toEqual([[2, 'lon']]);
    expect(errorsOf(validate({ lon: '0.5', lat: '43.5', precision: 'address' }).issues)).toEqual([]);
  });

  it('warns when coordinates are far from the stated commune', () => {
    const { issues, structures } = validate({ lon: '3.87', lat: '43.61', precision: 'address' }); // Montpellier, commune Toulouse
    expect(structures).toHaveLength(1);
    expect(issues).toEqual([expect.objectContaining({ field: 'lon', severity: 'warning' })]);
    expect(issues[0]?.message).toMatch(/from Toulouse/);
  });

  it('rejects a lone coordinate and contradictory precisions', () => {
    expect(errorsOf(validate({ lon: '1.5', precision: 'address' }).issues)).toEqual([[2, 'lat']]);
    expect(errorsOf(validate({ lon: '1.5', lat: '43.5', precision: 'commune' }).issues)).toEqual([[2, 'precision']]);
    expect(errorsOf(validate({ commune: '', precision: 'commune' }).issues)).toEqual([[2, 'precision']]);
  });

  it('checks a point given as numbers (the import) exactly as its text', () => {
    for (const [lon, lat] of [
      [1.5, 43.5],
      [3.87, 43.61],
      [1e-7, 43.5],
      [-0, 43.5],
      [200, 43.5],
      [1.5, Number.NaN],
    ] as const) {
      const [text] = parseCatalogueCsv(`${HEADER}\n${row({ lon: String(lon), lat: String(lat), precision: 'address' })}\n`).rows;
      const numbers = { ...text!, values: { ...text!.values, lon: '', lat: '' }, point: { lon, lat } };
      expect(validateStructures([numbers], ctx), `${lon} ${lat}`).toEqual(validateStructures([text!], ctx));
    }
  });

  it('keeps a structure whose commune has no representative point, unplaced, with a warning', () => {
    const noPoint: CatalogueContext = { ...ctx, communes: new Map([['31555', { code: '31555', name: 'Toulouse', dept: '31' }]]) };
    const { structures, issues } = validate({}, noPoint);
    expect(structures[0]).toMatchObject({ commune: '31555', lon: null, lat: null });
    expect(issues.map((i) => i.severity)).toEqual(['warning']);
  });
});

describe('round trip and GeoJSON on valid.csv', () => {
  const text = fixture('valid.csv');
  const first = validateStructures(parseCatalogueCsv(text).rows, ctx);

  it('validates without error', () => {
    expect(first.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(first.structures).toHaveLength(5);
  });

  it('parse → validate → serialize → parse → validate gives the same structures', () => {
    const again = validateStructures(parseCatalogueCsv(serializeCatalogueCsv(first.structures)).rows, ctx);
    expect(again.structures).toEqual(first.structures);
    expect(again.issues).toEqual(first.issues);
  });

  it('writes lon/lat only for precision address and keeps leading zeros', () => {
    const out = serializeCatalogueCsv(first.structures).split('\n');
    expect(out[0]).toBe(HEADER);
    expect(out.find((l) => l.startsWith('site-montpellier'))).toContain(',34172,,,,commune,');
    expect(out.find((l) => l.startsWith('site-foix'))).toContain(',09000,09122,,,,commune,');
    expect(out.find((l) => l.startsWith('listed-only'))).toContain(',81004,,,,none,');
  });

  it('makes one feature per structure, geometry null when unplaced, lists as arrays', () => {
    const fc = structuresToGeoJSON(first.structures);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => [f.id, f.geometry?.coordinates ?? null])).toEqual([
      ['site-toulouse', [1.4437, 43.6043]],
      ['site-montpellier', [3.8767, 43.6108]],
      ['site-foix', [1.6053, 42.9653]],
      ['regional-network', null],
      ['listed-only', null],
    ]);
    expect(fc.features[1]?.properties.stages).toEqual(['emergence', 'developpement']);
    expect(fc.features[4]?.properties.zone).toEqual(['11', '30']);
    expect(fc.features[1]?.properties.name).toBe('Le "Pôle" de Montpellier');
    // Valid JSON: survives a round trip through the text form.
    expect(JSON.parse(JSON.stringify(fc))).toEqual(fc);
  });
});

describe('formatIssues', () => {
  it('prints file:line [field] severity: message, sorted by line, errors first', () => {
    const text = formatIssues(
      [
        { line: 9, field: 'zone', severity: 'error', message: 'B' },
        { line: 3, field: 'stages', severity: 'warning', message: 'W' },
        { line: 3, field: 'type', severity: 'error', message: 'A' },
        { severity: 'error', message: 'C' },
      ],
      'data/structures.csv',
    );
    expect(text.split('\n')).toEqual([
      'data/structures.csv error: C',
      'data/structures.csv:3 [type] error: A',
      'data/structures.csv:3 [stages] warning: W',
      'data/structures.csv:9 [zone] error: B',
    ]);
  });
});
