import { describe, expect, it } from 'vitest';
import { sortedByName } from '../../src/domain/by-name.ts';
import { filterStructures } from '../../src/domain/filter.ts';
import { mulberry32 } from '../../src/domain/random.ts';
import { makeStructure } from '../fixtures/structure.ts';

const NAMES = ['Étoile', 'etoile', 'Abeille', 'Œuvre', 'Zèbre', 'âne', 'Ane', "L'Atelier", 'la Fabrique', '123 Boutique', 'Ébène', 'Eau'];

describe('sortedByName', () => {
  it('orders names as French readers expect, like a plain localeCompare sort', () => {
    const rand = mulberry32(7);
    const structures = Array.from({ length: 500 }, (_, i) =>
      makeStructure({ id: `s${i}`, name: `${NAMES[Math.floor(rand() * NAMES.length)]!} ${Math.floor(rand() * 50)}` }),
    );
    const expected = [...structures].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((s) => s.name);
    expect(sortedByName(structures).map((s) => s.name)).toEqual(expected);
    expect(structures.map((s) => s.id)[0]).toBe('s0'); // the catalogue itself is left as it is
  });

  it('sorts once per catalogue: the same array gives the same order object, a new catalogue a new one', () => {
    const a = [makeStructure({ id: 'b', name: 'B' }), makeStructure({ id: 'a', name: 'A' })];
    expect(sortedByName(a)).toBe(sortedByName(a));
    const b = [...a, makeStructure({ id: 'c', name: 'AA' })];
    expect(sortedByName(b).map((s) => s.id)).toEqual(['a', 'c', 'b']);
  });

  it('filtering the sorted order gives the sorted filtered list', () => {
    const structures = NAMES.map((name, i) => makeStructure({ id: `s${i}`, name, type: i % 2 ? 'incubateur' : 'realis' }));
    const filter = { types: ['realis'], stages: [], dept: null };
    const expected = filterStructures(structures, filter)
      .sort((x, y) => x.name.localeCompare(y.name, 'fr'))
      .map((s) => s.id);
    expect(filterStructures(sortedByName(structures), filter).map((s) => s.id)).toEqual(expected);
  });
});
