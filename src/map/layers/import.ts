import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { Structure } from '../../domain/types';
import { CLUSTER_RADIUS, clusterMaxZoom } from '../cluster';

// Imported layers: a coloured halo under each structure's marker, so that a layer's own
// colour shows while the marker keeps its type symbol. The source is clustered like the
// structures' one (supercluster, in MapLibre's worker, once per data change): one circle per
// point at 150,000 imported points made every pan frame 5 to 10 times slower.

export const IMPORT_SOURCE = 'imported-layers';
export const IMPORT_HALO_LAYER = 'imported-layers-halo';
export const IMPORT_CLUSTER_LAYER = 'imported-layers-cluster-halo';
/** Grey for a cluster mixing layers of different colours. */
export const MIXED_COLOUR = '#555555';

/** The clustered source of the halos (same radius and last clustered zoom as the structures' source). */
export function importSource(data: FeatureCollection<Point>): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data,
    cluster: true,
    clusterRadius: CLUSTER_RADIUS,
    clusterMaxZoom: clusterMaxZoom(data.features.length),
    // A cluster keeps its layers' colour when they all share one, grey otherwise.
    clusterProperties: {
      color: [
        ['case', ['==', ['accumulated'], ['get', 'color']], ['accumulated'], MIXED_COLOUR],
        ['get', 'color'],
      ],
    },
  };
}

export function importHaloLayers(): LayerSpecification[] {
  return [
    {
      id: IMPORT_CLUSTER_LAYER,
      type: 'circle',
      source: IMPORT_SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': ['get', 'color'],
        'circle-opacity': 0.25,
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 16, 1000, 26],
        'circle-stroke-color': ['get', 'color'],
        'circle-stroke-width': 2,
      },
    },
    {
      id: IMPORT_HALO_LAYER,
      type: 'circle',
      source: IMPORT_SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['get', 'color'],
        'circle-opacity': 0.35,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 9, 12, 14],
        'circle-stroke-color': ['get', 'color'],
        'circle-stroke-width': 2,
      },
    },
  ];
}

/** One point per located structure of the visible layers, with its layer's colour. */
export function importHaloData(layers: ReadonlyArray<{ id: string; color: string; structures: readonly Structure[] }>): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: layers.flatMap((layer) =>
      layer.structures
        .filter((s) => s.lon !== null && s.lat !== null)
        .map((s) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [s.lon!, s.lat!] },
          properties: { id: s.id, layer: layer.id, color: layer.color },
        })),
    ),
  };
}

/** Colours for imported layers, apart from the offer types' palette. */
export const LAYER_COLOURS = ['#7b3294', '#1b7837', '#c51b7d', '#b2182b', '#2166ac', '#8c510a'];
