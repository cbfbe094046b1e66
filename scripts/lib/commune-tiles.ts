// The data build's commune tiles: the display contours (the same shapes as
// communes.geojson) cut into a pyramid of Mapbox vector tiles, one layer "communes"
// with each commune's code and département. The map draws them instead of the whole
// GeoJSON: its first view (zoom 6 for Occitanie on a laptop) needs 2 tiles, about 100 kB,
// where communes.geojson is about 480 kB gzip and has to be parsed and cut by MapLibre's
// worker on the phone before any commune shows.
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { COMMUNE_TILE_LAYER, COMMUNE_TILES_DIR, communeTilePath, pyramidTiles, type TilePyramid } from '../../src/domain/tiles.ts';
import { sizeOf, type FileSize } from './territory-output.ts';

/** MapLibre's tile size is 512 px; 4096 units of extent make 8 units a pixel. */
const EXTENT = 4096;
const UNITS_PER_PX = EXTENT / 512;

export const COMMUNE_TILE_OPTIONS = {
  /** A region fits a 300 px wide embed at zoom 4.9 and a phone at about 5.2. */
  minzoom: 4,
  /**
   * Beyond it MapLibre draws the zoom 9 tiles larger: they keep every point of the display
   * contours (geojson-vt does not simplify at its last zoom), 0.0001° rounded, so nothing
   * is lost by stopping there; one more zoom would add about 370 kB for Occitanie.
   */
  maxzoom: 9,
  /** Simplification below the last zoom: half a pixel, where MapLibre's own GeoJSON sources take 0.375. */
  tolerancePx: 0.5,
  /** Margin around each tile (px): enough for the widest commune border, as the map's other area sources (see style.ts). */
  bufferPx: 16,
} as const;

export interface CommuneTiles {
  pyramid: TilePyramid;
  /** A hash of every tile (path and bytes), naming their folder: tiles/<version>/. */
  version: string;
  /** All tiles together, as served (raw and gzip). */
  size: FileSize;
  count: number;
}

function boundsOf(collection: FeatureCollection): TilePyramid['bounds'] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [lon, lat] = c as [number, number];
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of collection.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return [west, south, east, north];
}

const EMPTY_TILE: GeoJSONVTTile = { features: [] } as unknown as GeoJSONVTTile;

/**
 * Writes outDir/tiles/<version>/{z}/{x}/{y}.pbf for every tile within the contours' bounds,
 * empty ones included (MapLibre reports a missing tile as an error), after removing the
 * previous build's. The same contours give the same tiles, hence the same version.
 */
export async function writeCommuneTiles(outDir: string, communes: FeatureCollection): Promise<CommuneTiles> {
  const { minzoom, maxzoom, tolerancePx, bufferPx } = COMMUNE_TILE_OPTIONS;
  const pyramid: TilePyramid = { minzoom, maxzoom, bounds: boundsOf(communes) };
  // Only what the map reads: the code (its feature id, promoteId) and the département (a filter).
  const slim: FeatureCollection = {
    type: 'FeatureCollection',
    features: communes.features.map((f) => ({ ...f, properties: { code: f.properties?.code, dept: f.properties?.dept } })),
  };
  const index = new GeoJSONVT(slim, {
    maxZoom: maxzoom,
    indexMaxZoom: minzoom,
    extent: EXTENT,
    tolerance: tolerancePx * UNITS_PER_PX,
    buffer: bufferPx * UNITS_PER_PX,
  });
  const tiles = pyramidTiles(pyramid).map(([z, x, y]) => {
    const tile = index.getTile(z, x, y);
    const bytes = fromGeojsonVt({ [COMMUNE_TILE_LAYER]: tile && tile.features.length > 0 ? tile : EMPTY_TILE }, { version: 2, extent: EXTENT });
    return { zxy: [z, x, y] as const, bytes };
  });
  const hash = createHash('sha256');
  for (const { zxy, bytes } of tiles) hash.update(`${zxy.join('/')}:${bytes.length}:`).update(bytes);
  const version = hash.digest('hex').slice(0, 12);
  await rm(join(outDir, COMMUNE_TILES_DIR), { recursive: true, force: true });
  const size: FileSize = { bytes: 0, gzip: 0 };
  for (const { zxy, bytes } of tiles) {
    const path = join(outDir, communeTilePath(version, ...zxy));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    const s = sizeOf(bytes);
    size.bytes += s.bytes;
    size.gzip += s.gzip;
  }
  return { pyramid, version, size, count: tiles.length };
}
