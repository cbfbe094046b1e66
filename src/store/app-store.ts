import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Lang, Structure } from '../domain/types';
import type { StructureFilter } from '../domain/filter';
import type { VisibleParts } from '../domain/embed-params';
import type { RegionData } from '../data/load-region';
import { readTypeList, resolveAlias } from '../domain/offer-types';
import { createEmbedSlice, type EmbedSlice } from './embed-slice';
import { createSearchSlice, type SearchSlice } from './search-slice';
import { createCoverageSlice, type CoverageSlice } from './coverage-slice';
import { createImportSlice, type ImportSlice } from './import-slice';
import { createCorrectionSlice, type CorrectionSlice } from './correction-slice';

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

export type PanelTab = 'list' | 'search' | 'coverage' | 'catalogue' | 'import' | 'review' | 'about';

/** Features embedded hosts can switch off (see src/embed); defined with the embed parameters. */
export type { VisibleParts } from '../domain/embed-params';

/** Core state; each feature adds its own slice (src/store/<feature>-slice.ts) below. */
export interface CoreSlice {
  lang: Lang;
  regionId: string;
  /** The region's territory and configuration; replaced only when the region changes (the map is built from it). */
  data: RegionData | null;
  /** The region's own structures, as loaded. */
  regionCatalogue: Structure[];
  /** The structures in force: the region's own, or a partner's file replacing them (`data=`). */
  catalogue: Structure[];
  loadError: string | null;
  /**
   * Whether the map has drawn the region's first view (outline, départements, structures),
   * or cannot (no WebGL): the commune list and contours are fetched after it, so that they
   * do not compete with the map's own files (src/ui/useRegionData.ts).
   */
  firstViewDrawn: boolean;
  /**
   * Whether the commune contours (for coverage, imports, the print sheet and offline use)
   * should be downloaded now: once the map has drawn the communes from their tiles, or as
   * soon as a panel needs them (src/ui/useRegionData.ts).
   */
  contoursWanted: boolean;
  /**
   * Why the contours could not be downloaded (offline, a server error), else null: only the
   * panels that compute with them say so; the download is tried again once back online.
   */
  contoursError: string | null;
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
  /** A region is loaded: its territory and its catalogue. */
  setData(data: RegionData, structures: Structure[]): void;
  /**
   * More of the same region's territory has arrived (the commune list, then the
   * contours: see src/data/load-region.ts): the catalogue, filters and view stay.
   */
  completeData(data: RegionData): void;
  /** Asks for the commune contours now (see `contoursWanted`). */
  wantContours(): void;
  /** Replace the catalogue in force (a partner's file), or bring back the region's own with null. */
  setCatalogue(structures: Structure[] | null): void;
  setLoadError(message: string): void;
  setFilter(patch: Partial<StructureFilter>): void;
  toggleType(type: string): void;
  select(id: string | null): void;
  setView(view: MapView): void;
  setPanelOpen(open: boolean): void;
  setTab(tab: PanelTab): void;
}

// Features: add `& YourSlice` here and `...createYourSlice(set, get)` in createAppStore.
export type AppState = CoreSlice & CoverageSlice & SearchSlice & ImportSlice & EmbedSlice & CorrectionSlice;

export type AppStore = StoreApi<AppState>;
export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];

/** Any plain state (no actions) can be given initially, e.g. read from the URL. */
export type InitialState = Partial<{ [K in keyof AppState as AppState[K] extends (...args: never[]) => unknown ? never : K]: AppState[K] }>;

/** One store per map instance, so two embedded maps on a page never share state. */
export function createAppStore(initial: InitialState = {}): AppStore {
  return createStore<AppState>()((set, get) => ({
    lang: 'fr',
    regionId: 'occitanie',
    data: null,
    regionCatalogue: [],
    catalogue: [],
    loadError: null,
    firstViewDrawn: false,
    contoursWanted: false,
    contoursError: null,
    filter: { types: null, stages: [], dept: null },
    selectedId: null,
    view: null,
    panelOpen: true,
    tab: 'list',
    parts: { search: true, list: true, legend: true, coverage: true },
    embedded: false,

    setLang: (lang) => set({ lang }),
    setData: (data, structures) => {
      const state = get();
      const catalogue = { regionCatalogue: structures, catalogue: structures };
      // Links are read before the region is known: once it is, old type names and merged
      // ids in them are mapped.
      if (state.data?.config.id === data.config.id) return set({ data, ...catalogue, loadError: null });
      const config = data.config;
      set({
        data,
        ...catalogue,
        loadError: null,
        firstViewDrawn: false,
        contoursWanted: false,
        contoursError: null,
        filter: state.filter.types ? { ...state.filter, types: readTypeList(state.filter.types, config) } : state.filter,
        coverage: state.coverage.types ? { ...state.coverage, types: readTypeList(state.coverage.types, config) } : state.coverage,
        selectedId: resolveAlias(state.selectedId, config),
      });
    },
    completeData: (data) => {
      if (get().data?.config.id === data.config.id) set({ data });
    },
    wantContours: () => {
      if (!get().contoursWanted) set({ contoursWanted: true });
    },
    setCatalogue: (structures) => set({ catalogue: structures ?? get().regionCatalogue }),
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
    // Selecting shows the card: on a phone the bottom sheet opens on it.
    select: (selectedId) => set(selectedId ? { selectedId, tab: 'list', panelOpen: true } : { selectedId }),
    setView: (view) => set({ view }),
    setPanelOpen: (panelOpen) => set({ panelOpen }),
    setTab: (tab) => set({ tab, panelOpen: true }),
    // ...createYourSlice(set, get),
    ...createSearchSlice(set, get),
    ...createEmbedSlice(set, get),
    ...createCoverageSlice(set, get),
    ...createImportSlice(set, get),
    ...createCorrectionSlice(set, get),
    ...(initial as object),
  }));
}
