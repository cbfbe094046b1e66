import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { EARTH_RADIUS_KM, haversineKm } from '../geo/distance';

// k nearest points on the sphere, through a kd-tree (kdbush) walked in
// great-circle order (geokdbush). Distances always come from haversineKm, and
// ties are broken by id, so the answer is the same as brute force to the last
// item, whatever order the tree visits equal distances in.

/** Anything with an id and a position (a position of null is never indexed). */
export interface Located {
  id: string;
  lon: number | null;
  lat: number | null;
}

export interface Neighbour<T> {
  item: T;
  distanceKm: number;
}

export interface NearestIndex<T extends Located> {
  /** Items with a position, in the order the tree knows them by. */
  readonly located: readonly T[];
  /** How many items were left out for having no position. */
  readonly unlocated: number;
  readonly tree: KDBush | null;
}

/** geokdbush measures on a sphere of 6371 km; the radius cancels out in comparisons but not in km. */
const GEOKDBUSH_RADIUS_KM = 6371;
/** Slack of the second, distance-bounded query: far above rounding noise, far below any real gap. */
const SLACK_KM = 1e-6;

const hasPosition = <T extends Located>(s: T): s is T & { lon: number; lat: number } =>
  s.lon !== null && s.lat !== null && Number.isFinite(s.lon) && Number.isFinite(s.lat);

/** Index the items that have a position. */
export function buildNearestIndex<T extends Located>(items: readonly T[]): NearestIndex<T> {
  const located = items.filter(hasPosition);
  if (located.length === 0) return { located, unlocated: items.length, tree: null };
  const tree = new KDBush(located.length);
  for (const s of located) tree.add(s.lon, s.lat);
  tree.finish();
  return { located, unlocated: items.length - located.length, tree };
}

/** Nearest first; equal distances by id (plain code-unit order, the same on every machine). */
export function compareNeighbours<T extends Located>(a: Neighbour<T>, b: Neighbour<T>): number {
  return a.distanceKm - b.distanceKm || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0);
}

function measure<T extends Located>(items: readonly T[], ids: readonly number[], lon: number, lat: number): Neighbour<T>[] {
  return ids.map((i) => {
    const item = items[i]!;
    return { item, distanceKm: haversineKm(lon, lat, item.lon!, item.lat!) };
  });
}

/**
 * The k items nearest to (lon, lat) that pass `keep`, nearest first, with
 * their great-circle distance in km; ties by id.
 * Example: nearest(buildNearestIndex(structures), 3.4993, 44.5181, 5) → the 5 closest to Mende.
 */
export function nearest<T extends Located>(index: NearestIndex<T>, lon: number, lat: number, k: number, keep?: (item: T) => boolean): Neighbour<T>[] {
  const { tree, located } = index;
  if (!tree || !(k > 0) || !Number.isFinite(lon) || !Number.isFinite(lat)) return [];
  const predicate = keep ? (i: number) => keep(located[i]!) : undefined;
  // One more than asked: when the extra item is clearly farther than the k-th,
  // nothing beyond it can tie, and the k are exactly the answer.
  const first = measure(located, around(tree, lon, lat, k + 1, Infinity, predicate), lon, lat).sort(compareNeighbours);
  if (first.length <= k) return first;
  const kth = first[k - 1]!.distanceKm;
  if (first[k]!.distanceKm > kth + SLACK_KM) return first.slice(0, k);
  // Items at the k-th distance may have been left out in any order: fetch
  // everything up to that distance, then let the id decide.
  const radius = (kth / EARTH_RADIUS_KM) * GEOKDBUSH_RADIUS_KM + SLACK_KM;
  const all = measure(located, around(tree, lon, lat, Infinity, radius, predicate), lon, lat);
  return all.sort(compareNeighbours).slice(0, k);
}

/** The same answer by measuring every item and sorting: the reference for tests and the bench baseline. */
export function nearestLinear<T extends Located>(items: readonly T[], lon: number, lat: number, k: number, keep?: (item: T) => boolean): Neighbour<T>[] {
  if (!(k > 0)) return [];
  const out: Neighbour<T>[] = [];
  for (const item of items) {
    if (!hasPosition(item) || (keep && !keep(item))) continue;
    out.push({ item, distanceKm: haversineKm(lon, lat, item.lon, item.lat) });
  }
  return out.sort(compareNeighbours).slice(0, k);
}
