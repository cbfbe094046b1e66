// Structures → GeoJSON for the map and the workers.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Structure } from '../types';

/** Feature properties: every field of the structure, `stages` and `zone` kept as arrays. */
export type StructureProperties = Structure;

export type StructureFeature = Feature<Point | null, StructureProperties>;
export type StructureCollection = FeatureCollection<Point | null, StructureProperties>;

/**
 * One feature per structure, in input order. A structure without position ("sans
 * localisation") is kept as a feature with `geometry: null`, which GeoJSON (RFC 7946 §3.2)
 * allows: list views still show it, map layers skip it.
 *
 * @example structuresToGeoJSON(structures).features[0].geometry // { type: 'Point', coordinates: [lon, lat] } or null
 */
export function structuresToGeoJSON(structures: readonly Structure[]): StructureCollection {
  return {
    type: 'FeatureCollection',
    features: structures.map((s): StructureFeature => ({
      type: 'Feature',
      id: s.id,
      geometry: s.lon !== null && s.lat !== null ? { type: 'Point', coordinates: [s.lon, s.lat] } : null,
      properties: { ...s, stages: [...s.stages], zone: [...s.zone] },
    })),
  };
}
