import { describe, expect, it } from 'vitest';
import { buildCommuneIndex, searchCommunes, searchCommunesLinear } from '../../src/domain/search/commune-index';
import { resolveCommune } from '../../src/domain/search/resolve';
import type { Commune } from '../../src/domain/types';
import { etalabCommunes, mulberry32 } from './search-fixtures';

// The current communes of Occitanie (INSEE region 76) from the npm package.
const communes = etalabCommunes('76');
const index = buildCommuneIndex(communes);
const first = (q: string) => searchCommunes(index, q).matches[0]?.commune.name;

describe('commune search over Occitanie', () => {
  it('has the whole region to search', () => {
    expect(communes.length).toBeGreaterThan(4000);
  });

  it('finds Carcassonne from "carca", before smaller communes with the same start', () => {
    const { matches } = searchCommunes(index, 'carca');
    expect(matches[0]!.commune.name).toBe('Carcassonne');
    expect(matches.map((m) => m.commune.name)).toContain('Carcanières');
  });

  it.each(['st gaudens', 'st-gaudens', 'saint gaudens', 'Saint-Gaudens', 'SAINT GAUDENS', 'St Gaudens', 'saintgaudens', 'st gaud'])(
    '%j finds Saint-Gaudens first',
    (q) => {
      expect(first(q)).toBe('Saint-Gaudens');
    },
  );

  it('"31000" leads to Toulouse alone, by its postcode', () => {
    const { matches, total } = searchCommunes(index, '31000');
    expect(total).toBe(1);
    expect(matches[0]!.commune.name).toBe('Toulouse');
    expect(matches[0]!.by).toBe('postcode');
    expect(matches[0]!.postcode).toBe('31000');
  });

  it('a postcode shared by several communes lists them all, largest first, so the user can choose', () => {
    // 09240 is also the INSEE code of another commune: it is listed too, marked as such.
    const expected = communes.filter((c) => c.postcodes.includes('09240') || c.code === '09240');
    expect(expected.length).toBeGreaterThan(5);
    const { matches, total } = searchCommunes(index, '09240', 100);
    expect(total).toBe(expected.length);
    expect(new Set(matches.map((m) => m.commune.code))).toEqual(new Set(expected.map((c) => c.code)));
    for (const m of matches) {
      if (m.commune.code === '09240') expect(m).toMatchObject({ by: 'code', tier: 0 });
      else expect(m).toMatchObject({ by: 'postcode', tier: 0, postcode: '09240' });
    }
    const pops = matches.map((m) => m.commune.population);
    expect(pops).toEqual([...pops].sort((a, b) => b - a));
  });

  it('an INSEE code finds its commune', () => {
    const { matches } = searchCommunes(index, '48095');
    expect(matches[0]).toMatchObject({ by: 'code', tier: 0 });
    expect(matches[0]!.commune.name).toBe('Mende');
  });

  it('an exact name comes first even when larger communes share its start', () => {
    expect(first('mende')).toBe('Mende');
    expect(first('Albi')).toBe('Albi');
    expect(first('Foix')).toBe('Foix');
    expect(first('auch')).toBe('Auch');
  });

  it('homonyms are ordered by population', () => {
    const { matches } = searchCommunes(index, 'aigues vives');
    const exact = matches.filter((m) => m.tier === 0);
    expect(exact.length).toBeGreaterThanOrEqual(3);
    const pops = exact.map((m) => m.commune.population);
    expect(pops).toEqual([...pops].sort((a, b) => b - a));
  });

  it('accents, apostrophes and ligatures do not matter', () => {
    expect(first("l'herm")).toBe("L'Herm");
    expect(first('L’Herm')).toBe("L'Herm");
    // "lherm" is exactly Lherm (31), L'Herm (09) and Lherm (46): all three, the largest first.
    expect(
      searchCommunes(index, 'lherm')
        .matches.slice(0, 3)
        .map((m) => [m.commune.code, m.tier]),
    ).toEqual([
      ['31299', 0],
      ['46171', 0],
      ['09138', 0],
    ]);
    expect(first('escorneboeuf')).toBe('Escornebœuf');
    expect(first('BELESTA')).toBe('Bélesta');
    expect(first('ste croix volvestre')).toBe('Sainte-Croix-Volvestre');
  });

  it('a later word of the name matches, after names starting with it', () => {
    const { matches } = searchCommunes(index, 'gaudens', 50);
    const sg = matches.find((m) => m.commune.name === 'Saint-Gaudens');
    expect(sg).toMatchObject({ by: 'word', tier: 2 });
  });

  it('a postcode and a name together narrow each other', () => {
    const { matches, total } = searchCommunes(index, '31800 saint gaud');
    expect(matches[0]!.commune.name).toBe('Saint-Gaudens');
    expect(total).toBe(1);
  });

  it('finds nothing for nonsense, and nothing for an empty query', () => {
    expect(searchCommunes(index, 'zzzzqx').total).toBe(0);
    expect(searchCommunes(index, '').total).toBe(0);
    expect(searchCommunes(index, '   ').total).toBe(0);
    expect(searchCommunes(index, "''--").total).toBe(0);
  });

  it('caps the list but counts every match', () => {
    const { matches, total } = searchCommunes(index, 'saint', 8);
    expect(matches).toHaveLength(8);
    expect(total).toBeGreaterThan(100);
  });
});

describe('the index gives the same answer as a linear scan', () => {
  // Every prefix of seeded random names and codes, with typing variations.
  const random = mulberry32(20260501);
  const queries = new Set<string>(['s', 'st', 'ste', 'sainte', 'la', 'l', '3', '31', '310', '09', '2a', '']);
  for (let i = 0; i < 60; i++) {
    const c = communes[Math.floor(random() * communes.length)]!;
    const variants = [c.name, c.name.toUpperCase(), c.name.replace(/Saint/g, 'St').replace(/-/g, ' '), c.postcodes[0] ?? '', c.code];
    const v = variants[Math.floor(random() * variants.length)]!;
    for (let n = 1; n <= v.length; n += 1 + Math.floor(random() * 3)) queries.add(v.slice(0, n));
  }
  const key = (c: Commune) => c.code;

  it(`over ${queries.size} queries`, () => {
    for (const q of queries) {
      const a = searchCommunes(index, q, 20);
      const b = searchCommunesLinear(communes, q, 20);
      expect({ q, total: a.total }).toEqual({ q, total: b.total });
      expect(a.matches.map((m) => [key(m.commune), m.tier, m.by, m.postcode])).toEqual(b.matches.map((m) => [key(m.commune), m.tier, m.by, m.postcode]));
    }
  });
});

describe('resolveCommune (the CLI --from)', () => {
  it('takes an INSEE code, a postcode of one commune, or a name', () => {
    expect(resolveCommune(index, '48095')).toMatchObject({ ok: true, commune: { name: 'Mende' } });
    expect(resolveCommune(index, '31000')).toMatchObject({ ok: true, commune: { name: 'Toulouse' } });
    expect(resolveCommune(index, 'carcassonne')).toMatchObject({ ok: true, commune: { code: '11069' } });
  });

  it('lists the communes of a shared postcode instead of guessing', () => {
    const r = resolveCommune(index, '09240');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('ambiguous');
    // The postcode of 13 communes, and the INSEE code of a 14th.
    expect(r.candidates.length).toBe(communes.filter((c) => c.postcodes.includes('09240') || c.code === '09240').length);
  });

  it('says when nothing matches', () => {
    expect(resolveCommune(index, '99999')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(resolveCommune(index, 'zzzzqx')).toMatchObject({ ok: false, reason: 'not-found' });
  });
});
