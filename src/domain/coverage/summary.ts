import { BEYOND, communeState, isBeyond, UNKNOWN } from './states';
import type { CoverageCommune, NearestResult } from './types';

export { isBeyond };


export interface CoverageSummary {
  thresholdKm: number;
  communes: number;
  population: number;
  /** Certain gaps: beyond the threshold where the catalogue is complete for the selected types. */
  beyondCommunes: number;
  beyondPopulation: number;
  /** Beyond the threshold in a département where the catalogue misses expected offers: unknown. */
  unknownCommunes: number;
  unknownPopulation: number;
  coveredCommunes: number;
  coveredPopulation: number;
  /** Shares of the region, 0–1 (0 when the region is empty). */
  beyondCommuneShare: number;
  beyondPopulationShare: number;
  unknownPopulationShare: number;
  /** Communes served through a declared zone (zones reading). */
  servedByZone: number;
  /** True when no selected offer reaches any commune: everything is beyond, by construction. */
  noOffer: boolean;
}

/**
 * Communes and inhabitants covered, beyond the threshold (certain gaps) and unknown
 * (beyond, in a département of `incomplete`), and their shares of the region.
 * Example: summarise(communes, nearest, 30, new Set(['11'])).unknownPopulation → 380000
 */
export function summarise(
  communes: readonly CoverageCommune[],
  nearest: NearestResult,
  thresholdKm: number,
  incomplete: ReadonlySet<string> = NO_DEPARTEMENT,
): CoverageSummary {
  let population = 0;
  let beyondCommunes = 0;
  let beyondPopulation = 0;
  let unknownCommunes = 0;
  let unknownPopulation = 0;
  let servedByZone = 0;
  let reached = 0;
  for (let i = 0; i < communes.length; i++) {
    const pop = communes[i]!.population;
    const d = nearest.distanceKm[i]!;
    population += pop;
    if (nearest.byZone[i]) servedByZone++;
    if (nearest.offer[i]! >= 0) reached++;
    const state = communeState(d, thresholdKm, incomplete.has(communes[i]!.dept));
    if (state === UNKNOWN) {
      unknownCommunes++;
      unknownPopulation += pop;
    } else if (state === BEYOND) {
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
    unknownCommunes,
    unknownPopulation,
    coveredCommunes: n - beyondCommunes - unknownCommunes,
    coveredPopulation: population - beyondPopulation - unknownPopulation,
    beyondCommuneShare: n > 0 ? beyondCommunes / n : 0,
    beyondPopulationShare: population > 0 ? beyondPopulation / population : 0,
    unknownPopulationShare: population > 0 ? unknownPopulation / population : 0,
    servedByZone,
    noOffer: reached === 0,
  };
}

const NO_DEPARTEMENT: ReadonlySet<string> = new Set();

/** Indices of the communes beyond the threshold, farthest first (ties by input order). */
export function beyondIndices(nearest: NearestResult, thresholdKm: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < nearest.distanceKm.length; i++) if (isBeyond(nearest.distanceKm[i]!, thresholdKm)) out.push(i);
  return out.sort((a, b) => nearest.distanceKm[b]! - nearest.distanceKm[a]! || a - b);
}
