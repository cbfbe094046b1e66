// Missing, corrupt or unreachable territory input: the build fails with a message
// naming the file (and where it looked), never with a stack trace or a silent drop.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, type BuildDataOptions } from '../../scripts/build-data.ts';
import { TerritoryInputError } from '../../scripts/lib/territory-errors.ts';
import { parseContours } from '../../scripts/lib/territory-read.ts';
import { PINNED_BASE_URL, PINNED_COMMIT, pinnedFiles, slugify } from '../../scripts/lib/territory-source.ts';
import type { RegionConfig } from '../../src/domain/types.ts';
import { copySource, FIXTURE_CONFIGS, FIXTURE_SOURCE, fixtureEtalab, readJson, scratch } from '../fixtures/territory/fixture.ts';

let dir: string;
beforeAll(async () => {
  dir = await scratch('territory-inputs');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (name: string, options: BuildDataOptions) =>
  buildData({
    configDir: FIXTURE_CONFIGS,
    outRoot: join(dir, name, 'out'),
    etalab: fixtureEtalab(),
    log: () => {},
    ...options,
  });

async function fixtureCopy(name: string): Promise<string> {
  await mkdir(join(dir, name), { recursive: true });
  const src = await copySource(join(dir, name));
  return src;
}

describe('territory input errors', () => {
  it('names a missing input file and the folder it looked in', async () => {
    const src = await fixtureCopy('missing');
    const missing = join(src, 'testland', 'region.geojson');
    await rm(missing);
    const err = await run('missing', { territorySource: src }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TerritoryInputError);
    expect((err as Error).message).toContain(missing);
    expect((err as Error).message).toContain(`TERRITORY_SOURCE=${src}`);
    expect(existsSync(join(dir, 'missing', 'out', 'testland', 'manifest.json'))).toBe(false);
  });

  it('names a missing per-département commune file by its expected pattern', async () => {
    const src = await fixtureCopy('missing-dept');
    const communes = readJson<{ features: { properties: { code: string } }[] }>(join(src, 'testland', 'communes.geojson'));
    await rm(join(src, 'testland', 'communes.geojson'));
    await mkdir(join(src, 'testland', 'communes'));
    const only98 = { ...communes, features: communes.features.filter((f) => f.properties.code.startsWith('98')) };
    await writeFile(join(src, 'testland', 'communes', 'communes-98-alpha.geojson'), JSON.stringify(only98));
    await expect(run('missing-dept', { territorySource: src })).rejects.toThrow(join(src, 'testland', 'communes', 'communes-97-*.geojson'));
  });

  it('names a file that is not valid JSON', async () => {
    const src = await fixtureCopy('corrupt');
    const bad = join(src, 'testland', 'communes.geojson');
    await writeFile(bad, readFileSync(bad, 'utf8').slice(0, 200));
    const err = await run('corrupt', { territorySource: src }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TerritoryInputError);
    expect((err as Error).message).toMatch(new RegExp(`^${escape(bad)}: not valid JSON`));
  });

  it('names the file and feature of a wrong geometry', async () => {
    const src = await fixtureCopy('wrong-geometry');
    const bad = join(src, 'testland', 'communes.geojson');
    const data = readJson<{ features: { geometry: unknown }[] }>(bad);
    (data.features[1] as { geometry: unknown }).geometry = { type: 'Point', coordinates: [1.1, 43.05] };
    await writeFile(bad, JSON.stringify(data));
    await expect(run('wrong-geometry', { territorySource: src })).rejects.toThrow(
      `${bad}: wrong geometry or properties: feature 2 (code "98002"): geometry type "Point", expected Polygon or MultiPolygon`,
    );
  });

  it('names a folder given as TERRITORY_SOURCE that does not exist', async () => {
    const nowhere = join(dir, 'nowhere');
    await expect(run('nowhere', { territorySource: nowhere })).rejects.toThrow(`${nowhere}: territory source folder not found`);
  });

  it('downloads the pinned files into .cache/territory when no source folder is there', async () => {
    // A repository root with no ../shared next to it, and a fake network serving the fixture.
    const repoRoot = join(dir, 'fresh', 'repo');
    await mkdir(repoRoot, { recursive: true });
    const served = servedFixture();
    const requested: string[] = [];
    const fetchImpl = (async (url: string | URL | Request) => {
      const u = String(url);
      requested.push(u);
      const body = served.get(u);
      return new Response(body ?? 'not found', { status: body ? 200 : 404 });
    }) as typeof fetch;
    const messages: string[] = [];
    const reports = await buildData({
      repoRoot,
      configDir: FIXTURE_CONFIGS,
      territorySource: undefined,
      outRoot: join(repoRoot, 'public', 'data'),
      etalab: fixtureEtalab(),
      fetchImpl,
      log: (m) => messages.push(m),
    });
    expect(reports.map((r) => r.status)).toEqual(['built']);
    expect(requested.sort()).toEqual([...served.keys()].sort());
    expect(messages[0]).toContain(PINNED_COMMIT);
    expect(existsSync(join(repoRoot, '.cache', 'territory', 'testland', 'communes', 'communes-97-beta-sud.geojson'))).toBe(true);
    expect(reports[0]?.manifest.counts.communes).toBe(3);
  });

  it('says what is missing and where it looked when the download fails', async () => {
    const repoRoot = join(dir, 'offline', 'repo');
    await mkdir(repoRoot, { recursive: true });
    const fetchImpl = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const err = await buildData({
      repoRoot,
      configDir: FIXTURE_CONFIGS,
      territorySource: undefined,
      outRoot: join(repoRoot, 'out'),
      etalab: fixtureEtalab(),
      fetchImpl,
      log: () => {},
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TerritoryInputError);
    const message = (err as Error).message;
    expect(message).toContain(join(repoRoot, '.cache', 'territory', 'testland', 'region.geojson'));
    expect(message).toContain('TERRITORY_SOURCE (unset)');
    expect(message).toContain(join(dir, 'offline', 'shared', 'data', 'territory', 'testland'));
    expect(message).toContain('fetch failed');
  });
});

describe('parseContours', () => {
  it('rejects codes given as numbers (leading zeros lost)', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 9122, nom: 'X' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
    });
    expect(() => parseContours('f.geojson', text, { codeLength: 5 })).toThrow(
      'f.geojson: wrong geometry or properties: feature 1 (code 9122): property "code" must be a string',
    );
  });

  it('rejects an unclosed ring and an out-of-range position', () => {
    const poly = (ring: number[][]) => ({ type: 'Feature', properties: { code: '09122', nom: 'X' }, geometry: { type: 'Polygon', coordinates: [ring] } });
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        poly([
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ]),
        poly([
          [0, 0],
          [1, 0],
          [1, 91],
          [0, 0],
        ]),
      ],
    });
    expect(() => parseContours('f.geojson', text)).toThrow('feature 1 (code "09122"): ring not closed; feature 2 (code "09122"): bad position [1,91]');
  });

  it('accepts a single Feature only where asked (region.geojson)', () => {
    const text = JSON.stringify({
      type: 'Feature',
      properties: { code: '76', nom: 'Occitanie' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
    });
    expect(parseContours('r.geojson', text, { singleFeature: true })).toHaveLength(1);
    expect(() => parseContours('r.geojson', text)).toThrow('r.geojson: wrong content: expected a GeoJSON FeatureCollection');
  });
});

