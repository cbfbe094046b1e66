// The page's side of the coverage worker: one async API, a Web Worker when
// the browser can start one, the same engine on the main thread otherwise
// (or when the worker fails), and "latest only" scheduling for the UI.
import * as Comlink from 'comlink';
import { packOffers } from '../domain/coverage/packed';
import type { CoverageOffer, NearestResult } from '../domain/coverage/types';
import { createCoverageEngine, type CoverageDataset, type ExtrasRequest, type ExtrasResult, type NearestRequest } from './coverage-engine';
import type { CoverageWorkerApi } from './coverage.worker';

/** Requests as the page makes them: offers as objects, packed here for the engine. */
export type ClientNearestRequest = Omit<NearestRequest, 'offers'> & { offers: readonly CoverageOffer[] };
export type ClientExtrasRequest = Omit<ExtrasRequest, 'offers'> & { offers: readonly CoverageOffer[] };

// Offers lists made by selectOffers or concatOffers keep their pack (domain/coverage/packed.ts):
// the nearest request and the gap area's, 180 ms later, share it. The engine on the main
// thread reads it as is; the worker gets a transferred copy (forWorker).
const packed = <R extends { offers: readonly CoverageOffer[] }>(request: R) => ({ ...request, offers: packOffers(request.offers) });

/**
 * The request for the worker, its pack's arrays copied and transferred: the page keeps its
 * pack for the next request, and copying 2.7 MB of arrays then moving them cost less than
 * their structured clone (10–47 ms of the page's thread at 150,000 offers).
 */
function forWorker<R extends { offers: readonly CoverageOffer[] }>(request: R) {
  const p = packOffers(request.offers);
  const offers = { ...p, lons: p.lons.slice(), lats: p.lats.slice(), kindOf: p.kindOf.slice() };
  return Comlink.transfer({ ...request, offers }, [offers.lons.buffer, offers.lats.buffer, offers.kindOf.buffer]);
}

export interface CoverageClient {
  nearest(request: ClientNearestRequest): Promise<NearestResult>;
  extras(request: ClientExtrasRequest): Promise<ExtrasResult>;
  /** Where the work runs, for the page and the tests. */
  readonly mode: 'worker' | 'main';
  dispose(): void;
}

function mainThreadClient(dataset: CoverageDataset): CoverageClient {
  const engine = createCoverageEngine(dataset);
  return {
    mode: 'main',
    nearest: async (request) => engine.nearest(packed(request)),
    extras: async (request) => engine.extras(packed(request)),
    dispose: () => {},
  };
}

export function createCoverageClient(dataset: CoverageDataset): CoverageClient {
  let worker: Worker;
  try {
    if (typeof Worker === 'undefined') throw new Error('no Worker');
    worker = new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module', name: 'coverage' });
  } catch {
    return mainThreadClient(dataset);
  }
  const remote = Comlink.wrap<CoverageWorkerApi>(worker);
  let fallback: CoverageClient | null = null;
  // If the worker cannot load or dies, every call (pending or later) runs on the main thread.
  let onBroken: () => void = () => {};
  const broken = new Promise<void>((resolve) => (onBroken = resolve));
  worker.addEventListener('error', (event) => {
    console.warn('coverage worker failed, computing on the main thread', event.message);
    fallback ??= mainThreadClient(dataset);
    onBroken();
  });
  const ready = remote.init(dataset);
  const call = async <T>(viaWorker: () => Promise<T>, viaMain: (c: CoverageClient) => Promise<T>): Promise<T> => {
    if (fallback) return viaMain(fallback);
    const result = await Promise.race([ready.then(viaWorker).then((value) => ({ value })), broken.then(() => null)]).catch((error: unknown) => {
      console.warn('coverage worker call failed, computing on the main thread', error);
      fallback ??= mainThreadClient(dataset);
      return null;
    });
    return result ? result.value : viaMain(fallback ?? (fallback = mainThreadClient(dataset)));
  };
  return {
    get mode() {
      return fallback ? 'main' : 'worker';
    },
    nearest: (request) =>
      call(
        () => remote.nearest(forWorker(request)),
        (c) => c.nearest(request),
      ),
    extras: (request) =>
      call(
        () => remote.extras(forWorker(request)),
        (c) => c.extras(request),
      ),
    dispose: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/**
 * Run an async job so that only the latest request's answer is delivered:
 * while one runs, newer requests replace each other and only the last one is
 * run next; answers of superseded requests are dropped. Dragging a slider
 * thus never queues up stale work.
 */
export class LatestOnly<A, R> {
  private running = false;
  private pending: { args: A } | null = null;
  private latest = 0;
  private disposed = false;

  constructor(
    private readonly job: (args: A) => Promise<R>,
    private readonly deliver: (result: R, args: A) => void,
    private readonly fail: (error: unknown) => void = (e) => console.error(e),
  ) {}

  request(args: A): void {
    this.latest++;
    if (this.running) {
      this.pending = { args };
      return;
    }
    void this.run(args, this.latest);
  }

  dispose(): void {
    this.disposed = true;
    this.pending = null;
  }

  private async run(args: A, ticket: number): Promise<void> {
    this.running = true;
    try {
      const result = await this.job(args);
      if (!this.disposed && ticket === this.latest) this.deliver(result, args);
    } catch (error) {
      if (!this.disposed && ticket === this.latest) this.fail(error);
    } finally {
      this.running = false;
      const next = this.pending;
      this.pending = null;
      if (next && !this.disposed) void this.run(next.args, this.latest);
    }
  }
}
