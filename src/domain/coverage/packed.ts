// Offers as the coverage engine needs them (positions and declared zones),
// packed in typed arrays: 150,000 offer objects took 460 ms to clone into the
// worker, two Float64Arrays move without a copy.
import { forEachZoned, keptForPicks, segmentLength, segmentsOf, type OfferSegment } from './columns';
import type { CoverageOffer } from './types';

export interface PackedOffers {
  count: number;
  /** NaN where the position is unknown. */
  lons: Float64Array;
  lats: Float64Array;
  /** Declared zones of the few offers that have some: [offer index, zones]. */
  zones: Array<[number, string[]]>;
  /**
   * Each offer's kind (an index into `kinds`, its type): the engine keeps one answer per
   * kind, so that ticking a type off or on recomputes nothing (src/domain/coverage/nearest-by-kind.ts).
   */
  kindOf: Uint16Array;
  kinds: string[];
}

// Packs of picked offers lists (columns.ts) are kept with them: the nearest request and the
// gap area's share one, and packing 150,000 offer objects again took 37–68 ms of the page's thread.
/** Example: packOffers(offers).lons[0] → 1.44 */
export const packOffers: (offers: readonly CoverageOffer[]) => PackedOffers = keptForPicks((offers) => packSegments(segmentsOf(offers)));

function packSegments(segments: readonly OfferSegment[]): PackedOffers {
  const only = segments.length === 1 && segments[0]!.picked === null ? segments[0]!.columns : null;
  if (only) {
    // A whole list: its columns are its pack (types and kinds both numbered in order of first appearance).
    const zones: Array<[number, string[]]> = Array.from(only.zoned, (i) => [i, [...only.offers[i]!.zone]]);
    return { count: only.offers.length, lons: only.lons, lats: only.lats, zones, kindOf: only.typeOf, kinds: only.types };
  }
  const count = segments.reduce((n, s) => n + segmentLength(s), 0);
  const lons = new Float64Array(count);
  const lats = new Float64Array(count);
  const kindOf = new Uint16Array(count);
  const zones: Array<[number, string[]]> = [];
  // Kinds numbered in order of first appearance in the whole.
  const kinds: string[] = [];
  const kindIndex = new Map<string, number>();
  let at = 0;
  for (const segment of segments) {
    const { columns, picked } = segment;
    const kindOfType = new Int32Array(columns.types.length).fill(-1);
    const m = segmentLength(segment);
    for (let j = 0; j < m; j++) {
      const i = picked ? picked[j]! : j;
      lons[at + j] = columns.lons[i]!;
      lats[at + j] = columns.lats[i]!;
      const t = columns.typeOf[i]!;
      if (kindOfType[t]! < 0) {
        const type = columns.types[t]!;
        let k = kindIndex.get(type);
        if (k === undefined) kindIndex.set(type, (k = kinds.push(type) - 1));
        kindOfType[t] = k;
      }
      kindOf[at + j] = kindOfType[t]!;
    }
    const offset = at;
    forEachZoned(segment, (j, i) => zones.push([offset + j, [...columns.offers[i]!.zone]]));
    at += m;
  }
  return { count, lons, lats, zones, kindOf, kinds };
}

/** Same positions (NaN equal to NaN), zones and order. */
export function samePacked(a: PackedOffers, b: PackedOffers): boolean {
  if (a.count !== b.count || a.zones.length !== b.zones.length) return false;
  for (let i = 0; i < a.count; i++) {
    if (!Object.is(a.lons[i], b.lons[i]) || !Object.is(a.lats[i], b.lats[i])) return false;
  }
  return JSON.stringify(a.zones) === JSON.stringify(b.zones);
}