describe('pinned public files', () => {
  it('follow france-geojson names, one commune file per département', () => {
    expect(slugify('Pyrénées-Orientales')).toBe('pyrenees-orientales');
    expect(slugify("Côtes-d'Armor")).toBe('cotes-d-armor');
    const config = readJson<RegionConfig>(join(FIXTURE_CONFIGS, 'testland.json'));
    const names = new Map(fixtureEtalab().departements.map((d) => [d.code, d.nom]));
    expect(pinnedFiles(config, names)).toEqual([
      ['regions/testland/region-testland.geojson', 'testland/region.geojson'],
      ['regions/testland/departements-testland.geojson', 'testland/departements.geojson'],
      ['departements/97-beta-sud/communes-97-beta-sud.geojson', 'testland/communes/communes-97-beta-sud.geojson'],
      ['departements/98-alpha/communes-98-alpha.geojson', 'testland/communes/communes-98-alpha.geojson'],
    ]);
  });
});

/** The fixture laid out as the pinned public repository serves it. */
function servedFixture(): Map<string, string> {
  const read = (f: string) => readFileSync(join(FIXTURE_SOURCE, 'testland', f), 'utf8');
  const communes = JSON.parse(read('communes.geojson')) as { features: { properties: { code: string } }[] };
  const perDept = (code: string) => JSON.stringify({ ...communes, features: communes.features.filter((f) => f.properties.code.startsWith(code)) });
  return new Map([
    [`${PINNED_BASE_URL}regions/testland/region-testland.geojson`, read('region.geojson')],
    [`${PINNED_BASE_URL}regions/testland/departements-testland.geojson`, read('departements.geojson')],
    [`${PINNED_BASE_URL}departements/97-beta-sud/communes-97-beta-sud.geojson`, perDept('97')],
    [`${PINNED_BASE_URL}departements/98-alpha/communes-98-alpha.geojson`, perDept('98')],
  ]);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
