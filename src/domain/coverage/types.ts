// Types of the coverage analysis. Pure data, shared by the app, the worker, the CLI and the tests.

/**
 * How distance is read:
 * - 'site': distance to the nearest site only (people travel to a site);
 * - 'zones': a commune inside an area a structure declares it serves
 *   (`zone`: département codes or 'region') counts as served by that offer,
 *   at distance 0; elsewhere the distance to the nearest site applies.
 */
export type Reading = 'site' | 'zones';

/** One offer taken into account: a catalogue structure or a hypothetical test site. */
export interface CoverageOffer {
  id: string;
  name: string;
  type: string;
  /** Position of the site, or null when unknown (it can then only serve through its zone). */
  lon: number | null;
  lat: number | null;
  /** INSEE code of the commune of the site, '' when unknown. */
  commune: string;
  /** Département of the offer ('' for a regional one): completeness counts offers per département. */
  departement: string;
  /** Declared service area: département codes, 'region', or empty. */
  zone: readonly string[];
  /** True for a "what-if" site added by the user. */
  hypothetical: boolean;
}

/** A hypothetical site, as kept in the URL (`sim=lon,lat,type;…`). */
export interface SimSite {
  lon: number;
  lat: number;
  type: string;
}

/**
 * Nearest selected offer of every commune, in the order of the communes given.
 * Typed arrays so that a worker can transfer them without copying.
 */
export interface NearestResult {
  /** Great-circle km to the nearest offer; 0 when served by a zone; Infinity when no offer. */
  distanceKm: Float64Array;
  /** Index (in the offers given) of the nearest offer, or -1 when none. */
  offer: Int32Array;
  /** 1 when the commune is served through a declared zone (zones reading only). */
  byZone: Uint8Array;
}

/**
 * What a commune beyond the threshold means: `beyond` is a certain gap; `unknown` when,
 * for a selected type the region expects in every département, the commune's own
 * département has fewer placed open offers of that type than expected — an offer the
 * catalogue misses may be closer.
 */
export type CommuneState = 'covered' | 'beyond' | 'unknown';

/** The minimal commune fields the analysis needs (src/domain/types Commune fits). */
export interface CoverageCommune {
  code: string;
  name: string;
  dept: string;
  epci: string | null;
  population: number;
  lon: number;
  lat: number;
}
