import type { Reading, SimSite } from '../domain/coverage/types';
import type { GetState, SetState } from './app-store';

/** Threshold bounds of the coverage view, km. */
export const THRESHOLD_MIN_KM = 5;
export const THRESHOLD_MAX_KM = 100;

export type CoverageGroupBy = 'dept' | 'epci';

/** The coverage view's settings: everything here lives in the URL (see coverage-url.ts). */
export interface CoverageSettings {
  /** Distance threshold in km; null means the region's default (config.defaultThresholdKm). */
  thresholdKm: number | null;
  /** Offer types taken into account; null means every type. */
  types: string[] | null;
  /** Stages: an offer counts when it serves one of them; empty means any stage. */
  stages: string[];
  reading: Reading;
  /** Distance classes (choropleth) instead of the plain "beyond" highlight. */
  classes: boolean;
  /** Hypothetical sites. */
  sims: SimSite[];
  /** Table and chart per département or per EPCI. */
  groupBy: CoverageGroupBy;
}

export const DEFAULT_COVERAGE: CoverageSettings = {
  thresholdKm: null,
  types: null,
  stages: [],
  reading: 'site',
  classes: false,
  sims: [],
  groupBy: 'dept',
};

export interface CoverageSlice {
  coverage: CoverageSettings;
  /** Threshold while the slider is being dragged (not in the URL until committed). */
  coverageLiveKm: number | null;
  /** "Ajouter un site test" mode: a map click adds a hypothetical site. */
  coverageAddMode: boolean;
  /** Offer type of the next hypothetical site; null means the first type of the region. */
  coverageSimType: string | null;

  setCoverage(patch: Partial<CoverageSettings>): void;
  /** Follow the slider (live), then commit with null, or commit a value directly. */
  setCoverageLiveKm(km: number | null): void;
  commitCoverageKm(km: number): void;
  toggleCoverageType(type: string, allTypes: readonly string[]): void;
  toggleCoverageStage(stage: string): void;
  addSim(site: SimSite): void;
  removeSim(index: number): void;
  setCoverageAddMode(on: boolean): void;
  setCoverageSimType(type: string): void;
}

const clampKm = (km: number) => Math.min(THRESHOLD_MAX_KM, Math.max(THRESHOLD_MIN_KM, Math.round(km)));

export const createCoverageSlice = (set: SetState, get: GetState): CoverageSlice => ({
  coverage: DEFAULT_COVERAGE,
  coverageLiveKm: null,
  coverageAddMode: false,
  coverageSimType: null,

  setCoverage: (patch) => set({ coverage: { ...get().coverage, ...patch } }),
  setCoverageLiveKm: (km) => set({ coverageLiveKm: km === null ? null : clampKm(km) }),
  commitCoverageKm: (km) => set({ coverage: { ...get().coverage, thresholdKm: clampKm(km) }, coverageLiveKm: null }),
  toggleCoverageType: (type, allTypes) => {
    const { coverage } = get();
    const current = coverage.types ?? [...allTypes];
    const next = current.includes(type) ? current.filter((t) => t !== type) : [...current, type];
    // Back to "all" when every type is on, so the URL stays short.
    const types = allTypes.length > 0 && allTypes.every((t) => next.includes(t)) ? null : allTypes.filter((t) => next.includes(t));
    set({ coverage: { ...coverage, types } });
  },
  toggleCoverageStage: (stage) => {
    const { coverage } = get();
    const stages = coverage.stages.includes(stage) ? coverage.stages.filter((s) => s !== stage) : [...coverage.stages, stage];
    set({ coverage: { ...coverage, stages } });
  },
  addSim: (site) => set({ coverage: { ...get().coverage, sims: [...get().coverage.sims, site] } }),
  removeSim: (index) => set({ coverage: { ...get().coverage, sims: get().coverage.sims.filter((_, i) => i !== index) } }),
  setCoverageAddMode: (coverageAddMode) => set({ coverageAddMode }),
  setCoverageSimType: (coverageSimType) => set({ coverageSimType }),
});
