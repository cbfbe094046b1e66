import { describe, expect, it } from 'vitest';
import { communeTilePath, pyramidTiles, replacedTiles, tileUrl, tileX, tileY, VERSIONED_TILE_PATH, viewTiles, type TilePyramid } from '../../src/domain/tiles';

// Web Mercator tile numbers, checked against the slippy-map formulas' known values and,
// for the pyramid, against every tile a point of the bounds can fall in.

describe('commune tile pyramid', () => {
  it('numbers tiles as MapLibre does', () => {
    // Toulouse (1.444, 43.605): tile 6/32/23 (OpenStreetMap's numbering, the one MapLibre requests).
    expect([tileX(1.444, 6), tileY(43.605, 6)]).toEqual([32, 23]);
    expect([tileX(-180, 3), tileX(179.999, 3), tileY(85, 3), tileY(-85, 3)]).toEqual([0, 7, 0, 7]);
    expect([tileX(0, 0), tileY(0, 0)]).toEqual([0, 0]);
    expect(communeTilePath('0123456789ab', 9, 259, 187)).toBe('tiles/0123456789ab/9/259/187.pbf');
    expect(tileUrl(`https://h/data/r/${communeTilePath('0123456789ab', '{z}', '{x}', '{y}')}`, [9, 259, 187])).toBe(
      'https://h/data/r/tiles/0123456789ab/9/259/187.pbf',
    );
    expect(VERSIONED_TILE_PATH.test(`/data/r/${communeTilePath('0123456789ab', 9, 259, 187)}`)).toBe(true);
    expect(VERSIONED_TILE_PATH.test('/data/r/tiles/9/259/187.pbf')).toBe(false);
  });

  it('lists every tile a point of the bounds falls in, zoom by zoom, and no other', () => {
    const pyramid: TilePyramid = { minzoom: 4, maxzoom: 9, bounds: [-0.33, 42.33, 4.85, 45.05] };
    const listed = new Set(pyramidTiles(pyramid).map((t) => t.join('/')));
    const hit = new Set<string>();
    const [west, south, east, north] = pyramid.bounds;
    for (let z = pyramid.minzoom; z <= pyramid.maxzoom; z++) {
      for (let i = 0; i <= 400; i++) {
        for (let j = 0; j <= 400; j++) {
          const lon = west + ((east - west) * i) / 400;
          const lat = south + ((north - south) * j) / 400;
          hit.add(`${z}/${tileX(lon, z)}/${tileY(lat, z)}`);
        }
      }
    }
    // A 400 × 400 sweep crosses every tile of zoom 9 (about 0.7° wide) many times over.
    expect([...listed].sort()).toEqual([...hit].sort());
  });
});

describe('the tiles of a view', () => {
  const pyramid: TilePyramid = { minzoom: 4, maxzoom: 9, bounds: [-0.33, 42.33, 4.85, 45.05] };

  it('are those a point of the view within the bounds falls in, at the zoom MapLibre asks for', () => {
    // Views inside, across and outside the bounds, at zooms below, within and beyond the pyramid's.
    const views: Array<[number, number, number, number]> = [
      [-0.4, 42.2, 4.9, 45.1],
      [1.2, 43.4, 1.7, 43.8],
      [-3, 41, 0.5, 43],
      [4.5, 44.9, 6, 46],
      [6, 46, 7, 47],
    ];
    for (const view of views) {
      for (const zoom of [2.5, 4, 6.3, 7.99, 9.5, 12]) {
        const z = Math.min(9, Math.max(4, Math.floor(zoom)));
        const hit = new Set<string>();
        const [west, south, east, north] = view;
        for (let i = 0; i <= 200; i++) {
          for (let j = 0; j <= 200; j++) {
            const lon = west + ((east - west) * i) / 200;
            const lat = south + ((north - south) * j) / 200;
            const [bw, bs, be, bn] = pyramid.bounds;
            if (lon >= bw && lon <= be && lat >= bs && lat <= bn) hit.add(`${z}/${tileX(lon, z)}/${tileY(lat, z)}`);
          }
        }
        const listed = viewTiles(pyramid, view, zoom).map((t) => t.join('/'));
        expect(new Set(listed).size).toBe(listed.length);
        expect(listed.sort()).toEqual([...hit].sort());
      }
    }
  });

  it('at the Occitanie overview are the two tiles of zoom 6 the map draws it with', () => {
    expect(viewTiles(pyramid, [-0.4, 42.2, 4.9, 45.1], 6.3)).toEqual([
      [6, 31, 23],
      [6, 32, 23],
    ]);
  });

  it('finds the cached tiles of the region that the current version no longer has, and only those', () => {
    const at = (region: string, version: string | null, zxy: string) => `https://h/data/${region}/tiles/${version ? `${version}/` : ''}${zxy}.pbf`;
    const template = at('r', 'bbbbbbbbbbbb', '{z}/{x}/{y}');
    const current = [at('r', 'bbbbbbbbbbbb', '4/7/5'), at('r', 'bbbbbbbbbbbb', '5/15/11')];
    const held = [
      ...current,
      at('r', 'aaaaaaaaaaaa', '4/7/5'), // an earlier build
      at('r', null, '4/7/5'), // before versions
      at('r', 'bbbbbbbbbbbb', '9/1/1'), // not in the current pyramid
      at('r2', 'aaaaaaaaaaaa', '4/7/5'), // another region
      'https://h/data/r/communes.json',
    ];
    expect(replacedTiles(held, template, current)).toEqual([at('r', 'aaaaaaaaaaaa', '4/7/5'), at('r', null, '4/7/5'), at('r', 'bbbbbbbbbbbb', '9/1/1')]);
    expect(replacedTiles(current, template, current)).toEqual([]);
    expect(replacedTiles(held, 'https://h/data/r/communes.geojson', current)).toEqual([]);
  });
});
