import type { Origin } from '../domain/search/origin';
import type { GetState, SetState } from './app-store';

export type NearView = 'list' | 'parcours';

/** "Near me": where the search starts from and how the answer is shown (both in the URL, see search-url.ts). */
export interface SearchSlice {
  origin: Origin | null;
  nearView: NearView;
  /**
   * Whether typed text is also sent to the national address service. Off by
   * default (no third-party request); deliberately not in the URL, so a shared
   * link never switches it on for someone else.
   */
  addressSearch: boolean;

  /** Start from this origin and show the nearby results. */
  setOrigin(origin: Origin | null): void;
  setNearView(view: NearView): void;
  setAddressSearch(on: boolean): void;
}

export const createSearchSlice = (set: SetState, _get: GetState): SearchSlice => ({
  origin: null,
  nearView: 'list',
  addressSearch: false,
  setOrigin: (origin) => set(origin ? { origin, tab: 'search', panelOpen: true, selectedId: null } : { origin: null }),
  setNearView: (nearView) => set({ nearView }),
  setAddressSearch: (addressSearch) => set({ addressSearch }),
});
