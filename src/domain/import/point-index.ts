// Which commune (or region) contains a point: polygons in a coarse grid, then ray casting.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';

type Ring = number[][];

const CELL = 0.02; // degrees: about 2 km, one to three communes per cell

/**
 * A point-in-polygon finder over features with a `code` property (communes). Points on a
 * shared border go to the first polygon found; display polygons are simplified, so a point
 * a few metres from a border may land in the neighbour.
 *
 * Stored flat (typed arrays: cells → entries → polygons → rings → x, y), as kdbush does:
 * nested coordinate arrays and a Map of large keys made this the import's hottest function.
 *
 * @example new PolygonIndex(communesGeo).find(1.4442, 43.6045) === '31555'
 */
export class PolygonIndex {
  private readonly codes: string[] = [];
  /** Per entry: west, south, east, north. */
  private readonly bbox: Float64Array;
  /** Per entry, its polygons [polyStart[e], polyStart[e + 1]); per polygon, its rings; per ring, its points. */
  private readonly polyStart: Int32Array;
  private readonly ringStart: Int32Array;
  private readonly pointStart: Int32Array;
  private readonly xy: Float64Array;
  /** Grid over the entries' extent: cell → entries [cellStart[k], cellStart[k + 1]) of cellEntries, in feature order. */
  private readonly i0: number;
  private readonly j0: number;
  private readonly ni: number;
  private readonly nj: number;
  private readonly cellStart: Int32Array;
  private readonly cellEntries: Int32Array;

  constructor(fc: FeatureCollection<Geometry | null, { code: string }>) {
    const entries: Array<{ code: string; bbox: [number, number, number, number]; polygons: Ring[][] }> = [];
    for (const f of fc.features) {
      const polygons = polygonsOf(f.geometry);
      if (polygons.length === 0) continue;
      entries.push({ code: String(f.properties.code), bbox: bboxOf(polygons), polygons });
    }
    const n = entries.length;
    this.bbox = new Float64Array(4 * n);
    const polyStart: number[] = [0];
    const ringStart: number[] = [0];
    const pointStart: number[] = [0];
    const xy: number[] = [];
    let i0 = Infinity;
    let j0 = Infinity;
    let i1 = -Infinity;
    let j1 = -Infinity;
    entries.forEach((e, k) => {
      this.codes.push(e.code);
      this.bbox.set(e.bbox, 4 * k);
      for (const polygon of e.polygons) {
        for (const ring of polygon) {
          for (const p of ring) xy.push(p[0]!, p[1]!);
          pointStart.push(xy.length / 2);
        }
        ringStart.push(pointStart.length - 1);
      }
      polyStart.push(ringStart.length - 1);
      i0 = Math.min(i0, cell(e.bbox[0]));
      j0 = Math.min(j0, cell(e.bbox[1]));
      i1 = Math.max(i1, cell(e.bbox[2]));
      j1 = Math.max(j1, cell(e.bbox[3]));
    });
    this.polyStart = Int32Array.from(polyStart);
    this.ringStart = Int32Array.from(ringStart);
    this.pointStart = Int32Array.from(pointStart);
    this.xy = Float64Array.from(xy);
    this.i0 = n > 0 ? i0 : 0;
    this.j0 = n > 0 ? j0 : 0;
    this.ni = n > 0 ? i1 - i0 + 1 : 0;
    this.nj = n > 0 ? j1 - j0 + 1 : 0;
    // Two passes (count, then place) keep each cell's entries in feature order.
    const counts = new Int32Array(this.ni * this.nj + 1);
    const eachCell = (e: { bbox: [number, number, number, number] }, visit: (k: number) => void) => {
      for (let i = cell(e.bbox[0]); i <= cell(e.bbox[2]); i++) {
        for (let j = cell(e.bbox[1]); j <= cell(e.bbox[3]); j++) visit((i - this.i0) * this.nj + (j - this.j0));
      }
    };
    for (const e of entries) eachCell(e, (k) => counts[k + 1]!++);
    for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
    this.cellStart = counts.slice();
    this.cellEntries = new Int32Array(counts[counts.length - 1]!);
    const fillAt = counts.slice();
    entries.forEach((e, index) => eachCell(e, (k) => (this.cellEntries[fillAt[k]!++] = index)));
  }

  find(lon: number, lat: number): string | null {
    const i = cell(lon) - this.i0;
    const j = cell(lat) - this.j0;
    if (!(i >= 0 && i < this.ni && j >= 0 && j < this.nj)) return null;
    const k = i * this.nj + j;
    const bbox = this.bbox;
    for (let c = this.cellStart[k]!; c < this.cellStart[k + 1]!; c++) {
      const e = this.cellEntries[c]!;
      if (lon < bbox[4 * e]! || lon > bbox[4 * e + 2]! || lat < bbox[4 * e + 1]! || lat > bbox[4 * e + 3]!) continue;
      for (let p = this.polyStart[e]!; p < this.polyStart[e + 1]!; p++) {
        if (this.inPolygon(lon, lat, p)) return this.codes[e]!;
      }
    }
    return null;
  }

  /** Even-odd ray casting over polygon p's outer ring and holes (the arithmetic of inPolygon below). */
  private inPolygon(x: number, y: number, p: number): boolean {
    const xy = this.xy;
    let inside = false;
    for (let r = this.ringStart[p]!; r < this.ringStart[p + 1]!; r++) {
      const from = this.pointStart[r]!;
      const to = this.pointStart[r + 1]!;
      for (let a = from, b = to - 1; a < to; b = a++) {
        const xi = xy[2 * a]!;
        const yi = xy[2 * a + 1]!;
        const xj = xy[2 * b]!;
        const yj = xy[2 * b + 1]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
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
