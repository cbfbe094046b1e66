// The real catalogues (one per region config that names one) against the real communes of their region.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_COLUMNS, formatIssues, parseCatalogueCsv, validateStructures, type CommuneRef } from '../../src/domain/catalogue/index.ts';
import type { Commune, RegionConfig } from '../../src/domain/types.ts';

const root = resolve(import.meta.dirname, '..', '..');

interface EtalabCommune {
  code: string;
  nom: string;
  departement: string;
  region: string;
  type: string;
}

/** An alias from a dropped id to the row that replaced it (data/regions/<region>.json, "aliases"). */
interface Alias {
  from: string;
  to: string;
  reason: string;
  date: string;
}

const etalab = JSON.parse(readFileSync(resolve(root, 'node_modules/@etalab/decoupage-administratif/data/communes.json'), 'utf8')) as EtalabCommune[];

const configs = readdirSync(resolve(root, 'data/regions'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(resolve(root, 'data/regions', f), 'utf8')) as RegionConfig & { aliases?: Alias[] });

it('both regions name a catalogue file that exists', () => {
  const named = configs.map((c) => [c.id, c.structures]);
  expect(named).toEqual(
    expect.arrayContaining([
      ['occitanie', 'data/structures.csv'],
      ['pays-de-la-loire', 'data/structures-pays-de-la-loire.csv'],
    ]),
  );
  for (const c of configs) if (c.structures) expect(existsSync(resolve(root, c.structures)), c.structures).toBe(true);
});

for (const config of configs.filter((c) => c.structures !== null)) {
  const file = config.structures as string;
  const text = readFileSync(resolve(root, file), 'utf8');
  const parsed = parseCatalogueCsv(text);
  const communes = new Map<string, CommuneRef>(
    etalab
      .filter((c) => c.type === 'commune-actuelle' && c.region === config.regionCode)
      .map((c) => [c.code, { code: c.code, name: c.nom, dept: c.departement }]),
  );

  describe(file, () => {
    it('has exactly the catalogue columns, in order', () => {
      expect(text.split('\n')[0]).toBe(CATALOGUE_COLUMNS.join(','));
      expect(parsed.issues).toEqual([]);
    });

    it('validates with zero errors against the current communes of the region (etalab), positions not checked', () => {
      // Membership only: etalab has no coordinates, so these communes place nothing (warnings, not errors).
      expect(communes.size).toBeGreaterThan(1000);
      const { structures, issues } = validateStructures(parsed.rows, { config, communes });
      const errors = issues.filter((i) => i.severity === 'error');
      expect(errors, formatIssues(errors, file)).toEqual([]);
      expect(structures).toHaveLength(parsed.rows.length);
      for (const s of structures) if (s.commune !== '') expect(communes.has(s.commune)).toBe(true);
    });

    it('gives every row at least one source URL, an update date and a status', () => {
      for (const { values: v } of parsed.rows) {
        const urls = v.source.split(' | ').filter((u) => /^https?:\/\/\S+\.\S+/.test(u));
        expect([v.id, urls.length > 0]).toEqual([v.id, true]);
        expect([v.id, v.updated]).toEqual([v.id, expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)]);
        expect(['verified', 'to_check', 'closed']).toContain(v.status);
      }
    });

    it('gives a quote and a source date to every row updated on or after 2026-12-01', () => {
      for (const { values: v } of parsed.rows.filter((r) => r.values.updated >= '2026-12-01')) {
        expect([v.id, v.quote !== '']).toEqual([v.id, true]);
      }
    });

    it('keeps the alias list consistent: targets exist, dropped ids are gone', () => {
      const ids = new Set(parsed.rows.map((r) => r.values.id));
      for (const a of config.aliases ?? []) {
        expect([a.from, ids.has(a.to)]).toEqual([a.from, true]);
        expect([a.from, ids.has(a.from)]).toEqual([a.from, false]);
        expect(a.reason).not.toBe('');
        expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    });

    const built = resolve(root, 'public/data', config.id, 'communes.json');
    const haveBuilt = existsSync(built);
    it.skipIf(!haveBuilt)(
      haveBuilt
        ? `places every row with a commune inside the region (public/data/${config.id}/communes.json)`
        : `SKIPPED — places every row with a commune: public/data/${config.id}/communes.json is missing, run npm run build:data first`,
      async () => {
        const built_ = JSON.parse(readFileSync(built, 'utf8')) as Commune[];
        const deptFile = resolve(root, 'public/data', config.id, 'departements.geojson');
        let inRegion: ((lon: number, lat: number) => boolean) | undefined;
        if (existsSync(deptFile)) {
          const { booleanPointInPolygon } = await import('@turf/boolean-point-in-polygon');
          const fc = JSON.parse(readFileSync(deptFile, 'utf8')) as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
          inRegion = (lon, lat) => fc.features.some((f) => booleanPointInPolygon([lon, lat], f));
        }
        const { structures, issues } = validateStructures(parsed.rows, {
          config,
          communes: new Map(built_.map((c) => [c.code, c])),
          inRegion,
        });
        expect(issues, formatIssues(issues, file)).toEqual([]);
        for (const s of structures) {
          if (s.commune !== '') expect([s.id, s.lon !== null && s.lat !== null]).toEqual([s.id, true]);
          else expect([s.id, s.lon]).toEqual([s.id, null]);
        }
      },
    );
  });
}

describe('data/structures-pays-de-la-loire.csv, open rows', () => {
  const config = configs.find((c) => c.id === 'pays-de-la-loire');
  const rows = config?.structures ? parseCatalogueCsv(readFileSync(resolve(root, config.structures), 'utf8')).rows : [];
  const region = new Set(etalab.filter((c) => c.type === 'commune-actuelle' && c.region === '52').map((c) => c.code));

  it('places every open row (not closed) in a commune of the region', () => {
    const open = rows.filter((r) => r.values.status !== 'closed');
    expect(open.length).toBeGreaterThan(0);
    for (const { values: v } of open) expect([v.id, region.has(v.commune)]).toEqual([v.id, true]);
  });
});
