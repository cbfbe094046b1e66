import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';

// Map layers of "near me": the origin, and dashed straight lines to the
// nearest structures (straight, because distances are "à vol d'oiseau").

export const SEARCH_SOURCE = 'search-origin';
export const SEARCH_LAYERS = {
  links: 'search-links',
  halo: 'search-origin-halo',
  origin: 'search-origin-point',
} as const;

/** The origin point and one line per listed structure, as one GeoJSON source. */
export function searchFeatures(
  origin: { lon: number; lat: number } | null,
  targets: ReadonlyArray<{ id: string; lon: number; lat: number }>,
): FeatureCollection {
  if (!origin) return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: [
      ...targets.map((t) => ({
        type: 'Feature' as const,
        properties: { role: 'link', id: t.id },
        geometry: {
          type: 'LineString' as const,
          coordinates: [
            [origin.lon, origin.lat],
            [t.lon, t.lat],
          ],
        },
      })),
      { type: 'Feature' as const, properties: { role: 'origin' }, geometry: { type: 'Point' as const, coordinates: [origin.lon, origin.lat] } },
    ],
  };
}

export function searchLayers(): LayerSpecification[] {
  return [
    {
      id: SEARCH_LAYERS.links,
      type: 'line',
      source: SEARCH_SOURCE,
      filter: ['==', ['get', 'role'], 'link'],
      paint: { 'line-color': '#1d3557', 'line-width': 1.5, 'line-opacity': 0.7, 'line-dasharray': [2, 2] },
    },
    {
      id: SEARCH_LAYERS.halo,
      type: 'circle',
      source: SEARCH_SOURCE,
      filter: ['==', ['get', 'role'], 'origin'],
      paint: { 'circle-radius': 16, 'circle-color': '#c1121f', 'circle-opacity': 0.18 },
    },
    {
      id: SEARCH_LAYERS.origin,
      type: 'circle',
      source: SEARCH_SOURCE,
      filter: ['==', ['get', 'role'], 'origin'],
      paint: { 'circle-radius': 7, 'circle-color': '#c1121f', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 },
    },
  ];
}
