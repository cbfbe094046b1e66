import { kmOfChord2, SphereIndex, toUnitVectors } from './sphere-index';
import type { CoverageCommune, CoverageOffer, NearestResult, Reading } from './types';

/** Commune points prepared once per commune list (unit vectors for the distance search). */
export interface CommunePoints {
  count: number;
  lons: Float64Array;
  lats: Float64Array;
  vectors: Float64Array;
  population: Float64Array;
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
    points = { count: n, lons, lats, vectors: toUnitVectors(lons, lats), population };
    prepared.set(communes, points);
  }
  return points;
}

/**
 * Distinct site positions of the located offers: several structures often
 * share one point (the representative point of their commune). Each site
 * keeps the first offer at that point, in the order given.
 */
export interface Sites {
  lons: number[];
  lats: number[];
  firstOffer: number[];
}

export function distinctSites(offers: readonly CoverageOffer[]): Sites {
  const byKey = new Map<string, number>();
  const sites: Sites = { lons: [], lats: [], firstOffer: [] };
  offers.forEach((o, i) => {
    if (o.lon === null || o.lat === null || !Number.isFinite(o.lon) || !Number.isFinite(o.lat)) return;
    const key = `${o.lon},${o.lat}`;
    if (byKey.has(key)) return;
    byKey.set(key, sites.lons.length);
    sites.lons.push(o.lon);
    sites.lats.push(o.lat);
    sites.firstOffer.push(i);
  });
  return sites;
}

/** Below this many sites a straight scan of unit vectors beats walking a tree. */
const LINEAR_SCAN_MAX = 48;

/**
 * For every commune, the distance from its representative point to the
 * nearest offer, great-circle km. In the 'zones' reading a commune inside a
 * declared zone (its département, or 'region') is served at distance 0.
 * Ties go to the offer listed first. Example:
 * nearestOffers(communes, offers, 'site').distanceKm[0] → 12.3
 */
export function nearestOffers(communes: readonly CoverageCommune[], offers: readonly CoverageOffer[], reading: Reading): NearestResult {
  const points = communePoints(communes);
  const n = points.count;
  const distanceKm = new Float64Array(n).fill(Infinity);
  const offer = new Int32Array(n).fill(-1);
  const byZone = new Uint8Array(n);

  // Zones: the first offer declaring each département, and the first declaring the whole region.
  const zoneOffer = new Map<string, number>();
  let regionOffer = -1;
  if (reading === 'zones') {
    offers.forEach((o, i) => {
      for (const z of o.zone) {
        if (z === 'region') {
          if (regionOffer < 0) regionOffer = i;
        } else if (!zoneOffer.has(z)) zoneOffer.set(z, i);
      }
    });
  }

  const sites = distinctSites(offers);
  const m = sites.lons.length;
  const siteVectors = toUnitVectors(sites.lons, sites.lats);
  const index = m > LINEAR_SCAN_MAX ? new SphereIndex(siteVectors) : null;
  const v = points.vectors;

  for (let i = 0; i < n; i++) {
    if (reading === 'zones') {
      const d = zoneOffer.get(communes[i]!.dept) ?? -1;
      const z = d < 0 ? regionOffer : regionOffer < 0 ? d : Math.min(d, regionOffer);
      if (z >= 0) {
        distanceKm[i] = 0;
        offer[i] = z;
        byZone[i] = 1;
        continue;
      }
    }
    if (m === 0) continue;
    const x = v[3 * i]!;
    const y = v[3 * i + 1]!;
    const zc = v[3 * i + 2]!;
    let best = -1;
    let bestD2 = Infinity;
    if (index) {
      best = index.nearest(x, y, zc);
      bestD2 = index.lastChord2;
    } else {
      for (let j = 0; j < m; j++) {
        const dx = siteVectors[3 * j]! - x;
        const dy = siteVectors[3 * j + 1]! - y;
        const dz = siteVectors[3 * j + 2]! - zc;
        const d2 = dx * dx + dy * dy + dz * dz;
        if (d2 < bestD2) {
          bestD2 = d2;
          best = j;
        }
      }
    }
    distanceKm[i] = kmOfChord2(bestD2);
    offer[i] = sites.firstOffer[best]!;
  }
  return { distanceKm, offer, byZone };
}
