// Workers hold a copy of the territory (communes, contours), sent once when they start.
// They are keyed on the territory, not on the catalogue: a partner file, an import or an
// undo replaces the catalogue and keeps the worker; a region change disposes it.
import type { RegionData } from '../data/load-region';
import type { AppStore } from './app-store';

/** A worker client that can be shut down. */
export interface Disposable {
  dispose(): void;
}

interface Slot<C> {
  current: { data: RegionData; client: C } | null;
}

/**
 * Returns a getter of one client per store and territory: the same client while the
 * store's territory (`data`) is the same object; the previous one disposed as soon as
 * the store moves to another region, and a new one created for it on demand.
 * Example: `const coverageClientFor = territoryWorker((data) => createCoverageClient(...))`.
 */
export function territoryWorker<C extends Disposable>(create: (data: RegionData) => C): (store: AppStore, data: RegionData) => C {
  // One slot per store: two maps on a page never share (or dispose) each other's worker.
  const slots = new WeakMap<AppStore, Slot<C>>();
  return (store, data) => {
    let slot = slots.get(store);
    if (!slot) {
      const created: Slot<C> = { current: null };
      slot = created;
      slots.set(store, created);
      store.subscribe((state, previous) => {
        if (state.data === previous.data || !created.current || created.current.data === state.data) return;
        created.current.client.dispose();
        created.current = null;
      });
    }
    if (slot.current?.data === data) return slot.current.client;
    slot.current?.client.dispose();
    const client = create(data);
    slot.current = { data, client };
    return client;
  };
}
