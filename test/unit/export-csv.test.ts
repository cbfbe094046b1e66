// The one CSV writer: formula-like pieces neutralised after any separator, plain numbers
// kept, the documented round trip, and a million rows built in pieces.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvChunks, writeCsv } from '../../src/domain/export/csv';
import { rejectedCsvChunks } from '../../src/domain/export/export';
import { neutraliseCell, restoreCell } from '../../src/domain/export/formula';
import { rng } from './import-helpers';

const LIVE = /^[=+\-@]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:e[+-]?\d+)?$/i;
const live = (cell: string) => LIVE.test(cell) && !PLAIN_NUMBER.test(cell);

/** The cells a spreadsheet would make of a document, splitting on `sep`, with or without quote handling. */
function cellsAsSplitBy(text: string, sep: string): string[] {
  const naive = text.split(/\r\n|\n|\r/).flatMap((line) => line.split(sep));
  const parsed = Papa.parse<string[]>(text, { delimiter: sep }).data.flat();
  return [...naive, ...parsed];
}

describe('formula neutralisation after any separator', () => {
  const attack = "x,=cmd|' /C calc'!A0,fin";

  it('quotes and neutralises a formula behind a comma in a ";" file', () => {
    const csv = writeCsv(
      [
        ['id', 'description'],
        ['a', attack],
      ],
      { bom: false },
    );
    expect(csv).toBe(`id;description\r\na;"x,'=cmd|' /C calc'!A0,fin"\r\n`);
  });

  it.each([';', ',', '\t'])('never yields a live cell when split on "%s"', (sep) => {
    const cells = [attack, 'a;+b\t-c', '=1+2', '@SUM(A1)', 'x\n=y', 'x\r\n-1+2', 'ok, -1.5', 'p;  =z', "'=déjà", '\t=x'];
    for (const delimiter of [';', ',', '\t'] as const) {
      const text = writeCsv([cells, cells.slice().reverse()], { delimiter, bom: false });
      const bad = cellsAsSplitBy(text, sep).filter(live);
      expect(bad, `written with "${delimiter}"`).toEqual([]);
    }
  });

  it('leaves plain numbers as numbers, in a cell or after a separator', () => {
    expect(writeCsv([['-1.5', '12', '+33561000000', '43,6', '1,-2']], { bom: false })).toBe('-1.5;12;+33561000000;43,6;"1,-2"\r\n');
    expect(neutraliseCell('1,-2')).toBe('1,-2');
  });

  it("keeps the documented round trip: =1+2 is written '=1+2, and '=1+2 read back is =1+2", () => {
    expect(writeCsv([['=1+2']], { bom: false })).toBe("'=1+2\r\n");
    expect(restoreCell("'=1+2")).toBe('=1+2');
    expect(restoreCell(neutraliseCell("'=1+2"))).toBe("'=1+2");
    expect(restoreCell(neutraliseCell(attack))).toBe(attack);
  });

  it('is undone exactly by restoreCell, separators included, for any string', () => {
    const r = rng(7);
    const alphabet = ["'", '=', '+', '-', '@', '\t', '\r', '\n', ',', ';', ' ', 'a', '1', '.'];
    for (let i = 0; i < 20_000; i++) {
      let v = '';
      for (let k = Math.floor(r() * 9); k > 0; k--) v += alphabet[Math.floor(r() * alphabet.length)];
      expect(restoreCell(neutraliseCell(v)), JSON.stringify(v)).toBe(v);
    }
  });
});

describe('a million rows', () => {
  it('writes 1,000,000 rejected rows in pieces, every row there, without a stack overflow', () => {
    const n = 1_000_000;
    const rows = Array.from({ length: n }, (_, i) => ({
      line: i + 2,
      fields: [`Structure ${i}`, i % 3 === 0 ? '=1+1' : 'reseau', i % 5 === 0 ? '-1.5' : '81004'],
      reasons: ['[type] type inconnu'],
    }));
    const started = performance.now();
    const chunks = rejectedCsvChunks(['Nom', 'Type', 'Code INSEE'], rows, 'motif', 'ligne');
    const ms = performance.now() - started;
    console.log(`1,000,000 rejected rows written in ${Math.round(ms)} ms`);
    let lines = 0;
    for (const c of chunks) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) lines++;
    expect(lines).toBe(n + 1);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks[1]!.startsWith("motif;ligne;Nom;Type;Code INSEE\r\n[type] type inconnu;2;Structure 0;'=1+1;-1.5\r\n")).toBe(true);
    expect(chunks.at(-1)!.endsWith(`;${n + 1};Structure ${n - 1};'=1+1;81004\r\n`)).toBe(true);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('takes any iterable, so rows can be produced as they are written', () => {
    function* rows() {
      for (let i = 0; i < 25_000; i++) yield [String(i)];
    }
    const chunks = csvChunks(rows(), { bom: false });
    expect(chunks).toHaveLength(3);
    expect(chunks.join('').split('\r\n')).toHaveLength(25_001);
  });
});
