// Which commune (or region) contains a point: polygons in a coarse grid, then ray casting.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

type Ring = number[][];
interface Entry {
  code: string;
  bbox: [number, number, number, number];
  polygons: Ring[][];
}

const CELL = 0.02; // degrees: about 2 km, one to three communes per cell

/**
 * A point-in-polygon finder over features with a `code` property (communes). Points on a
 * shared border go to the first polygon found; display polygons are simplified, so a point
 * a few metres from a border may land in the neighbour.
 *
 * @example new PolygonIndex(communesGeo).find(1.4442, 43.6045) === '31555'
 */
export class PolygonIndex {
  private readonly grid = new Map<number, Entry[]>();

  constructor(fc: FeatureCollection<Geometry | null, { code: string }>) {
    for (const f of fc.features) {
      const polygons = polygonsOf(f.geometry);
      if (polygons.length === 0) continue;
      const bbox = bboxOf(polygons);
      const entry: Entry = { code: String(f.properties.code), bbox, polygons };
      for (let i = cell(bbox[0]); i <= cell(bbox[2]); i++) {
        for (let j = cell(bbox[1]); j <= cell(bbox[3]); j++) {
          const key = i * 100_000 + j;
          const list = this.grid.get(key);
          if (list) list.push(entry);
          else this.grid.set(key, [entry]);
        }
      }
    }
  }

  find(lon: number, lat: number): string | null {
    const list = this.grid.get(cell(lon) * 100_000 + cell(lat));
    if (!list) return null;
    for (const e of list) {
      const [w, s, east, n] = e.bbox;
      if (lon < w || lon > east || lat < s || lat > n) continue;
      if (e.polygons.some((p) => inPolygon(lon, lat, p))) return e.code;
    }
    return null;
  }
}

/** A test "is this point inside this (multi)polygon", e.g. the region's outline. */
export function pointInGeometry(geometry: Geometry | null): (lon: number, lat: number) => boolean {
  const polygons = polygonsOf(geometry);
  if (polygons.length === 0) return () => false;
  const [w, s, e, n] = bboxOf(polygons);
  return (lon, lat) => lon >= w && lon <= e && lat >= s && lat <= n && polygons.some((p) => inPolygon(lon, lat, p));
}

export function featureGeometry(f: Feature<Geometry> | FeatureCollection<Geometry>): Geometry | null {
  if (f.type === 'Feature') return f.geometry;
  const polys = f.features.flatMap((x) => polygonsOf(x.geometry));
  return { type: 'MultiPolygon', coordinates: polys } as MultiPolygon;
}

function cell(v: number): number {
  return Math.floor(v / CELL) + 50_000;
}

function polygonsOf(g: Geometry | null): Ring[][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [(g as Polygon).coordinates];
  if (g.type === 'MultiPolygon') return (g as MultiPolygon).coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

function bboxOf(polygons: Ring[][]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of polygons) {
    for (const [x, y] of p[0] ?? []) {
      if (x! < w) w = x!;
      if (x! > e) e = x!;
      if (y! < s) s = y!;
      if (y! > n) n = y!;
    }
  }
  return [w, s, e, n];
}

/** Even-odd ray casting over the outer ring and holes. */
function inPolygon(x: number, y: number, rings: Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i]![0]!;
      const yi = ring[i]![1]!;
      const xj = ring[j]![0]!;
      const yj = ring[j]![1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
