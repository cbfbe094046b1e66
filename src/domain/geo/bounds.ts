/** The smallest [[west, south], [east, north]] around some [lon, lat] points, or null when there is none. */
export function pointsBounds(points: ReadonlyArray<readonly [number, number]>): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    w = Math.min(w, lon);
    e = Math.max(e, lon);
    s = Math.min(s, lat);
    n = Math.max(n, lat);
  }
  return [
    [w, s],
    [e, n],
  ];
}
