// Per-row reading details that the fast path of importTable must keep.
import { describe, expect, it } from 'vitest';
import { importTable } from '../../src/domain/import/import-table';
import { guessMapping } from '../../src/domain/import/mapping';
import { readImportFile } from '../../src/domain/import/pipeline';
import { readCsvTable } from '../../src/domain/import/table';
import { ctx } from './import-helpers';

const run = (text: string) => {
  const r = readImportFile(new TextEncoder().encode(text), 'liste.csv');
  if (!r.ok) throw new Error(r.refusal.message);
  return importTable(r.table, r.mapping, ctx);
};

describe('importTable row by row', () => {
  it('notes formula cells in the order of the target fields, whatever the column order', () => {
    const result = run('Code postal;Nom;Type;Code INSEE\n="31000";="A";reseau;="31555"\n');
    const notes = result.issues.filter((i) => i.code === 'excelFormula').map((i) => i.field);
    expect(notes).toEqual(['name', 'postcode', 'commune']);
  });

  it('marks a text without U+FFFD or control characters as plain, and one with them as not', () => {
    expect(readCsvTable('Nom;Type\nA;reseau\n').plainText).toBe(true);
    expect(readCsvTable('Nom;Type\nA\u0001;reseau\n').plainText).toBe(false);
    expect(readCsvTable('Nom;Type\nA\uFFFD;reseau\n').plainText).toBe(false);
  });

  it('still warns about control characters and replaced bytes, row by row', () => {
    // Read as text: the file reader would refuse control bytes this close to the top as binary.
    const table = readCsvTable('Nom;Type;Code INSEE\nA;reseau;31555\nB\u0001;reseau;31555\nC\uFFFD;reseau;31555\n');
    const result = importTable(table, guessMapping(table.header, table.rows), ctx);
    const at = (code: string) => result.issues.filter((i) => i.code === code).map((i) => i.line);
    expect(at('controlChars')).toEqual([3]);
    expect(at('replacedBytes')).toEqual([4]);
  });

  it('answers the region test for points of a batch from the loop, and for a swapped point afresh', () => {
    // Longitude 48.5 / latitude 1.5 is outside; swapped it would be in: the validator says so.
    const result = run('Nom;Type;Longitude;Latitude\nA;reseau;1.44;43.6\nB;reseau;60;40\nC;reseau;2.15;43.93\n');
    expect(result.outcomes.map((o) => o.status)).toEqual(['valid', 'rejected', 'valid']);
  });
});
