import type { CoverageCommune, NearestResult } from './types';

/**
 * Whether a commune at this distance lies beyond the threshold. A commune
 * exactly at the threshold is covered; no offer (Infinity) is beyond.
 */
export function isBeyond(distanceKm: number, thresholdKm: number): boolean {
  return !(distanceKm <= thresholdKm);
}

export interface CoverageSummary {
  thresholdKm: number;
  communes: number;
  population: number;
  beyondCommunes: number;
  beyondPopulation: number;
  coveredCommunes: number;
  coveredPopulation: number;
  /** Shares of the region, 0–1 (0 when the region is empty). */
  beyondCommuneShare: number;
  beyondPopulationShare: number;
  /** Communes served through a declared zone (zones reading). */
  servedByZone: number;
  /** True when no selected offer reaches any commune: everything is beyond, by construction. */
  noOffer: boolean;
}

/**
 * Communes and inhabitants beyond the threshold, and their share of the region.
 * Example: summarise(communes, nearest, 30).beyondPopulation → 412000
 */
export function summarise(communes: readonly CoverageCommune[], nearest: NearestResult, thresholdKm: number): CoverageSummary {
  let population = 0;
  let beyondCommunes = 0;
  let beyondPopulation = 0;
  let servedByZone = 0;
  let reached = 0;
  for (let i = 0; i < communes.length; i++) {
    const pop = communes[i]!.population;
    const d = nearest.distanceKm[i]!;
    population += pop;
    if (nearest.byZone[i]) servedByZone++;
    if (nearest.offer[i]! >= 0) reached++;
    if (isBeyond(d, thresholdKm)) {
      beyondCommunes++;
      beyondPopulation += pop;
    }
  }
  const n = communes.length;
  return {
    thresholdKm,
    communes: n,
    population,
    beyondCommunes,
    beyondPopulation,
    coveredCommunes: n - beyondCommunes,
    coveredPopulation: population - beyondPopulation,
    beyondCommuneShare: n > 0 ? beyondCommunes / n : 0,
    beyondPopulationShare: population > 0 ? beyondPopulation / population : 0,
    servedByZone,
    noOffer: reached === 0,
  };
}

/** Indices of the communes beyond the threshold, farthest first (ties by input order). */
export function beyondIndices(nearest: NearestResult, thresholdKm: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < nearest.distanceKm.length; i++) if (isBeyond(nearest.distanceKm[i]!, thresholdKm)) out.push(i);
  return out.sort((a, b) => nearest.distanceKm[b]! - nearest.distanceKm[a]! || a - b);
}
