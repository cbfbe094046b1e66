import type { LayerSpecification, StyleSpecification, ExpressionSpecification, VectorSourceSpecification } from 'maplibre-gl';
import type { OfferTypeConfig } from '../domain/types';
import { COMMUNE_TILE_LAYER, type TilePyramid } from '../domain/tiles';
import { CLUSTER_LABEL_EXPRESSION, CLUSTER_MAX_ZOOM, CLUSTER_RADIUS, HALO_CLUSTER_PROPERTIES } from './cluster';

// Map layers are data: these pure functions build the style so tests can read
// it as plain objects; src/map/map-controller.ts hands it to MapLibre.

export const SOURCE = {
  region: 'region',
  departements: 'departements',
  deptLabels: 'dept-labels',
  communes: 'communes',
  structures: 'structures',
} as const;

export const LAYER = {
  background: 'background',
  regionFill: 'region-fill',
  communesFill: 'communes-fill',
  communesLine: 'communes-line',
  departementsLine: 'departements-line',
  regionLine: 'region-line',
  deptLabels: 'dept-labels',
  clusters: 'structure-clusters',
  structurePrefix: 'structures-',
  selected: 'structure-selected',
} as const;

/** Layers added by features (coverage, search…) go below this one, so markers stay on top. */
export const OVERLAY_ANCHOR = LAYER.clusters;

const emptyCollection = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * Where a layer drawing the communes takes them: the commune tiles' one layer (the source
 * is a vector source, see src/domain/tiles.ts). Coverage, scope and print layers use it too.
 */
export const ON_COMMUNES = { source: SOURCE.communes, 'source-layer': COMMUNE_TILE_LAYER } as const;

/** The layer the commune layers go under (`communeLayers`, added with their source). */
export const COMMUNES_BEFORE = LAYER.departementsLine;

export function structureLayerId(type: string): string {
  return `${LAYER.structurePrefix}${type}`;
}

export function markerImageId(type: string): string {
  return `marker-${type}`;
}

export function territoryLayers(): LayerSpecification[] {
  return [
    { id: LAYER.background, type: 'background', paint: { 'background-color': '#dfe7ec' } },
    // No antialiased outline on these fills: a line layer draws the borders, and each
    // outline is one more shader to compile and one more pass over every border per frame.
    { id: LAYER.regionFill, type: 'fill', source: SOURCE.region, paint: { 'fill-color': '#fbfaf6', 'fill-antialias': false } },
    {
      id: LAYER.departementsLine,
      type: 'line',
      source: SOURCE.departements,
      paint: { 'line-color': '#5c6b73', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1, 10, 2] },
    },
    {
      id: LAYER.regionLine,
      type: 'line',
      source: SOURCE.region,
      paint: { 'line-color': '#1d3557', 'line-width': 2.2 },
    },
    {
      id: LAYER.deptLabels,
      type: 'symbol',
      source: SOURCE.deptLabels,
      maxzoom: 10,
      layout: {
        'icon-image': ['concat', 'label-', ['get', 'nom']],
        'icon-allow-overlap': false,
        'icon-optional': false,
      },
    },
  ];
}

/**
 * The communes' own layers, bottom to top: not in the base style but added with their
 * source once the first view is drawn (`MapController.showCommunes`), under COMMUNES_BEFORE.
 * A vector source in the style loads its tiles at once, even for hidden layers.
 */
export function communeLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER.communesFill,
      type: 'fill',
      ...ON_COMMUNES,
      // Transparent but for the commune under the pointer, and hit-testable, so hovering
      // or tapping a commune finds it.
      paint: {
        'fill-color': '#1d3557',
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.18, 0],
        'fill-antialias': false,
      },
    },
    {
      id: LAYER.communesLine,
      type: 'line',
      ...ON_COMMUNES,
      paint: {
        'line-color': '#9aa5ad',
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.15, 9, 0.6, 12, 1],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0.35, 8, 0.8],
      },
    },
  ];
}

