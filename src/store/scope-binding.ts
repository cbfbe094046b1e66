import { resolveScope, scopeNamesPlace } from '../domain/embed-scope';
import type { AppState, AppStore } from './app-store';

/** Whether the scope names communes (an EPCI, a commune, a place) while the commune list has not arrived yet. */
export function scopePending(state: Pick<AppState, 'scope' | 'data'>): boolean {
  const { scope, data } = state;
  return !!data && !data.communesReady && scopeNamesPlace(scope);
}

/** The scope resolved against the loaded region (null before the data, or the commune list it needs, is there). */
export function resolvedScope(state: Pick<AppState, 'scope' | 'data'>) {
  const { data } = state;
  if (!data || scopePending(state)) return null;
  return resolveScope(state.scope, { communes: data.communes, epci: data.epci, defaultRadiusKm: data.config.defaultThresholdKm });
}

/**
 * Keep `filter.area` in step with the scope and the region's data, so that
 * every consumer of the filter (map, list, search, coverage) honours the
 * partner's territory without knowing about it. Returns the unsubscribe.
 */
export function bindScope(store: AppStore): () => void {
  let scope: AppState['scope'] | null = null;
  // The scope depends on the commune list, not on the contours arriving after it.
  let communes: readonly unknown[] | null = null;
  let area: AppState['filter']['area'] = undefined;
  const apply = (state: AppState) => {
    const list = state.data?.communes ?? null;
    if (state.scope === scope && list === communes && state.filter.area === area) return;
    scope = state.scope;
    communes = list;
    // Until the commune list arrives, the area in force stays (a partner's first view
    // waits for the list: src/ui/useRegionData.ts).
    if (scopePending(state)) return;
    area = resolvedScope(state)?.area ?? null;
    store.setState({ filter: { ...state.filter, area } });
  };
  apply(store.getState());
  return store.subscribe(apply);
}
