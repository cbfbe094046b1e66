// Preview of an import (added / changed / unchanged), the "à revoir" list, and BAN geocoding with a mocked service.
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/domain/export/export';
import { geocodeStructures, banQueryUrl, parseBanAnswer } from '../../src/domain/import/geocode';
import { importBytes } from '../../src/domain/import/pipeline';
import { planImport } from '../../src/domain/import/plan';
import { groupByDept, monthsBefore, reviewList } from '../../src/domain/review';
import type { Structure } from '../../src/domain/types';
import { ctx, generateCatalogue } from './import-helpers';

const encode = (t: string) => new TextEncoder().encode(t);
const importText = (text: string) => {
  const r = importBytes(encode(text), 'x.csv', ctx);
  if (!r.ok) throw new Error(r.refusal.message);
  return r.result;
};

describe('planImport into the catalogue', () => {
  const catalogue = generateCatalogue(11, 20);

  it('re-importing an export changes nothing', () => {
    const plan = planImport(importText(exportCsv(catalogue)), catalogue, 'catalogue');
    expect([plan.added, plan.changed, plan.unchanged]).toEqual([0, 0, 20]);
  });

  it('matches by id, else by name and commune; updates only the columns the file has; an empty cell erases nothing', () => {
    const a = catalogue.find((s) => s.commune !== '' && s.website !== '')!;
    const b = catalogue.find((s) => s.commune !== '' && s !== a && !catalogue.some((o) => o !== s && o.name === s.name && o.commune === s.commune))!;
    const text = [
      'id;Nom;Code INSEE;Site web;Courriel',
      `${a.id};${a.name.replace(/[\n\r;"]/g, ' ')};${a.commune};;nouveau@example.org`,
      `;"${b.name.replace(/"/g, '""')}";${b.commune};https://neuf.example.org;`,
      ';Toute nouvelle;31555;;',
    ].join('\n');
    const result = importBytes(encode(text), 'x.csv', ctx, { defaultType: 'reseau' });
    if (!result.ok) throw new Error('refused');
    const plan = planImport(result.result, catalogue, 'catalogue');
    const [ra, rb, rc] = plan.rows;
    expect(ra).toMatchObject({ action: 'change', matchedBy: 'id' });
    expect(ra!.structure.email).toBe('nouveau@example.org');
    expect(ra!.structure.website).toBe(a.website); // empty cell: kept
    expect(ra!.structure.type).toBe(a.type); // no type column: kept although a default type was given
    expect(rb).toMatchObject({ action: 'change', matchedBy: 'name+commune' });
    expect(rb!.structure.id).toBe(b.id);
    expect(rb!.structure.website).toBe('https://neuf.example.org');
    expect(rb!.changed).toContain('website');
    expect(rc).toMatchObject({ action: 'add' });
    expect(plan.added).toBe(1);
  });

  it('never replaces an address position by the commune centre of the same commune', () => {
    const located: Structure = { ...catalogue[0]!, id: 'site', name: 'Site', commune: '81004', lon: 2.151, lat: 43.931, precision: 'address' };
    const result = importText('id;Nom;Type;Code INSEE\nsite;Site;reseau;81004\n');
    const plan = planImport(result, [located], 'catalogue');
    expect(plan.rows[0]!.structure).toMatchObject({ lon: 2.151, lat: 43.931, precision: 'address' });
  });
});

describe('planImport as a layer', () => {
  it('adds every row and renames ids already shown', () => {
    const result = importText('id;Nom;Type;Code INSEE\npris;Pris;reseau;81004\nlibre;Libre;reseau;81004\n');
    const plan = planImport(result, [], 'layer', new Set(['pris']));
    expect(plan.rows.map((r) => [r.action, r.structure.id])).toEqual([
      ['add', 'pris-2'],
      ['add', 'libre'],
    ]);
    expect(plan.issues.map((i) => [i.line, i.code])).toEqual([[2, 'idRenamed']]);
  });
});

