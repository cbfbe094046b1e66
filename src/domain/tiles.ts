// The commune contours as a pyramid of vector tiles (written by the data build, see
// scripts/lib/commune-tiles.ts): the map asks for the tiles of what it shows, at the
// detail of its zoom, rather than for every commune at full detail; the offline cache
// asks for all of them. Web Mercator tile numbering, as MapLibre uses it.

/** Zoom levels and bounds ([west, south, east, north], degrees) of a region's commune tiles. */
export interface TilePyramid {
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number];
}

/** Folder of the tiles in the region's data folder, and the name of their one layer. */
export const COMMUNE_TILES_DIR = 'tiles';
export const COMMUNE_TILE_LAYER = 'communes';

/**
 * The tiles of one build sit in a folder named after their content (`tiles/<version>/…`,
 * the version a hash of every tile: scripts/lib/commune-tiles.ts), as the app's hashed
 * files do: a rebuilt territory gets new addresses, so a tile address never changes
 * content and browsers and the offline cache may keep it without asking again
 * (docs/hosting.md). 12 hexadecimal digits.
 */
const VERSION = '[0-9a-f]{12}';
export const TILE_VERSION = new RegExp(`^${VERSION}$`);

/** The address path of a versioned commune tile, for cache rules: `…/tiles/<version>/{z}/{x}/{y}.pbf`. */
export const VERSIONED_TILE_PATH = new RegExp(`/${COMMUNE_TILES_DIR}/${VERSION}/\\d+/\\d+/\\d+\\.pbf$`);

/** The tile column holding a longitude at zoom z. */
export function tileX(lon: number, z: number): number {
  const n = 2 ** z;
  return Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
}

/** The tile row holding a latitude at zoom z (row 0 at the north). */
export function tileY(lat: number, z: number): number {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return Math.min(n - 1, Math.max(0, y));
}

/** Every tile of the pyramid, [z, x, y], zoom by zoom: those MapLibre may ask for within the bounds. */
export function pyramidTiles(pyramid: TilePyramid): Array<[number, number, number]> {
  const tiles: Array<[number, number, number]> = [];
  for (let z = pyramid.minzoom; z <= pyramid.maxzoom; z++) tiles.push(...viewTiles(pyramid, pyramid.bounds, z));
  return tiles;
}

/** A tile's path under the region's data folder, in the folder of its version. */
export function communeTilePath(version: string, z: number | string, x: number | string, y: number | string): string {
  return `${COMMUNE_TILES_DIR}/${version}/${z}/${x}/${y}.pbf`;
}

/**
 * Of the tile addresses a cache holds, those of the same region's tiles folder that the
 * current pyramid no longer has (an earlier version's, or unversioned ones from before
 * versions): kept, they would fill the cache with every territory ever built. The region's
 * folder is the template's part before `tiles/`.
 *
 * @example replacedTiles(['https://h/d/r/tiles/aaa/4/7/5.pbf', 'https://h/d/r/tiles/bbb/4/7/5.pbf'], 'https://h/d/r/tiles/bbb/{z}/{x}/{y}.pbf', ['https://h/d/r/tiles/bbb/4/7/5.pbf']) // ['https://h/d/r/tiles/aaa/4/7/5.pbf']
 */
export function replacedTiles(held: readonly string[], template: string, current: readonly string[]): string[] {
  const marker = `/${COMMUNE_TILES_DIR}/`;
  const at = template.lastIndexOf(marker);
  if (at < 0) return [];
  const folder = template.slice(0, at + marker.length);
  const keep = new Set(current);
  return held.filter((url) => url.startsWith(folder) && !keep.has(url));
}

/** A tile's address from an address template with {z}, {x} and {y} (as MapLibre fills it). */
export function tileUrl(template: string, [z, x, y]: readonly [number, number, number]): string {
  return template.replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}

/**
 * The tiles MapLibre draws a view with: those of zoom floor(zoom) (512 px tiles), kept within
 * the pyramid's zooms, that touch both the view and the pyramid's bounds.
 *
 * @example viewTiles(pyramid, [-0.4, 42.2, 4.9, 45.1], 6.3) // [[6, 31, 23], [6, 32, 23]]
 */
export function viewTiles(pyramid: TilePyramid, view: readonly [number, number, number, number], zoom: number): Array<[number, number, number]> {
  const z = Math.min(pyramid.maxzoom, Math.max(pyramid.minzoom, Math.floor(zoom)));
  const west = Math.max(view[0], pyramid.bounds[0]);
  const south = Math.max(view[1], pyramid.bounds[1]);
  const east = Math.min(view[2], pyramid.bounds[2]);
  const north = Math.min(view[3], pyramid.bounds[3]);
  if (west > east || south > north) return [];
  const tiles: Array<[number, number, number]> = [];
  for (let x = tileX(west, z); x <= tileX(east, z); x++) {
    for (let y = tileY(north, z); y <= tileY(south, z); y++) tiles.push([z, x, y]);
  }
  return tiles;
}
