import { matchesFilter } from '../filter';
import type { Structure } from '../types';
import type { CoverageOffer, SimSite } from './types';

export interface OfferSelection {
  /** Offer types taken into account; null means every type. */
  types: readonly string[] | null;
  /** Stages: an offer counts when it serves at least one of them; empty means any stage. */
  stages: readonly string[];
  /** Only rows marked verified: the floor a referent can defend. */
  verifiedOnly?: boolean;
}

/**
 * The catalogue structures taken into account, as coverage offers, in catalogue order.
 * Example: selectOffers(structures, { types: ['incubateur'], stages: [] }).
 */
export function selectOffers(structures: readonly Structure[], selection: OfferSelection): CoverageOffer[] {
  // Closed rows never count, whatever the map shows.
  const filter = { types: selection.types, stages: selection.stages, dept: null, showClosed: false, verifiedOnly: selection.verifiedOnly };
  const out: CoverageOffer[] = [];
  for (const s of structures) if (matchesFilter(s, filter)) out.push(offerOf(s));
  return out;
}

// One offer object per structure while it lives: a type ticked on or off at 150,000
// structures spent most of its page time building them again.
const offers = new WeakMap<Structure, CoverageOffer>();

function offerOf(s: Structure): CoverageOffer {
  let o = offers.get(s);
  if (!o) {
    o = { id: s.id, name: s.name, type: s.type, lon: s.lon, lat: s.lat, commune: s.commune, departement: s.departement, zone: s.zone, hypothetical: false };
    offers.set(s, o);
  }
  return o;
}

/**
 * A hypothetical site as an offer. It declares no zone: people come to it.
 * `commune` is the INSEE code of the commune it falls in, when known, and `departement` its département.
 */
export function simOffer(site: SimSite, index: number, commune = '', departement = ''): CoverageOffer {
  return {
    id: `sim-${index + 1}`,
    name: `Site test ${index + 1}`,
    type: site.type,
    lon: site.lon,
    lat: site.lat,
    commune,
    departement,
    zone: [],
    hypothetical: true,
  };
}

/** Offers that have a position (the only ones the 'site' reading can use). */
export function locatedOffers(offers: readonly CoverageOffer[]): number {
  return offers.reduce((n, o) => n + (o.lon !== null && o.lat !== null ? 1 : 0), 0);
}
