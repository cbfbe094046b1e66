import type { ExpressionSpecification } from 'maplibre-gl';

// How markers merge into clusters, shared by the structures' source and the imported layers'.

/** Distance (px) within which markers merge. */
export const CLUSTER_RADIUS = 36;
/** With a usual catalogue, clusters open from zoom 11: a département's view shows every structure. */
export const CLUSTER_MAX_ZOOM = 10;
/** With this many located points or more, clusters stay up to a town's view. */
export const DENSE_POINTS = 5000;
/**
 * Zoom up to which clusters hold in a dense catalogue: tens of thousands of structures
 * unclustered at zoom 11 (about 100 km across) drew thousands of overlapping markers and
 * made the map settle 11 times slower after a zoom jump than without them.
 */
export const DENSE_CLUSTER_MAX_ZOOM = 14;

/**
 * The last zoom at which points are clustered, for this many located points.
 *
 * @example clusterMaxZoom(57) === 10; clusterMaxZoom(150_000) === 14
 */
export function clusterMaxZoom(points: number): number {
  return points >= DENSE_POINTS ? DENSE_CLUSTER_MAX_ZOOM : CLUSTER_MAX_ZOOM;
}

/**
 * The text on a cluster's bubble: exact below 100, then rounded down and marked "+"
 * (300+, 2000+, 40k+). Each distinct text is one image drawn on the main thread when
 * first needed: exact counts made hundreds of images at 150,000 points.
 *
 * @example clusterLabel(57) === '57'; clusterLabel(2345) === '2000+'; clusterLabel(150_000) === '150k+'
 */
export function clusterLabel(count: number): string {
  if (count < 100) return String(count);
  if (count < 1000) return `${Math.floor(count / 100) * 100}+`;
  if (count < 10_000) return `${Math.floor(count / 1000) * 1000}+`;
  return `${Math.floor(count / 10_000) * 10}k+`;
}

const POINT_COUNT: ExpressionSpecification = ['get', 'point_count'];
const roundedDown = (step: number, scale: number): ExpressionSpecification => ['to-string', ['*', ['floor', ['/', POINT_COUNT, step]], scale]];

/** clusterLabel as a style expression, for the cluster layer's image id (`cluster-<label>`). */
export const CLUSTER_LABEL_EXPRESSION: ExpressionSpecification = [
  'case',
  ['<', POINT_COUNT, 100],
  ['to-string', POINT_COUNT],
  ['<', POINT_COUNT, 1000],
  ['concat', roundedDown(100, 100), '+'],
  ['<', POINT_COUNT, 10_000],
  ['concat', roundedDown(1000, 1000), '+'],
  ['concat', roundedDown(10_000, 10), 'k+'],
];

/** Bubble diameter (px) for a cluster label: wider as the count, and its text, grows. */
export function clusterBubbleSize(label: string): number {
  const count = label.endsWith('k+') ? 10_000 : parseInt(label, 10) || 0;
  return count < 10 ? 28 : count < 50 ? 34 : count < 1000 ? 42 : 48;
}

/** A structure's halo colour (its imported layer's colour, '' for the catalogue), or a cluster's. */
export const HALO: ExpressionSpecification = ['get', 'halo'];

/** Grey for a cluster holding points of imported layers of different colours. */
export const MIXED_COLOUR = '#555555';

/** The structures' source clusterProperties that the imported layers' halos read (src/map/layers/import.ts). */
export const HALO_CLUSTER_PROPERTIES = {
  // A cluster takes the colour of the imported points it holds, grey when they come from
  // layers of different colours; catalogue points ('') leave it unchanged, so one imported
  // structure among fifty of the catalogue still shows its layer's colour.
  // In reduce, ['get', 'halo'] is the other side's value (MapLibre's geojson worker).
  halo: [['case', ['==', ['accumulated'], ''], HALO, ['any', ['==', HALO, ''], ['==', HALO, ['accumulated']]], ['accumulated'], MIXED_COLOUR], HALO],
  imported: ['+', ['case', ['==', HALO, ''], 0, 1]],
};
