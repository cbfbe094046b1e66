import type { LayerSpecification } from 'maplibre-gl';
import { HALO } from '../cluster';
import { SOURCE } from '../style';

// Imported layers: a coloured halo under each structure's marker, so that a layer's own
// colour shows while the marker keeps its type symbol. The halos are drawn from the
// structures' own source: its features carry `halo` (their layer's colour, '' for the
// catalogue) and its clusters `halo` (one colour, MIXED_COLOUR, or '') and `imported`
// (how many imported points they hold): see src/map/cluster.ts. A second clustered source of the same points
// doubled the worker's work: a zoom jump at 150,000 imported points settled 2.7 times
// slower than without them, 1.1 times with one source.

export const IMPORT_HALO_LAYER = 'imported-layers-halo';
export const IMPORT_CLUSTER_LAYER = 'imported-layers-cluster-halo';
export function importHaloLayers(): LayerSpecification[] {
  return [
    {
      id: IMPORT_CLUSTER_LAYER,
      type: 'circle',
      source: SOURCE.structures,
      filter: ['all', ['has', 'point_count'], ['>', ['get', 'imported'], 0]],
      paint: {
        'circle-color': HALO,
        'circle-opacity': 0.25,
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 2, 16, 1000, 26],
        'circle-stroke-color': HALO,
        'circle-stroke-width': 2,
      },
    },
    {
      id: IMPORT_HALO_LAYER,
      type: 'circle',
      source: SOURCE.structures,
      filter: ['all', ['!', ['has', 'point_count']], ['!=', HALO, '']],
      paint: {
        'circle-color': HALO,
        'circle-opacity': 0.35,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 9, 12, 14],
        'circle-stroke-color': HALO,
        'circle-stroke-width': 2,
      },
    },
  ];
}

/** Colours for imported layers, apart from the offer types' palette. */
export const LAYER_COLOURS = ['#7b3294', '#1b7837', '#c51b7d', '#b2182b', '#2166ac', '#8c510a'];
