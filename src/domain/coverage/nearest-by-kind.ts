import { nearestOffers } from './nearest';
import { samePacked, type PackedOffers } from './packed';
import type { CoverageCommune, NearestResult, Reading } from './types';

/** One kind's offers, in the order of the whole, with where each stands in the whole. */
interface KindPart {
  packed: PackedOffers;
  /** Index in the whole of each of this kind's offers. */
  whole: Int32Array;
}

/** The answer kept for a kind, with the offers it was computed from. */
interface KeptAnswer {
  packed: PackedOffers;
  result: NearestResult;
}

/**
 * `nearestOffers`, answered from one answer per kind of offer (its type), kept while that
 * kind's offers are the same: ticking a type off or on then recomputes nothing, where a
 * new search over 150,000 offers took 40–110 ms in Node and two to three times that in
 * the page's worker. The kinds' answers are merged commune by commune, the nearest
 * first and, at equal distance, the offer listed first in the whole, which is the
 * answer `nearestOffers` gives for the whole (test/unit/coverage-nearest-by-kind.test.ts).
 * A kind whose offers changed (another filter, a test site) is searched again alone.
 */
export class NearestByKind {
  private readonly kept = new Map<string, KeptAnswer>();

  constructor(private readonly communes: readonly CoverageCommune[]) {}

  nearest(offers: PackedOffers, reading: Reading): NearestResult {
    const parts = splitByKind(offers);
    const n = this.communes.length;
    const distanceKm = new Float64Array(n).fill(Infinity);
    const offer = new Int32Array(n).fill(-1);
    const byZone = new Uint8Array(n);
    for (const [kind, part] of parts) {
      const answer = this.answer(`${reading}\u0000${kind}`, part.packed, reading);
      const whole = part.whole;
      for (let i = 0; i < n; i++) {
        const local = answer.offer[i]!;
        if (local < 0) continue;
        const o = whole[local]!;
        if (answer.byZone[i]) {
          if (!byZone[i] || o < offer[i]!) {
            byZone[i] = 1;
            distanceKm[i] = 0;
            offer[i] = o;
          }
          continue;
        }
        if (byZone[i]) continue;
        const d = answer.distanceKm[i]!;
        if (d < distanceKm[i]! || (d === distanceKm[i]! && o < offer[i]!)) {
          distanceKm[i] = d;
          offer[i] = o;
        }
      }
    }
    // Kept even for kinds not asked for this time: ticking one back on is free. They are the
    // region's types, so at most two answers (one per reading) per type.
    return { distanceKm, offer, byZone };
  }

  private answer(key: string, packed: PackedOffers, reading: Reading): NearestResult {
    const kept = this.kept.get(key);
    if (kept && samePacked(kept.packed, packed)) return kept.result;
    const result = nearestOffers(this.communes, packed, reading);
    this.kept.set(key, { packed, result });
    return result;
  }
}

/** The offers of each kind, packed apart, in the order of the whole. */
function splitByKind(offers: PackedOffers): Map<string, KindPart> {
  const counts = new Int32Array(offers.kinds.length);
  for (let i = 0; i < offers.count; i++) counts[offers.kindOf[i]!]!++;
  const parts = offers.kinds.map((kind, k) => {
    const size = counts[k]!;
    return {
      kind,
      packed: { count: size, lons: new Float64Array(size), lats: new Float64Array(size), zones: [], kindOf: new Uint16Array(size), kinds: [kind] } as PackedOffers,
      whole: new Int32Array(size),
      filled: 0,
    };
  });
  const localOf = new Int32Array(offers.count);
  for (let i = 0; i < offers.count; i++) {
    const part = parts[offers.kindOf[i]!]!;
    const j = part.filled++;
    part.packed.lons[j] = offers.lons[i]!;
    part.packed.lats[j] = offers.lats[i]!;
    part.whole[j] = i;
    localOf[i] = j;
  }
  for (const [i, zones] of offers.zones) parts[offers.kindOf[i]!]!.packed.zones.push([localOf[i]!, zones]);
  return new Map(parts.filter((p) => p.packed.count > 0).map((p) => [p.kind, { packed: p.packed, whole: p.whole }]));
}
