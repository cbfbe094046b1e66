// Shared helpers of the search unit tests (not a test file: no .test suffix).
import { createRequire } from 'node:module';
import type { Commune } from '../../src/domain/types';
import { mulberry32 } from '../../src/domain/random';
export { mulberry32 };

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  region?: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}

/**
 * The current communes of a region as the app's Commune type, straight from
 * the @etalab/decoupage-administratif npm package (names, postcodes,
 * populations). Positions are not needed for text search and stay at 0.
 */
export function etalabCommunes(regionCode?: string): Commune[] {
  const require = createRequire(import.meta.url);
  const all = require('@etalab/decoupage-administratif/data/communes.json') as EtalabCommune[];
  return all
    .filter((c) => c.type === 'commune-actuelle' && (!regionCode || c.region === regionCode))
    .map((c) => ({
      code: c.code,
      name: c.nom,
      dept: c.departement ?? '',
      population: c.population ?? 0,
      postcodes: c.codesPostaux ?? [],
      epci: null,
      lon: 0,
      lat: 0,
    }));
}
