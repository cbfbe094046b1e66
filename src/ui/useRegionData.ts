import { useEffect } from 'react';
import { loadRegion, loadRegionList } from '../data/load-region';

/** The region shown when the one asked for does not exist. */
export const DEFAULT_REGION = 'occitanie';
import { useApp, useAppStore } from '../store/react';

/** Loads the current region's data into the store, and reports failures in words. */
export function useRegionData(baseUrl?: string): void {
  const store = useAppStore();
  const regionId = useApp((s) => s.regionId);
  useEffect(() => {
    let cancelled = false;
    loadRegion(regionId, baseUrl)
      .then((loaded) => {
        if (!cancelled) store.getState().setData(loaded.data, loaded.structures);
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
