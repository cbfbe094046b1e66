import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang } from '../domain/types';
import type { StructureFilter } from '../domain/filter';
import type { RegionData } from '../data/load-region';

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

export type PanelTab = 'list' | 'search' | 'coverage' | 'about';

/** Features embedded hosts can switch off (see src/embed). */
export interface VisibleParts {
  search: boolean;
  list: boolean;
  legend: boolean;
  coverage: boolean;
}

export interface AppState {
  lang: Lang;
  regionId: string;
  data: RegionData | null;
  loadError: string | null;
  filter: StructureFilter;
  selectedId: string | null;
  /** Last committed camera position (after a move ends), for the URL. */
  view: MapView | null;
  panelOpen: boolean;
  tab: PanelTab;
  parts: VisibleParts;
  /** Whether the map is embedded (iframe or web component). */
  embedded: boolean;

  setLang(lang: Lang): void;
  setData(data: RegionData): void;
  setLoadError(message: string): void;
  setFilter(patch: Partial<StructureFilter>): void;
  toggleType(type: string): void;
  select(id: string | null): void;
  setView(view: MapView): void;
  setPanelOpen(open: boolean): void;
  setTab(tab: PanelTab): void;
}

export type AppStore = StoreApi<AppState>;

export type InitialState = Partial<
  Pick<AppState, 'lang' | 'regionId' | 'filter' | 'selectedId' | 'view' | 'tab' | 'parts' | 'embedded' | 'panelOpen'>
>;

/** One store per map instance, so two embedded maps on a page never share state. */
export function createAppStore(initial: InitialState = {}): AppStore {
  return createStore<AppState>()((set, get) => ({
    lang: 'fr',
    regionId: 'occitanie',
    data: null,
    loadError: null,
    filter: { types: null, stages: [], dept: null },
    selectedId: null,
    view: null,
    panelOpen: true,
    tab: 'list',
    parts: { search: true, list: true, legend: true, coverage: true },
    embedded: false,
    ...initial,

    setLang: (lang) => set({ lang }),
    setData: (data) => set({ data, loadError: null }),
    setLoadError: (loadError) => set({ loadError }),
    setFilter: (patch) => set({ filter: { ...get().filter, ...patch } }),
    toggleType: (type) => {
      const { filter, data } = get();
      const all = data?.config.offerTypes.map((t) => t.id) ?? [];
      const current = filter.types ?? all;
      const next = current.includes(type) ? current.filter((t) => t !== type) : [...current, type];
      // Back to "all" when every type is on, so the URL stays short.
      const types = all.length > 0 && all.every((t) => next.includes(t)) ? null : next;
      set({ filter: { ...filter, types } });
    },
    select: (selectedId) => set({ selectedId }),
    setView: (view) => set({ view }),
    setPanelOpen: (panelOpen) => set({ panelOpen }),
    setTab: (tab) => set({ tab, panelOpen: true }),
  }));
}
