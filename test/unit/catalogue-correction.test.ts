// A referent's correction → catalogue row, checked by the catalogue's own rules.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blankCorrection,
  buildCorrection,
  canonicalCells,
  correctionFromStructure,
  correctionMailto,
  parseCatalogueCsv,
  serializeCatalogueCsv,
  validateStructures,
  type CorrectionContext,
} from '../../src/domain/catalogue/index.ts';
import { issueMessage } from '../../src/domain/catalogue/messages.ts';
import type { Commune, RegionConfig, Structure } from '../../src/domain/types.ts';

const root = resolve(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

function region(id: string) {
  const config = JSON.parse(read(`data/regions/${id}.json`)) as RegionConfig;
  const communes = JSON.parse(read(`public/data/${id}/communes.json`)) as Commune[];
  const text = read(config.structures!);
  const { structures } = validateStructures(parseCatalogueCsv(text).rows, { config, communes: new Map(communes.map((c) => [c.code, c])) });
  return { config, communes, text, structures };
}

const built = existsSync(resolve(root, 'public/data/occitanie/communes.json')) && existsSync(resolve(root, 'public/data/pays-de-la-loire/communes.json'));
const TODAY = '2026-12-01';

describe.skipIf(!built)('a correction of a catalogue row', () => {
  const occ = built ? region('occitanie') : null!;
  const ctxFor = (r: typeof occ, original: Structure | null, today = TODAY): CorrectionContext => ({
    config: r.config,
    communes: r.communes,
    existingIds: r.structures.map((s) => s.id),
    original,
    today,
  });

  it('round-trips every row of both catalogues: structure → form values → the same row (updated aside)', () => {
    for (const r of [occ, region('pays-de-la-loire')]) {
      expect(r.structures.length).toBeGreaterThan(10);
      for (const s of r.structures) {
        // Dated as the row itself: rows checked before the quote rule need no quote.
        const result = buildCorrection(correctionFromStructure(s), ctxFor(r, s, s.updated));
        expect([s.id, result.issues.filter((i) => i.severity === 'error')]).toEqual([s.id, []]);
        expect(result.row).toEqual(canonicalCells(s));
        expect(result.structure).toEqual(s);
      }
    }
  });

  it('gives the row of the catalogue file itself when the file is canonical (Pays de la Loire)', () => {
    const pdl = region('pays-de-la-loire');
    const lines = pdl.text.trimEnd().split('\n');
    pdl.structures.forEach((s, i) => {
      const result = buildCorrection(correctionFromStructure(s), ctxFor(pdl, s, s.updated));
      expect(result.csv).toBe(`${lines[0]}\n${lines[i + 1]}\n`);
    });
  });

  it('keeps the id, dates the row today and changes only what was edited', () => {
    const s = occ.structures.find((x) => x.quote !== '' && x.commune !== '')!;
    const values = { ...correctionFromStructure(s), phone: '05 61 00 00 00' };
    const result = buildCorrection(values, ctxFor(occ, s, '2026-12-05'));
    expect(result.ok).toBe(true);
    expect(result.row).toEqual({ ...canonicalCells(s), phone: '05 61 00 00 00', updated: '2026-12-05' });
    expect(result.csv).toBe(serializeCatalogueCsv([{ ...s, phone: '05 61 00 00 00', updated: '2026-12-05' }]));
  });

  it('reports each problem on its field, in French and English', () => {
    const s = occ.structures.find((x) => x.quote !== '')!;
    const values = { ...correctionFromStructure(s), email: 'pas-un-courriel', postcode: '3100', source: 'www.example.org', quote: '', type: 'boulangerie' };
    const result = buildCorrection(values, ctxFor(occ, s));
    expect(result.ok).toBe(false);
    expect(result.row).toBeNull();
    expect(result.csv).toBe('');
    const fields = result.issues
      .filter((i) => i.severity === 'error')
      .map((i) => i.field)
      .sort();
    expect(fields).toEqual(['email', 'postcode', 'quote', 'source', 'type']);
    const email = result.issues.find((i) => i.field === 'email')!;
    expect(issueMessage(email, 'fr')).toContain('Courriel « pas-un-courriel »');
    expect(issueMessage(email, 'en')).toContain('E-mail "pas-un-courriel"');
  });

  it('reads a commune typed as a name, and says when a name is unknown or ambiguous', () => {
    const blank = { ...blankCorrection({ type: 'pole_ess' }), name: 'Tiers-lieu Test', source: 'https://example.org/a', quote: 'un lieu' };
    const ok = buildCorrection({ ...blank, commune: 'Foix' }, ctxFor(occ, null));
    expect(ok.structure?.commune).toBe('09122');
    expect(ok.row?.departement).toBe('');
    const unknown = buildCorrection({ ...blank, commune: 'Nantes' }, ctxFor(occ, null));
    expect(unknown.issues.filter((i) => i.severity === 'error').map((i) => [i.field, i.code])).toEqual([['commune', 'catalogue.communeUnknownName']]);
    // Several communes of Occitanie share a name: the département narrows it.
    const byName = new Map<string, Commune[]>();
    for (const c of occ.communes) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
    const [name, twins] = [...byName].find(([, list]) => list.length === 2 && list[0]!.dept !== list[1]!.dept)!;
    const ambiguous = buildCorrection({ ...blank, commune: name }, ctxFor(occ, null));
    expect(ambiguous.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['catalogue.communeAmbiguousName']);
    const narrowed = buildCorrection({ ...blank, commune: name, departement: twins[1]!.dept }, ctxFor(occ, null));
    expect(narrowed.structure?.commune).toBe(twins[1]!.code);
  });

  it('gives a new structure a unique slug id from its name and commune, to_check', () => {
    const blank = { ...blankCorrection({ departement: '11', type: 'maison_region' }), source: 'https://example.org/a', quote: 'une Maison' };
    const first = buildCorrection({ ...blank, name: 'Maison de la Région', commune: '11069' }, ctxFor(occ, null));
    expect(first.ok).toBe(true);
    expect(first.structure).toMatchObject({ id: 'maison-de-la-region-carcassonne', commune: '11069', departement: '11', status: 'to_check', updated: TODAY });
    const taken = { ...ctxFor(occ, null), existingIds: ['maison-de-la-region-carcassonne'] };
    expect(buildCorrection({ ...blank, name: 'Maison de la Région', commune: '11069' }, taken).structure?.id).toBe('maison-de-la-region-carcassonne-2');
    // Without a commune, the row keeps the département named in the form.
    const dept = buildCorrection({ ...blank, name: 'Maison de la Région Aude' }, ctxFor(occ, null));
    expect(dept.structure).toMatchObject({ id: 'maison-de-la-region-aude', commune: '', departement: '11' });
    // A missing name is reported on the name, not on the id built from it.
    expect(
      buildCorrection(blank, ctxFor(occ, null))
        .issues.filter((i) => i.severity === 'error')
        .map((i) => i.field),
    ).toEqual(['name']);
  });

  it('drops the coordinates of a site that moves to another commune', () => {
    const s = occ.structures.find((x) => x.precision === 'address')!;
    const other = occ.communes.find((c) => c.code !== s.commune && c.dept === s.departement)!;
    const result = buildCorrection({ ...correctionFromStructure(s), commune: other.code, quote: 'q' }, ctxFor(occ, s));
    expect(result.structure).toMatchObject({ commune: other.code, precision: 'commune', lon: other.lon, lat: other.lat });
  });

  it('keeps quotes and sources one per line in the form, " | " in the row', () => {
    const s = occ.structures.find((x) => x.source.includes(' | '))!;
    const values = correctionFromStructure(s);
    expect(values.source).toBe(s.source.split(' | ').join('\n'));
    expect(buildCorrection({ ...values, source: `${values.source}\nhttps://example.org/new\n` }, ctxFor(occ, s)).structure?.source).toBe(
      `${s.source} | https://example.org/new`,
    );
  });
});

describe('the mailto link', () => {
  it('encodes subject and body', () => {
    const { href, truncated } = correctionMailto('ess@example.org', 'Correction : Catalis', 'id,name\nx,"A & B"', 'cut');
    expect(truncated).toBe(false);
    expect(href).toBe('mailto:ess@example.org?subject=Correction%20%3A%20Catalis&body=id%2Cname%0Ax%2C%22A%20%26%20B%22');
  });

  it('cuts a long body at a line end, with a note, under the length limit', () => {
    const body = Array.from({ length: 200 }, (_, i) => `ligne ${i} — é`).join('\n');
    const { href, truncated } = correctionMailto('ess@example.org', 'S', body, 'Joignez le fichier.', 600);
    expect(truncated).toBe(true);
    expect(href.length).toBeLessThanOrEqual(600);
    const decoded = decodeURIComponent(href.split('&body=')[1]!);
    expect(decoded).toMatch(/^ligne 0 — é\n/);
    expect(decoded).toMatch(/— é\n…\nJoignez le fichier\.$/);
  });
});
