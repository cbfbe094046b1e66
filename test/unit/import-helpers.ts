// Shared by the import tests: the fixture region and a seeded catalogue generator.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildImportContext } from '../../src/domain/import/context';
import type { ImportContext } from '../../src/domain/import/types';
import type { Commune, RegionConfig, Structure } from '../../src/domain/types';
import { mulberry32 as rng } from '../../src/domain/random';
export { rng };

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = resolve(ROOT, 'test/fixtures/import');
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES, name)));

export const config = JSON.parse(readFileSync(resolve(ROOT, 'data/regions/occitanie.json'), 'utf8')) as RegionConfig;
export const communes = JSON.parse(readFileSync(resolve(FIXTURES, 'communes.json'), 'utf8')) as Commune[];
export const communesGeo = JSON.parse(readFileSync(resolve(FIXTURES, 'communes.geojson'), 'utf8'));

/** Fixture region: real codes and names, square polygons around rounded town centres, the configured bounding box. */
export const ctx: ImportContext = buildImportContext({
  config,
  communes,
  communesGeo,
  departements: {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: null, properties: { code: '31', nom: 'Haute-Garonne' } },
      { type: 'Feature', geometry: null, properties: { code: '09', nom: 'Ariège' } },
    ],
  },
});

const TRICKY = [
  'Café "Le Lien"',
  'Alpha; Bêta, Gamma',
  '=SUM(A1:A3)',
  '+33 formule',
  '-moins devant',
  '@dièse',
  "'apostrophe devant",
  "''=déjà neutralisé",
  'Œuvre d’Économie — « solidaire »',
  'Deux\nlignes',
  'CR\r\nLF',
  'Tab\tdedans',
  'Pousse 🌱 verte',
  '<b>pas du HTML</b>',
  'Fin avec guillemet"',
];

/**
 * A catalogue of `n` valid structures over the fixture communes, with every kind of cell
 * a spreadsheet can mangle (separators, quotes, line breaks, formula-like starts, accents,
 * emoji), all three precisions, empty optional fields, lists.
 */
export function generateCatalogue(seed: number, n: number): Structure[] {
  const r = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
  const maybe = <T>(p: number, value: () => T, otherwise: T): T => (r() < p ? value() : otherwise);
  const types = config.offerTypes.map((t) => t.id);
  const stages = config.stages.map((s) => s.id);
  const out: Structure[] = [];
  for (let i = 0; i < n; i++) {
    const kind = r();
    const commune = pick(communes);
    const precision = kind < 0.45 ? 'address' : kind < 0.85 ? 'commune' : 'none';
    const withCommune = precision !== 'none' || r() < 0.5;
    const lon = precision === 'address' ? round6(commune.lon + (r() - 0.5) * 0.02) : precision === 'commune' ? commune.lon : null;
    const lat = precision === 'address' ? round6(commune.lat + (r() - 0.5) * 0.02) : precision === 'commune' ? commune.lat : null;
    const date = `20${String(15 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    out.push({
      id: `s${i}-${pick(['alpha', 'beta', 'gamma', 'delta'])}`,
      name: maybe(0.4, () => pick(TRICKY), `Structure ${i}`),
      type: pick(types),
      stages: stages.filter(() => r() < 0.4),
      address: maybe(0.5, () => pick(['12, rue de la Paix', '=1+1 impasse', 'Bât. "B"; 2e étage', 'Lieu-dit\nLe Bourg']), ''),
      postcode: withCommune ? maybe(0.6, () => commune.postcodes[0]!, '') : '',
      commune: withCommune ? commune.code : '',
      departement: withCommune ? commune.dept : '',
      lon,
      lat,
      precision,
      website: maybe(0.5, () => `https://example.org/s${i}?a=1&b=${pick(['x', 'é'])}`, ''),
      email: maybe(0.4, () => `contact${i}@example.org`, ''),
      phone: maybe(0.5, () => pick(['+33 5 61 00 00 00', '05 61 00 00 00', '05.61.00.00.00', '+33561000000']), ''),
      hours: '',
      description: maybe(0.6, () => `${pick(TRICKY)} ${pick(TRICKY)}`.trim(), ''),
      source: maybe(0.9, () => `https://example.org/a${i} | https://example.net/b`, ''),
      quote: '',
      sourceDate: '',
      updated: maybe(0.9, () => date, ''),
      status: pick(['verified', 'to_check'] as const),
      zone: maybe(0.3, () => pick([['region'], ['31', '09'], ['48']]), []),
    });
  }
  return out;
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
