// Shared domain types. Pure data: no DOM, no React, no MapLibre.
import type { CatalogueExpectation } from './catalogue/expectations';
import type { TilePyramid } from './tiles';

export type Lang = 'fr' | 'en';
export type Localized = Record<Lang, string>;

/** A point as [longitude, latitude] in WGS84 degrees. */
export type LonLat = [number, number];

export type SymbolShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'hexagon' | 'cross' | 'pentagon';

export interface OfferTypeConfig {
  id: string;
  label: Localized;
  /** Hex colour, chosen from a colour-blind-safe palette. */
  color: string;
  /** Shape drawn on the map so that colour is never the only cue. */
  symbol: SymbolShape;
}

export interface StageConfig {
  id: string;
  label: Localized;
}

export interface Attribution {
  text: string;
  url?: string;
}

export interface RegionConfig {
  id: string;
  name: Localized;
  /** INSEE region code, e.g. "76" for Occitanie. */
  regionCode: string;
  /** Codes of the region's départements. */
  departements: string[];
  /** Sub-folder of the territory source holding this region's contours. */
  territoryDir: string;
  /** Initial view: [[west, south], [east, north]]. */
  bounds: [LonLat, LonLat];
  defaultThresholdKm: number;
  offerTypes: OfferTypeConfig[];
  stages: StageConfig[];
  /** Path of the structures catalogue relative to the repo root, or null when the region has none yet. */
  structures: string | null;
  attributions: Attribution[];
  /**
   * Types split off an older type: a link written before the split that names the old type
   * (`types=reseau`) still means the new ones too (`{ "reseau": ["dla"] }`).
   */
  legacyTypes?: Record<string, string[]>;
  /** The presence the region is known to have, per offer type, with its sources (catalogue/expectations.ts). */
  expectations?: CatalogueExpectation[];
  /** Where referents send corrections; a `mailto:` link is offered only when set. */
  contact?: { email: string };
  /** Ids dropped from the catalogue (merged rows): links naming `from` open `to`. */
  aliases?: IdAlias[];
  /**
   * Origins ("https://www.partner.fr") whose structures file (`data=`) the full app may show
   * instead of the catalogue; default none. Embeds show any partner file (src/domain/partner-origin.ts).
   */
  partnerOrigins?: string[];
}

export interface IdAlias {
  from: string;
  to: string;
  reason: string;
  date: string;
}

/** One current commune, as written to public/data/<region>/communes.json. */
export interface Commune {
  /** INSEE code, always a 5-character string ("09122", never 9122). */
  code: string;
  name: string;
  dept: string;
  population: number;
  postcodes: string[];
  /** Names of former communes merged into this one, when the search needs them ("Saint-Blancard" for Cap d'Astarac). */
  former?: string[];
  /** La Poste forms the name alone would not find ("FLEURY D AUDE" for Fleury). */
  laPoste?: string[];
  /** SIREN code of the EPCI (intercommunalité), when the commune belongs to one. */
  epci: string | null;
  /** Representative point, inside the commune's polygon. */
  lon: number;
  lat: number;
}

export interface EpciInfo {
  code: string;
  name: string;
}

export type Precision = 'address' | 'commune' | 'none';
/**
 * Lifecycle of a catalogue row: `verified` (a recent primary source states it), `to_check`, or
 * `closed` (no longer operates, or a historical trace): a closed row never counts as an offer.
 */
export type Status = 'verified' | 'to_check' | 'closed';

/** A support structure (one site) of the catalogue. */
export interface Structure {
  id: string;
  name: string;
  type: string;
  stages: string[];
  address: string;
  postcode: string;
  /** INSEE code of the commune, or '' when unknown. */
  commune: string;
  /**
   * Département the structure belongs to: the commune's when placed, else the one the
   * catalogue names (a departmental offer placed at no commune); '' for a regional offer.
   */
  departement: string;
  /** Position, or null when the commune is unknown ("sans localisation"). */
  lon: number | null;
  lat: number | null;
  precision: Precision;
  website: string;
  email: string;
  phone: string;
  /** Opening hours as a source gives them, free text. */
  hours: string;
  description: string;
  /** Public URLs stating the facts, separated by " | ". */
  source: string;
  /** Short verbatim quotes from the sources, separated by " | ". */
  quote: string;
  /** Date of the newest source (YYYY, YYYY-MM or YYYY-MM-DD), '' when the sources are undated. */
  sourceDate: string;
  /** ISO date (YYYY-MM-DD) of the last check of this row against its sources. */
  updated: string;
  status: Status;
  /** Declared service area: département codes, 'region', or empty (people come to the site). */
  zone: string[];
}

/** A problem found in input data; never thrown, always returned with where it was found. */
export interface Issue {
  /** 1-based line number in the source file (header is line 1), when known. */
  line?: number;
  field?: string;
  severity: 'error' | 'warning';
  /** English text (what the command-line build prints). */
  message: string;
  /** Message code, so the interface can show the text in its language (catalogue/messages.ts, import/issues.ts). */
  code?: string;
  /** Values the coded message is built from. */
  params?: Record<string, string | number>;
}

export interface Manifest {
  region: string;
  generatedAt: string;
  counts: Record<string, number>;
  sources: Attribution[];
  inputHashes: Record<string, string>;
  sizes: Record<string, { bytes: number; gzip: number }>;
  /**
   * The commune tiles under tiles/<version>/: their zooms and bounds (src/domain/tiles.ts),
   * the version (a hash of their content, which names their folder), how many, their size.
   */
  communeTiles: TilePyramid & { version: string; tiles: number; bytes: number; gzip: number };
  notes: string[];
}
