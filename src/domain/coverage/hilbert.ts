/**
 * Order of points along a Hilbert curve over their bounding box (1024 × 1024
 * cells): points close in this order are close on the map, so a search that
 * starts from the previous point's answer usually starts from the right one.
 */
export function hilbertOrder(lons: ArrayLike<number>, lats: ArrayLike<number>): Int32Array {
  const n = lons.length;
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (let i = 0; i < n; i++) {
    west = Math.min(west, lons[i]!);
    east = Math.max(east, lons[i]!);
    south = Math.min(south, lats[i]!);
    north = Math.max(north, lats[i]!);
  }
  const N = 1024;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.min(N - 1, Math.floor(((lons[i]! - west) / (east - west || 1)) * N));
    let y = Math.min(N - 1, Math.floor(((lats[i]! - south) / (north - south || 1)) * N));
    let d = 0;
    for (let s = N / 2; s > 0; s >>= 1) {
      const rx = (x & s) > 0 ? 1 : 0;
      const ry = (y & s) > 0 ? 1 : 0;
      d += s * s * ((3 * rx) ^ ry);
      if (ry === 0) {
        if (rx === 1) {
          x = s - 1 - x;
          y = s - 1 - y;
        }
        const t = x;
        x = y;
        y = t;
      }
    }
    key[i] = d;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => key[a]! - key[b]! || a - b);
  return Int32Array.from(order);
}
