import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';

// Where a "near me" search starts from, and how it is written in a link.

export type Origin =
  | { kind: 'commune'; code: string }
  /** A position: the browser's, an address found by the national address service, or a shared link. */
  | { kind: 'point'; lon: number; lat: number; source: 'geolocation' | 'address' | 'link'; label?: string };

const INSEE_CODE = /^[0-9][0-9AB][0-9]{3}$/;
const POINT = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/;

/**
 * Positions are kept to 3 decimals (about 100 m): plenty for distances "à vol
 * d'oiseau" in km, and a shared link does not pin someone's home to the metre.
 */
export function roundCoord(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A point origin, rounded so that the link written for it reproduces it exactly. */
export function pointOrigin(lon: number, lat: number, source: 'geolocation' | 'address' | 'link', label?: string): Origin {
  const o: Origin = { kind: 'point', lon: roundCoord(lon), lat: roundCoord(lat), source };
  if (label) o.label = label;
  return o;
}

/**
 * Read the `from` URL parameter: an INSEE code ("48095") or "lat,lon"
 * ("43.604,1.444"); anything else is ignored.
 */
export function parseFromParam(value: string | null): Origin | null {
  if (!value) return null;
  const text = value.trim().toUpperCase();
  if (INSEE_CODE.test(text)) return { kind: 'commune', code: text };
  const m = POINT.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return pointOrigin(lon, lat, 'link');
}

export function formatFromParam(origin: Origin): string {
  return origin.kind === 'commune' ? origin.code : `${roundCoord(origin.lat)},${roundCoord(origin.lon)}`;
}

/** Whether a position lies inside the region's outline (a Polygon or MultiPolygon feature). */
export function isInRegion(region: Feature<Geometry>, lon: number, lat: number): boolean {
  const g = region.geometry;
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return false;
  return booleanPointInPolygon([lon, lat], g as Polygon | MultiPolygon);
}
