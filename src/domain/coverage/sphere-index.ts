// A static k-d tree over points on the sphere, stored as 3-D unit vectors.
//
// Why not a 2-D lon/lat index: the straight-line (chord) distance between unit
// vectors grows monotonically with the great-circle distance, so the nearest
// point by chord is exactly the nearest point on the sphere, with no
// projection error at any scale (a commune in Lozère or 35,000 communes of
// France) and only multiplications in the inner loop.

import { EARTH_RADIUS_KM } from '../geo/distance';

const RAD = Math.PI / 180;
const LEAF_SIZE = 8;

/** Unit vectors of points given as lon/lat degrees: [x0, y0, z0, x1, …]. */
export function toUnitVectors(lons: ArrayLike<number>, lats: ArrayLike<number>): Float64Array {
  const n = lons.length;
  const out = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const lon = lons[i]! * RAD;
    const lat = lats[i]! * RAD;
    const c = Math.cos(lat);
    out[3 * i] = c * Math.cos(lon);
    out[3 * i + 1] = c * Math.sin(lon);
    out[3 * i + 2] = Math.sin(lat);
  }
  return out;
}

/** Squared chord length, on the unit sphere, of a great-circle distance in km. */
export function chord2OfKm(km: number): number {
  const c = 2 * Math.sin(Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM)));
  return c * c;
}

/** Great-circle km of a squared chord on the unit sphere (inverse of chord2OfKm). */
export function kmOfChord2(c2: number): number {
  const x = Math.sqrt(c2) / 2;
  // Below x = 0.02 (about 255 km) the Taylor series of asin to x⁹ is exact to
  // the last bit (next term < 1e-18 relative) and several times faster than
  // Math.asin; it runs once per commune on every recomputation.
  if (x < 0.02) {
    const x2 = x * x;
    return 2 * EARTH_RADIUS_KM * x * (1 + x2 * (1 / 6 + x2 * (3 / 40 + x2 * (5 / 112 + x2 * (35 / 1152)))));
  }
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, x));
}

export class SphereIndex {
  /** Number of indexed points. */
  readonly size: number;
  /** Point ids in tree order. */
  private readonly ids: Uint32Array;
  /** Unit vectors in tree order. */
  private readonly xyz: Float64Array;
  /** Split axis of the node whose median sits at index m. */
  private readonly axis: Uint8Array;

  /** Build from unit vectors (see toUnitVectors); point i keeps id i. */
  constructor(vectors: Float64Array) {
    const n = Math.floor(vectors.length / 3);
    this.size = n;
    this.ids = new Uint32Array(n);
    this.xyz = new Float64Array(vectors.subarray(0, n * 3));
    this.axis = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.ids[i] = i;
    if (n > 0) this.build(0, n - 1);
  }

  static fromLonLat(lons: ArrayLike<number>, lats: ArrayLike<number>): SphereIndex {
    return new SphereIndex(toUnitVectors(lons, lats));
  }

