// A file checked in parts (one per worker) must give what one pass gives: the same
// structures with the same ids, issues, counts and outcomes, wherever the parts are cut.
import { describe, expect, it } from 'vitest';
import { checkRows, importTable, joinClaims, mergeParts, withJoinedIds } from '../../src/domain/import/import-table';
import { readImportFile } from '../../src/domain/import/pipeline';
import type { ImportResult } from '../../src/domain/import/types';
import { generateRows } from '../../scripts/bench/import';
import { communes, ctx, fixtureBytes, FIXTURES } from './import-helpers';
import { readdirSync } from 'node:fs';

const read = (text: string | Uint8Array, name = 'liste.csv') => {
  const r = readImportFile(typeof text === 'string' ? new TextEncoder().encode(text) : text, name);
  if (!r.ok) throw new Error(r.refusal.message);
  return r;
};

/** The file checked in parts cut at `cuts`, joined as the import client joins them; null when the join refuses. */
function inParts(file: ReturnType<typeof read>, cuts: number[]): ImportResult | null {
  const bounds = [0, ...cuts, file.table.rows.length];
  const parts = bounds.slice(1).map((to, k) => checkRows(file.table, file.mapping, ctx, undefined, undefined, { from: bounds[k]!, to }));
  const [first, ...later] = parts;
  const joined = [first!.result];
  const outcomes = [...first!.result.outcomes];
  for (const part of later) {
    const patches = joinClaims(first!.ids, part.claims);
    if (!patches) return null;
    const structures = withJoinedIds(part.result.structures, patches);
    joined.push({ ...part.result, structures });
    // The outcomes stay in the workers; joined here to compare them too.
    const idOf = new Map(part.result.structures.map((s, i) => [s, structures[i]!.id]));
    const byLine = new Map(part.result.structureLines.map((line, i) => [line, part.result.structures[i]!]));
    for (const o of part.result.outcomes) outcomes.push(o.id === undefined ? o : { ...o, id: idOf.get(byLine.get(o.line)!) });
  }
  return { ...mergeParts(joined), outcomes };
}

/** Generated rows, with namesakes in one commune across the file, nameless rows and broken rows. */
function namesakes(n: number): string {
  const lines = generateRows(communes, n).split('\r\n');
  return lines
    .map((line, i) => {
      if (i === 0 || line === '') return line;
      const cells = line.split(';');
      if (i % 5 === 0) cells.splice(0, 1, 'Café associatif');
      if (i % 5 === 0) cells.splice(3, 2, '31000', 'Toulouse');
      if (i % 37 === 0) cells[0] = '';
      if (i % 101 === 0) cells.push('extra', 'cells');
      return cells.join(';');
    })
    .join('\r\n');
}

describe('an import checked in parts', () => {
  it('gives the result of one pass wherever two or three parts are cut, namesakes renumbered across them', () => {
    const file = read(namesakes(1_200));
    const whole = importTable(file.table, file.mapping, ctx);
    // The file exercises what the join must get right.
    expect(whole.structures.filter((s) => s.id.startsWith('cafe-associatif-toulouse')).length).toBeGreaterThan(200);
    expect(whole.issues.some((i) => i.code === 'extraFields')).toBe(true);
    expect(whole.outcomes.some((o) => o.id === undefined)).toBe(true);
    for (const cuts of [[1], [7], [400], [600], [1_199], [300, 900], [1, 2], [599, 600]]) {
      expect([cuts, inParts(file, cuts)]).toEqual([cuts, whole]);
    }
  });

  it('gives the result of one pass for every fixture file, cut in its middle', () => {
    const names = readdirSync(FIXTURES).filter((n) => /\.(csv|tsv|txt|geojson)$/.test(n));
    expect(names.length).toBeGreaterThan(5);
    const refused: string[] = [];
    for (const name of names) {
      const r = readImportFile(fixtureBytes(name), name);
      if (!r.ok || r.table.rows.length < 2) continue;
      const whole = importTable(r.table, r.mapping, ctx);
      const got = inParts(r, [Math.floor(r.table.rows.length / 2)]);
      // A refused join is checked again in one pass by the client.
      if (got === null) refused.push(name);
      else expect([name, got]).toEqual([name, whole]);
    }
    // errors.csv gives ok-1 on its line 2 and again on line 8, in its second half.
    expect(refused).toEqual(['errors.csv']);
  });

  it('keeps ids given in the file, tells duplicates within a part, and refuses a join when an id given in a later part was taken in an earlier one', () => {
    const header = 'Identifiant;Nom;Type;Code INSEE';
    const rows = ['a;A;reseau;31555', ';Café;reseau;31555', 'b;B;reseau;31555', 'b;B bis;reseau;31555', ';Café;reseau;31555', 'c;C;reseau;31555'];
    const file = read([header, ...rows].join('\n'));
    const whole = importTable(file.table, file.mapping, ctx);
    expect(whole.structures.map((s) => s.id)).toEqual(['a', 'cafe-toulouse', 'b', 'cafe-toulouse-2', 'c']);
    // The duplicate b within the second part: the part tells it itself.
    expect(inParts(file, [2])).toEqual(whole);
    // Cut between the two b: one pass tells the second a duplicate, the join cannot.
    expect(inParts(file, [3])).toBeNull();
  });
});
