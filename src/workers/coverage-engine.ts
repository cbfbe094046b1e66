// The coverage computations behind the worker boundary. The same engine runs
// in src/workers/coverage.worker.ts and, as a fallback, on the main thread.
// Offers cross the boundary packed (positions in typed arrays, see
// src/domain/coverage/packed.ts): cloning 150,000 offer objects took longer
// than the computation.
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import {
  gapArea,
  suggestSites,
  type CoverageCommune,
  type GapPrecision,
  type NearestResult,
  type PackedOffers,
  type Reading,
  type Suggestion,
} from '../domain/coverage/index';
import { NearestByKind } from '../domain/coverage/nearest-by-kind';

export interface CoverageDataset {
  communes: CoverageCommune[];
  region: Feature<Geometry>;
  departements: FeatureCollection<Geometry, { code: string }>;
}

export interface NearestRequest {
  offers: PackedOffers;
  reading: Reading;
}

export interface ExtrasRequest extends NearestRequest {
  thresholdKm: number;
  suggestions: number;
  /** Départements where the catalogue is incomplete: suggestions rank on certain gaps only. */
  incomplete?: string[];
}

export interface ExtrasResult {
  gap: Feature | null;
  outline: Feature<MultiLineString> | null;
  gapAreaKm2: number;
  regionAreaKm2: number;
  precision: GapPrecision;
  suggestions: Suggestion[];
  /** Time spent, for the curious (shown nowhere critical). */
  ms: number;
}

export interface CoverageEngine {
  nearest(request: NearestRequest): NearestResult;
  extras(request: ExtrasRequest): ExtrasResult;
}

export function createCoverageEngine(dataset: CoverageDataset): CoverageEngine {
  // One answer kept per type of offer: a type ticked off or on is a merge, not a new search,
  // and extras for a new threshold merge the answers the figures already computed.
  const byKind = new NearestByKind(dataset.communes);
  return {
    // Always a fresh answer: the worker transfers (detaches) its arrays.
    nearest: (request) => byKind.nearest(request.offers, request.reading),
    extras: (request) => {
      const t0 = performance.now();
      const gap = gapArea(dataset.region, request.offers, request.thresholdKm, {
        reading: request.reading,
        departements: dataset.departements,
      });
      const near = byKind.nearest(request.offers, request.reading);
      const suggestions =
        request.suggestions > 0 ? suggestSites(dataset.communes, near, request.thresholdKm, request.suggestions, new Set(request.incomplete ?? [])) : [];
      return { ...gap, suggestions, ms: performance.now() - t0 };
    },
  };
}
