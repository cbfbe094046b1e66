// The coverage computations behind the worker boundary. The same engine runs
// in src/workers/coverage.worker.ts and, as a fallback, on the main thread.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import {
  gapArea,
  nearestOffers,
  suggestSites,
  type CoverageCommune,
  type CoverageOffer,
  type NearestResult,
  type Reading,
  type Suggestion,
} from '../domain/coverage/index';

export interface CoverageDataset {
  communes: CoverageCommune[];
  region: Feature<Geometry>;
  departements: FeatureCollection<Geometry, { code: string }>;
}

export interface NearestRequest {
  offers: CoverageOffer[];
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
  gapAreaKm2: number;
  regionAreaKm2: number;
  suggestions: Suggestion[];
  /** Time spent, for the curious (shown nowhere critical). */
  ms: number;
}

export interface CoverageEngine {
  nearest(request: NearestRequest): NearestResult;
  extras(request: ExtrasRequest): ExtrasResult;
}

export function createCoverageEngine(dataset: CoverageDataset): CoverageEngine {
  // Keep the last nearest answer: extras for a new threshold reuse it.
  let lastKey = '';
  let last: NearestResult | null = null;
  const nearestCached = (request: NearestRequest): NearestResult => {
    const key = `${request.reading}|${request.offers.map((o) => `${o.id}:${o.lon}:${o.lat}:${o.zone.join('+')}`).join(',')}`;
    if (key !== lastKey || !last) {
      last = nearestOffers(dataset.communes, request.offers, request.reading);
      lastKey = key;
    }
    return last;
  };
  return {
    // Always a fresh answer: the worker transfers (detaches) its arrays.
    nearest: (request) => nearestOffers(dataset.communes, request.offers, request.reading),
    extras: (request) => {
      const t0 = performance.now();
      const gap = gapArea(dataset.region, request.offers, request.thresholdKm, {
        reading: request.reading,
        departements: dataset.departements,
      });
      const near = nearestCached(request);
      const suggestions =
        request.suggestions > 0
          ? suggestSites(dataset.communes, near, request.thresholdKm, request.suggestions, new Set(request.incomplete ?? []))
          : [];
      return { ...gap, suggestions, ms: performance.now() - t0 };
    },
  };
}
