// Offers as columns of numbers, and selections as picks from them. At 150,000 offers, a
// selection read from objects (a string lookup per offer for its commune, its type, its
// département) cost the page 60–70 ms at each type ticked on or off; the same counts read
// from typed arrays built once per catalogue take a few milliseconds.
import type { CoverageOffer } from './types';

/** An offers list as columns: positions, and indices into its distinct types. */
export interface OfferColumns {
  offers: readonly CoverageOffer[];
  /** NaN where unknown. */
  lons: Float64Array;
  lats: Float64Array;
  typeOf: Uint16Array;
  types: string[];
  /** Indices of the offers declaring a zone, ascending. */
  zoned: Int32Array;
}

/** Columns of an offers list, read once: what a pack needs. */
export function offerColumns(offers: readonly CoverageOffer[]): OfferColumns {
  const n = offers.length;
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  const typeOf = new Uint16Array(n);
  const types = new Interned();
  const zoned: number[] = [];
  for (let i = 0; i < n; i++) {
    const o = offers[i]!;
    lons[i] = o.lon ?? NaN;
    lats[i] = o.lat ?? NaN;
    typeOf[i] = types.index(o.type);
    if (o.zone.length > 0) zoned.push(i);
  }
  return { offers, lons, lats, typeOf, types: types.values, zoned: Int32Array.from(zoned) };
}

/** Where the offers of a columns set lie: indices into their distinct communes and départements. */
export interface OfferPlaces {
  communeOf: Uint32Array;
  /** Commune codes ('' stands for unknown). */
  communes: string[];
  deptOf: Uint16Array;
  /** Département codes ('' for a regional offer). */
  depts: string[];
}

const places = new WeakMap<OfferColumns, OfferPlaces>();

/**
 * The places of a columns set, read on first use only: the tables need them, a pack does
 * not (reading them more than doubled the time to pack 150,000 offers).
 */
export function placesOf(columns: OfferColumns): OfferPlaces {
  let known = places.get(columns);
  if (known) return known;
  const n = columns.offers.length;
  const communeOf = new Uint32Array(n);
  const deptOf = new Uint16Array(n);
  const communes = new Interned();
  const depts = new Interned();
  for (let i = 0; i < n; i++) {
    const o = columns.offers[i]!;
    communeOf[i] = communes.index(o.commune);
    deptOf[i] = depts.index(o.departement);
  }
  known = { communeOf, communes: communes.values, deptOf, depts: depts.values };
  places.set(columns, known);
  return known;
}

/** Distinct strings numbered in order of first appearance. */
class Interned {
  readonly values: string[] = [];
  private readonly numbers = new Map<string, number>();
  index(value: string): number {
    let k = this.numbers.get(value);
    if (k === undefined) this.numbers.set(value, (k = this.values.push(value) - 1));
    return k;
  }
}

/** Offers of a columns set, in its order: the `picked` indices (ascending), or all of them when null. */
export interface OfferSegment {
  columns: OfferColumns;
  picked: Int32Array | null;
}

/** The number of offers a segment holds. */
export function segmentLength(segment: OfferSegment): number {
  return segment.picked ? segment.picked.length : segment.columns.offers.length;
}

/**
 * Calls `visit(j, i)` for each offer of the segment declaring a zone: `j` its place in the
 * segment, `i` its index in the columns. Walks the two ascending lists together: few offers
 * declare a zone.
 */
export function forEachZoned(segment: OfferSegment, visit: (j: number, i: number) => void): void {
  const { columns, picked } = segment;
  const zoned = columns.zoned;
  const m = segmentLength(segment);
  for (let z = 0, j = 0; z < zoned.length && j < m; ) {
    const i = zoned[z]!;
    const p = picked ? picked[j]! : j;
    if (p < i) j++;
    else if (p > i) z++;
    else {
      visit(j, i);
      z++;
      j++;
    }
  }
}

// Offers lists made as picks (selectOffers, concatOffers). Such a list is never changed
// afterwards: its pack and tallies are kept with it (see packed.ts, tallies.ts).
const picks = new WeakMap<readonly CoverageOffer[], readonly OfferSegment[]>();

/** Records that `offers` are these segments, one after the other. */
export function rememberSegments(offers: readonly CoverageOffer[], segments: readonly OfferSegment[]): void {
  picks.set(offers, segments);
}

/**
 * `read(offers)`, kept with a list recorded with its segments (it does not change); read
 * again each time for any other list, which its owner may change.
 */
export function keptForPicks<T>(read: (offers: readonly CoverageOffer[]) => T): (offers: readonly CoverageOffer[]) => T {
  const kept = new WeakMap<readonly CoverageOffer[], T>();
  return (offers) => {
    if (kept.has(offers)) return kept.get(offers)!;
    const value = read(offers);
    if (picks.has(offers)) kept.set(offers, value);
    return value;
  };
}

/** The segments of an offers list: as recorded, or one segment of its own columns. */
export function segmentsOf(offers: readonly CoverageOffer[]): readonly OfferSegment[] {
  return picks.get(offers) ?? [{ columns: offerColumns(offers), picked: null }];
}

/**
 * `first` followed by `then`, keeping the segments of both: adding two test sites to
 * 150,000 selected offers reads the two sites, not the 150,000 offers again.
 */
export function concatOffers(first: readonly CoverageOffer[], then: readonly CoverageOffer[]): CoverageOffer[] {
  const out = [...first, ...then];
  rememberSegments(out, [...segmentsOf(first), ...segmentsOf(then)]);
  return out;
}
