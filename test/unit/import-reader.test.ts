// The reader on the files people really have: mixed line ends, a title line above the header.
import { describe, expect, it } from 'vitest';
import { importTable } from '../../src/domain/import/import-table';
import { readImportFile } from '../../src/domain/import/pipeline';
import { normaliseLineEnds, readCsvTable } from '../../src/domain/import/table';
import { ctx } from './import-helpers';

const read = (text: string, name = 'liste.csv') => readImportFile(new TextEncoder().encode(text), name);

describe('line ends', () => {
  it('reads a CRLF file with one LF line as three rows, not two merged ones', () => {
    const table = readCsvTable('Nom;Type;Commune\r\nA;reseau;Albi\nB;reseau;Foix\r\nC;reseau;Toulouse\r\n');
    expect(table.rows.map((r) => [r.line, r.fields[0]])).toEqual([
      [2, 'A'],
      [3, 'B'],
      [4, 'C'],
    ]);
    expect(table.totalLines).toBe(4);
  });

  it('reads lone CRs between CRLF lines, and keeps each multi-line cell as written', () => {
    const table = readCsvTable('Nom;Description\r\nA;"un\r\ndeux\ntrois"\rB;x\nC;"z\rw"\r\n');
    expect(table.rows.map((r) => [r.line, r.endLine, r.fields])).toEqual([
      [2, 4, ['A', 'un\r\ndeux\ntrois']],
      [5, 5, ['B', 'x']],
      [6, 7, ['C', 'z\rw']],
    ]);
  });

  it('normalises every line end to LF, remembering which was which', () => {
    const { text, breaks } = normaliseLineEnds('a\r\nb\nc\rd');
    expect(text).toBe('a\nb\nc\nd');
    expect([...breaks!]).toEqual([1, 0, 2]);
    expect(normaliseLineEnds('a\nb').breaks).toBeNull();
  });

  it('keeps a CRLF-only text as it is, and reads it as the same text with LF ends would be read', () => {
    const crlf = 'Nom;Description\r\nA;"un\r\ndeux"\r\n\r\nB;x\r\nC;"ouvert\r\n';
    expect(normaliseLineEnds(crlf)).toEqual({ text: crlf, breaks: null, newline: '\r\n' });
    const table = readCsvTable(crlf);
    expect(table.rows.map((r) => [r.line, r.endLine, r.fields])).toEqual([
      [2, 3, ['A', 'un\r\ndeux']],
      [5, 5, ['B', 'x']],
      [6, 6, ['C', '"ouvert']],
    ]);
    expect([table.blankLines, table.totalLines]).toEqual([1, 6]);
    // A quote gone astray on the last line: the cell takes the final line end, as LF.
    const stray = readCsvTable('Nom,Site\r\n"abc"def,x\r\n');
    expect(stray.rows[0]!.fields).toEqual(['abc"def,x\n']);
  });

  it('accounts for every row of a mixed file: written = valid + warned + rejected + blank + above the header', () => {
    const r = read('Nom;Type;Code INSEE\r\nA;reseau;81004\nB;reseau;09122\r\n\r\nC;inconnu;31555\r');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = importTable(r.table, r.mapping, ctx).counts;
    expect(c.valid + c.warning + c.rejected + c.blankLines + c.preambleLines).toBe(4);
    expect(c.rejected).toBe(1);
  });
});

describe('a title line above the header', () => {
  it.each(['[Export du 12/03/2025]', '{Liste}', '# Liste', '"Titre"'])('reads "%s" as a line above the header, not as JSON', (title) => {
    const r = read(`${title}\r\nNom;Type;Code INSEE\r\nA;reseau;81004\r\nB;reseau;09122\r\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.kind).toBe('csv');
    expect(r.table.headerLine).toBe(2);
    const c = importTable(r.table, r.mapping, ctx).counts;
    expect(c).toMatchObject({ preambleLines: 1, rows: 2, rejected: 0 });
    expect(c.valid + c.warning).toBe(2);
  });

  it('finds a comma separator under a title line without one', () => {
    const r = read('[Export du 12/03/2025]\nNom,Type,Code INSEE\nA,reseau,81004\n');
    expect(r.ok && r.table.delimiter).toBe(',');
  });
});

describe('JSON only when the whole text is JSON', () => {
  it('reads GeoJSON whatever the file name', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: { name: 'A', type: 'reseau' } }] });
    const r = read(text, 'liste.csv');
    expect(r.ok && r.table.kind).toBe('geojson');
  });

  it('refuses a .geojson file that starts like JSON but does not parse, with the reason', () => {
    const r = read('{"type": "FeatureCollection", "features": [', 'liste.geojson');
    expect(!r.ok && r.refusal.code).toBe('badJson');
  });

  it('reads a .csv file starting with "[" or "{" as CSV', () => {
    const r = read('[Liste]\nNom;Type\nA;reseau\n', 'liste.csv');
    expect(r.ok && r.table.kind).toBe('csv');
  });
});
