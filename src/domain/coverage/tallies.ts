// What the coverage tables count of a selection, counted once per selection from its
// columns (columns.ts): the territory tables, the incomplete départements and the count of
// located offers all read these instead of walking 150,000 offer objects each.
import { forEachZoned, keptForPicks, placesOf, segmentLength, segmentsOf } from './columns';
import type { CoverageOffer } from './types';

export interface OfferTallies {
  /** Offers with a known longitude, per commune code of their site ('' when unknown). */
  sitedByCommune: ReadonlyMap<string, number>;
  /** Offers with a known position and a département, per type, then per département. */
  placedByType: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Offers with a known position (both coordinates). */
  located: number;
  /** Indices of the offers declaring a zone, ascending. */
  zoned: readonly number[];
}

/** Example: offerTallies(offers).placedByType.get('maison_region')?.get('09') → 1 */
export const offerTallies: (offers: readonly CoverageOffer[]) => OfferTallies = keptForPicks(tally);

function tally(offers: readonly CoverageOffer[]): OfferTallies {
  const sitedByCommune = new Map<string, number>();
  const placedByType = new Map<string, Map<string, number>>();
  const zoned: number[] = [];
  let located = 0;
  let at = 0;
  for (const segment of segmentsOf(offers)) {
    const { columns, picked } = segment;
    const { lons, lats, typeOf } = columns;
    const { communeOf, communes, deptOf, depts } = placesOf(columns);
    const sited = new Int32Array(communes.length);
    const placed = new Int32Array(columns.types.length * depts.length);
    const m = segmentLength(segment);
    for (let j = 0; j < m; j++) {
      const i = picked ? picked[j]! : j;
      if (Number.isNaN(lons[i]!)) continue;
      sited[communeOf[i]!]!++;
      if (Number.isNaN(lats[i]!)) continue;
      located++;
      placed[typeOf[i]! * depts.length + deptOf[i]!]!++;
    }
    communes.forEach((code, c) => {
      if (sited[c]! > 0) sitedByCommune.set(code, (sitedByCommune.get(code) ?? 0) + sited[c]!);
    });
    columns.types.forEach((type, t) => {
      depts.forEach((dept, d) => {
        const n = placed[t * depts.length + d]!;
        if (n === 0 || dept === '') return;
        let byDept = placedByType.get(type);
        if (!byDept) placedByType.set(type, (byDept = new Map()));
        byDept.set(dept, (byDept.get(dept) ?? 0) + n);
      });
    });
    const offset = at;
    forEachZoned(segment, (j) => zoned.push(offset + j));
    at += m;
  }
  return { sitedByCommune, placedByType, located, zoned };
}
