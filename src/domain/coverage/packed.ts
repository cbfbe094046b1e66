// Offers as the coverage engine needs them (positions and declared zones),
// packed in typed arrays: 150,000 offer objects took 460 ms to clone into the
// worker, two Float64Arrays move without a copy.
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

// Packs made along with their offers list (selectOffers gathers one from arrays built once
// per catalogue): packing 150,000 offer objects again took 37–68 ms of the page's thread.
const made = new WeakMap<readonly CoverageOffer[], PackedOffers>();

/** Records the pack of an offers list made together with it; `packOffers` returns it. */
export function rememberPack(offers: readonly CoverageOffer[], packed: PackedOffers): void {
  made.set(offers, packed);
}

/** Example: packOffers(offers).lons[0] → 1.44 */
export function packOffers(offers: readonly CoverageOffer[]): PackedOffers {
  const known = made.get(offers);
  if (known) return known;
  const n = offers.length;
  const lons = new Float64Array(n);
  const lats = new Float64Array(n);
  const zones: Array<[number, string[]]> = [];
  const kindOf = new Uint16Array(n);
  const kinds: string[] = [];
  const kindIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const o = offers[i]!;
    lons[i] = o.lon ?? NaN;
    lats[i] = o.lat ?? NaN;
    if (o.zone.length > 0) zones.push([i, [...o.zone]]);
    let k = kindIndex.get(o.type);
    if (k === undefined) {
      k = kinds.length;
      kinds.push(o.type);
      kindIndex.set(o.type, k);
    }
    kindOf[i] = k;
  }
  return { count: n, lons, lats, zones, kindOf, kinds };
}

/** Same positions (NaN equal to NaN), zones and order. */
export function samePacked(a: PackedOffers, b: PackedOffers): boolean {
  if (a.count !== b.count || a.zones.length !== b.zones.length) return false;
  for (let i = 0; i < a.count; i++) {
    if (!Object.is(a.lons[i], b.lons[i]) || !Object.is(a.lats[i], b.lats[i])) return false;
  }
  return JSON.stringify(a.zones) === JSON.stringify(b.zones);
}
