import type { Structure } from '../domain/types';
import type { AppState, GetState, SetState } from './app-store';
import { applyImportOp, applyImportOps, versionKey, type ImportHistory, type ImportOp } from './import-history';

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
  /** Unique across tabs (the operation that made it carries it); absent in versions stored before. */
  id?: string;
  at: string;
  label: string;
  entryIds: string[];
}

export { MAX_IMPORT_VERSIONS } from './import-history';

/** Whether the imports of this page are kept in the browser (see src/ui/import/ImportSync.tsx). */
export type ImportSaveState =
  | { status: 'idle' | 'saving' | 'saved' }
  /** `reason`: 'quota' (storage full) or 'unavailable' (private window, storage refused or broken). */
  | { status: 'failed'; reason: 'quota' | 'unavailable'; detail: string };

/** Imported lists (see src/ui/import/): entries, their versions, what is shown. Persisted in IndexedDB by ImportSync. */
export interface ImportSlice {
  importEntries: Record<string, ImportEntry>;
  importVersions: ImportVersion[];
  /** Changes made in this page and not yet written to the browser's storage (all of them after a failed write). */
  importPending: ImportOp[];
  importSave: ImportSaveState;
  /** When another tab last changed the imports (ISO date), so the page can say so; null if never. */
  importExternalChange: string | null;
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
  /**
   * What the browser holds for the region (read at start, or after another tab wrote),
   * with this page's unsaved changes applied on top. `external`: another tab made the change.
   */
  hydrateImports(region: string, stored: ImportHistory, options?: { external?: boolean }): void;
  /** `count` pending operations were written; `stored` is what the browser now holds. */
  importsSaved(count: number, stored: ImportHistory): void;
  setImportSave(state: ImportSaveState): void;
}

/**
 * A new id for an import entry or version: its creation time (base 36) comes first, so that
 * the storage can tell an import being written from an interrupted write's leftovers.
 *
 * @example newId('imp') // 'imp-mipx3k2a-1xk9z'
 */
export const newId = (prefix: string, now = Date.now()) => `${prefix}-${now.toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;

/** When an id made by `newId` was made (ms since the epoch), or null for another id. */
export function idTime(id: string): number | null {
  const time = /^[a-z]+-([0-9a-z]+)-[0-9a-z]+$/.exec(id)?.[1];
  return time === undefined ? null : parseInt(time, 36);
}

export const createImportSlice = (set: SetState, get: GetState): ImportSlice => {
  const apply = (op: ImportOp) => {
    const { importEntries, importVersions, importPending } = get();
    const next = applyImportOp({ entries: importEntries, versions: importVersions }, op);
    set({ importEntries: next.entries, importVersions: next.versions, importPending: [...importPending, op] });
  };
  const now = () => new Date().toISOString();
  return {
    importEntries: {},
    importVersions: [],
    importPending: [],
    importSave: { status: 'idle' },
    importExternalChange: null,
    hiddenLayers: [],
    reviewDept: '',
    importsLoadedFor: null,

    commitImport: (entry, label) => apply({ kind: 'commit', entry, label, at: now(), version: newId('v') }),
    undoImport: () => {
      const last = get().importVersions[get().importVersions.length - 1];
      if (last) apply({ kind: 'undo', version: versionKey(last) });
    },
    restoreImportVersion: (n, label) => {
      const v = get().importVersions.find((x) => x.n === n);
      if (v) apply({ kind: 'restore', from: versionKey(v), label, at: now(), version: newId('v') });
    },
    removeImportEntry: (id, label) => apply({ kind: 'remove', id, label, at: now(), version: newId('v') }),
    clearImports: () => {
      apply({ kind: 'clear' });
      set({ hiddenLayers: [] });
    },
    toggleLayer: (id) => {
      const hidden = get().hiddenLayers;
      set({ hiddenLayers: hidden.includes(id) ? hidden.filter((x) => x !== id) : [...hidden, id] });
    },
    setReviewDept: (reviewDept) => set({ reviewDept }),
    hydrateImports: (region, stored, options = {}) => {
      const next = kept(get(), applyImportOps(stored, get().importPending));
      set({
        importEntries: next.entries,
        importVersions: next.versions,
        importsLoadedFor: region,
        ...(options.external ? { importExternalChange: now() } : {}),
      });
    },
    importsSaved: (count, stored) => {
      const importPending = get().importPending.slice(count);
      const next = kept(get(), applyImportOps(stored, importPending));
      set({ importPending, importEntries: next.entries, importVersions: next.versions, importSave: { status: 'saved' } });
    },
    setImportSave: (importSave) => set({ importSave }),
  };
};

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

/**
 * `next`, or the page's own history when `next` says the same (read back from storage,
 * it is made of new objects): the catalogue, the map's 150,000 points and the list are
 * derived again only when the imports did change.
 */
function kept(state: ImportState, next: ImportHistory): ImportHistory {
  const current: ImportHistory = { entries: state.importEntries, versions: state.importVersions };
  const sameVersion = (a: ImportVersion, b: ImportVersion) =>
    a.n === b.n &&
    a.id === b.id &&
    a.at === b.at &&
    a.label === b.label &&
    a.entryIds.length === b.entryIds.length &&
    a.entryIds.every((id, i) => id === b.entryIds[i]);
  const ids = Object.keys(next.entries);
  const same =
    next.versions.length === current.versions.length &&
    next.versions.every((v, i) => sameVersion(v, current.versions[i]!)) &&
    ids.length === Object.keys(current.entries).length &&
    ids.every((id) => next.entries[id] === current.entries[id]);
  return same ? current : next;
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

const haloMemo = new WeakMap<object, { hidden: unknown; versions: unknown; result: ReadonlyMap<Structure, string> }>();
const NO_LAYER_COLOURS: ReadonlyMap<Structure, string> = new Map();

/**
 * The colour of its layer for each structure of a visible imported layer (the map draws it as
 * a halo). With none, always the same empty map, as `selectAllStructures` gives the catalogue
 * itself: the import history read back from storage (even empty) must not look like a change.
 */
export function selectLayerColours(state: ImportState): ReadonlyMap<Structure, string> {
  const memo = haloMemo.get(state.importEntries);
  if (memo && memo.hidden === state.hiddenLayers && memo.versions === state.importVersions) return memo.result;
  const colours = new Map<Structure, string>();
  for (const e of currentEntries(state)) {
    if (e.kind !== 'layer' || state.hiddenLayers.includes(e.id)) continue;
    for (const s of e.structures) colours.set(s, e.color);
  }
  const result = colours.size === 0 ? NO_LAYER_COLOURS : colours;
  haloMemo.set(state.importEntries, { hidden: state.hiddenLayers, versions: state.importVersions, result });
  return result;
}

/** The imported layer a structure comes from, if any. */
export function layerOfStructure(state: Pick<AppState, 'importVersions' | 'importEntries'>, id: string): ImportEntry | null {
  for (const e of currentEntries(state)) if (e.kind === 'layer' && e.structures.some((s) => s.id === id)) return e;
  return null;
}
