import { matchesFilter } from '../filter';
import type { Structure } from '../types';
import { offerColumns, rememberSegments, type OfferColumns } from './columns';
import { offerTallies } from './tallies';
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
 * The list is not to be changed: its pack and tallies are kept with it (columns.ts).
 * Example: selectOffers(structures, { types: ['incubateur'], stages: [] }).
 */
export function selectOffers(structures: readonly Structure[], selection: OfferSelection): CoverageOffer[] {
  const cat = catalogueOffers(structures);
  // Closed rows never count, whatever the map shows.
  const filter = { types: selection.types, stages: selection.stages, dept: null, showClosed: false, verifiedOnly: selection.verifiedOnly };
  const out: CoverageOffer[] = [];
  const picked = new Int32Array(structures.length);
  if (selection.stages.length > 0) {
    structures.forEach((s, i) => {
      if (matchesFilter(s, filter)) picked[out.push(cat.offers[i]!) - 1] = i;
    });
  } else {
    // Without a stage, whether a structure counts depends on its type and status alone: the
    // filter is asked once per pair, and the answers read from arrays (a type ticked on or off
    // at 150,000 structures spent most of its page time walking the structures).
    const counts = Uint8Array.from(cat.sample, (s) => (matchesFilter(s, filter) ? 1 : 0));
    for (let i = 0; i < cat.offers.length; i++) if (counts[cat.kind[i]!] === 1) picked[out.push(cat.offers[i]!) - 1] = i;
  }
  rememberSegments(out, [{ columns: cat.columns, picked: picked.slice(0, out.length) }]);
  return out;
}

/** Every structure as an offer, its columns, and its pair of type and status as a number; once per catalogue array. */
interface CatalogueOffers {
  offers: CoverageOffer[];
  columns: OfferColumns;
  /** Index of each structure's (type, status) pair in `sample`. */
  kind: Uint16Array;
  /** The first structure of each pair. */
  sample: Structure[];
}

const catalogues = new WeakMap<readonly Structure[], CatalogueOffers>();

function catalogueOffers(structures: readonly Structure[]): CatalogueOffers {
  let cat = catalogues.get(structures);
  if (cat) return cat;
  const n = structures.length;
  const offers = structures.map(offerOf);
  const kind = new Uint16Array(n);
  const sample: Structure[] = [];
  const kindOf = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const s = structures[i]!;
    const key = `${s.type}\u0000${s.status}`;
    let k = kindOf.get(key);
    if (k === undefined) kindOf.set(key, (k = sample.push(s) - 1));
    kind[i] = k;
  }
  cat = { offers, columns: offerColumns(offers), kind, sample };
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
  return offerTallies(offers).located;
}