  private build(left: number, right: number): void {
    if (right - left < LEAF_SIZE) return;
    // Split on the axis of largest spread: regional data is thin along some axes.
    let best = 0;
    let bestSpread = -1;
    // On large ranges a strided sample of about 256 points picks the axis: the
    // tree stays valid whatever the axis (only its balance of work changes),
    // and the build of 150,000 sites no longer scans every point three times per level.
    const stride = Math.max(1, Math.floor((right - left + 1) / 256));
    for (let a = 0; a < 3; a++) {
      let min = Infinity;
      let max = -Infinity;
      for (let i = left; i <= right; i += stride) {
        const v = this.xyz[3 * i + a]!;
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (max - min > bestSpread) {
        bestSpread = max - min;
        best = a;
      }
    }
    const m = (left + right) >> 1;
    this.select(m, left, right, best);
    this.axis[m] = best;
    this.build(left, m - 1);
    this.build(m + 1, right);
  }

  /** Floyd–Rivest selection, as in kdbush: element k ends at its sorted place on axis a. */
  private select(k: number, left: number, right: number, a: number): void {
    const xyz = this.xyz;
    while (right > left) {
      if (right - left > 600) {
        const n = right - left + 1;
        const m = k - left + 1;
        const z = Math.log(n);
        const s = 0.5 * Math.exp((2 * z) / 3);
        const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
        const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
        const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
        this.select(k, newLeft, newRight, a);
      }
      const t = xyz[3 * k + a]!;
      let i = left;
      let j = right;
      this.swap(left, k);
      if (xyz[3 * right + a]! > t) this.swap(left, right);
      while (i < j) {
        this.swap(i, j);
        i++;
        j--;
        while (xyz[3 * i + a]! < t) i++;
        while (xyz[3 * j + a]! > t) j--;
      }
      if (xyz[3 * left + a] === t) this.swap(left, j);
      else {
        j++;
        this.swap(j, right);
      }
      if (j <= k) left = j + 1;
      if (k <= j) right = j - 1;
    }
  }

  private swap(i: number, j: number): void {
    const ids = this.ids;
    const xyz = this.xyz;
    const id = ids[i]!;
    ids[i] = ids[j]!;
    ids[j] = id;
    for (let a = 0; a < 3; a++) {
      const v = xyz[3 * i + a]!;
      xyz[3 * i + a] = xyz[3 * j + a]!;
      xyz[3 * j + a] = v;
    }
  }

  // Scratch state of the current nearest query (avoids allocating per query).
  private qx = 0;
  private qy = 0;
  private qz = 0;
  private bestD2 = Infinity;
  private bestId = -1;

  /**
   * Id of the point nearest to the unit vector (x, y, z), or -1 when the index
   * is empty. Ties go to the smallest id, so results never depend on tree order.
   */
  nearest(x: number, y: number, z: number): number {
    this.qx = x;
    this.qy = y;
    this.qz = z;
    this.bestD2 = Infinity;
    this.bestId = -1;
    if (this.size > 0) this.search(0, this.size - 1);
    return this.bestId;
  }

  /** Squared chord distance of the last nearest() answer. */
  get lastChord2(): number {
    return this.bestD2;
  }

  private consider(i: number): void {
    const dx = this.xyz[3 * i]! - this.qx;
    const dy = this.xyz[3 * i + 1]! - this.qy;
    const dz = this.xyz[3 * i + 2]! - this.qz;
    const d2 = dx * dx + dy * dy + dz * dz;
    const id = this.ids[i]!;
    if (d2 < this.bestD2 || (d2 === this.bestD2 && id < this.bestId)) {
      this.bestD2 = d2;
      this.bestId = id;
    }
  }

  private search(left: number, right: number): void {
    if (right - left < LEAF_SIZE) {
      for (let i = left; i <= right; i++) this.consider(i);
      return;
    }
    const m = (left + right) >> 1;
    this.consider(m);
    const a = this.axis[m]!;
    const diff = (a === 0 ? this.qx : a === 1 ? this.qy : this.qz) - this.xyz[3 * m + a]!;
    if (diff <= 0) {
      this.search(left, m - 1);
      if (diff * diff <= this.bestD2) this.search(m + 1, right);
    } else {
      this.search(m + 1, right);
      if (diff * diff <= this.bestD2) this.search(left, m - 1);
    }
  }

  /** Ids of all points within squared chord r2 of (x, y, z), in tree order. */
  within(x: number, y: number, z: number, r2: number, out: number[] = []): number[] {
    if (this.size === 0) return out;
    const stack = [0, this.size - 1];
    const xyz = this.xyz;
    while (stack.length > 0) {
      const right = stack.pop()!;
      const left = stack.pop()!;
      if (right - left < LEAF_SIZE) {
        for (let i = left; i <= right; i++) {
          const dx = xyz[3 * i]! - x;
          const dy = xyz[3 * i + 1]! - y;
          const dz = xyz[3 * i + 2]! - z;
          if (dx * dx + dy * dy + dz * dz <= r2) out.push(this.ids[i]!);
        }
        continue;
      }
      const m = (left + right) >> 1;
      const dx = xyz[3 * m]! - x;
      const dy = xyz[3 * m + 1]! - y;
      const dz = xyz[3 * m + 2]! - z;
      if (dx * dx + dy * dy + dz * dz <= r2) out.push(this.ids[m]!);
      const a = this.axis[m]!;
      const diff = (a === 0 ? x : a === 1 ? y : z) - xyz[3 * m + a]!;
      if (diff <= 0 || diff * diff <= r2) stack.push(left, m - 1);
      if (diff >= 0 || diff * diff <= r2) stack.push(m + 1, right);
    }
    return out;
  }
}
