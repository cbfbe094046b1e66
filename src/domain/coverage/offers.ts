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
  const cat = catalogueOffers(structures);
  const out: CoverageOffer[] = [];
  if (selection.stages.length > 0) {
    // Closed rows never count, whatever the map shows.
    const filter = { types: selection.types, stages: selection.stages, dept: null, showClosed: false, verifiedOnly: selection.verifiedOnly };
    structures.forEach((s, i) => {
      if (matchesFilter(s, filter)) out.push(cat.offers[i]!);
    });
    return out;
  }
  // Without a stage, the same rule read from arrays: a type ticked on or off at
  // 150,000 structures spent most of its page time walking the structures.
  const wanted = new Uint8Array(cat.types.length);
  cat.types.forEach((type, k) => (wanted[k] = selection.types === null || selection.types.includes(type) ? 1 : 0));
  const status = selection.verifiedOnly ? VERIFIED : OPEN;
  for (let i = 0; i < cat.offers.length; i++) {
    if ((cat.status[i]! & status) !== 0 && wanted[cat.type[i]!] === 1) out.push(cat.offers[i]!);
  }
  return out;
}

const OPEN = 1;
const VERIFIED = 2;

/** Every structure as an offer, with its type and status as numbers; once per catalogue array. */
interface CatalogueOffers {
  offers: CoverageOffer[];
  types: string[];
  type: Uint16Array;
  /** OPEN for every row not closed, VERIFIED added for verified rows. */
  status: Uint8Array;
}

const catalogues = new WeakMap<readonly Structure[], CatalogueOffers>();

function catalogueOffers(structures: readonly Structure[]): CatalogueOffers {
  let cat = catalogues.get(structures);
  if (cat) return cat;
  const n = structures.length;
  cat = { offers: new Array<CoverageOffer>(n), types: [], type: new Uint16Array(n), status: new Uint8Array(n) };
  const typeCode = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const s = structures[i]!;
    cat.offers[i] = offerOf(s);
    let k = typeCode.get(s.type);
    if (k === undefined) {
      typeCode.set(s.type, (k = cat.types.length));
      cat.types.push(s.type);
    }
    cat.type[i] = k;
    cat.status[i] = s.status === 'closed' ? 0 : s.status === 'verified' ? OPEN | VERIFIED : OPEN;
  }
  catalogues.set(structures, cat);
  return cat;
}

// One offer object per structure while it lives: a catalogue with one more import
// reuses the offers of the structures it shares with the one before.
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
