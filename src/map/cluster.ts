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
