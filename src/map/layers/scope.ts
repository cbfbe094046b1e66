import type { FeatureCollection, Polygon } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { circleRing, type ScopePart } from '../../domain/embed-scope';
import { ON_COMMUNES } from '../style';

// The partner's territory drawn on the map: its communes outlined, the radius
// as a dashed circle. Layers are data (see src/map/style.ts).

export const SCOPE_SOURCE = 'scope-circle';
export const SCOPE_LAYER = { communes: 'scope-communes', circle: 'scope-circle' } as const;

export function scopeCircles(parts: readonly ScopePart[]): FeatureCollection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: parts.flatMap((p) =>
      p.kind === 'around'
        ? [
            {
              type: 'Feature' as const,
              properties: { radiusKm: p.radiusKm },
              geometry: { type: 'Polygon' as const, coordinates: [circleRing(p.lon, p.lat, p.radiusKm)] },
            },
          ]
        : [],
    ),
  };
}

/**
 * Outline of the area's communes (by code, on the communes source) and of the radius. No
 * commune layer for an area without communes: drawing on the communes asks for their tiles,
 * which the first view leaves for later.
 */
export function scopeLayers(communeCodes: readonly string[]): LayerSpecification[] {
  const communes: LayerSpecification[] = [
    {
      id: SCOPE_LAYER.communes,
      type: 'fill',
      ...ON_COMMUNES,
      filter: ['in', ['get', 'code'], ['literal', [...communeCodes]]],
      paint: { 'fill-color': '#0b6e4f', 'fill-opacity': 0.08, 'fill-outline-color': '#0b6e4f' },
    },
  ];
  return [
    ...(communeCodes.length > 0 ? communes : []),
    {
      id: SCOPE_LAYER.circle,
      type: 'line',
      source: SCOPE_SOURCE,
      paint: { 'line-color': '#0b6e4f', 'line-width': 2, 'line-dasharray': [3, 2] },
    },
  ];
}
