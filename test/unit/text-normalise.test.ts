// The one text normaliser: search, commune matching, duplicates and slugs fold text the same way.
import { describe, expect, it } from 'vitest';
import { foldText, placeKey, slug } from '../../src/domain/text/normalise';
import { normalizeName } from '../../src/domain/search/normalize';
import { communeKey, textKey } from '../../src/domain/import/text';
import { matchKey } from '../../src/domain/import/plan';
import { mulberry32 } from '../../src/domain/random';

/** foldText as defined, step by step on the whole text: the one-pass version must agree with it. */
const definition = (text: string) =>
  text
    .toLowerCase()
    .replace(/[œæß]/g, (c) => ({ œ: 'oe', æ: 'ae', ß: 'ss' })[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('text normaliser', () => {
  it('folds every character, and random texts, as the step-by-step definition does', () => {
    for (let c = 0; c < 0x500; c++) {
      const ch = String.fromCharCode(c);
      expect(foldText(ch)).toBe(definition(ch));
      expect(foldText(`A${ch}b`)).toBe(definition(`A${ch}b`));
    }
    const alphabet = [..."aZ09 -'’.éÈœŒæßçÇİıĳǅ«»°\u0301\u0327\u00a0ΣσΑἀ€😀\t"];
    const r = mulberry32(7);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let k = Math.floor(r() * 12); k > 0; k--) text += alphabet[Math.floor(r() * alphabet.length)];
      expect(foldText(text), JSON.stringify(text)).toBe(definition(text));
      expect(slug(text)).toBe(definition(text).replace(/ /g, '-'));
    }
  });

  it('spells out œ, æ and ß in either case', () => {
    expect(foldText('Escornebœuf')).toBe('escorneboeuf');
    expect(foldText('ESCORNEBŒUF')).toBe('escorneboeuf');
    expect(foldText('Lætitia')).toBe('laetitia');
    expect(foldText('CÆSAR')).toBe('caesar');
    expect(foldText('Straße')).toBe('strasse');
  });

  it('drops accents and turns apostrophes, hyphens and other punctuation into single spaces', () => {
    expect(foldText("L’Hospitalet-près-l'Andorre")).toBe('l hospitalet pres l andorre');
    expect(foldText('  Tél. / Portable  ')).toBe('tel portable');
    expect(foldText('Saint--Jean  ')).toBe('saint jean');
    expect(foldText('')).toBe('');
  });

  it('expands "St", "Ste", "Sts", "Stes" as whole words only', () => {
    expect(placeKey('St-Gaudens')).toBe('saint gaudens');
    expect(placeKey('ST GAUDENS')).toBe('saint gaudens');
    expect(placeKey('Ste-Croix-Volvestre')).toBe('sainte croix volvestre');
    expect(placeKey('Stes-Maries')).toBe('saintes maries');
    expect(placeKey('Stade')).toBe('stade');
    expect(placeKey('St. Girons')).toBe('saint girons');
  });

  it('makes slugs with hyphens', () => {
    expect(slug('Pyrénées-Orientales')).toBe('pyrenees-orientales');
    expect(slug('Cœur de Ville – Tarn (81)')).toBe('coeur-de-ville-tarn-81');
  });

  it('is the one rule of search, commune matching and duplicates', () => {
    for (const name of ['Escornebœuf', "L'Isle-en-Dodon", 'Ste-Foy-de-Peyrolières', 'Großkirch']) {
      expect(normalizeName(name)).toBe(placeKey(name));
      expect(communeKey(name)).toBe(placeKey(name));
      expect(textKey(name)).toBe(foldText(name));
    }
    const s = { name: 'Pôle Œuvre', commune: '31555' };
    expect(matchKey(s)).toBe(matchKey({ ...s, name: 'POLE OEUVRE' }));
  });
});
