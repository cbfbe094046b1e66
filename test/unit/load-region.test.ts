import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_VIEW_FILES, LATER_FILES } from '../../src/data/first-view';
import {
  downloadCommuneList,
  downloadContours,
  loadRegionFirstView,
  readCommuneList,
  regionComplete,
  withCommuneList,
  withContours,
} from '../../src/data/load-region';
import { contoursFailure, parsedContours, regionContours } from '../../src/data/contours';

// The first view loads only what the first paint needs; the commune list and contours
// come afterwards (src/data/load-region.ts). The files fetched are checked against the
// list `npm run size` measures (src/data/first-view.ts).

const BASE = 'http://test/data/';
const bodies: Record<string, unknown> = {
  'config.json': { id: 'r1' },
  'manifest.json': { region: 'r1', communeTiles: { minzoom: 4, maxzoom: 9, bounds: [0, 0, 1, 1], version: '0123456789ab' } },
  'epci.json': [],
  'region.geojson': { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: {} }] },
  'departements.geojson': { type: 'FeatureCollection', features: [] },
  'structures.geojson': { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: { id: 's1' } }] },
  'communes.json': [{ code: '31555', name: 'Toulouse', dept: '31', population: 1, postcodes: [], epci: '', lon: 1.4, lat: 43.6 }],
  'communes.geojson': { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: { code: '31555' } }] },
};

function fakeFetch(): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const name = url.slice(`${BASE}r1/`.length);
    asked.push(name);
    return new Response(JSON.stringify(bodies[name]), { status: name in bodies ? 200 : 404 });
  });
  return asked;
}

afterEach(() => vi.unstubAllGlobals());

describe('loading a region in two steps', () => {
  it('fetches exactly the first-view files first, with empty communes marked not ready', async () => {
    const asked = fakeFetch();
    const { data, structures } = await loadRegionFirstView('r1', BASE);
    expect(asked.sort()).toEqual([...FIRST_VIEW_FILES].sort());
    expect(structures.map((s) => s.id)).toEqual(['s1']);
    expect([data.communesReady, data.contours, data.communes.length, regionComplete(data)]).toEqual([false, null, 0, false]);
    expect(regionContours(data)).toBeNull();
    // Where the contours come from, and the tiles the map draws the communes from.
    expect(data.contoursUrl).toBe(`${BASE}r1/communes.geojson`);
    expect(data.communeTilesUrl).toBe(`${BASE}r1/tiles/0123456789ab/{z}/{x}/{y}.pbf`);
  });

  it('says which manifest lacks a tiles version (data from an older build) rather than failing later', async () => {
    fakeFetch();
    const manifest = bodies['manifest.json'];
    bodies['manifest.json'] = { region: 'r1', communeTiles: { minzoom: 4, maxzoom: 9, bounds: [0, 0, 1, 1] } };
    try {
      await expect(loadRegionFirstView('r1', BASE)).rejects.toThrow(
        `${BASE}r1/manifest.json: no commune tiles version (data from an older build: run npm run build:data)`,
      );
    } finally {
      bodies['manifest.json'] = manifest;
    }
  });

  it('brings the commune list, then the contours; a partner view can have the list in its first view', async () => {
    const asked = fakeFetch();
    const { data } = await loadRegionFirstView('r1', BASE);
    asked.length = 0;
    // As the app asks for them (src/ui/useRegionData.ts): the list, then the contours.
    const listed = await readCommuneList(downloadCommuneList(data, BASE)!);
    const contours = await downloadContours(data);
    expect(asked).toEqual([...LATER_FILES]);
    expect(listed[0]!.name).toMatch(/Toulouse/);
    const complete = withContours(withCommuneList(data, bodies['communes.json'] as never), contours);
    expect([complete.communesReady, complete.contours, complete.communeByCode.get('31555')?.name, regionComplete(complete)]).toEqual([
      true,
      contours,
      'Toulouse',
      true,
    ]);
    expect(complete.config).toBe(data.config);
    // The contours stay as downloaded until something asks for them, then are parsed once.
    expect(parsedContours(complete)).toBeNull();
    const parsing = regionContours(complete)!;
    expect(regionContours({ ...complete })).toBe(parsing);
    const parsed = await parsing;
    expect([parsed.features[0]!.properties.code, parsedContours(complete), contoursFailure(complete)]).toEqual(['31555', parsed, null]);
    // A truncated download: the parse fails once, and says why (WhenCommunes shows it).
    const truncated = withContours(complete, new Blob(['{"type":"FeatureCollection","feat']));
    await expect(regionContours(truncated)).rejects.toThrow(SyntaxError);
    expect(parsedContours(truncated)).toBeNull();
    expect(contoursFailure(truncated)).toMatch(/JSON/);

    asked.length = 0;
    const partner = await loadRegionFirstView('r1', BASE, { withCommuneList: true });
    expect(asked.sort()).toEqual([...FIRST_VIEW_FILES, 'communes.json'].sort());
    expect([partner.data.communesReady, partner.data.contours, regionComplete(partner.data)]).toEqual([true, null, false]);
    asked.length = 0;
    // Its list came with it: nothing more to download but the contours.
    expect(downloadCommuneList(partner.data, BASE)).toBeNull();
    await downloadContours(partner.data);
    expect(asked).toEqual(['communes.geojson']);
  });

  it('downloads the list alone, the contours only when asked; a failed list is reported when read', async () => {
    const asked = fakeFetch();
    const { data } = await loadRegionFirstView('r1', BASE);
    asked.length = 0;
    const list = downloadCommuneList(data, BASE)!;
    expect((await readCommuneList(list)).map((c) => c.code)).toEqual(['31555']);
    // The map draws the communes from tiles: the contours wait until something wants them.
    expect(asked).toEqual(['communes.json']);
    const contours = await downloadContours(data);
    expect([asked, JSON.parse(await contours.text()).features[0].properties.code]).toEqual([[...LATER_FILES], '31555']);
    // A first view that brought the list has none to download.
    expect(downloadCommuneList(withCommuneList(data, []), BASE)).toBeNull();

    // A list that fails: reading says which file failed.
    vi.stubGlobal('fetch', async (url: string) => new Response('{}', { status: url.endsWith('communes.json') ? 404 : 200 }));
    await expect(readCommuneList(downloadCommuneList(data, BASE)!)).rejects.toThrow(/communes\.json: HTTP 404/);
  });
});