describe('à revoir', () => {
  const base = generateCatalogue(3, 1)[0]!;
  const s = (over: Partial<Structure>): Structure => ({ ...base, ...over });

  it('lists to_check records and those not checked for more than 12 months (or never), per département', () => {
    const list = reviewList(
      [
        s({ id: 'fresh', status: 'verified', updated: '2026-06-01', commune: '81004' }),
        s({ id: 'old', status: 'verified', updated: '2025-11-25', commune: '31555' }),
        s({ id: 'limit', status: 'verified', updated: '2025-11-26', commune: '31555' }),
        s({ id: 'check', status: 'to_check', updated: '2026-06-01', commune: '81004' }),
        s({ id: 'never', status: 'verified', updated: '', commune: '', postcode: '', zone: ['region'] }),
      ],
      '2026-11-26',
      (code) => code.slice(0, 2),
    );
    expect(list.map((i) => [i.structure.id, i.dept, i.reasons])).toEqual([
      ['old', '31', ['stale']],
      ['check', '81', ['to_check']],
      ['never', '', ['no_date']],
    ]);
    expect(groupByDept(list).map((g) => [g.dept, g.items.length])).toEqual([
      ['31', 1],
      ['81', 1],
      ['', 1],
    ]);
  });

  it('counts months on the calendar, clamping the day', () => {
    expect(monthsBefore('2026-11-26', 12)).toBe('2025-11-26');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 13)).toBe('2024-12-15');
  });
});

describe('BAN geocoding (mocked: tests never touch the network)', () => {
  const base = generateCatalogue(3, 1)[0]!;
  const atCommune = (id: string, address: string): Structure => ({
    ...base,
    id,
    address,
    commune: '81004',
    postcode: '81000',
    lon: 2.15,
    lat: 43.93,
    precision: 'commune',
    status: 'verified',
  });
  const answer = (lon: number, lat: number, score: number, citycode: string) => ({
    type: 'FeatureCollection',
    features: [{ geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { score, citycode, label: 'x' } }],
  });

  it('asks for the address in its commune', () => {
    const url = new URL(banQueryUrl(atCommune('a', '2 rue X'), 'Albi'));
    expect(url.origin + url.pathname).toBe('https://api-adresse.data.gouv.fr/search/');
    expect(url.searchParams.get('q')).toBe('2 rue X 81000 Albi');
    expect(url.searchParams.get('citycode')).toBe('81004');
    expect(parseBanAnswer({ features: [] })).toBeNull();
  });

  it('keeps the score, flags low scores to check, leaves misses at the commune', async () => {
    const answers: Record<string, unknown> = {
      good: answer(2.1401, 43.9301, 0.92, '81004'),
      weak: answer(2.1402, 43.9302, 0.41, '81004'),
      elsewhere: answer(1.44, 43.6, 0.95, '31555'),
    };
    const structures = [atCommune('good', 'good'), atCommune('weak', 'weak'), atCommune('elsewhere', 'elsewhere'), atCommune('none', '')];
    const out = await geocodeStructures(structures, [2, 3, 4, 5], async (url) => answers[new URL(url).searchParams.get('q')!.split(' ')[0]!], {
      communeName: () => 'Albi',
    });
    expect(out.structures.map((s) => [s.id, s.precision, s.lon, s.status])).toEqual([
      ['good', 'address', 2.1401, 'verified'],
      ['weak', 'address', 2.1402, 'to_check'],
      ['elsewhere', 'commune', 2.15, 'verified'],
      ['none', 'commune', 2.15, 'verified'], // no address: not asked
    ]);
    expect(out.scores).toEqual({ good: 0.92, weak: 0.41 });
    expect(out.issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'lowScore'],
      [4, 'geocodeNotFound'],
    ]);
    expect(structures[0]!.precision).toBe('commune'); // inputs untouched
  });

  it('offline: stops asking, keeps commune positions and says so', async () => {
    let calls = 0;
    const out = await geocodeStructures(
      [atCommune('a', 'x'), atCommune('b', 'y')],
      [2, 3],
      async () => {
        calls++;
        throw new TypeError('Failed to fetch');
      },
      { communeName: () => 'Albi', concurrency: 1 },
    );
    expect(calls).toBe(1);
    expect(out.offline).toBe(true);
    expect(out.structures.every((s) => s.precision === 'commune')).toBe(true);
    expect(out.issues.map((i) => i.code)).toEqual(['geocodeOffline']);
  });
});
