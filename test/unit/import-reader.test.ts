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

  it('accounts for every row of a mixed file: written = valid + warned + rejected + blank + above the header', () => {
    const r = read('Nom;Type;Code INSEE\r\nA;reseau;81004\nB;reseau;09122\r\n\r\nC;inconnu;31555\r');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = importTable(r.table, r.mapping, ctx).counts;
    expect(c.valid + c.warning + c.rejected + c.blankLines + c.preambleLines).toBe(4);
    expect(c.rejected).toBe(1);
  });
});
