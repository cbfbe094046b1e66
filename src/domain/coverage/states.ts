// Three states of a commune: covered, a certain gap (beyond), or unknown because the
// catalogue is known to miss offers in its département.
import type { CatalogueExpectation } from '../catalogue/expectations';
import { offerTallies } from './tallies';
import type { CommuneState, CoverageOffer, NearestResult } from './types';

/**
 * Whether a commune at this distance lies beyond the threshold. A commune
 * exactly at the threshold is covered; no offer (Infinity) is beyond.
 */
export function isBeyond(distanceKm: number, thresholdKm: number): boolean {
  return !(distanceKm <= thresholdKm);
}

/** Codes of the states in a Uint8Array, in this order. */
export const STATE_CODES: readonly CommuneState[] = ['covered', 'beyond', 'unknown'];
export const COVERED = 0;
export const BEYOND = 1;
export const UNKNOWN = 2;

/**
 * Départements where, for a selected type the region expects in every département,
 * the offers taken into account hold fewer placed offers of that type than expected.
 * `offers` are the offers of the analysis (already filtered: open, selected types,
 * verified only when asked, with the test sites), so a test site does complete its
 * département.
 *
 * @example incompleteDepartements(offers, config.expectations, ['maison_region'], config.departements) // Set {'09', '11', '32', '48'}
 */
export function incompleteDepartements(
  offers: readonly CoverageOffer[],
  expectations: readonly CatalogueExpectation[] | undefined,
  selectedTypes: readonly string[] | null,
  departements: readonly string[],
): Set<string> {
  const placed = offerTallies(offers).placedByType;
  const out = new Set<string>();
  for (const e of expectations ?? []) {
    const need = e.perDepartement ?? 0;
    if (need <= 0 || (selectedTypes !== null && !selectedTypes.includes(e.type))) continue;
    const byDept = placed.get(e.type);
    for (const d of departements) if ((byDept?.get(d) ?? 0) < need) out.add(d);
  }
  return out;
}

/** The state of one commune from its distance, the threshold, and whether its département is incomplete. */
export function communeState(distanceKm: number, thresholdKm: number, deptIncomplete: boolean): number {
  if (!isBeyond(distanceKm, thresholdKm)) return COVERED;
  return deptIncomplete ? UNKNOWN : BEYOND;
}

/** The state of every commune, in input order (COVERED, BEYOND, UNKNOWN). */
export function communeStates(
  communes: readonly { dept: string }[],
  nearest: NearestResult,
  thresholdKm: number,
  incomplete: ReadonlySet<string>,
): Uint8Array {
  const out = new Uint8Array(communes.length);
  for (let i = 0; i < communes.length; i++) {
    out[i] = communeState(nearest.distanceKm[i]!, thresholdKm, incomplete.has(communes[i]!.dept));
  }
  return out;
}
