import { useEffect } from 'react';
import {
  downloadCommuneList,
  downloadContours,
  loadRegionFirstView,
  loadRegionList,
  readCommuneList,
  withCommuneList,
  withContours,
  type RegionData,
} from '../data/load-region';
import type { AppState, AppStore } from '../store/app-store';

/** The region shown when the one asked for does not exist. */
export const DEFAULT_REGION = 'occitanie';
import { useApp, useAppStore } from '../store/react';
import { pageIdle } from './page-idle';
import { whenMapWorkerDownloaded } from '../map/map-controller';
import { scopeNamesPlace } from '../domain/embed-scope';

/**
 * Whether the first view cannot be drawn right without the commune list: a partner's
 * territory (its structures are those of its communes) or file (checked against them).
 */
function firstViewNeedsCommunes(state: AppState): boolean {
  return scopeNamesPlace(state.scope) || !!state.dataUrl;
}

/** How long the rest of the data waits for the map's first view at most (a tab in the background draws nothing). */
const FIRST_VIEW_WAIT_MS = 10_000;
/** How long the commune list waits for the map's worker script at most (a map that failed asks for none). */
const WORKER_WAIT_MS = 5_000;

/** Resolves once `flag` is true in the store, or after `timeoutMs`. */
function whenFlag(store: AppStore, flag: 'firstViewDrawn' | 'contoursWanted', timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (store.getState()[flag]) return resolve();
    const done = () => {
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = store.subscribe((s) => s[flag] && done());
    const timer = setTimeout(done, timeoutMs);
  });
}

/**
 * How long the contours wait at most for the map to draw the communes or for a panel to ask
 * for them (`AppState.contoursWanted`), once the commune list is in: offline use needs them
 * even if neither happens.
 */
const CONTOURS_WAIT_MS = 20_000;

/** How long a failed contours download waits before it is tried again, if the browser does not say it is back online first. */
const CONTOURS_RETRY_MS = 30_000;

/**
 * Downloads the contours, again after a failure once the browser is back online (or
 * CONTOURS_RETRY_MS later): the map and the list do not need them, so a failure is not the
 * page's load error but `contoursError`, which the panels that need them show. Null once
 * cancelled.
 */
async function contoursWithRetry(data: RegionData, store: AppStore, cancelled: () => boolean): Promise<Blob | null> {
  for (;;) {
    if (cancelled()) return null;
    try {
      const contours = await downloadContours(data);
      if (store.getState().contoursError) store.setState({ contoursError: null });
      return contours;
    } catch (error) {
      if (cancelled()) return null;
      store.setState({ contoursError: error instanceof Error ? error.message : String(error) });
      await new Promise<void>((resolve) => {
        const again = () => {
          clearTimeout(timer);
          window.removeEventListener('online', again);
          resolve();
        };
        const timer = setTimeout(again, CONTOURS_RETRY_MS);
        window.addEventListener('online', again);
      });
    }
  }
}

/**
 * Loads the current region's data into the store, and reports failures in words: the
 * first view (outline, départements, structures) at once, then the commune list
 * (downloaded during the first paint, parsed after it), then the contours the panels
 * compute with, once wanted.
 */
export function useRegionData(baseUrl?: string): void {
  const store = useAppStore();
  const regionId = useApp((s) => s.regionId);
  useEffect(() => {
    let cancelled = false;
    const completeWith = (complete: (current: NonNullable<AppState['data']>) => NonNullable<AppState['data']>) => {
      const current = store.getState().data;
      if (!cancelled && current?.config.id === regionId) store.getState().completeData(complete(current));
    };
    loadRegionFirstView(regionId, baseUrl, { withCommuneList: firstViewNeedsCommunes(store.getState()) })
      .then((loaded) => {
        if (cancelled) return;
        store.getState().setData(loaded.data, loaded.structures);
        // The list downloads once the map's worker script is in (sharing the connection with
        // it, it delayed the map's first view), and is parsed once the first view is drawn;
        // the contours come once wanted (the map draws the communes from tiles).
        const list = whenMapWorkerDownloaded(WORKER_WAIT_MS).then(() => ({ download: cancelled ? null : downloadCommuneList(loaded.data, baseUrl) }));
        // Parsing the list is a long task: it waits until the first view has been presented
        // and the page has answered what the visitor did meanwhile.
        return whenFlag(store, 'firstViewDrawn', FIRST_VIEW_WAIT_MS)
          .then(() => pageIdle())
          .then(async () => {
            const { download } = await list;
            if (download && !cancelled) {
              const communes = await readCommuneList(download);
              completeWith((d) => withCommuneList(d, communes));
            }
            await whenFlag(store, 'contoursWanted', CONTOURS_WAIT_MS);
            const contours = await contoursWithRetry(loaded.data, store, () => cancelled);
            if (contours) completeWith((d) => withContours(d, contours));
          })
          .catch((error: unknown) => {
            if (!cancelled) store.getState().setLoadError(error instanceof Error ? error.message : String(error));
          });
      })
      .catch(async (error: unknown) => {
        if (cancelled) return;
        // An unknown region (a mistyped link): the default one, with a message, rather than no map.
        if (regionId !== DEFAULT_REGION) {
          const known = await loadRegionList(baseUrl).catch(() => null);
          if (cancelled) return;
          if (known && !known.some((r) => r.id === regionId)) {
            store.setState({ regionId: DEFAULT_REGION, regionFallback: { asked: regionId, shown: DEFAULT_REGION } });
            return;
          }
        }
        store.getState().setLoadError(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
    };
  }, [regionId, baseUrl, store]);
}
