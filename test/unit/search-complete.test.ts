// The project holder's search against brute force, over the built Occitanie
// data (public/data, made by `npm run build:data`): every postcode, every
// La Poste form of every name, every former commune of the etalab package.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCommuneIndex, searchCommunes, searchCommunesLinear, TYPO_TIER, withinOneEdit } from '../../src/domain/search/commune-index';
import { normalizeName } from '../../src/domain/search/normalize';
import type { Commune } from '../../src/domain/types';
import { mulberry32 } from './search-fixtures';

const communes = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/occitanie/communes.json'), 'utf8')) as Commune[];
const index = buildCommuneIndex(communes);
const all = (q: string) => searchCommunes(index, q, Infinity);
const codes = (q: string) => all(q).matches.map((m) => m.commune.code);

/** La Poste's way of writing a name, made here independently: upper case, no accents, article last in parentheses. */
function laPosteForm(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .toUpperCase();
  const article = /^(LES|LE|LA) (.*)$/.exec(plain) ?? /^(L)['’](.*)$/.exec(plain);
  const body = (article ? article[2]! : plain).replace(/['’]/g, ' ').replace(/-/g, ' ').replace(/ +/g, ' ').trim();
  return article ? `${body} (${article[1]!})` : body;
}

describe('a postcode lists all its communes', () => {
  const byPostcode = new Map<string, string[]>();
  for (const c of communes) for (const pc of c.postcodes) byPostcode.set(pc, [...(byPostcode.get(pc) ?? []), c.code]);

  it('some postcodes have many communes (65100 has 36)', () => {
    expect(byPostcode.get('65100')).toHaveLength(36);
    expect([...byPostcode.values()].filter((l) => l.length > 8).length).toBeGreaterThan(200);
  });

  it(`each of the region's postcodes finds exactly its communes, plus the commune whose INSEE code it is`, () => {
    for (const [pc, expected] of byPostcode) {
      const { matches, total } = all(pc);
      const byPc = matches.filter((m) => m.by === 'postcode').map((m) => m.commune.code);
      const others = matches.filter((m) => m.by !== 'postcode');
      expect({ pc, codes: [...byPc].sort() }).toEqual({ pc, codes: [...expected].sort() });
      // The only other match a full postcode may give: the commune whose INSEE code it also is.
      expect(others.every((m) => m.by === 'code' && m.commune.code === pc)).toBe(true);
      expect(total).toBe(matches.length);
      for (const m of matches) expect(m.tier).toBe(0);
    }
  });
});

describe('La Poste forms', () => {
  it.each([
    ['VALENCE D AGEN', '82186'],
    ['FLEURY D AUDE', '11145'],
    ['BASTIDE-PUYLAURENT (LA)', '48021'],
    ['CAZERES SUR GARONNE', '31135'],
  ])('%j finds its commune first', (q, code) => {
    const first = all(q).matches[0]!;
    expect(first.commune.code).toBe(code);
    expect(first.tier).toBe(0);
  });

  it('the form made from the name finds every commune, exactly', () => {
    for (const c of communes) {
      for (const form of new Set([
        laPosteForm(c.name),
        laPosteForm(c.name)
          .replace(/\bSAINT\b/g, 'ST')
          .replace(/\bSAINTE\b/g, 'STE'),
      ])) {
        const exact = all(form)
          .matches.filter((m) => m.tier === 0)
          .map((m) => m.commune.code);
        expect({ form, found: exact.includes(c.code) }).toEqual({ form, found: true });
      }
    }
  });

  it("La Poste's own forms that differ from the name (from the codes-postaux package) find their commune", () => {
    const withForms = communes.filter((c) => c.laPoste);
    expect(withForms.length).toBeGreaterThan(20);
    for (const c of withForms) {
      for (const form of c.laPoste!) {
        const m = all(form).matches.find((x) => x.commune.code === c.code);
        expect({ form, m: m && { tier: m.tier, by: m.by, alias: m.alias } }).toEqual({ form, m: { tier: 0, by: 'laposte', alias: form } });
      }
    }
  });
});

describe('former communes', () => {
  const require = createRequire(import.meta.url);
  const etalab = require('@etalab/decoupage-administratif/data/communes.json') as Array<{
    code: string;
    nom: string;
    type: string;
    region?: string;
    chefLieu?: string;
  }>;
  const byCode = new Map(communes.map((c) => [c.code, c]));

  it('"Saint-Blancard" finds Cap d\'Astarac, as a former commune', () => {
    expect(all('Saint-Blancard').matches[0]).toMatchObject({ commune: { name: "Cap d'Astarac" }, by: 'former', alias: 'Saint-Blancard', tier: 0 });
  });

  it('every commune déléguée or associée of the region (etalab package) finds the commune it belongs to', () => {
    const former = etalab.filter((e) => (e.type === 'commune-deleguee' || e.type === 'commune-associee') && e.region === '76' && e.chefLieu);
    expect(former.length).toBeGreaterThan(100);
    for (const f of former) {
      const current = byCode.get(f.chefLieu!)!;
      const m = all(f.nom).matches.find((x) => x.commune.code === current.code);
      // Tier 0 (the whole name), or tier 1 when the current name starts with it ("Cransac" → Cransac-les-Thermes).
      expect({ name: f.nom, tier: m?.tier }).toEqual({ name: f.nom, tier: normalizeName(current.name) === normalizeName(f.nom) ? 0 : m!.tier });
      expect(m!.tier).toBeLessThanOrEqual(1);
    }
  });

  it('a current name comes before a former name that reads the same', () => {
    let shared = 0;
    for (const c of communes) {
      for (const name of c.former ?? []) {
        const exact = all(name).matches.filter((x) => x.tier === 0);
        const lastCurrent = exact.map((x) => x.by).lastIndexOf('name');
        const firstFormer = exact.findIndex((x) => x.by === 'former');
        if (lastCurrent >= 0) shared += 1;
        expect({ name, before: lastCurrent < firstFormer }).toEqual({ name, before: true });
      }
    }
    expect(shared).toBeGreaterThan(0);
  });
});

describe('one typo, only when nothing else matches', () => {
  it('"Narbone" finds Narbonne', () => {
    expect(all('Narbone').matches[0]).toMatchObject({ commune: { name: 'Narbonne' }, tier: TYPO_TIER });
    expect(all('carcassone').matches[0]?.commune.name).toBe('Carcassonne');
  });

  it('a query that matches as typed gets no typo guesses', () => {
    for (const q of ['narbonne', 'valence', 'mende', 'sain', 'fleury d aude']) expect(all(q).matches.some((m) => m.tier === TYPO_TIER)).toBe(false);
  });

  it('short or far-off queries guess nothing', () => {
    expect(all('narb0').total).toBeGreaterThanOrEqual(0);
    expect(all('zzzzqx').total).toBe(0);
    expect(all('nrabonnee').total).toBe(0);
  });

  it('one letter dropped, doubled, changed or swapped in a seeded sample of names still finds the commune', () => {
    const random = mulberry32(20260515);
    let tried = 0;
    for (let i = 0; i < 300; i++) {
      const c = communes[Math.floor(random() * communes.length)]!;
      const name = normalizeName(c.name);
      if (name.length < 6) continue;
      const at = 1 + Math.floor(random() * (name.length - 2));
      const edits = [
        name.slice(0, at) + name.slice(at + 1),
        name.slice(0, at) + name[at] + name.slice(at),
        name.slice(0, at) + 'q' + name.slice(at + 1),
        name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2),
      ];
      const q = edits[Math.floor(random() * edits.length)]!;
      // A typo that happens to match something as typed is no typo for the search: nothing is guessed then.
      if (q.endsWith(' ') || q.includes('  ') || all(q).matches.some((m) => m.tier < TYPO_TIER)) continue;
      tried += 1;
      expect({ q, found: codes(q).includes(c.code) }).toEqual({ q, found: true });
    }
    expect(tried).toBeGreaterThan(150);
  });

  it.each([
    ['narbone', 'narbonne', true],
    ['narbonne', 'narbone', true],
    ['narbnone', 'narbonne', true],
    ['narbonme', 'narbonne', true],
    ['narbonne', 'narbonne', true],
    ['narbo', 'narbonne', false],
    ['nrabonen', 'narbonne', false],
    ['', 'a', true],
    ['ab', 'ba', true],
    ['abc', 'cab', false],
  ])('withinOneEdit(%j, %j) is %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });
});

describe('the index gives the same answer as a linear scan, with the other names and typos', () => {
  const random = mulberry32(20260516);
  const queries = new Set<string>(['Narbone', 'toulouze', 'Saint-Blancard', 'VALENCE D AGEN', 'BASTIDE-PUYLAURENT (LA)', '65100', '65100 lourd']);
  const withNames = communes.filter((c) => c.former || c.laPoste);
  for (let i = 0; i < 40; i++) {
    const c = withNames[Math.floor(random() * withNames.length)]!;
    const v = [...(c.former ?? []), ...(c.laPoste ?? [])][0]!;
    for (let n = 2; n <= v.length; n += 2 + Math.floor(random() * 3)) queries.add(v.slice(0, n));
  }
  it(`over ${queries.size} queries`, () => {
    for (const q of queries) {
      const a = searchCommunes(index, q, 30);
      const b = searchCommunesLinear(communes, q, 30);
      expect({ q, total: a.total }).toEqual({ q, total: b.total });
      expect(a.matches.map((m) => [m.commune.code, m.tier, m.by, m.postcode])).toEqual(b.matches.map((m) => [m.commune.code, m.tier, m.by, m.postcode]));
    }
  });
});
