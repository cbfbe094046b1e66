import { describe, expect, it } from 'vitest';
import { filterStructures, NO_FILTER } from '../../src/domain/filter';
import { listRows } from '../../src/ui/list-order';
import { makeStructure } from '../fixtures/structure';

describe('listRows', () => {
  const structures = [
    makeStructure({ id: 'b', name: 'Étoile', type: 'incubateur' }),
    makeStructure({ id: 'a', name: 'Abeille', type: 'realis' }),
    makeStructure({ id: 'c', name: 'zèbre', type: 'incubateur' }),
  ];

  it('lists the matching structures in French name order, the same answer while catalogue and filter stay', () => {
    const rows = listRows(structures, NO_FILTER);
    expect(rows.map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(listRows(structures, NO_FILTER)).toBe(rows);
  });

  it('answers again for another filter or another catalogue', () => {
    const incubators = { ...NO_FILTER, types: ['incubateur'] };
    expect(listRows(structures, incubators).map((s) => s.id)).toEqual(['b', 'c']);
    expect(listRows(structures, incubators)).toEqual(filterStructures(listRows(structures, NO_FILTER), incubators));
    const more = [...structures, makeStructure({ id: 'd', name: 'Bruyère', type: 'incubateur' })];
    expect(listRows(more, incubators).map((s) => s.id)).toEqual(['d', 'b', 'c']);
  });
});
