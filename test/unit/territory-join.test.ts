import { describe, expect, it } from 'vitest';
import type { EtalabCommune } from '../../scripts/lib/territory-etalab.ts';
import { joinContours } from '../../scripts/lib/territory-join.ts';

const current = (code: string, nom: string, extra: Partial<EtalabCommune> = {}): EtalabCommune => ({
  code,
  nom,
  type: 'commune-actuelle',
  region: '99',
  departement: code.slice(0, 2),
  population: 10,
  ...extra,
});

describe('joinContours', () => {
  it('maps two 2018 communes merged into one current commune onto it (anciensCodes)', () => {
    const r = joinContours(
      [
        { code: '98001', nom: 'A' },
        { code: '98002', nom: 'B' },
      ],
      [current('98001', 'Nouvelle-AB', { anciensCodes: ['98002'] })],
      '99',
    );
    expect(r.communes.map((c) => c.code)).toEqual(['98001']);
    expect([...r.target]).toEqual([
      ['98001', '98001'],
      ['98002', '98001'],
    ]);
    expect(r.via).toEqual({ direct: 1, anciensCodes: 1, chefLieu: 0 });
    expect(r.issues).toEqual([]);
  });

  it('maps a commune déléguée or associée through its chefLieu', () => {
    const r = joinContours(
      [
        { code: '97002', nom: 'Encoche' },
        { code: '97003', nom: 'Chef' },
        { code: '97004', nom: 'Associée' },
      ],
      [
        current('97003', 'Chef'),
        { code: '97002', nom: 'Encoche', type: 'commune-deleguee', chefLieu: '97003' },
        { code: '97004', nom: 'Associée', type: 'commune-associee', chefLieu: '97003' },
      ],
      '99',
    );
    expect(r.target.get('97002')).toBe('97003');
    expect(r.target.get('97004')).toBe('97003');
    expect(r.via).toEqual({ direct: 1, anciensCodes: 0, chefLieu: 2 });
  });

  it('prefers a current commune of the same code over an ancien code elsewhere', () => {
    const r = joinContours([{ code: '98001', nom: 'A' }], [current('98001', 'A'), current('98005', 'E', { anciensCodes: ['98001'] })], '99');
    expect(r.target.get('98001')).toBe('98001');
  });

  it('reports, by code and name, contours it cannot place and contours of another region', () => {
    const r = joinContours(
      [
        { code: '98001', nom: 'A' },
        { code: '96001', nom: 'Inconnue' },
        { code: '01001', nom: 'Ailleurs' },
      ],
      [current('98001', 'A'), current('01001', 'Ailleurs', { region: '84' })],
      '99',
    );
    expect(r.target.size).toBe(1);
    const messages = r.issues.map((i) => `${i.severity}: ${i.message}`);
    expect(messages).toEqual([
      'warning: 2018 contour 96001 (Inconnue) matches no current commune: left out',
      'warning: 2018 contour 01001 (Ailleurs) belongs to commune 01001 outside region 99: left out',
    ]);
  });

  it('gives a commune without contour the recorded contour it was part of, and names it', () => {
    const r = joinContours([{ code: '85084', nom: 'Essarts en Bocage' }], [current('85084', 'Essarts-en-Bocage'), current('85165', "L'Oie")], '99', {
      '85165': { contour: '85084', source: 'https://example.org/source' },
    });
    expect(r.borrowed).toEqual([
      {
        code: '85165',
        name: "L'Oie",
        contour: '85084',
        contourName: 'Essarts en Bocage',
        sharedWith: '85084',
        source: 'https://example.org/source',
      },
    ]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]?.severity).toBe('warning');
    expect(r.issues[0]?.message).toContain("85165 L'Oie");
  });

  it('fails, naming it, on a commune without contour and no recorded parent', () => {
    const r = joinContours([{ code: '98001', nom: 'A' }], [current('98001', 'A'), current('98009', 'Orpheline')], '99');
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'commune 98009 (Orpheline) has no 2018 contour; record the contour it was part of in scripts/lib/territory-splits.ts',
    ]);
  });

  it('fails on a contour code that appears twice', () => {
    const r = joinContours(
      [
        { code: '98001', nom: 'A' },
        { code: '98001', nom: 'A bis' },
      ],
      [current('98001', 'A')],
      '99',
    );
    expect(r.issues.map((i) => i.severity)).toEqual(['error']);
    expect(r.issues[0]?.message).toContain('98001 (A bis) appears twice');
  });
});
