// Fuzzing: whatever the bytes, the import never throws and accounts for every row and line;
// a damaged row never costs the rows around it.
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/domain/export/export';
import { importTable } from '../../src/domain/import/import-table';
import { readImportFile } from '../../src/domain/import/pipeline';
import type { Structure } from '../../src/domain/types';
import { CATEGORIES, makeCase, runFuzz } from '../fuzz/import-fuzz';
import { ctx, generateCatalogue, rng } from './import-helpers';

function importAll(bytes: Uint8Array, name = 'fuzz.csv') {
  const read = readImportFile(bytes, name);
  if (!read.ok) return { read, result: null };
  return { read, result: importTable(read.table, read.mapping, ctx) };
}

/** Every line of the file is the header, a title line, a blank line or part of exactly one row. */
function expectAccounted(read: Extract<ReturnType<typeof readImportFile>, { ok: true }>, result: ReturnType<typeof importTable>) {
  const c = result.counts;
  expect(c.valid + c.warning + c.rejected).toBe(c.rows);
  expect(result.outcomes.length).toBe(c.rows);
  for (const o of result.outcomes) {
    if (o.status === 'rejected') expect(result.issues.some((i) => i.line === o.line && i.severity === 'error')).toBe(true);
  }
  if (read.table.kind === 'csv') {
    const rowLines = read.table.rows.reduce((sum, r) => sum + (r.endLine - r.line + 1), 0);
    const header = read.table.headerLine > 0 ? 1 : 0;
    expect(header + rowLines + c.blankLines + c.preambleLines).toBe(read.table.totalLines);
    // The count the page shows (it does not receive the outcomes).
    expect(c.rowLines).toBe(rowLines);
  }
}

describe('seeded fuzz suite (test/fuzz/import-fuzz.ts; more seeds: npm run fuzz)', () => {
  it('10,800 inputs in 12 categories: no uncaught error, no hang, every written row and line accounted for', () => {
    const summary = runFuzz(1, 10_800, ctx);
    const failures = summary.failures.slice(0, 5).map((f) => `seed ${f.seed} (${f.category}): ${JSON.stringify(f)}`);
    expect(summary.inputs).toBe(10_800);
    expect(
      { uncaught: summary.uncaught, hangs: summary.hangs, rowMismatches: summary.rowMismatches, lineMismatches: summary.lineMismatches },
      failures.join('\n'),
    ).toEqual({
      uncaught: 0,
      hangs: 0,
      rowMismatches: 0,
      lineMismatches: 0,
    });
    // Every category of known shape reached the checks (not everything refused).
    for (const category of CATEGORIES.filter((c) => c !== 'randomBytes' && c !== 'printable')) {
      const cases = Array.from({ length: 12 }, (_, i) => makeCase(i * CATEGORIES.length + CATEGORIES.indexOf(category)));
      expect(
        cases.some((c) => readImportFile(c.bytes, c.name).ok),
        category,
      ).toBe(true);
    }
  }, 120_000);
});

describe('mutations of a valid file', () => {
  const catalogue = generateCatalogue(99, 60);
  // Without its byte order mark, so that the encoding is guessed (a BOM would settle it).
  const text = exportCsv(catalogue).replace(/^\uFEFF/, '');
  const bytes = new TextEncoder().encode(text);
  // Byte range of each data row (without its final CRLF), from the lines the reader gives it.
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) starts.push(i + 1);
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) starts.push(i + 1);
  }
  const clean = readImportFile(bytes, 'clean.csv');
  if (!clean.ok) throw new Error('the base file must read');
  const ranges = clean.table.rows.map((row): [number, number] => [starts[row.line - 1]!, starts[row.endLine]! - 2]);
  expect(ranges.length).toBe(catalogue.length);
  const INSERTS = [0x22, 0x3b, 0x0a, 0x0d, 0x27, 0x3d, 0x2c, 0x09, 0xc3, 0xe9, 0xff, 0x80, 0x41, 0x20];

  it('every row the mutations did not touch is still imported, identical', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const k = Math.floor(r() * catalogue.length);
      const [from, to] = ranges[k]!;
      const mutated = [...bytes];
      const edits = 1 + Math.floor(r() * 3);
      let end = to;
      for (let e = 0; e < edits; e++) {
        const pos = from + Math.floor(r() * Math.max(1, end - from));
        const op = r();
        if (op < 0.4) {
          mutated.splice(pos, 0, INSERTS[Math.floor(r() * INSERTS.length)]!);
          end++;
        } else if (op < 0.7 && end > from) {
          mutated.splice(pos, 1);
          end--;
        } else mutated[pos] = INSERTS[Math.floor(r() * INSERTS.length)]!;
      }
      let out!: ReturnType<typeof importAll>;
      expect(() => (out = importAll(Uint8Array.from(mutated))), `seed ${seed}`).not.toThrow();
      expect(out.read.ok, `seed ${seed}`).toBe(true);
      if (!out.read.ok || !out.result) continue;
      expectAccounted(out.read, out.result);
      const byId = new Map<string, Structure>();
      for (const s of out.result.structures) if (!byId.has(s.id)) byId.set(s.id, s);
      catalogue.forEach((s, i) => {
        if (i === k) return;
        expect(byId.get(s.id), `seed ${seed}, row ${i} (mutated row ${k})`).toEqual(s);
      });
    }
  });
});
