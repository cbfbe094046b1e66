// Export then import gives back the same data, field for field, for generated catalogues.
import { describe, expect, it } from 'vitest';
import { exportCsv, exportGeoJson, rejectedCsv } from '../../src/domain/export/export';
import { neutraliseCell, restoreCell } from '../../src/domain/export/formula';
import { importBytes } from '../../src/domain/import/pipeline';
import { ctx, generateCatalogue, rng } from './import-helpers';

const encode = (text: string) => new TextEncoder().encode(text);

describe('round trip', () => {
  it.each([1, 2, 3, 4, 5])('CSV export → import is lossless (seed %i, 300 structures)', (seed) => {
    const catalogue = generateCatalogue(seed, 300);
    const csv = exportCsv(catalogue);
    const r = importBytes(encode(csv), 'export.csv', ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.read.bom).toBe(true);
    expect(r.read.table.delimiter).toBe(';');
    expect(r.result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.result.structures).toEqual(catalogue);
  });

  it.each([6, 7, 8])('GeoJSON export → import is lossless (seed %i)', (seed) => {
    const catalogue = generateCatalogue(seed, 300);
    const r = importBytes(encode(exportGeoJson(catalogue)), 'export.geojson', ctx);
    expect(r.ok && r.result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.ok && r.result.structures).toEqual(catalogue);
  });

  it('exports with the byte order mark, ";" and the catalogue header, and neutralises formula cells', () => {
    const [s] = generateCatalogue(1, 1);
    const csv = exportCsv([{ ...s!, name: '=cmd|" /C calc"!A0', phone: '+33 5 61 00 00 00', description: '@SUM(1)' }]);
    expect(csv.startsWith('\uFEFFid;name;type;stages;')).toBe(true);
    const line = csv.split('\r\n')[1]!;
    expect(line).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(line).toContain("'+33 5 61 00 00 00");
    expect(line).toContain("'@SUM(1)");
  });
});

describe('formula neutralisation', () => {
  it('is undone exactly by restoreCell, for any string', () => {
    const r = rng(42);
    const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', 'a', '1', '.', ' ', 'é'];
    for (let i = 0; i < 5000; i++) {
      const len = Math.floor(r() * 6);
      let v = '';
      for (let k = 0; k < len; k++) v += alphabet[Math.floor(r() * alphabet.length)];
      expect(restoreCell(neutraliseCell(v))).toBe(v);
    }
  });

  it('leaves plain numbers alone (coordinates, phone digits) and neutralises the rest', () => {
    expect(neutraliseCell('-0.25')).toBe('-0.25');
    expect(neutraliseCell('+33561000000')).toBe('+33561000000');
    expect(neutraliseCell('-1+2')).toBe("'-1+2");
    expect(neutraliseCell('\tx')).toBe("'\tx");
    expect(neutraliseCell("'=x")).toBe("''=x");
    expect(neutraliseCell('a=b')).toBe('a=b');
  });
});

describe('rejected rows file', () => {
  it('puts the reason and line first, keeps the original cells, neutralises them', () => {
    const csv = rejectedCsv(['Nom', 'Ville'], [{ line: 7, fields: ['=bad', 'Albi'], reasons: ['type inconnu', 'courriel'] }]);
    expect(csv).toBe("\uFEFFmotif du rejet;ligne;Nom;Ville\r\ntype inconnu | courriel;7;'=bad;Albi\r\n");
  });
});
