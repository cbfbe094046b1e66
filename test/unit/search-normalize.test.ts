import { describe, expect, it } from 'vitest';
import { compact, normalizeBasic, normalizeName, queryVariants } from '../../src/domain/search/normalize';

describe('normalizeBasic', () => {
  it.each([
    ['Mende', 'mende'],
    ['MENDE', 'mende'],
    ['Sainte-Énimie', 'sainte enimie'],
    ['Bélesta', 'belesta'],
    ["L'Hospitalet-près-l'Andorre", 'l hospitalet pres l andorre'],
    ['L’Herm', 'l herm'],
    ['Escornebœuf', 'escorneboeuf'],
    ['  Saint -- Gaudens  ', 'saint gaudens'],
    ['Çà et là', 'ca et la'],
    ['31000', '31000'],
    ['BASTIDE-PUYLAURENT (LA)', 'la bastide puylaurent'],
    ['AIGUILLON (L)', 'l aiguillon'],
    ['TOUREILLES (LES)', 'les toureilles'],
    ['Saint-Martin (Ariège)', 'saint martin ariege'],
    ['', ''],
    ['---', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeBasic(input)).toBe(expected);
  });
});

describe('normalizeName expands St and Ste as whole words only', () => {
  it.each([
    ['St-Gaudens', 'saint gaudens'],
    ['st gaudens', 'saint gaudens'],
    ['ST. GAUDENS', 'saint gaudens'],
    ['Ste-Croix-Volvestre', 'sainte croix volvestre'],
    ['Villeneuve-lès-Maguelone', 'villeneuve les maguelone'],
    // "st" inside a word is not an abbreviation.
    ['Estagel', 'estagel'],
    ['Castelnau', 'castelnau'],
    ['Stes-Maries', 'saintes maries'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe('queryVariants', () => {
  it('tries both the abbreviation and the literal word while it is being typed', () => {
    expect(queryVariants('St')).toEqual(['saint', 'st']);
    expect(queryVariants('ste')).toEqual(['sainte', 'ste']);
    expect(queryVariants('st gaud')).toEqual(['saint gaud']);
    expect(queryVariants('Mende')).toEqual(['mende']);
    expect(queryVariants(' - ')).toEqual([]);
  });

  it('compacts a name for spaceless typing', () => {
    expect(compact(normalizeName("L'Herm"))).toBe('lherm');
  });
});
