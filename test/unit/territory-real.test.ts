// The real build (reference contours + @etalab/decoupage-administratif) into a
// scratch folder: counts, population, points inside polygons, the Pays de la
// Loire communes without a contour of their own.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, type RegionReport } from '../../scripts/build-data.ts';
import { sha256 } from '../../scripts/lib/territory-hash.ts';
import type { Commune, EpciInfo, Manifest, RegionConfig } from '../../src/domain/types.ts';
import { readJson, REPO_ROOT, scratch } from '../fixtures/territory/fixture.ts';

type Area = Feature<Polygon | MultiPolygon, { code: string; nom: string; dept: string; population: number }>;

const require = createRequire(import.meta.url);
const etalabCommunes = require('@etalab/decoupage-administratif/data/communes.json') as {
  code: string;
  type: string;
  region?: string;
  population?: number;
}[];
const etalabEpci = require('@etalab/decoupage-administratif/data/epci.json') as {
  code: string;
  membres: { code: string }[];
}[];

let dir: string;
let reports: RegionReport[];
const logs: string[] = [];

beforeAll(async () => {
  dir = await scratch('territory-real');
  reports = await buildData({ outRoot: join(dir, 'data'), log: (m) => logs.push(m) });
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const out = (region: string, name: string) => join(dir, 'data', region, name);
const config = (id: string) => readJson<RegionConfig>(join(REPO_ROOT, 'data', 'regions', `${id}.json`));

function currentOf(regionCode: string) {
  return etalabCommunes.filter((c) => c.type === 'commune-actuelle' && c.region === regionCode);
}

describe.each(['occitanie', 'pays-de-la-loire'])('real build: %s', (id) => {
  const communes = () => readJson<Commune[]>(out(id, 'communes.json'));
  const display = () => readJson<FeatureCollection>(out(id, 'communes.geojson')).features as Area[];

  it('has every current commune of the region, once, with 5-character string codes', () => {
    const expected = currentOf(config(id).regionCode)
      .map((c) => c.code)
      .sort();
    const codes = communes().map((c) => c.code);
    expect(codes).toEqual(expected);
    for (const c of communes()) {
      expect(typeof c.code).toBe('string');
      expect(c.code).toMatch(/^[0-9][0-9AB][0-9]{3}$/);
      expect(c.postcodes.every((p) => typeof p === 'string' && p.length === 5)).toBe(true);
    }
    expect(
      display()
        .map((f) => f.properties.code)
        .sort(),
    ).toEqual(expected);
  });

  it('sums population as etalab does for the region', () => {
    const expected = currentOf(config(id).regionCode).reduce((s, c) => s + (c.population ?? 0), 0);
    const total = communes().reduce((s, c) => s + c.population, 0);
    expect(total).toBe(expected);
    expect(readJson<Manifest>(out(id, 'manifest.json')).counts.population).toBe(expected);
  });

  it('places every representative point inside its commune display polygon', () => {
    const geo = new Map(display().map((f) => [f.properties.code, f]));
    const outside = communes().filter((c) => {
      const f = geo.get(c.code);
      return !f || !booleanPointInPolygon([c.lon, c.lat], f, { ignoreBoundary: true });
    });
    expect(outside.map((c) => `${c.code} ${c.name}`)).toEqual([]);
    for (const c of communes()) expect(Math.round(c.lon * 1e5) / 1e5).toBe(c.lon);
  });

  it('has one département feature per configured département, with code, name and a label point inside it', () => {
    const depts = readJson<FeatureCollection>(out(id, 'departements.geojson')).features as Feature<Polygon | MultiPolygon>[];
    expect(depts.map((f) => f.properties?.code)).toEqual([...config(id).departements].sort());
    for (const f of depts) {
      expect(Object.keys(f.properties ?? {})).toEqual(['code', 'nom', 'label']);
      const label = f.properties?.label as [number, number];
      expect(booleanPointInPolygon(label, f, { ignoreBoundary: true }), f.properties?.nom).toBe(true);
    }
    const region = readJson<FeatureCollection>(out(id, 'region.geojson')).features;
    expect(region).toHaveLength(1);
  });

  it('gives each commune the EPCI that lists it as a member, and lists those EPCI', () => {
    const memberOf = new Map<string, string>();
    for (const e of etalabEpci) for (const m of e.membres) memberOf.set(m.code, e.code);
    const epci = readJson<EpciInfo[]>(out(id, 'epci.json'));
    const listed = new Set(epci.map((e) => e.code));
    for (const c of communes()) {
      expect(c.epci, c.code).toBe(memberOf.get(c.code) ?? null);
      if (c.epci) expect(listed.has(c.epci)).toBe(true);
    }
    expect(
      new Set(
        communes()
          .map((c) => c.epci)
          .filter(Boolean),
      ).size,
    ).toBe(epci.length);
  });

  it('keeps display properties short and the first paint within 600 kB gzip', () => {
    expect(Object.keys(display()[0]?.properties ?? {})).toEqual(['code', 'nom', 'dept', 'population']);
    const m = readJson<Manifest>(out(id, 'manifest.json'));
    const firstPaint = ['region.geojson', 'departements.geojson', 'communes.geojson'].reduce((s, f) => s + (m.sizes[f]?.gzip ?? Infinity), 0);
    expect(firstPaint).toBeLessThanOrEqual(600_000);
    for (const [name, s] of Object.entries(m.sizes)) expect(statSync(out(id, name)).size, name).toBe(s.bytes);
    expect(m.sources).toEqual(config(id).attributions);
  });
});

describe('real build: specifics', () => {
  it('builds Occitanie: 4,446 communes, 6,124,653 inhabitants, 13 départements', () => {
    const m = readJson<Manifest>(out('occitanie', 'manifest.json'));
    expect(m.counts).toMatchObject({ communes: 4446, contours2018: 4485, departements: 13, population: 6124653 });
    expect(reports.map((r) => [r.id, r.status])).toEqual([
      ['occitanie', 'built'],
      ['pays-de-la-loire', 'built'],
    ]);
  });

  it("reports L'Oie and Sainte-Florence (Pays de la Loire) by name and keeps them", () => {
    const pdl = reports.find((r) => r.id === 'pays-de-la-loire');
    const warnings = pdl?.warnings.map((w) => w.message) ?? [];
    expect(warnings.some((w) => w.includes("85165 L'Oie"))).toBe(true);
    expect(warnings.some((w) => w.includes('85212 Sainte-Florence'))).toBe(true);
    const notes = readJson<Manifest>(out('pays-de-la-loire', 'manifest.json')).notes.join('\n');
    expect(notes).toContain("85165 L'Oie");
    expect(notes).toContain('85212 Sainte-Florence');
    expect(logs.join('\n')).toContain("85165 L'Oie");
    const communes = readJson<Commune[]>(out('pays-de-la-loire', 'communes.json'));
    expect(communes).toHaveLength(1228);
    const essarts = communes.find((c) => c.code === '85084');
    for (const code of ['85165', '85212']) {
      const c = communes.find((x) => x.code === code);
      expect(c?.population).toBeGreaterThan(0);
      expect([c?.lon, c?.lat]).toEqual([essarts?.lon, essarts?.lat]);
    }
  });

  it('lists the built regions and copies their configs for the app', () => {
    expect(readJson(join(dir, 'data', 'regions.json'))).toEqual([
      { id: 'occitanie', name: config('occitanie').name },
      { id: 'pays-de-la-loire', name: config('pays-de-la-loire').name },
    ]);
    expect(readFileSync(out('occitanie', 'config.json'), 'utf8')).toBe(readFileSync(join(REPO_ROOT, 'data', 'regions', 'occitanie.json'), 'utf8'));
  });

  it('hashes every input, the structures catalogue included', () => {
    const m = readJson<Manifest>(out('occitanie', 'manifest.json'));
    const csv = config('occitanie').structures as string;
    expect(m.inputHashes[`structures/${csv}`]).toBe(sha256(readFileSync(join(REPO_ROOT, csv))));
    expect(m.inputHashes['config/occitanie.json']).toBe(sha256(readFileSync(join(REPO_ROOT, 'data', 'regions', 'occitanie.json'))));
    expect(Object.keys(m.inputHashes).filter((k) => k.startsWith('territory/occitanie/communes/'))).toHaveLength(13);
    expect(m.inputHashes['package/@etalab/decoupage-administratif']).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('does nothing on a second run with unchanged inputs', async () => {
    const again = await buildData({ outRoot: join(dir, 'data'), log: () => {} });
    expect(again.map((r) => r.status)).toEqual(['up-to-date', 'up-to-date']);
  });
});
