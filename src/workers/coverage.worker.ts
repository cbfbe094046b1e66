// Web Worker: the coverage engine behind comlink, so that the page never
// freezes while circles are merged or suggestions searched.
import * as Comlink from 'comlink';
import { createCoverageEngine, type CoverageDataset, type CoverageEngine, type ExtrasRequest, type NearestRequest } from './coverage-engine';

let engine: CoverageEngine | null = null;

const api = {
  init(dataset: CoverageDataset): void {
    engine = createCoverageEngine(dataset);
  },
  nearest(request: NearestRequest) {
    if (!engine) throw new Error('coverage worker: init() first');
    const r = engine.nearest(request);
    // Typed arrays move to the page without a copy.
    return Comlink.transfer(r, [r.distanceKm.buffer, r.offer.buffer, r.byZone.buffer]);
  },
  extras(request: ExtrasRequest) {
    if (!engine) throw new Error('coverage worker: init() first');
    return engine.extras(request);
  },
};

export type CoverageWorkerApi = typeof api;
Comlink.expose(api);
