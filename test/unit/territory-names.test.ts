import { describe, expect, it } from 'vitest';
import type { EtalabCommune } from '../../scripts/lib/territory-etalab.ts';
import { otherNames, type PostalRow } from '../../scripts/lib/territory-names.ts';

const current = (code: string, nom: string): EtalabCommune => ({ code, nom, type: 'commune-actuelle', region: '76' });
const communes = [
  current('32365', "Cap d'Astarac"),
  current('11145', 'Fleury'),
  current('11310', 'La Redorte'),
  current('12300', 'Salles-Curan'),
  current('12011', 'Arvieu'),
];
const row = (codeCommune: string, nomCommune: string, libelleAcheminement: string): PostalRow => ({
  codePostal: '00000',
  codeCommune,
  nomCommune,
  libelleAcheminement,
});

describe('otherNames (the search names the build adds to communes.json)', () => {
  const names = otherNames({
    communes,
    etalab: [
      ...communes,
      { code: '32365', nom: 'Saint-Blancard', type: 'commune-deleguee', chefLieu: '32365' },
      { code: '32067', nom: 'Cabas-Loumassès', type: 'commune-deleguee', chefLieu: '32365' },
      // A commune déléguée of another region is not this region's business.
      { code: '01015', nom: 'Arbignieu', type: 'commune-deleguee', chefLieu: '01015' },
    ],
    contours: [
      { code: '32413', nom: 'Sarcos' },
      { code: '32365', nom: 'Saint-Blancard' },
    ],
    target: new Map([
      ['32413', '32365'],
      ['32365', '32365'],
    ]),
    postal: [
      row('11145', 'Fleury', 'FLEURY D AUDE'),
      // The name without its spaces: found from the name already.
      row('11310', 'La Redorte', 'LAREDORTE'),
      // The delivery office is another commune: not a name of Arvieu.
      row('12011', 'Arvieu', 'SALLES CURAN'),
      row('32365', 'Saint-Blancard', 'SAINT-BLANCARD'),
    ],
  });

  it('names former communes from the communes déléguées and the 2018 contours, once each', () => {
    expect(names.get('32365')).toEqual({ former: ['Cabas-Loumassès', 'Saint-Blancard', 'Sarcos'], laPoste: [] });
  });

  it('keeps only the La Poste forms the name would not find, and never another commune of the region', () => {
    expect(names.get('11145')).toEqual({ former: [], laPoste: ['FLEURY D AUDE'] });
    expect(names.has('11310')).toBe(false);
    expect(names.has('12011')).toBe(false);
    expect(names.has('01015')).toBe(false);
  });
});
