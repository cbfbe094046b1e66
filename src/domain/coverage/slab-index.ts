// Nearest site among a few dozen to a few hundred, on unit vectors.
//
// Sites are sorted along the axis where they spread most. A query scans
// outward from a starting position and stops on each side as soon as the gap
// along that axis alone exceeds the best distance found: no site beyond can be
// nearer. Started from the previous query's answer (queries in Hilbert order),
// the first site tried is nearly always the answer and the scan stops at once.
// For a regional catalogue this beats both a straight scan and a k-d tree.

export class SlabIndex {
  readonly size: number;
  private readonly axis: number;
  /** Coordinate along the axis, ascending. */
  private readonly key: Float64Array;
  /** Unit vectors in sorted order. */
  private readonly xyz: Float64Array;
  /** Original id of the site at each sorted position. */
  private readonly ids: Int32Array;
  private bestD2 = Infinity;

  constructor(vectors: Float64Array) {
    const m = Math.floor(vectors.length / 3);
    this.size = m;
    let axis = 0;
    let spread = -1;
    for (let a = 0; a < 3; a++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let j = 0; j < m; j++) {
        lo = Math.min(lo, vectors[3 * j + a]!);
        hi = Math.max(hi, vectors[3 * j + a]!);
      }
      if (hi - lo > spread) {
        spread = hi - lo;
        axis = a;
      }
    }
    this.axis = axis;
    const order = Array.from({ length: m }, (_, j) => j).sort((p, q) => vectors[3 * p + axis]! - vectors[3 * q + axis]! || p - q);
    this.key = new Float64Array(m);
    this.xyz = new Float64Array(m * 3);
    this.ids = new Int32Array(m);
    order.forEach((j, k) => {
      this.key[k] = vectors[3 * j + axis]!;
      this.xyz.set(vectors.subarray(3 * j, 3 * j + 3), 3 * k);
      this.ids[k] = j;
    });
  }

  /** Squared chord distance of the last answer. */
  get lastChord2(): number {
    return this.bestD2;
  }

  /** Id of the site nearest to (x, y, z), ties to the smallest id; -1 when empty. */
  nearest(x: number, y: number, z: number, hint = -1): number {
    const d2 = new Float64Array(1);
    const id = new Int32Array(1);
    this.nearestAll(new Float64Array([x, y, z]), Int32Array.of(0), null, d2, id, hint);
    this.bestD2 = d2[0]!;
    return id[0]!;
  }

  /**
   * Nearest site of many points at once (one call, so the loop stays hot):
   * points visited in `order`, each search started from the previous answer.
   * Writes the squared chord and the site id of point i to d2Out[i] and
   * idOut[i]; points with skip[i] set are left untouched.
   */
  nearestAll(
    vectors: Float64Array,
    order: Int32Array,
    skip: Uint8Array | null,
    d2Out: Float64Array,
    idOut: Int32Array,
    hint = -1,
  ): void {
    const m = this.size;
    if (m === 0) return;
    const key = this.key;
    const xyz = this.xyz;
    const ids = this.ids;
    const axis = this.axis;
    let start = hint;
    for (let t = 0; t < order.length; t++) {
      const i = order[t]!;
      if (skip && skip[i]) continue;
      const x = vectors[3 * i]!;
      const y = vectors[3 * i + 1]!;
      const z = vectors[3 * i + 2]!;
      const q = axis === 0 ? x : axis === 1 ? y : z;
      if (start < 0 || start >= m) {
        let lo = 0;
        let hi = m;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (key[mid]! < q) lo = mid + 1;
          else hi = mid;
        }
        start = Math.min(lo, m - 1);
      }
      let best = Infinity;
      let bestId = -1;
      let bestPos = -1;
      let r = start;
      let l = start - 1;
      while (l >= 0 || r < m) {
        if (r < m) {
          const gap = key[r]! - q;
          if (gap > 0 && gap * gap > best) r = m;
          else {
            const k = 3 * r;
            const dx = xyz[k]! - x;
            const dy = xyz[k + 1]! - y;
            const dz = xyz[k + 2]! - z;
            const d2 = dx * dx + dy * dy + dz * dz;
            if (d2 < best || (d2 === best && ids[r]! < bestId)) {
              best = d2;
              bestId = ids[r]!;
              bestPos = r;
            }
            r++;
          }
        }
        if (l >= 0) {
          const gap = q - key[l]!;
          if (gap > 0 && gap * gap > best) l = -1;
          else {
            const k = 3 * l;
            const dx = xyz[k]! - x;
            const dy = xyz[k + 1]! - y;
            const dz = xyz[k + 2]! - z;
            const d2 = dx * dx + dy * dy + dz * dz;
            if (d2 < best || (d2 === best && ids[l]! < bestId)) {
              best = d2;
              bestId = ids[l]!;
              bestPos = l;
            }
            l--;
          }
        }
      }
      d2Out[i] = best;
      idOut[i] = bestId;
      start = bestPos;
    }
  }
}
