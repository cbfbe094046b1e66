// Representative point of a commune: the pole of inaccessibility (polylabel) of
// its largest part, which lies inside the polygon where a centroid may not. It is
// computed on the full dissolved geometry, then checked against the simplified
// display polygon too, so the dot drawn on the map sits inside the drawn commune.
import polylabel from 'polylabel';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import type { AreaGeometry } from './territory-read.ts';

/** Decimals kept for lon/lat (about 1 m). */
export const POINT_DECIMALS = 5;

export interface RepresentativePoint {
  lon: number;
  lat: number;
  /** Which geometry gave the point: the full one (normal case) or a fallback. */
  from: 'full' | 'display' | 'display-part';
}

type Rings = Position[][];

function polygonsOf(g: AreaGeometry): Rings[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Planar area of a ring in degrees², with longitudes shrunk by cos(latitude). */
function ringArea(ring: Position[]): number {
  let sum = 0;
  let latSum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Position;
    const b = ring[i] as Position;
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
    latSum += b[1] as number;
  }
  const cos = Math.cos(((latSum / Math.max(ring.length, 1)) * Math.PI) / 180);
  return (Math.abs(sum) / 2) * cos;
}

function polygonArea(rings: Rings): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return holes.reduce((a, h) => a - ringArea(h), ringArea(outer));
}

/** Parts of a geometry, largest first. */
export function partsBySize(g: AreaGeometry): Rings[] {
  return polygonsOf(g)
    .map((rings) => ({ rings, area: polygonArea(rings) }))
    .sort((a, b) => b.area - a.area)
    .map((p) => p.rings);
}

function round(x: number): number {
  const f = 10 ** POINT_DECIMALS;
  return Math.round(x * f) / f;
}

function labelOf(rings: Rings): [number, number] {
  // precision in degrees: ~1 m, finer than the rounding applied after.
  const p = polylabel(rings as [number, number][][], 1e-5);
  return [round(p[0]), round(p[1])];
}

/** Where to write an area's name: the pole of inaccessibility of its largest part; null without parts. */
export function labelPoint(g: AreaGeometry): [number, number] | null {
  const largest = partsBySize(g)[0];
  return largest ? labelOf(largest) : null;
}

/** Strictly inside (not on the boundary of) the geometry. */
export function isInside(point: [number, number], g: AreaGeometry): boolean {
  return booleanPointInPolygon(point, g, { ignoreBoundary: true });
}

/** Point inside both geometries when possible, else inside the display one; null if none found. */
export function representativePoint(full: AreaGeometry, display: AreaGeometry): RepresentativePoint | null {
  const fullLabel = labelPoint(full);
  if (fullLabel && isInside(fullLabel, display)) return { lon: fullLabel[0], lat: fullLabel[1], from: 'full' };
  const displayParts = partsBySize(display);
  const candidates = displayParts.map(labelOf);
  // Prefer a point inside the full geometry as well, largest part first.
  const both = candidates.find((p) => isInside(p, display) && isInside(p, full));
  if (both) return { lon: both[0], lat: both[1], from: candidates[0] === both ? 'display' : 'display-part' };
  const any = candidates.find((p) => isInside(p, display));
  if (any) return { lon: any[0], lat: any[1], from: 'display-part' };
  return null;
}
