import { useEffect } from 'react';
import { delMany, get, keys, set, update } from 'idb-keyval';
import { EMPTY_HISTORY } from '../../store/import-history';
import { dropOrphanParts, readImportHistory, writeImportOps, type KeyValueStore } from '../../store/import-storage';
import type { ImportSaveState } from '../../store/import-slice';
import type { AppStore } from '../../store/app-store';
import { useApp, useAppStore } from '../../store/react';

/** This browser's IndexedDB, through idb-keyval's default store. */
const browserStore: KeyValueStore = { get, set, update, delMany, keys };
const CHANNEL = 'maillage-imports';
/** localStorage key bumped after each write, for browsers without BroadcastChannel (the `storage` event). */
const pingKey = (region: string) => `maillage-imports-changed:${region}`;

/** Why a write failed, in the terms the page uses. */
export function saveFailure(error: unknown): ImportSaveState {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? error.name : '';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { status: 'failed', reason: /quota/i.test(name) || /quota/i.test(detail) ? 'quota' : 'unavailable', detail };
}

/**
 * Keeps imported data across visits (IndexedDB, this browser only); the map draws the
 * imported layers' colours from its style (MapPane). Always mounted with the app; does
 * nothing when embedded, so a partner page never shows a referent's local imports.
 *
 * No tab overwrites another: each change is an operation (src/store/import-history.ts)
 * applied to what is stored in the same IndexedDB transaction (the structures of a new
 * import are written before it, in parts, so that no step holds the page:
 * src/store/import-storage.ts), then the other tabs are told (BroadcastChannel, or a
 * `storage` event) and read the stored imports again. A failed
 * write leaves the change in the page (and pending, retried with the next change) and says so.
 */
export function ImportSync() {
  const store = useAppStore();
  const embedded = useApp((s) => s.embedded);
  const region = useApp((s) => s.data?.config.id ?? null);

  useEffect(() => {
    if (!region || embedded) return;
    return syncImports(store, region);
  }, [region, embedded, store]);

  return null;
}

/** Load, write and listen for one region; returns the teardown. */
function syncImports(store: AppStore, region: string): () => void {
  let closed = false;
  let writing = false;
  // Pending operations that failed to be written: retried when the page makes another change.
  let failedAt = -1;
  const tabId = Math.random().toString(36).slice(2);
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

  const reload = (external: boolean) =>
    readImportHistory(browserStore, region, store.getState().importEntries)
      .then((stored) => {
        if (!closed) store.getState().hydrateImports(region, stored, { external });
      })
      .catch((error: unknown) => {
        if (closed) return;
        store.getState().setImportSave(saveFailure(error));
        store.getState().hydrateImports(region, EMPTY_HISTORY);
      });

  const announce = () => {
    if (channel) channel.postMessage({ region, from: tabId });
    else {
      try {
        localStorage.setItem(pingKey(region), `${Date.now()}:${tabId}`);
      } catch {
        // No localStorage either: the other tabs see the change when they reload.
      }
    }
  };

  const flush = () => {
    const state = store.getState();
    const ops = state.importPending;
    if (closed || writing || state.importsLoadedFor !== region || ops.length === 0 || ops.length === failedAt) return;
    writing = true;
    state.setImportSave({ status: 'saving' });
    writeImportOps(browserStore, region, ops, state.importEntries)
      .then((written) => {
        failedAt = -1;
        if (!closed) store.getState().importsSaved(ops.length, written);
        announce();
      })
      .catch((error: unknown) => {
        failedAt = ops.length;
        if (!closed) store.getState().setImportSave(saveFailure(error));
      })
      .finally(() => {
        writing = false;
        // Changes made while writing.
        if (!closed) flush();
      });
  };

  const onMessage = (event: MessageEvent) => {
    const data = event.data as { region?: unknown; from?: unknown } | null;
    if (data?.region === region && data.from !== tabId) void reload(true);
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key === pingKey(region)) void reload(true);
  };
  channel?.addEventListener('message', onMessage);
  if (!channel) window.addEventListener('storage', onStorage);

  void reload(false).then(() => {
    flush();
    // An interrupted write's leftovers (see dropOrphanParts): space only, so a failure is ignored.
    if (!closed) void dropOrphanParts(browserStore, region).catch(() => undefined);
  });
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.importPending !== prev.importPending || s.importsLoadedFor !== prev.importsLoadedFor) flush();
  });

  return () => {
    closed = true;
    unsubscribe();
    channel?.removeEventListener('message', onMessage);
    channel?.close();
    window.removeEventListener('storage', onStorage);
  };
}
