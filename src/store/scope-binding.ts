import { resolveScope } from '../domain/embed-scope';
import type { AppState, AppStore } from './app-store';

/** The scope resolved against the loaded region (null before the data is there). */
export function resolvedScope(state: Pick<AppState, 'scope' | 'data'>) {
  const { data } = state;
  if (!data) return null;
  return resolveScope(state.scope, { communes: data.communes, epci: data.epci, defaultRadiusKm: data.config.defaultThresholdKm });
}

/**
 * Keep `filter.area` in step with the scope and the region's data, so that
 * every consumer of the filter (map, list, search, coverage) honours the
 * partner's territory without knowing about it. Returns the unsubscribe.
 */
export function bindScope(store: AppStore): () => void {
  let scope: AppState['scope'] | null = null;
  let data: AppState['data'] = null;
  let area: AppState['filter']['area'] = undefined;
  const apply = (state: AppState) => {
    if (state.scope === scope && state.data === data && state.filter.area === area) return;
    scope = state.scope;
    data = state.data;
    area = resolvedScope(state)?.area ?? null;
    store.setState({ filter: { ...state.filter, area } });
  };
  apply(store.getState());
  return store.subscribe(apply);
}
