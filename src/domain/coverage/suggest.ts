import { communePoints } from './nearest';
import { chord2OfKm, kmOfChord2, SphereIndex } from './sphere-index';
import { isBeyond } from './summary';
import type { CoverageCommune, NearestResult } from './types';

export interface Suggestion {
  /** 1 for the first pick. */
  rank: number;
  /** Index of the commune whose representative point is suggested. */
  commune: number;
  code: string;
  name: string;
  lon: number;
  lat: number;
  /** Inhabitants beyond the threshold that this site would bring within it, after the earlier picks. */
  gainPopulation: number;
  gainCommunes: number;
}

/**
 * Where to open a site: greedily, the commune point bringing the most
 * uncovered inhabitants (certain gaps: communes of `incomplete` départements are left out) within the threshold, then the next one given the
 * first, and so on. Ties go to the commune listed first. Gains only shrink as
 * sites are added, so stale gains are upper bounds and only the top of the
 * queue is recomputed (lazy greedy) — same picks as recomputing everything.
 * Example: suggestSites(communes, nearest, 30, 3)[0].gainPopulation → 52000
 */
export function suggestSites(
  communes: readonly CoverageCommune[],
  nearest: NearestResult,
  thresholdKm: number,
  count = 3,
  incomplete: ReadonlySet<string> = new Set(),
): Suggestion[] {
  const points = communePoints(communes);
  const n = points.count;
  // Ranked on certain gaps only: where the catalogue is incomplete, the gap may not exist.
  const uncovered: number[] = [];
  for (let i = 0; i < n; i++) if (isBeyond(nearest.distanceKm[i]!, thresholdKm) && !incomplete.has(communes[i]!.dept)) uncovered.push(i);
  if (uncovered.length === 0 || count <= 0) return [];

  const vec = points.vectors;
  const subset = new Float64Array(uncovered.length * 3);
  uncovered.forEach((c, k) => subset.set(vec.subarray(3 * c, 3 * c + 3), 3 * k));
  const index = new SphereIndex(subset);
  // A hair wider than the threshold, then the exact test below decides, so a
  // commune exactly at the threshold is reached as coverage counts it.
  const r2 = chord2OfKm(thresholdKm) * (1 + 1e-9) + 1e-18;
  const taken = new Uint8Array(uncovered.length);
  const scratch: number[] = [];

  /** Uncovered communes (subset ids) still untaken within the threshold of candidate c. */
  const reach = (c: number): number[] => {
    scratch.length = 0;
    const x = vec[3 * c]!;
    const y = vec[3 * c + 1]!;
    const z = vec[3 * c + 2]!;
    index.within(x, y, z, r2, scratch);
    return scratch.filter((k) => {
      if (taken[k]) return false;
      const dx = subset[3 * k]! - x;
      const dy = subset[3 * k + 1]! - y;
      const dz = subset[3 * k + 2]! - z;
      return !isBeyond(kmOfChord2(dx * dx + dy * dy + dz * dz), thresholdKm);
    });
  };
  const gainOf = (ks: number[]) => ks.reduce((s, k) => s + points.population[uncovered[k]!]!, 0);

  // Max-heap of candidates by (gain desc, commune index asc).
  const heapGain: number[] = [];
  const heapId: number[] = [];
  const fresh = new Int32Array(n).fill(-1); // round in which a candidate's gain was computed
  const before = (i: number, j: number) => heapGain[i]! > heapGain[j]! || (heapGain[i] === heapGain[j] && heapId[i]! < heapId[j]!);
  const swap = (i: number, j: number) => {
    [heapGain[i], heapGain[j]] = [heapGain[j]!, heapGain[i]!];
    [heapId[i], heapId[j]] = [heapId[j]!, heapId[i]!];
  };
  const push = (gain: number, id: number) => {
    heapGain.push(gain);
    heapId.push(id);
    let i = heapGain.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(i, p)) break;
      swap(i, p);
      i = p;
    }
  };
  const pop = (): [number, number] => {
    const top: [number, number] = [heapGain[0]!, heapId[0]!];
    const lastGain = heapGain.pop()!;
    const lastId = heapId.pop()!;
    if (heapGain.length > 0) {
      heapGain[0] = lastGain;
      heapId[0] = lastId;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heapGain.length && before(l, m)) m = l;
        if (r < heapGain.length && before(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
    return top;
  };

  for (let c = 0; c < n; c++) {
    push(gainOf(reach(c)), c);
    fresh[c] = 0;
  }
  const out: Suggestion[] = [];
  for (let round = 0; round < count && heapGain.length > 0; ) {
    const [gain, c] = pop();
    if (fresh[c] !== round) {
      push(gainOf(reach(c)), c);
      fresh[c] = round;
      continue;
    }
    if (gain <= 0) break;
    const ks = reach(c);
    for (const k of ks) taken[k] = 1;
    const commune = communes[c]!;
    out.push({
      rank: round + 1,
      commune: c,
      code: commune.code,
      name: commune.name,
      lon: commune.lon,
      lat: commune.lat,
      gainPopulation: gain,
      gainCommunes: ks.length,
    });
    round++;
  }
  return out;
}