export function structureLayers(offerTypes: readonly OfferTypeConfig[]): LayerSpecification[] {
  const notCluster: ExpressionSpecification = ['!', ['has', 'point_count']];
  return [
    {
      id: LAYER.clusters,
      type: 'symbol',
      source: SOURCE.structures,
      filter: ['has', 'point_count'],
      layout: {
        'icon-image': ['concat', 'cluster-', CLUSTER_LABEL_EXPRESSION],
        'icon-allow-overlap': true,
      },
    },
    ...offerTypes.map((t): LayerSpecification => ({
      id: structureLayerId(t.id),
      type: 'symbol',
      source: SOURCE.structures,
      filter: ['all', notCluster, ['==', ['get', 'type'], t.id]],
      layout: {
        'icon-image': markerImageId(t.id),
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    })),
    {
      id: LAYER.selected,
      type: 'circle',
      source: SOURCE.structures,
      filter: ['==', ['get', 'id'], ''],
      paint: {
        'circle-radius': 15,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#111111',
        'circle-stroke-width': 3,
      },
    },
  ];
}

/** The territory drawn from the start, when it is known as the map is created. */
export interface InitialTerritory {
  region: GeoJSON.FeatureCollection;
  departements: GeoJSON.FeatureCollection;
  deptLabels: GeoJSON.FeatureCollection;
  /** The structures of the first view and the last zoom they are clustered at (`clusterMaxZoom`). */
  structures?: { data: GeoJSON.FeatureCollection; clusterMaxZoom: number };
}

/** The commune tiles: their URL template ({z}/{x}/{y}, absolute: MapLibre's worker fetches them) and pyramid. */
export interface CommuneTiles {
  url: string;
  pyramid: TilePyramid;
}

/**
 * Tile buffer of the sources drawn only as fills and lines (pixels of a 512-pixel tile):
 * enough for the widest border (2.2 px). MapLibre's default, 128, is room for labels; for
 * the commune contours, when they were a GeoJSON source, it put 54 % more points in the
 * tiles of the first view (86,267 against 55,943 at zoom 6). The commune tiles are cut by
 * the data build with the same margin (scripts/lib/commune-tiles.ts).
 */
const AREA_BUFFER = 16;

/**
 * The commune tiles as a vector source: MapLibre asks only for the tiles in view, at the
 * detail of the zoom (none outside the bounds, none while no visible layer uses them).
 */
export function communesSource(tiles: CommuneTiles): VectorSourceSpecification {
  const { minzoom, maxzoom, bounds } = tiles.pyramid;
  return { type: 'vector', tiles: [tiles.url], minzoom, maxzoom, bounds, promoteId: 'code' };
}

/**
 * The whole base style: no basemap tiles, no glyphs, no sprite — nothing from a third party.
 * With `territory`, the outline, the départements and the structures are in the style
 * itself, so the map's worker prepares them while the style loads rather than after it
 * (the first view is drawn sooner).
 */
export function baseStyle(
  offerTypes: readonly OfferTypeConfig[],
  territory?: InitialTerritory,
  overlays: readonly LayerSpecification[] = [],
): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCE.region]: { type: 'geojson', data: territory?.region ?? emptyCollection(), buffer: AREA_BUFFER },
      [SOURCE.departements]: { type: 'geojson', data: territory?.departements ?? emptyCollection(), buffer: AREA_BUFFER },
      [SOURCE.deptLabels]: { type: 'geojson', data: territory?.deptLabels ?? emptyCollection() },
      [SOURCE.structures]: {
        type: 'geojson',
        data: territory?.structures?.data ?? emptyCollection(),
        cluster: true,
        clusterRadius: CLUSTER_RADIUS,
        clusterMaxZoom: territory?.structures?.clusterMaxZoom ?? CLUSTER_MAX_ZOOM,
        clusterProperties: HALO_CLUSTER_PROPERTIES,
        promoteId: 'id',
      },
    },
    // Overlays given here sit where `MapController.setLayers` puts them, under the markers.
    layers: [...territoryLayers(), ...overlays, ...structureLayers(offerTypes)],
  };
}
