import { useEffect, useMemo } from 'react';
import { get as idbGet, set as idbSet } from 'idb-keyval';
import { filterStructures } from '../../domain/filter';
import { useMapController } from '../../map/map-context';
import { IMPORT_CLUSTER_LAYER, IMPORT_HALO_LAYER, IMPORT_SOURCE, importHaloData, importHaloLayers, importSource } from '../../map/layers/import';
import { currentEntries, type ImportEntry, type ImportVersion } from '../../store/import-slice';
import { useApp, useAppStore } from '../../store/react';

interface Stored {
  entries: Record<string, ImportEntry>;
  versions: ImportVersion[];
}

const storageKey = (region: string) => `maillage-imports:${region}`;

/** Whether this browser could store the imports (private windows may refuse IndexedDB). */
export let importStorageWorks = true;

/**
 * Keeps imported data across visits (IndexedDB, this browser only) and draws the imported
 * layers' colours on the map. Always mounted with the app; does nothing when embedded, so a
 * partner page never shows a referent's local imports.
 */
export function ImportSync() {
  const store = useAppStore();
  const controller = useMapController();
  const embedded = useApp((s) => s.embedded);
  const region = useApp((s) => s.data?.config.id ?? null);
  const versions = useApp((s) => s.importVersions);
  const entries = useApp((s) => s.importEntries);
  const hidden = useApp((s) => s.hiddenLayers);
  const filter = useApp((s) => s.filter);
  const loadedFor = useApp((s) => s.importsLoadedFor);

  // Load what this browser kept for the region.
  useEffect(() => {
    if (!region || embedded) return;
    let cancelled = false;
    idbGet<Stored>(storageKey(region))
      .then((stored) => {
        if (!cancelled) store.getState().hydrateImports(region, stored?.entries ?? {}, stored?.versions ?? []);
      })
      .catch(() => {
        importStorageWorks = false;
        if (!cancelled) store.getState().hydrateImports(region, {}, []);
      });
    return () => {
      cancelled = true;
    };
  }, [region, embedded, store]);

  // Save every change once loaded (never overwrite the stored data with the empty initial state).
  useEffect(() => {
    if (!region || embedded || loadedFor !== region) return;
    idbSet(storageKey(region), { entries, versions } satisfies Stored).catch(() => {
      importStorageWorks = false;
    });
  }, [region, embedded, loadedFor, entries, versions]);

  const layers = useMemo(
    () =>
      currentEntries({ importVersions: versions, importEntries: entries })
        .filter((e) => e.kind === 'layer' && !hidden.includes(e.id))
        .map((e) => ({ id: e.id, color: e.color, structures: filterStructures(e.structures, filter) })),
    [versions, entries, hidden, filter],
  );

  useEffect(() => {
    if (!controller || embedded) return;
    const data = importHaloData(layers);
    // Added clustered here the first time; setSourceData then only updates it.
    if (!controller.map.getSource(IMPORT_SOURCE)) controller.map.addSource(IMPORT_SOURCE, importSource(data));
    else controller.setSourceData(IMPORT_SOURCE, data);
    if (!controller.map.getLayer(IMPORT_HALO_LAYER)) controller.setLayers(importHaloLayers());
  }, [controller, embedded, layers]);

  useEffect(
    () => () => {
      controller?.removeLayers([IMPORT_CLUSTER_LAYER, IMPORT_HALO_LAYER]);
    },
    [controller],
  );

  return null;
}
