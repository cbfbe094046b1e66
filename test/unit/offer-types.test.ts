import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../src/domain/filter';
import { readTypeList, resolveAlias, writeTypeList } from '../../src/domain/offer-types';
import type { Structure } from '../../src/domain/types';
import { readUrlState } from '../../src/store/url-state';
import { makeStructure } from '../fixtures/structure';

const config = {
  legacyTypes: { reseau: ['dla'] },
  aliases: [
    { from: 'old', to: 'mid', reason: 'merged', date: '2026-12-01' },
    { from: 'mid', to: 'new', reason: 'merged', date: '2026-12-01' },
  ],
};

describe('type lists in links', () => {
  it('a link written before dla split off reseau still shows the DLA', () => {
    expect(readTypeList(['reseau'], config)).toEqual(['reseau', 'dla']);
    expect(readTypeList(['incubateur', 'reseau'], config)).toEqual(['incubateur', 'reseau', 'dla']);
    expect(readTypeList(['dla'], config)).toEqual(['dla']);
  });

  it('a selection of reseau without dla is written so that it reads back the same', () => {
    for (const types of [['reseau'], ['reseau', 'dla'], ['dla'], ['incubateur', 'reseau'], []]) {
      expect(readTypeList(writeTypeList(types, config), config).sort()).toEqual([...types].sort());
    }
    expect(writeTypeList(['reseau'], config)).toEqual(['reseau', '-dla']);
  });

  it('without legacy types the lists are left as they are', () => {
    expect(readTypeList(['reseau'], {})).toEqual(['reseau']);
    expect(writeTypeList(['reseau'], {})).toEqual(['reseau']);
  });
});

describe('aliases of merged rows', () => {
  it('follows an alias chain to the row that remains, and leaves other ids alone', () => {
    expect(resolveAlias('old', config)).toBe('new');
    expect(resolveAlias('mid', config)).toBe('new');
    expect(resolveAlias('other', config)).toBe('other');
    expect(resolveAlias(null, config)).toBeNull();
  });

  it('stops on a loop in a hand-written configuration', () => {
    const loop = {
      aliases: [
        { from: 'a', to: 'b', reason: '', date: '' },
        { from: 'b', to: 'a', reason: '', date: '' },
      ],
    };
    expect(['a', 'b']).toContain(resolveAlias('a', loop));
  });
});

describe('the departement column in filters and embed scoping', () => {
  const row = (over: Partial<Structure>): Structure => makeStructure({ type: 'dla', stages: ['developpement'], status: 'to_check', ...over });
  const departmental = row({ id: 'dla-gard', departement: '30' });
  const regional = row({ id: 'dla-region', zone: ['region'] });
  const placed = row({ id: 'placed', commune: '34172', departement: '34', lon: 3.87, lat: 43.61, precision: 'commune' });

  it('a row placed at no commune is found by its département, not by another', () => {
    expect(matchesFilter(departmental, { types: null, stages: [], dept: '30' })).toBe(true);
    expect(matchesFilter(departmental, { types: null, stages: [], dept: '34' })).toBe(false);
    expect(matchesFilter(placed, { types: null, stages: [], dept: '34' })).toBe(true);
    // A regional offer serves every département.
    expect(matchesFilter(regional, { types: null, stages: [], dept: '30' })).toBe(true);
  });

  it("the embed's dept= reaches the same filter (embeds read their parameters as the app's URL)", () => {
    const state = readUrlState('?dept=30&types=dla') as { filter: Parameters<typeof matchesFilter>[1] };
    expect([departmental, regional, placed].filter((s) => matchesFilter(s, state.filter)).map((s) => s.id)).toEqual(['dla-gard', 'dla-region']);
  });

  it('closed rows are hidden unless asked for, and verified only keeps verified rows', () => {
    const closed = row({ id: 'closed', status: 'closed', departement: '31' });
    expect(matchesFilter(closed, { types: null, stages: [], dept: null })).toBe(false);
    expect(matchesFilter(closed, { types: null, stages: [], dept: null, showClosed: true })).toBe(true);
    expect(matchesFilter(placed, { types: null, stages: [], dept: null, verifiedOnly: true })).toBe(false);
    expect(matchesFilter({ ...placed, status: 'verified' }, { types: null, stages: [], dept: null, verifiedOnly: true })).toBe(true);
  });
});
