import type { Structure } from '../domain/types';
import type { AppState, GetState, SetState } from './app-store';

/** One import kept in the browser: a layer of its own, or rows merged into the catalogue. */
export interface ImportEntry {
  id: string;
  kind: 'layer' | 'merge';
  name: string;
  /** Hex colour of the layer's halo on the map (layers only). */
  color: string;
  createdAt: string;
  fileName: string;
  /** Layer: its structures. Merge: the catalogue records added or replaced (by id). */
  structures: Structure[];
  /** Address geocoding scores (Base Adresse Nationale), by structure id. */
  scores?: Record<string, number>;
}

/** A state of the imported data: which entries are in force, in order. Undo and restore move between these. */
export interface ImportVersion {
  n: number;
  at: string;
  label: string;
  entryIds: string[];
}

/** Versions kept; older ones (and entries no version uses) are dropped. */
export const MAX_IMPORT_VERSIONS = 20;

/** Imported lists (see src/ui/import/): entries, their versions, what is shown. Persisted in IndexedDB by ImportSync. */
export interface ImportSlice {
  importEntries: Record<string, ImportEntry>;
  importVersions: ImportVersion[];
  /** Layers switched off on the map and in the list. */
  hiddenLayers: string[];
  /** Département shown in the "à revoir" list ('' = all), in the URL. */
  reviewDept: string;
  /** Region whose stored imports have been read (null before), so nothing is saved before it is loaded. */
  importsLoadedFor: string | null;

  /** Adds an entry as a new version. */
  commitImport(entry: ImportEntry, label: string): void;
  /** Back to the version before the last one. */
  undoImport(): void;
  /** Makes an earlier version current again (as a new version, so it can be undone too). */
  restoreImportVersion(n: number, label: string): void;
  /** A new version without this entry. */
  removeImportEntry(id: string, label: string): void;
  clearImports(): void;
  toggleLayer(id: string): void;
  setReviewDept(dept: string): void;
  hydrateImports(region: string, entries: Record<string, ImportEntry>, versions: ImportVersion[]): void;
}

export const createImportSlice = (set: SetState, get: GetState): ImportSlice => {
  const push = (entryIds: string[], label: string, extra: Record<string, ImportEntry> = {}) => {
    const { importVersions, importEntries } = get();
    const n = (importVersions[importVersions.length - 1]?.n ?? 0) + 1;
    const versions = [...importVersions, { n, at: new Date().toISOString(), label, entryIds }].slice(-MAX_IMPORT_VERSIONS);
    set({ importVersions: versions, importEntries: prune({ ...importEntries, ...extra }, versions) });
  };
  return {
    importEntries: {},
    importVersions: [],
    hiddenLayers: [],
    reviewDept: '',
    importsLoadedFor: null,

    commitImport: (entry, label) => push([...currentEntryIds(get()), entry.id], label, { [entry.id]: entry }),
    undoImport: () => {
      const versions = get().importVersions.slice(0, -1);
      set({ importVersions: versions, importEntries: prune(get().importEntries, versions) });
    },
    restoreImportVersion: (n, label) => {
      const v = get().importVersions.find((x) => x.n === n);
      if (v) push([...v.entryIds], label);
    },
    removeImportEntry: (id, label) => push(currentEntryIds(get()).filter((x) => x !== id), label),
    clearImports: () => set({ importVersions: [], importEntries: {}, hiddenLayers: [] }),
    toggleLayer: (id) => {
      const hidden = get().hiddenLayers;
      set({ hiddenLayers: hidden.includes(id) ? hidden.filter((x) => x !== id) : [...hidden, id] });
    },
    setReviewDept: (reviewDept) => set({ reviewDept }),
    hydrateImports: (region, importEntries, importVersions) => set({ importEntries, importVersions, importsLoadedFor: region }),
  };
};

function prune(entries: Record<string, ImportEntry>, versions: ImportVersion[]): Record<string, ImportEntry> {
  const used = new Set(versions.flatMap((v) => v.entryIds));
  const out: Record<string, ImportEntry> = {};
  for (const [id, e] of Object.entries(entries)) if (used.has(id)) out[id] = e;
  return out;
}

type ImportState = Pick<AppState, 'importEntries' | 'importVersions' | 'hiddenLayers' | 'catalogue'>;

export function currentEntryIds(state: Pick<AppState, 'importVersions'>): string[] {
  return state.importVersions[state.importVersions.length - 1]?.entryIds ?? [];
}

/** Entries in force, in the order they were imported. */
export function currentEntries(state: Pick<AppState, 'importVersions' | 'importEntries'>): ImportEntry[] {
  return currentEntryIds(state)
    .map((id) => state.importEntries[id])
    .filter((e): e is ImportEntry => e !== undefined);
}

// Selectors return the same array while their inputs are the same objects, so components
// re-render only when the data changes (zustand compares with Object.is).
const catalogueMemo = new WeakMap<readonly Structure[], { versions: unknown; entries: unknown; result: Structure[] }>();
const allMemo = new WeakMap<readonly Structure[], { hidden: unknown; versions: unknown; entries: unknown; result: Structure[] }>();

/** The catalogue as the app shows it: the catalogue in force with merged imports applied (by id, in import order). */
export function selectCatalogue(state: ImportState): Structure[] {
  const base = state.catalogue;
  const memo = catalogueMemo.get(base);
  if (memo && memo.versions === state.importVersions && memo.entries === state.importEntries) return memo.result;
  const merges = currentEntries(state).filter((e) => e.kind === 'merge');
  let result = base as Structure[];
  if (merges.length > 0) {
    const byId = new Map(base.map((s) => [s.id, s]));
    for (const e of merges) for (const s of e.structures) byId.set(s.id, s);
    result = [...byId.values()];
  }
  catalogueMemo.set(base, { versions: state.importVersions, entries: state.importEntries, result });
  return result;
}

/** Everything shown on the map and in the list: the catalogue, then each visible imported layer. */
export function selectAllStructures(state: ImportState): Structure[] {
  const catalogue = selectCatalogue(state);
  const memo = allMemo.get(catalogue);
  if (memo && memo.hidden === state.hiddenLayers && memo.versions === state.importVersions && memo.entries === state.importEntries) {
    return memo.result;
  }
  const layers = currentEntries(state).filter((e) => e.kind === 'layer' && !state.hiddenLayers.includes(e.id));
  const result = layers.length === 0 ? catalogue : [...catalogue, ...layers.flatMap((e) => e.structures)];
  allMemo.set(catalogue, { hidden: state.hiddenLayers, versions: state.importVersions, entries: state.importEntries, result });
  return result;
}

/** The imported layer a structure comes from, if any. */
export function layerOfStructure(state: Pick<AppState, 'importVersions' | 'importEntries'>, id: string): ImportEntry | null {
  for (const e of currentEntries(state)) if (e.kind === 'layer' && e.structures.some((s) => s.id === id)) return e;
  return null;
}
