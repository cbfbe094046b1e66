import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildStructures } from '../../scripts/lib/structures-build.ts';
import type { Commune, RegionConfig } from '../../src/domain/types.ts';

const root = resolve(import.meta.dirname, '..', '..');
// The real region with fixture catalogues: its aliases name rows of the real catalogue, so they are left out here.
const base = { ...(JSON.parse(readFileSync(resolve(root, 'data/regions/occitanie.json'), 'utf8')) as RegionConfig), aliases: undefined };
const communes = JSON.parse(readFileSync(resolve(root, 'test/fixtures/catalogue/communes.json'), 'utf8')) as Commune[];
const tmp = mkdtempSync(join(tmpdir(), 'maillage-catalogue-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const readOut = (dir: string) => JSON.parse(readFileSync(join(dir, 'structures.geojson'), 'utf8')) as GeoJSON.FeatureCollection;

describe('buildStructures', () => {
  it('writes the valid rows as GeoJSON and returns their count', async () => {
    const out = join(tmp, 'valid');
    const config = { ...base, structures: 'test/fixtures/catalogue/valid.csv' };
    const { count, issues } = await buildStructures(config, communes, out, { rootDir: root });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(count).toBe(5);
    const fc = readOut(out);
    expect(fc.features).toHaveLength(5);
    expect(fc.features.filter((f) => f.geometry === null).map((f) => f.id)).toEqual(['regional-network', 'listed-only']);
  });

  it('returns every error with its line and writes only the valid rows', async () => {
    const out = join(tmp, 'errors');
    const config = { ...base, structures: 'test/fixtures/catalogue/errors.csv' };
    const { count, issues } = await buildStructures(config, communes, out, { rootDir: root });
    expect(count).toBe(2);
    expect(issues.filter((i) => i.severity === 'error')).toHaveLength(22);
    expect(issues.every((i) => typeof i.line === 'number')).toBe(true);
    expect(readOut(out).features).toHaveLength(2);
  });

  it('rejects an alias whose target is not in the catalogue, or whose source still is', async () => {
    const out = join(tmp, 'aliases');
    const config = {
      ...base,
      structures: 'test/fixtures/catalogue/valid.csv',
      aliases: [
        { from: 'gone', to: 'nowhere', reason: 'test', date: '2026-12-01' },
        { from: 'regional-network', to: 'listed-only', reason: 'test', date: '2026-12-01' },
      ],
    };
    const { issues } = await buildStructures(config, communes, out, { rootDir: root });
    expect(issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([
      'Alias "gone" → "nowhere": "nowhere" is not an id of the catalogue.',
      'Alias "regional-network" → "listed-only": "regional-network" is still an id of the catalogue.',
    ]);
  });

  it('writes an empty collection when the region has no catalogue', async () => {
    const out = join(tmp, 'none');
    const { count, issues } = await buildStructures({ ...base, structures: null }, communes, out);
    expect([count, issues]).toEqual([0, []]);
    expect(readOut(out)).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('reports a missing catalogue file as an error instead of throwing', async () => {
    const out = join(tmp, 'missing');
    const { count, issues } = await buildStructures({ ...base, structures: 'data/nope.csv' }, communes, out, { rootDir: root });
    expect(count).toBe(0);
    expect(issues).toEqual([expect.objectContaining({ severity: 'error' })]);
    expect(issues[0]?.message).toMatch(/nope\.csv/);
  });
});
