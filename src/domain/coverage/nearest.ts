import { hilbertOrder } from './hilbert';
import { packOffers, type PackedOffers } from './packed';
import { SlabIndex } from './slab-index';
import { kmOfChord2, SphereIndex, toUnitVectors } from './sphere-index';
import type { CoverageCommune, CoverageOffer, NearestResult, Reading } from './types';

/** Commune points prepared once per commune list (unit vectors for the distance search). */
export interface CommunePoints {
  count: number;
  lons: Float64Array;
  lats: Float64Array;
  vectors: Float64Array;
  population: Float64Array;
  /** Visiting order along a Hilbert curve: consecutive communes are neighbours. */
  order: Int32Array;
}

const prepared = new WeakMap<readonly CoverageCommune[], CommunePoints>();

/** Prepare (and cache per array) the communes' representative points. */
export function communePoints(communes: readonly CoverageCommune[]): CommunePoints {
  let points = prepared.get(communes);
  if (!points) {
    const n = communes.length;
    const lons = new Float64Array(n);
    const lats = new Float64Array(n);
    const population = new Float64Array(n);
    communes.forEach((c, i) => {
      lons[i] = c.lon;
      lats[i] = c.lat;
      population[i] = c.population;
    });
    points = { count: n, lons, lats, vectors: toUnitVectors(lons, lats), population, order: hilbertOrder(lons, lats) };
    prepared.set(communes, points);
  }
  return points;
}

/**
 * Offers as the search reads them: objects (the CLI, the tests) or already
 * packed (the worker, which receives them so). Unpacking 150,000 offers into
 * objects took longer than the search itself.
 */
export type OfferInput = readonly CoverageOffer[] | PackedOffers;

export function asPacked(offers: OfferInput): PackedOffers {
  return 'lons' in offers ? offers : packOffers(offers);
}

/**
 * Distinct site positions of the located offers: several structures often
 * share one point (the representative point of their commune). Each site
 * keeps the first offer at that point, in the order given.
 */
export interface Sites {
  lons: Float64Array;
  lats: Float64Array;
  firstOffer: Int32Array;
}

export function distinctSites(input: OfferInput): Sites {
  const { count, lons, lats } = asPacked(input);
  const siteLons = new Float64Array(count);
  const siteLats = new Float64Array(count);
  const firstOffer = new Int32Array(count);
  let m = 0;
  // Open addressing on the coordinates' bits: a string-keyed Map took 240 ms for 150,000 offers.
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const bits = new Float64Array(2);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0; i < count; i++) {
    const lon = lons[i]!;
    const lat = lats[i]!;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    // + 0 turns -0 into 0, as the former `${lon},${lat}` key did.
    bits[0] = lon + 0;
    bits[1] = lat + 0;
    let h = Math.imul(words[0]! ^ Math.imul(words[1]!, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(words[2]! ^ Math.imul(words[3]!, 0xc2b2ae35), 0x27d4eb2f);
    h ^= h >>> 15;
    let slot = h & mask;
    for (;;) {
      const s = table[slot]!;
      if (s < 0) {
        table[slot] = m;
        siteLons[m] = lon;
        siteLats[m] = lat;
        firstOffer[m] = i;
        m++;
        break;
      }
      if (siteLons[s] === lon && siteLats[s] === lat) break;
      slot = (slot + 1) & mask;
    }
  }
  return { lons: siteLons.subarray(0, m), lats: siteLats.subarray(0, m), firstOffer: firstOffer.subarray(0, m) };
}

/** Up to this many distinct sites the sorted slab scan wins; beyond, the k-d tree does. */
const SLAB_MAX = 256;

/**
 * For every commune, the distance from its representative point to the
 * nearest offer, great-circle km. In the 'zones' reading a commune inside a
 * declared zone (its département, or 'region') is served at distance 0.
 * Ties go to the offer listed first. Example:
 * nearestOffers(communes, offers, 'site').distanceKm[0] → 12.3
 */
export function nearestOffers(communes: readonly CoverageCommune[], input: OfferInput, reading: Reading): NearestResult {
  const offers = asPacked(input);
  const points = communePoints(communes);
  const n = points.count;
  const distanceKm = new Float64Array(n);
  const offer = new Int32Array(n);
  const byZone = new Uint8Array(n);

  // Zones: the first offer declaring each département, and the first declaring the whole region.
  const zoneOffer = new Map<string, number>();
  let regionOffer = -1;
  if (reading === 'zones') {
    // Packed zones are in offer order.
    for (const [i, zones] of offers.zones) {
      for (const z of zones) {
        if (z === 'region') {
          if (regionOffer < 0) regionOffer = i;
        } else if (!zoneOffer.has(z)) zoneOffer.set(z, i);
      }
    }
    if (zoneOffer.size > 0 || regionOffer >= 0) {
      communes.forEach((c, i) => {
        const d = zoneOffer.get(c.dept) ?? -1;
        const z = d < 0 ? regionOffer : regionOffer < 0 ? d : Math.min(d, regionOffer);
        if (z >= 0) {
          distanceKm[i] = 0;
          offer[i] = z;
          byZone[i] = 1;
        }
      });
    }
  }

  const sites = distinctSites(offers);
  const m = sites.lons.length;
  if (m === 0) {
    for (let i = 0; i < n; i++) {
      if (byZone[i]) continue;
      distanceKm[i] = Infinity;
      offer[i] = -1;
    }
    return { distanceKm, offer, byZone };
  }
  const siteVectors = toUnitVectors(sites.lons, sites.lats);
  // Squared chords and site ids first, written in place in one hot loop; km and offers after.
  if (m <= SLAB_MAX) {
    new SlabIndex(siteVectors).nearestAll(points.vectors, points.order, byZone, distanceKm, offer);
  } else {
    const tree = new SphereIndex(siteVectors);
    const v = points.vectors;
    for (let i = 0; i < n; i++) {
      if (byZone[i]) continue;
      offer[i] = tree.nearest(v[3 * i]!, v[3 * i + 1]!, v[3 * i + 2]!);
      distanceKm[i] = tree.lastChord2;
    }
  }
  const first = sites.firstOffer;
  for (let i = 0; i < n; i++) {
    if (byZone[i]) continue;
    distanceKm[i] = kmOfChord2(distanceKm[i]!);
    offer[i] = first[offer[i]!]!;
  }
  return { distanceKm, offer, byZone };
}
