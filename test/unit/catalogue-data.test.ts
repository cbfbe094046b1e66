// The real catalogue, data/structures.csv, against the real communes of Occitanie.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE_COLUMNS,
  formatIssues,
  parseCatalogueCsv,
  validateStructures,
  type CommuneRef,
} from '../../src/domain/catalogue/index.ts';
import type { Commune, RegionConfig } from '../../src/domain/types.ts';

const root = resolve(import.meta.dirname, '..', '..');
const config = JSON.parse(readFileSync(resolve(root, 'data/regions/occitanie.json'), 'utf8')) as RegionConfig;
const csvPath = resolve(root, config.structures ?? 'data/structures.csv');
const text = readFileSync(csvPath, 'utf8');
const parsed = parseCatalogueCsv(text);

interface EtalabCommune {
  code: string;
  nom: string;
  departement: string;
  region: string;
  type: string;
}

describe('data/structures.csv', () => {
  it('has exactly the catalogue columns, in order', () => {
    expect(text.split('\n')[0]).toBe(CATALOGUE_COLUMNS.join(','));
    expect(parsed.issues).toEqual([]);
  });

  it('validates with zero errors against the current communes of the region (etalab), positions not checked', () => {
    // Membership only: etalab has no coordinates, so these communes place nothing (warnings, not errors).
    const etalab = JSON.parse(
      readFileSync(resolve(root, 'node_modules/@etalab/decoupage-administratif/data/communes.json'), 'utf8'),
    ) as EtalabCommune[];
    const communes = new Map<string, CommuneRef>(
      etalab
        .filter((c) => c.type === 'commune-actuelle' && c.region === config.regionCode)
        .map((c) => [c.code, { code: c.code, name: c.nom, dept: c.departement }]),
    );
    expect(communes.size).toBeGreaterThan(4000);

    const { structures, issues } = validateStructures(parsed.rows, { config, communes });
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors, formatIssues(errors, 'data/structures.csv')).toEqual([]);
    expect(structures).toHaveLength(parsed.rows.length);
    for (const s of structures) if (s.commune !== '') expect(communes.has(s.commune)).toBe(true);
  });

  const built = resolve(root, 'public/data', config.id, 'communes.json');
  const haveBuilt = existsSync(built);
  it.skipIf(!haveBuilt)(
    haveBuilt
      ? 'places every row with a commune inside the region (public/data/occitanie/communes.json)'
      : 'SKIPPED — places every row with a commune: public/data/occitanie/communes.json is missing, run npm run build:data first',
    async () => {
      const communes = JSON.parse(readFileSync(built, 'utf8')) as Commune[];
      const deptFile = resolve(root, 'public/data', config.id, 'departements.geojson');
      let inRegion: ((lon: number, lat: number) => boolean) | undefined;
      if (existsSync(deptFile)) {
        const { booleanPointInPolygon } = await import('@turf/boolean-point-in-polygon');
        const fc = JSON.parse(readFileSync(deptFile, 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
        inRegion = (lon, lat) => fc.features.some((f) => booleanPointInPolygon([lon, lat], f));
      }
      const { structures, issues } = validateStructures(parsed.rows, {
        config,
        communes: new Map(communes.map((c) => [c.code, c])),
        inRegion,
      });
      expect(issues, formatIssues(issues, 'data/structures.csv')).toEqual([]);
      for (const s of structures) {
        if (s.commune !== '') expect([s.id, s.lon !== null && s.lat !== null]).toEqual([s.id, true]);
        else expect([s.id, s.lon]).toEqual([s.id, null]);
      }
    },
  );
});
